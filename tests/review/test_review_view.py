"""pytest-qt: the 审核 tab refuses a return without a comment, saves decisions and refreshes from changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app import ops
from app.queries import reviews
from tests.dashboard.fixture import TODAY, build
from ui.context import AppContext
from ui.views.review_view import ReviewView


@pytest.fixture
def view(qtbot, tmp_path):
    col, ids = build(tmp_path / "hand.db")
    ctx = AppContext(col)
    v = ReviewView(ctx, today=TODAY)
    qtbot.addWidget(v)
    v.show()  # a hidden view defers reloads until shown
    qtbot.waitUntil(lambda: v.model.rowCount() > 0 and v.current is not None, timeout=10000)
    yield v
    ctx.close()


def test_return_needs_a_comment_then_reaches_the_queue_records(qtbot, view):
    col = view.ctx.col
    before = view.model.rowCount()
    assert before == len(reviews.queue(col, TODAY))
    item = view.current
    qtbot.mouseClick(view.return_button, Qt.MouseButton.LeftButton)
    assert "必须填写审核意见" in view.error.text()
    view.ctx.wait_idle()
    assert col.counts()["review"] == 0

    view.comment.insertPlainText("请补充家庭成员就业状态")  # QTest.keyClicks is ASCII-only
    qtbot.mouseClick(view.return_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: col.counts()["review"] == 1, timeout=10000)
    qtbot.waitUntil(lambda: view.model.rowCount() == before - 1, timeout=10000)
    (rec,) = reviews.returned_for_worker(col)
    assert (rec["target_id"], rec["decision"], rec["comment"]) == (item.id, "returned", "请补充家庭成员就业状态")
    assert item.id not in {i.id for i in view.model.items}
    assert view.current is not None and view.current.id != item.id  # moved on to the next item


def test_approve_and_overdue_filter(qtbot, view):
    col = view.ctx.col
    item = view.current
    qtbot.mouseClick(view.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: col.counts()["review"] == 1, timeout=10000)
    qtbot.waitUntil(lambda: item.id not in {i.id for i in view.model.items}, timeout=10000)
    view.only_overdue.setChecked(True)
    shown = [view.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in range(view.proxy.rowCount())]
    assert shown and all(i.overdue for i in shown)
    assert len(shown) == sum(i.overdue for i in view.model.items)
    assert "待审核" in view.summary.text()


def test_hidden_view_reloads_when_shown(qtbot, view):
    col = view.ctx.col
    before = view.model.rowCount()
    view.hide()
    ops.reviews.approve(col, view.current.kind, view.current.id, today=TODAY)
    qtbot.wait(300)
    assert view.model.rowCount() == before  # not recounted while hidden
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == before - 1, timeout=10000)


def test_detail_and_open_person(qtbot, view):
    labels = [view.fields.itemAt(i, view.fields.ItemRole.LabelRole).widget().text()
              for i in range(view.fields.rowCount())]
    assert labels[0] == "人员："
    with qtbot.waitSignal(view.ctx.open_record) as sig:
        qtbot.mouseClick(view.person_button, Qt.MouseButton.LeftButton)
    assert sig.args == ["person", view.current.person_id]
