"""Item 5: the review queue is filtered by type, worker, community and overdue and searched by name; a returned
item opens on the 审核意见 tab and its card says which record was returned."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app import ops
from tests.dashboard.fixture import TODAY, build
from ui.context import AppContext
from ui.views.review_view import ITEM_ROLE, ReviewView


@pytest.fixture
def view(qtbot: Any, tmp_path: Path) -> Any:
    col, _ids = build(tmp_path / "hand.db")
    ctx = AppContext(col)
    v = ReviewView(ctx, today=TODAY)
    qtbot.addWidget(v)
    v.show()
    qtbot.waitUntil(lambda: v.model.rowCount() > 0 and v.current is not None, timeout=10000)
    yield v
    ctx.close()


def _shown(view: Any) -> list[Any]:
    return [view.proxy.index(r, 0).data(ITEM_ROLE) for r in range(view.proxy.rowCount())]


def _choose(combo: Any, value: str) -> None:
    i = combo.findData(value)
    assert i > 0, (value, [combo.itemData(k) for k in range(combo.count())])
    combo.setCurrentIndex(i)


def test_filters_and_name_search(qtbot: Any, view: Any) -> None:
    items = view.model.items
    kinds = {i.kind for i in items}
    assert view.kind_filter.count() == len(kinds) + 1  # 全部类型 and each kind the queue holds
    for kind in kinds:
        _choose(view.kind_filter, kind)
        assert {i.kind for i in _shown(view)} == {kind}
        assert len(_shown(view)) == sum(i.kind == kind for i in items)
    view.kind_filter.setCurrentIndex(0)
    assert len(_shown(view)) == len(items) and view.shown.text() == ""

    area = items[0].area_code
    _choose(view.area_filter, area)
    assert _shown(view) and all(i.area_code == area for i in _shown(view))
    assert f"/ {len(items)} 项" in view.shown.text()
    view.area_filter.setCurrentIndex(0)

    worker = next(i.worker for i in items if i.worker)
    _choose(view.worker_filter, worker)
    assert _shown(view) and all(i.worker == worker for i in _shown(view))
    view.worker_filter.setCurrentIndex(0)

    name = items[-1].person_name
    view.search.setText(name[1:])  # part of a name
    assert _shown(view) and all(name[1:] in i.person_name for i in _shown(view))
    view.search.setText("没有这个人")
    assert _shown(view) == []
    view.search.clear()
    view.only_overdue.setChecked(True)
    assert all(i.overdue for i in _shown(view))


def test_filters_survive_a_reload(qtbot: Any, view: Any) -> None:
    kind = view.model.items[0].kind
    _choose(view.kind_filter, kind)
    n = len(_shown(view))
    item = view.current
    qtbot.mouseClick(view.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: item.id not in {i.id for i in view.model.items}, timeout=10000)
    if any(i.kind == kind for i in view.model.items):
        assert view.kind_filter.currentData() == kind and {i.kind for i in _shown(view)} == {kind}
        assert len(_shown(view)) == n - (item.kind == kind)


def test_returned_item_opens_on_its_review_tab_naming_the_record(qtbot: Any, tmp_path: Path) -> None:
    from app.queries import reviews
    from app.queries.todo import todo
    from ui.app_window import MainWindow
    from ui.views.todo_view import TodoView

    col, _ids = build(tmp_path / "hand.db")
    item = next(i for i in reviews.queue(col, TODAY) if i.kind == "visit")
    ops.reviews.return_(col, item.kind, item.id, "请补充走访照片", today=TODAY)
    ctx = AppContext(col)
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    try:
        todo_view = w.view("todo")
        assert isinstance(todo_view, TodoView)
        [returned] = [i for i in todo(col, TODAY) if i.kind == "returned"]
        todo_view.open_item(returned)
        qtbot.waitUntil(lambda: w.on_record_page() and w.record_view is not None
                        and w.record_view.person_id == item.person_id, timeout=10000)
        page = w.record_view
        assert page.tabs.currentWidget() is page.sections["reviews"]
        visit = col.records.get("visit", item.id)
        when = (visit.get("visited_on") or visit.get("planned_on")).isoformat()
        section = page.sections["reviews"]
        from PySide6.QtWidgets import QLabel

        qtbot.waitUntil(lambda: any("退回的记录：走访记录" in lb.text() for lb in section.findChildren(QLabel)),
                        timeout=10000)
        assert any(when in lb.text() for lb in section.findChildren(QLabel) if "退回的记录" in lb.text())
    finally:
        w.detach()
        ctx.close()
