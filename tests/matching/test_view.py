"""The 数据比对 tab clicked with pytest-qt over a real encrypted store: import with a column-mapping step,
confirm and dismiss hits, accept and refuse pushed applications, correct an anomaly; the to-do list opens a
pushed application on this tab instead of an empty person page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from tests.matching.conftest import COMMUNITY, REGISTERED, TODAY, open_view, si_rows, write_csv

ROLE = Qt.ItemDataRole.UserRole


@pytest.fixture
def view(store, qtbot):  # noqa: ANN001, ANN201
    col, ids = store
    for w in open_view(col, qtbot, "待确认比对"):
        w.ids = ids
        yield w


def _ok(qtbot, dlg) -> None:  # noqa: ANN001
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _select(table, match) -> None:  # noqa: ANN001
    for i in range(table.rowCount()):
        if match(table.item(i, 0).data(ROLE)):
            table.setCurrentCell(i, 0)
            return
    raise AssertionError("no such row")


def test_import_with_mapping_then_confirm_and_dismiss(view, qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    col = view.ctx.col
    odd = write_csv(tmp_path / "odd.csv", [[r[2], r[3], r[6]] for r in si_rows()], header=["证件号", "工作单位", "起保"])
    dialogs = []
    monkeypatch.setattr(view, "_import_failed", lambda e, p, s: dialogs.append(type(view)._import_failed(view, e, p, s)))
    view.import_file(str(odd), "social_insurance")
    qtbot.waitUntil(lambda: bool(dialogs), timeout=10000)
    dlg = dialogs[0]
    for field, label in (("id_number", "证件号"), ("employer", "工作单位"), ("started_on", "起保")):
        dlg.combos[field].setCurrentIndex(dlg.combos[field].findData(label))
    _ok(qtbot, dlg)
    qtbot.waitUntil(lambda: view.hit_table.rowCount() == 2, timeout=10000)
    assert "2 条新结果" in view.status.text()
    assert {view.hit_table.item(i, 0).text() for i in range(2)} == {"王登记", "李帮扶"}

    _select(view.hit_table, lambda h: h["person_id"] == view.ids["helping"])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.confirm()
    qtbot.waitUntil(lambda: view.hit_table.rowCount() == 1, timeout=10000)
    assert col.records.get("person", view.ids["helping"])["employment_status"] == "employed"

    view.hit_table.setCurrentCell(0, 0)
    dlg = view.dismiss()
    dlg.reason.setCurrentIndex(dlg.reason.findData("short_term"))
    _ok(qtbot, dlg)
    qtbot.waitUntil(lambda: view.hit_table.rowCount() == 0, timeout=10000)
    assert view.status.text() == "已排除"


def test_queue_accept_refuse_contact_and_anomaly(view, qtbot) -> None:  # noqa: ANN001
    col = view.ctx.col
    late = col.records.create("registration_application", {"application_no": "SQ-LATE", "person_name": "孙某",
                                                           "received_on": dt.date(2026, 11, 16), "status": "pending"},
                              area_code=COMMUNITY)
    mine = col.records.create("registration_application", {"application_no": "SQ-MINE", "person_name": "王登记",
                                                           "id_number": REGISTERED, "received_on": TODAY,
                                                           "status": "pending"}, area_code=COMMUNITY)
    anomaly = col.records.create("match_anomaly", {"anomaly_no": "YC1", "problem": "重复登记", "status": "open"},
                                 area_code=COMMUNITY)
    qtbot.waitUntil(lambda: view.queue_table.rowCount() == 2 and view.anomaly_table.rowCount() == 1, timeout=10000)
    assert view.queue_table.item(0, 0).text() == "SQ-LATE"  # overdue first, in red
    assert view.queue_table.item(0, 0).foreground().color().name() == "#c62828"
    assert "超期 1 件" in view.summary.text()

    _select(view.queue_table, lambda i: i.id == mine)
    view.accept()
    qtbot.waitUntil(lambda: any(i.phase == "contact" for i in view.queue), timeout=10000)
    assert col.records.get("registration_application", mine)["person_id"] == view.ids["registered"]
    _select(view.queue_table, lambda i: i.id == mine)
    view.contacted()
    qtbot.waitUntil(lambda: [i.id for i in view.queue] == [late], timeout=10000)

    view.queue_table.setCurrentCell(0, 0)
    dlg = view.refuse()
    dlg.reason.setCurrentIndex(dlg.reason.findData("other"))
    _ok(qtbot, dlg)  # 其他 without a note: refused with a message, nothing changed
    qtbot.waitUntil(lambda: "须填写说明" in view.status.text(), timeout=10000)
    dlg = view.refuse()
    dlg.reason.setCurrentIndex(dlg.reason.findData("not_in_area"))
    _ok(qtbot, dlg)
    qtbot.waitUntil(lambda: view.queue_table.rowCount() == 0, timeout=10000)

    view.anomaly_table.setCurrentCell(0, 0)
    dlg = view.correct()
    dlg.reason.setCurrentIndex(dlg.reason.findData("duplicate"))
    dlg.correction.setPlainText("已合并重复记录")
    _ok(qtbot, dlg)
    qtbot.waitUntil(lambda: view.anomaly_table.rowCount() == 0, timeout=10000)
    assert col.records.get("match_anomaly", anomaly)["correction"] == "已合并重复记录"


def test_todo_opens_a_pushed_application_on_the_matching_tab(store, qtbot) -> None:  # noqa: ANN001
    from ui.app_window import MainWindow
    from ui.context import AppContext

    col, _ = store
    app_id = col.records.create("registration_application", {"application_no": "SQ-X", "person_name": "无此人",
                                                             "received_on": TODAY, "status": "pending"},
                                area_code=COMMUNITY)
    ctx = AppContext(col)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    try:
        ctx.open_record.emit("registration_application", app_id)
        assert win.current_key() == "matching" and not win.on_record_page()
        view = win.view("matching")
        qtbot.waitUntil(lambda: view.queue_table.currentRow() == 0, timeout=10000)
        assert view.queue_table.item(0, 0).text() == "SQ-X"
    finally:
        win.close()  # while its context is still open: nothing of this window outlives the test
        ctx.wait_idle()
        ctx._unsubscribe()
