"""Item 7: messages say what is true now — after a conflict is resolved, for a sync's own uploads, on the to-do's
route, when closing over unsaved work, and when the demo platform cannot start."""

from __future__ import annotations

import datetime as dt
import socket
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.conftest import TODAY, unlock
from tests.ui.test_sync_view import FAST, PASSWORD, add_households, click_sync


def _persons(col: Any, n: int) -> list[str]:
    with col.records.reading() as conn:
        return [r[0] for r in conn.exec_driver_sql(f"SELECT id FROM person WHERE deleted = 0 ORDER BY id LIMIT {n}")]


def test_resolving_the_last_conflict_rewrites_the_sync_message(qtbot: Any, server: Any, stores: Any,
                                                               view_of: Any) -> None:
    from sync.client.runs import run_sync

    a, b = stores("a"), stores("b")
    [hh] = add_households(a, 1)
    view = view_of(a)
    assert click_sync(qtbot, view).ok
    assert run_sync(b, server.url, "zhangli", PASSWORD, transport_options=FAST).ok
    b.records.update("household", hh, {"note": "B 的备注"})
    assert run_sync(b, server.url, "zhangli", PASSWORD, transport_options=FAST).ok
    a.records.update("household", hh, {"note": "A 的备注"})
    assert click_sync(qtbot, view).conflicts == 1
    assert "有 1 处冲突" in view.message_label.text()
    shown: list[str] = []
    view.ctx.status.connect(shown.append)
    dialog = view.open_conflict("household", hh)
    qtbot.mouseClick(dialog.choices["note"][1], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: "冲突已全部处理" in view.message_label.text(), timeout=10000)
    assert "有 1 处冲突" not in view.message_label.text()
    assert shown and "有 1 处冲突" not in shown[-1] and "冲突已全部处理" in shown[-1]


def test_a_sync_does_not_count_its_own_uploads_as_downloads(qtbot: Any, server: Any, stores: Any,
                                                            view_of: Any) -> None:
    a = stores("a")
    add_households(a, 2)  # 2 households, 4 persons
    view = view_of(a)
    report = click_sync(qtbot, view)
    assert report.ok and report.pushed == 6
    assert report.pulled == 0, "the platform's echo of our own push is not news"
    assert "上传 6 条修改，下载 0 条更新" in view.message_label.text()


def test_route_stop_numbers_on_the_todo_are_unique_and_match_the_route_sheet(col: Any) -> None:
    import re

    from app import ops
    from app.printing.api import route_visits
    from app.queries.todo import todo

    persons = _persons(col, 4)
    for pid in persons[:3]:
        ops.visits.plan_visit(col, pid, TODAY, route_order=1)  # the same stored order three times
    ops.visits.plan_visit(col, persons[3], TODAY - dt.timedelta(days=3), route_order=1)  # overdue
    items = [i for i in todo(col, TODAY) if i.kind == "visit"]
    today = [i for i in items if not i.overdue]
    stops = [int(m.group(1)) for i in today if (m := re.search(r"路线第 (\d+) 站", i.detail))]
    assert stops == list(range(1, len(today) + 1)), stops  # 1, 2, 3 … in list order, none twice
    assert all("路线第" not in i.detail for i in items if i.overdue)  # not on today's route
    with col.records.reading() as conn:
        sheet = [v["id"] for v in route_visits(conn, TODAY)]
    assert [i.record_id for i in today] == sheet  # the same order as the printed route sheet


def test_closing_with_unsent_changes_or_an_open_form_asks(qtbot: Any, make_shell: Any, demo_store: Path,
                                                          monkeypatch: Any) -> None:
    from ui.dialogs.help_plan_editor import HelpPlanEditor

    shell = make_shell(demo_store)
    unlock(qtbot, shell)
    w = shell.window
    col = shell.ctx.col
    assert col.records.pending_count() > 0
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def question(_parent: Any, _title: str, text: str, *_a: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    [pid] = _persons(col, 1)
    editor = HelpPlanEditor(shell.ctx, pid, w)
    editor.show()
    w.close()
    assert w.isVisible() and editor.isVisible()
    assert "没有上传到平台" in asked[-1] and editor.windowTitle() in asked[-1]
    answer[0] = QMessageBox.StandardButton.Yes
    w.close()
    assert not w.isVisible() and not editor.isVisible()


def _busy_port() -> tuple[socket.socket, int]:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen()
    return s, s.getsockname()[1]


def test_a_demo_platform_that_cannot_bind_its_port_says_so(qtbot: Any, make_shell: Any, demo_store: Path) -> None:
    sock, port = _busy_port()
    try:
        shell = make_shell(demo_store, demo=True, start_server=True, demo_port=port)
        assert shell.server_proc is None
        assert f"端口 {port} 已被占用" in shell.dialog.message.text() and shell.dialog.message.isVisibleTo(shell.dialog)
    finally:
        sock.close()


def test_a_demo_platform_that_dies_at_start_says_so(qtbot: Any, make_shell: Any, demo_store: Path,
                                                    monkeypatch: Any) -> None:
    from ui.main import Shell

    monkeypatch.setattr(Shell, "_server_cmd", lambda self: [sys.executable, "-c", "import sys; sys.exit(3)"])
    s, port = _busy_port()
    s.close()  # a free port
    shell = make_shell(demo_store, demo=True, start_server=True, demo_port=port)
    qtbot.waitUntil(lambda: "退出码 3" in shell.dialog.message.text(), timeout=10000)
    assert "platform.log" in shell.dialog.message.text()


def test_the_visit_list_numbers_each_days_stops_once(col: Any) -> None:
    from collections import Counter

    from app import ops
    from app.queries import visits as q

    for pid in _persons(col, 3):
        ops.visits.plan_visit(col, pid, TODAY + dt.timedelta(days=1), route_order=2)  # the same order thrice
    rows = [r for r in q.page(col, which=q.PLANNED, start=TODAY, end=TODAY + dt.timedelta(days=30), limit=1000)
            if r.planned and r.route_order is not None]
    per_day = Counter((r.on, r.route_order) for r in rows)
    assert rows and max(per_day.values()) == 1, per_day.most_common(3)
