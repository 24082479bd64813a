"""The 同步 tab and the conflict dialog, clicked for real: encrypted stores in tmp_path, a real reference platform
server on 127.0.0.1 (demo users, password demo1234), sync on the app's background pool."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app import settings
from app.collection import Collection
from app.stats import store_stats
from app.store.tables import meta
from sync.client import RetryPolicy, Transport
from sync.client.runs import run_sync

PASSPHRASE = "测试 pass'phrase\""
PASSWORD = "demo1234"
COMMUNITY = "140105001001"  # 坞城南路社区, zhangli's
OUTSIDE = "140105002001"  # 营盘东社区, liuqiang's: not zhangli's scope
WORKER = {"name": "zhangli", "display_name": "张丽", "role": "worker", "areas": ["140105001001", "140105001002"]}
FAST = {"timeout": (2.0, 10.0), "retry": RetryPolicy(attempts=3, base_delay=0.05, max_delay=0.2)}


# --- fixtures -----------------------------------------------------------------------------------------
@pytest.fixture
def server(tmp_path: Path) -> Iterator[Any]:
    from sync.server.testing import run_server_in_thread

    handle = run_server_in_thread(f"sqlite:///{tmp_path / 'platform.db'}", demo=True)
    yield handle
    handle.stop()


@pytest.fixture
def stores(tmp_path: Path) -> Iterator[Any]:
    made: list[Collection] = []

    def make(name: str) -> Collection:
        col = Collection.create(tmp_path / f"{name}.db", PASSPHRASE, user=WORKER)
        made.append(col)
        return col

    yield make
    for col in made:
        try:
            col.close()
        except Exception:  # noqa: BLE001 - closed by the test's context already
            pass


@pytest.fixture
def view_of(qtbot: Any, server: Any) -> Iterator[Any]:
    """A shown SyncView on an AppContext over ``col``, pointed at the test server with fast retries."""
    from tests.ui.test_records_support import load_cjk_font
    from ui.context import AppContext
    from ui.views.sync_view import SyncView

    load_cjk_font()
    contexts: list[AppContext] = []

    def make(col: Collection) -> SyncView:
        ctx = AppContext(col)
        contexts.append(ctx)
        view = SyncView(ctx)
        view.runner.transport_options = dict(FAST)
        qtbot.addWidget(view)
        view.resize(1340, 680)
        view.show()
        view.url_edit.setText(server.url)
        view.user_edit.setText("zhangli")
        settle(qtbot, view)
        return view

    yield make
    for ctx in contexts:
        ctx.wait_idle()
        ctx._unsubscribe()


# --- helpers ------------------------------------------------------------------------------------------
def settle(qtbot: Any, view: Any) -> None:
    """Wait until the view's background reload (and any queued one) has been shown."""
    qtbot.waitUntil(lambda: not view._loading and not view._reload_timer.isActive(), timeout=10000)


def add_households(col: Collection, n: int, persons: int = 2, area: str = COMMUNITY) -> list[str]:
    ids = []
    with col.records.transaction() as tx:
        for h in range(n):
            hh = tx.create("household", {"address": f"小店区坞城南路 {h + 1} 号", "zero_employment": False,
                                         "dibao": False, "note": "初始"}, area_code=area)
            ids.append(hh)
            for i in range(persons):
                tx.create("person", {
                    "household_id": hh, "name": f"测试{h}-{i}", "phone": f"1380000{i:04d}",
                    "relation": "户主" if i == 0 else "子女", "employment_status": "unemployed",
                    "registered_unemployed_on": dt.date(2025, 3, 1), "able_to_work": True,
                }, area_code=area)
    return ids


def click_sync(qtbot: Any, view: Any, password: str | None = PASSWORD, timeout: int = 30000) -> Any:
    if password is not None:
        view.password_edit.setText(password)
    with qtbot.waitSignal(view.runner.finished, timeout=timeout) as blocker:
        qtbot.mouseClick(view.sync_button, Qt.MouseButton.LeftButton)
    settle(qtbot, view)
    return blocker.args[0]


def server_stats(url: str) -> dict[str, Any]:
    t = Transport(url, username="admin", password=PASSWORD)
    try:
        return t.get_json("/stats", params={"area": COMMUNITY})["kinds"]
    finally:
        t.close()


def assert_converged(url: str, *cols: Collection) -> None:
    server = server_stats(url)
    for col in cols:
        assert col.records.pending_count() == 0
        with col.records.reading() as conn:
            mine = store_stats(conn)["kinds"]
        assert {k: mine[k] for k in server} == server


def meta_text(col: Collection) -> str:
    with col.records.reading() as conn:
        return json.dumps([r.value for r in conn.execute(select(meta))], ensure_ascii=False)


# --- tests --------------------------------------------------------------------------------------------
def test_sync_now_shows_progress_and_success(qtbot, server, stores, view_of) -> None:
    col = stores("a")
    add_households(col, 2)
    view = view_of(col)
    assert view.pending_label.text() == "待上传的修改：6 条"
    assert "尚未同步" in view.last_label.text()
    seen: list[tuple[str, bool]] = []
    view.runner.progress.connect(lambda stage, d, t: seen.append((stage, view.progress_bar.isVisible())))

    report = click_sync(qtbot, view)

    assert report.ok and report.pushed == 6
    assert {"login", "push", "pull"} <= {s for s, _ in seen}
    assert all(visible for s, visible in seen if s != "done")  # the bar is up while it runs
    assert not view.progress_bar.isVisible() and view.sync_button.isEnabled()
    assert view.pending_label.text() == "待上传的修改：0 条"
    assert "成功" in view.last_label.text() and "上传 6 条" in view.last_label.text()
    assert view.log_table.rowCount() == 1 and view.log_table.item(0, 2).text() == "成功"
    assert "同步完成" in view.message_label.text()
    assert_converged(server.url, col)

    # The password was never written; the saved token lets a new session sync without it.
    assert PASSWORD not in meta_text(col)
    log = settings.SYNC_LOG.get(col)
    assert len(log) == 1 and set(log[0]) >= {"at", "ok", "pushed", "pulled", "errors"}
    col.records.update("person", col.records.children("person", "household_id",
                                                      col.records.children("household", "note", "初始")[0]["id"])[0]
                       ["id"], {"phone": "13912345678"})
    fresh = view_of(col)
    assert fresh.runner.password is None and "已登录平台" in fresh.login_hint.text()
    report = click_sync(qtbot, fresh, password=None)
    assert report.ok and report.pushed == 1
    assert fresh.log_table.rowCount() == 2


def test_cancel_mid_sync_keeps_store_consistent_then_resumes(qtbot, server, stores, view_of) -> None:
    col = stores("a")
    add_households(col, 60)  # 180 ops, pushed 30 at a time
    view = view_of(col)
    reached, release = threading.Event(), threading.Event()
    batches = []

    def stall(point: str) -> None:  # the sync thread waits at the third batch's answer
        if point == "push:sent":
            batches.append(1)
            if len(batches) == 3:
                reached.set()
                release.wait(20)

    view.runner.client_options = {"push_batch": 30, "hook": stall}
    view.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(view.runner.finished, timeout=30000) as blocker:
        qtbot.mouseClick(view.sync_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(reached.is_set, timeout=15000)  # the GUI keeps processing events meanwhile
        assert view.progress_bar.isVisible() and view.stage_label.text().startswith("上传修改")
        assert not view.sync_button.isEnabled()
        qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
        assert "正在取消" in view.stage_label.text()
        release.set()
    settle(qtbot, view)
    report = blocker.args[0]
    assert report.cancelled and not report.errors
    # Consistent: the three answered batches are settled, the rest is still queued.
    assert report.pushed == 90 and col.records.pending_count() == 90
    assert "同步已取消" in view.message_label.text() and "已取消" in view.last_label.text()
    assert view.pending_label.text() == "待上传的修改：90 条"

    view.runner.client_options = {}
    report = click_sync(qtbot, view)
    assert report.ok and report.pushed == 90 and report.duplicate == 0
    assert_converged(server.url, col)


def test_conflict_listed_resolved_in_dialog_and_both_converge(qtbot, server, stores, view_of) -> None:
    from ui.dialogs.conflict_dialog import ConflictDialog

    a, b = stores("a"), stores("b")
    [hh] = add_households(a, 1)
    view = view_of(a)
    assert click_sync(qtbot, view).ok
    assert run_sync(b, server.url, "zhangli", PASSWORD, transport_options=FAST).ok
    # The same two fields changed on both laptops; b reaches the platform first.
    b.records.update("household", hh, {"note": "B 的备注", "address": "B 的地址"})
    assert run_sync(b, server.url, "zhangli", PASSWORD, transport_options=FAST).ok
    a.records.update("household", hh, {"note": "A 的备注", "address": "A 的地址", "dibao": True})

    report = click_sync(qtbot, view)
    assert report.ok and report.conflict == 1 and report.conflicts == 2
    assert "冲突" in view.message_label.text()
    assert view.tabs.currentIndex() == 0 and view.tabs.tabText(0) == "待处理冲突（2）".replace("2", "1")
    table = view.conflict_table
    assert table.rowCount() == 1
    assert table.item(0, 0).text() == "家庭" and table.item(0, 1).text() == "A 的地址"
    assert set(table.item(0, 2).text().split("、")) == {"备注", "住址"}

    rect = table.visualItemRect(table.item(0, 1))
    # A real double-click is press, release, then the double-click event (QTest's DClick alone is not enough).
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = view.dialog
    assert isinstance(dialog, ConflictDialog) and dialog.isVisible()
    assert set(dialog.choices) == {"note", "address"}
    local, platform = dialog.choices["note"]
    assert local.text() == "本机：A 的备注" and platform.text() == "平台：B 的备注"
    assert not dialog.apply_button.isEnabled()
    qtbot.mouseClick(platform, Qt.MouseButton.LeftButton)  # 平台 for the note
    assert "还有 1 个字段" in dialog.status.text()
    qtbot.mouseClick(dialog.choices["address"][0], Qt.MouseButton.LeftButton)  # 本机 for the address
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    settle(qtbot, view)

    assert view.conflict_table.rowCount() == 0 and view.tabs.tabText(0) == "待处理冲突（0）"
    rec = a.records.get("household", hh)
    assert (rec["note"], rec["address"], rec["conflict"]) == ("B 的备注", "A 的地址", False)
    assert click_sync(qtbot, view).ok
    assert run_sync(b, server.url, "zhangli", PASSWORD, transport_options=FAST).ok
    rec_b = b.records.get("household", hh)
    assert (rec_b["note"], rec_b["address"], rec_b["dibao"]) == ("B 的备注", "A 的地址", True)
    assert_converged(server.url, a, b)


def test_wrong_password_shows_chinese_error_and_keeps_changes(qtbot, server, stores, view_of) -> None:
    col = stores("a")
    add_households(col, 1)
    view = view_of(col)
    report = click_sync(qtbot, view, password="not-the-password")
    assert report.errors and not report.ok
    assert "同步失败" in view.message_label.text() and "密码不正确" in view.message_label.text()
    assert "失败" in view.last_label.text()
    assert view.log_table.item(0, 2).text() == "失败"
    assert col.records.pending_count() == 3 and view.pending_label.text() == "待上传的修改：3 条"
    # Nothing lost: the right password then sends everything.
    assert click_sync(qtbot, view).ok
    assert_converged(server.url, col)


def test_rejected_change_listed_with_reason_and_dismissed(qtbot, server, stores, view_of) -> None:
    col = stores("a")
    add_households(col, 1, persons=0, area=OUTSIDE)
    view = view_of(col)
    report = click_sync(qtbot, view)
    assert report.ok and report.rejected == 1
    t = view.rejected_table
    assert t.rowCount() == 1 and view.tabs.tabText(1) == "被拒绝的修改（1）"
    assert t.item(0, 0).text() == "家庭" and "住址" in t.item(0, 2).text()
    reason = t.item(0, 3).text()
    assert reason and any("\u4e00" <= ch <= "\u9fff" for ch in reason)
    assert not view.dismiss_button.isEnabled()
    view.tabs.setCurrentIndex(1)
    t.selectRow(0)
    assert view.dismiss_button.isEnabled()
    qtbot.mouseClick(view.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.rejected_table.rowCount() == 0, timeout=10000)
    assert view.tabs.tabText(1) == "被拒绝的修改（0）"


def test_background_sync_runs_when_platform_reachable(qtbot, server, stores, view_of) -> None:
    col = stores("a")
    add_households(col, 1)
    view = view_of(col)
    runner = view.runner
    # Unreachable platform: the check says so and nothing starts.
    runner.set_connection("http://127.0.0.1:9", "zhangli", PASSWORD)
    with qtbot.waitSignal(runner.health, timeout=10000) as blocker:
        runner.set_auto(True, 5)
        runner._apply_timer(interval_ms=100)
    assert blocker.args == [False] and not runner.busy
    assert "连不上" in view.online_label.text()
    runner.set_auto(False)
    # Reachable: the next tick syncs.
    runner.set_connection(server.url, "zhangli", PASSWORD)
    with qtbot.waitSignal(runner.finished, timeout=15000) as blocker:
        runner.set_auto(True, 5)
        runner._apply_timer(interval_ms=100)
    runner.set_auto(False)
    assert blocker.args[0].ok
    settle(qtbot, view)
    assert view.log_table.item(0, 1).text() == "自动" and col.records.pending_count() == 0
    assert settings.SYNC_AUTO.get(col) is False


def test_a_shorter_time_limit_is_announced_with_the_deadlines_it_moved(qtbot, server, stores, view_of) -> None:
    """A signed set shortening 社区初审 reaches the laptop by 同步; the banner names the case, the old and new
    dates and why, in Chinese (docs/RULES.md "规则变化时的办理时限")."""
    from app.rules import signing
    from sync.server.rules import publish, register_key
    from tests.sync.test_rules_limits import KEEP

    pem, public = signing.generate()
    register_key(server.app.state.engine, public)
    publish(server.app.state.engine, KEEP, pem, "admin")  # 7 → 5 working days from 2026-06-01
    col = stores("a")
    add_households(col, 1, persons=1)
    person = col.records.children("person", "relation", "户主")[0]
    with col.records.transaction() as tx:  # in 社区初审 since 2026-06-03, counted on the old 7 days
        tx.create("assistance_case", {"person_id": person["id"], "category": "long_term",
                                      "stage": "community_review", "stage_started_on": dt.date(2026, 6, 3),
                                      "due_on": dt.date(2026, 6, 12)}, area_code=COMMUNITY)
    view = view_of(col)
    notices: list[str] = []
    view.runner.ctx.notice.connect(notices.append)

    report = click_sync(qtbot, view)

    assert report.ok and report.rules == ["shanxi-limits@1"]
    assert notices == ["新的规则已生效，1 个办理时限已重新计算："
                       "测试0-0（社区初审）办理时限 2026-06-12 → 2026-06-10（社区初审时限调整为 5 个工作日）"]
