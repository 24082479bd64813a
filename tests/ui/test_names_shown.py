"""People by name on screen: on the street supervisor's laptop, the person page names the worker who made a
change 张丽 (from the platform's user directory, synced over real HTTP), never her login zhangli."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app import ops
from tests.sync.support import add_household, make_laptop, start_server
from ui.context import AppContext
from ui.views.person import PersonView

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def platform(tmp_path: Path) -> Iterator[Any]:
    handle = start_server(f"sqlite:///{tmp_path / 'platform.db'}")
    yield handle
    handle.stop()


def test_person_page_names_the_worker(qtbot, tmp_path: Path, platform) -> None:
    a = make_laptop(tmp_path, "a", platform.url, "zhangli")
    b = make_laptop(tmp_path, "b", platform.url, "wangjun")
    ctx = None
    try:
        _, (pid, _) = add_household(a.col)
        ops.visits.add_service(a.col, pid, {"kind": "policy_consultation", "served_on": TODAY})
        assert a.sync().ok and b.sync().ok
        ctx = AppContext(b.col)
        view = PersonView(ctx, today_fn=lambda: TODAY)
        qtbot.addWidget(view)
        view.show()
        with qtbot.waitSignal(view.refreshed, timeout=10000):
            view.show_record("person", pid)

        services = view.section("services")
        view.tabs.setCurrentWidget(services)
        qtbot.waitUntil(lambda: services.services.rowCount() == 1, timeout=5000)
        by = services.services.model().headerData  # the 服务人 column, found by its header
        column = next(c for c in range(services.services.columnCount())
                      if by(c, Qt.Orientation.Horizontal) == "服务人")
        assert services.services.item(0, column).text() == "张丽"

        history = view.section("history")
        view.tabs.setCurrentWidget(history)
        qtbot.waitUntil(lambda: history.history.topLevelItemCount() >= 2, timeout=5000)
        actors = {history.history.topLevelItem(i).text(1) for i in range(history.history.topLevelItemCount())}
        assert actors == {"张丽"}  # 操作人, not zhangli
    finally:
        if ctx is not None:
            ctx.wait_idle()
            ctx._unsubscribe()
        a.col.close()
        b.col.close()
