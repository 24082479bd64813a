"""The shell driven through its real widgets: create and unlock dialogs, main window, find, lock, QR scans."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app import settings
from tests.ui.conftest import PASSPHRASE, TODAY, people_view, unlock


def _person(col: Any, **where: Any) -> dict[str, Any]:
    """A demo person matching ``where`` (column = value), first by pinyin."""
    cond = " AND ".join(f"{k} = ?" for k in where) or "1"
    with col.records.reading() as conn:
        rid = conn.exec_driver_sql(f"SELECT id FROM person WHERE deleted = 0 AND {cond} ORDER BY name_pinyin",
                                   tuple(where.values())).scalar()
    return col.records.get("person", rid)


def _ids(view: Any) -> list[str]:
    return [view.model.id_at(r) for r in range(view.model.rowCount())]


# --- create and unlock -------------------------------------------------------------------------------
def test_create_dialog_refuses_weak_and_mismatched_passphrases(qtbot: Any, make_shell: Any,
                                                              tmp_path: Path) -> None:
    from ui.unlock import CreateDialog

    path = tmp_path / "new.db"
    shell = make_shell(path)
    dlg = shell.dialog
    assert isinstance(dlg, CreateDialog)
    dlg.display_name.setText("张丽")
    dlg.account.setText("zhangli")
    QTest.keyClicks(dlg.passphrase, "short")
    assert dlg.meter.bar.value() <= 1 and dlg.meter.reasons.isVisibleTo(dlg)
    dlg.confirm.setText("short")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert "密码太弱" in dlg.message.text() and not path.exists()

    dlg.passphrase.setText("Gaotie-2026-taiyuan")
    dlg.confirm.setText("Gaotie-2026-taiyuan!")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert "不一致" in dlg.message.text() and not path.exists()

    dlg.confirm.setText("Gaotie-2026-taiyuan")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.ctx is not None, timeout=10000)
    assert path.exists()
    assert shell.ctx.col.user["display_name"] == "张丽"
    assert shell.window.tabs.tabText(0) == "今日待办"


def test_wrong_passphrase_then_right_with_growing_delay(qtbot: Any, make_shell: Any, demo_store: Path) -> None:
    from ui.unlock import UnlockDialog

    shell = make_shell(demo_store, delays=(0, 1, 2, 4))
    dlg = shell.dialog
    assert isinstance(dlg, UnlockDialog)
    waits = []
    for attempt in range(1, 4):
        dlg.passphrase.setText("not-the-passphrase")
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda a=attempt: dlg.failures == a, timeout=10000)
        assert "密码不正确" in dlg.message.text() and f"第 {attempt} 次" in dlg.message.text()
        waits.append(dlg.remaining)
        if dlg.remaining:
            assert not dlg.ok_button.isEnabled() and "秒" in dlg.ok_button.text()
            dlg.submit()  # ignored while waiting
            assert dlg.failures == attempt
            dlg.finish_delay()
        assert dlg.ok_button.isEnabled()
    assert waits == [0, 1, 2]
    unlock(qtbot, shell)
    assert shell.ctx.col.path == demo_store


def test_foreign_file_is_reported_distinctly(qtbot: Any, make_shell: Any, tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "plain.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    shell = make_shell(path)
    dlg = shell.dialog
    dlg.passphrase.setText("whatever-passphrase")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dlg.message.text()) and not dlg.busy.isVisible(), timeout=10000)
    assert "未加密" in dlg.message.text() and dlg.failures == 0


# --- the main window ---------------------------------------------------------------------------------
def test_tabs_status_bar_and_roles(qtbot: Any, make_shell: Any, demo_store: Path) -> None:
    shell = make_shell(demo_store)
    unlock(qtbot, shell)
    w = shell.window
    titles = [w.tabs.tabText(i) for i in range(w.tabs.count())]
    assert titles == ["今日待办", "户与人员", "援助对象", "走访记录", "主动发现", "同步", "设置", "数据比对"]
    assert "张丽" in w.status_user.text() and demo_store.name in w.status_file.text()
    qtbot.waitUntil(lambda: "待上传" in w.status_pending.text(), timeout=5000)
    QTest.keyClick(w, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert w.current_key() == "people"
    shell.ctx.col.set_user({**shell.ctx.col.user, "role": "supervisor"})
    shell.lock()
    unlock(qtbot, shell)
    titles = [w.tabs.tabText(i) for i in range(w.tabs.count())]
    assert titles[-2:] == ["审核", "统计"]
    assert w.current_key() == "people"  # resumed


def test_search_by_pinyin_initials_and_id_digits(qtbot: Any, ctx: Any) -> None:
    from ui.views.people_view import PeopleView

    view = PeopleView(ctx, today=TODAY)
    qtbot.addWidget(view)
    qtbot.waitSignal(view.index_ready, timeout=10000) if view.index is None else None
    qtbot.waitUntil(lambda: view.index is not None, timeout=10000)
    total = view.model.rowCount()
    person = _person(ctx.col)
    QTest.keyClicks(view.search, person["name_initials"])
    ids = _ids(view)
    assert person["id"] in ids and len(ids) < total
    assert all(view.model.row_values(r)["name"] for r in range(len(ids)))
    view.search.clear()
    QTest.keyClicks(view.search, person["id_number"][-6:])
    assert person["id"] in _ids(view)
    view.search.setText(person["phone"][:7])
    assert person["id"] in _ids(view)
    view.search.setText(person["name"])
    assert _ids(view)[0] in {p["id"] for p in ctx.col.records.children("person", "household_id",
                                                                         person["household_id"])} | {person["id"]}
    assert view.model.row_values(0)["name"] == person["name"]  # exact name first


def test_sql_fallback_finds_before_the_index_is_ready(qtbot: Any, ctx: Any) -> None:
    from ui.views.people_view import PeopleView

    view = PeopleView(ctx, today=TODAY, build_index=False)
    qtbot.addWidget(view)
    person = _person(ctx.col)
    view.search.setText(person["name_initials"])
    view.refresh()
    assert person["id"] in _ids(view) and view.index is None


def test_filters_match_the_index_columns(qtbot: Any, ctx: Any) -> None:
    from ui.views.people_view import PeopleView

    view = PeopleView(ctx, today=TODAY)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.index is not None, timeout=10000)
    total = view.model.rowCount()
    view.community.setCurrentIndex(1)
    code = view.community.currentData()
    rows = [view.model.row_values(r) for r in range(view.model.rowCount())]
    assert 0 < len(rows) < total
    assert {r["community"] for r in rows} == {view.community.currentText()}
    with ctx.col.records.reading() as conn:
        expected = conn.exec_driver_sql("SELECT count(*) FROM person WHERE deleted = 0 AND area_code = ?",
                                        (code,)).scalar()
    assert len(rows) == expected
    view.reset_filters()
    view.stage.setCurrentIndex(view.stage.findData("helping"))
    assert view.model.rowCount() and all(view.model.row_values(r)["stage"] == "帮扶中"
                                         for r in range(view.model.rowCount()))
    view.incomplete.setChecked(True)
    assert all(view.model.row_values(r)["package_missing"] for r in range(view.model.rowCount()))
    view.reset_filters()
    view.due.setCurrentIndex(view.due.findData("overdue"))
    for r in range(view.model.rowCount()):
        rec = view.model.row_values(r)
        assert rec["overdue"] and rec["due_on"] < TODAY.isoformat()
    # the SQL fallback agrees with the index
    from app.queries.person_list import sql_search

    ids, n = sql_search(ctx.col.records, "", view.filters(), 10000, TODAY)
    assert set(ids) == set(_ids(view)) and n == view.model.rowCount()


def test_sorting_by_a_column(qtbot: Any, ctx: Any) -> None:
    from ui.views.people_view import PeopleView

    view = PeopleView(ctx, today=TODAY)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.index is not None, timeout=10000)
    view.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # 身份证号
    numbers = [view.model.row_values(r)["id_number"] for r in range(view.model.rowCount())]
    assert numbers == sorted(numbers, reverse=True)


def test_index_follows_changes(qtbot: Any, ctx: Any) -> None:
    from ui.views.people_view import PeopleView

    view = PeopleView(ctx, today=TODAY)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.index is not None, timeout=10000)
    person = _person(ctx.col)
    ctx.col.records.update("person", person["id"], {"name": "欧阳修文"})
    view.search.setText("oyxw")
    qtbot.waitUntil(lambda: person["id"] in _ids(view), timeout=5000)
    assert view.model.row_values(0)["name"] == "欧阳修文"


def test_open_record_and_back(qtbot: Any, make_shell: Any, demo_store: Path) -> None:
    shell = make_shell(demo_store)
    unlock(qtbot, shell)
    view = people_view(qtbot, shell)
    view.table.selectRow(0)
    view.table.setFocus()
    QTest.keyClick(view.table, Qt.Key.Key_Return)
    w = shell.window
    assert w.on_record_page() and w.record == ("person", view.model.id_at(0))
    QTest.keyClick(w, Qt.Key.Key_Escape)
    assert not w.on_record_page()


# --- locking -----------------------------------------------------------------------------------------
def test_ctrl_l_hides_everything_and_unlock_resumes(qtbot: Any, make_shell: Any, demo_store: Path) -> None:
    shell = make_shell(demo_store)
    unlock(qtbot, shell)
    w = shell.window
    view = people_view(qtbot, shell)
    model = view.model
    assert model.rowCount() > 0
    rid = model.id_at(0)
    view.open_row(0)
    assert w.on_record_page()
    QTest.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert shell.ctx is None
    assert model.rowCount() == 0 and w.record_view is None and not w.slots
    assert w.stack.currentIndex() == w.PAGE_LOCKED and not w.status_user.text()
    assert shell.dialog is not None and "已锁定" in shell.dialog.message.text()
    unlock(qtbot, shell)
    assert w.on_record_page() and w.record == ("person", rid)
    w.back()
    assert w.current_key() == "people"


def test_idle_auto_lock(qtbot: Any, make_shell: Any, demo_store: Path) -> None:
    shell = make_shell(demo_store, idle_check_ms=30)
    unlock(qtbot, shell)
    view = people_view(qtbot, shell, indexed=False)
    model = view.model
    shell.idle.limit_s = 0.2
    qtbot.waitUntil(lambda: shell.ctx is None, timeout=5000)
    assert model.rowCount() == 0 and shell.dialog is not None


def test_input_postpones_auto_lock(qtbot: Any, make_shell: Any, demo_store: Path) -> None:
    shell = make_shell(demo_store, idle_check_ms=20)
    unlock(qtbot, shell)
    shell.idle.limit_s = 0.4
    for _ in range(6):
        qtbot.wait(100)
        QTest.keyClick(shell.window, Qt.Key.Key_Shift)
    assert shell.ctx is not None


def test_settings_auto_lock_minutes_are_kept_in_the_store(qtbot: Any, make_shell: Any, demo_store: Path) -> None:
    shell = make_shell(demo_store)
    unlock(qtbot, shell)
    view = shell.window.show_tab("settings")
    view.auto_lock.setValue(3)
    shell.ctx.wait_idle()
    assert settings.AUTO_LOCK_MINUTES.get(shell.ctx.col) == 3
    assert shell.idle.limit_s == 180


def test_change_passphrase(qtbot: Any, ctx: Any) -> None:
    from ui.views.settings_view import SettingsView

    view = SettingsView(ctx)
    qtbot.addWidget(view)
    view.old.setText("wrong-old-passphrase")
    view.new.setText("Xin-mima-2026-jinzhong")
    view.confirm.setText("Xin-mima-2026-jinzhong")
    view.change_passphrase()
    qtbot.waitUntil(lambda: view.change_button.isEnabled(), timeout=10000)
    assert "原密码不正确" in view.message.text()
    view.old.setText(PASSPHRASE)
    view.change_passphrase()
    qtbot.waitUntil(lambda: "已更改" in view.message.text(), timeout=10000)
    from app.collection import Collection

    Collection.open(ctx.col.path, "Xin-mima-2026-jinzhong").close()


# --- scanned QR payloads -----------------------------------------------------------------------------
def test_scanned_payload_opens_the_record_and_warns_of_an_old_print(qtbot: Any, make_shell: Any,
                                                                    demo_store: Path) -> None:
    shell = make_shell(demo_store)
    unlock(qtbot, shell)
    view = people_view(qtbot, shell)
    person = _person(shell.ctx.col)
    QTest.keyClicks(view.search, f"OD1|person|{person['id']}|0")
    QTest.keyClick(view.search, Qt.Key.Key_Return)
    w = shell.window
    assert w.on_record_page() and w.record == ("person", person["id"])
    assert not w.notice.isVisible() and view.search.text() == ""
    w.back()
    view.search.setText(f"OD1|person|{person['id']}|7")
    QTest.keyClick(view.search, Qt.Key.Key_Return)
    assert w.on_record_page()
    assert w.notice.isVisible() and "打印时版本 7，当前版本 0" in w.notice.text()


def test_english_catalogue_is_compiled_and_loaded(qapp: Any) -> None:
    from PySide6.QtCore import QCoreApplication

    from ui import i18n

    try:
        assert i18n.install(qapp, "en") == "en"
        assert QCoreApplication.translate("MainWindow", "户与人员") == "Households && people"
        assert QCoreApplication.translate("UnlockDialog", "解锁") == "Unlock"
    finally:
        i18n.install(qapp, "zh_CN")
    assert QCoreApplication.translate("MainWindow", "户与人员") == "户与人员"
