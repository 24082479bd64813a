"""pytest-qt: a worker proposes an exit with its evidence; the supervisor decides it in the review queue."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.queries import reviews
from tests.conftest import TODAY
from tests.lifecycle.conftest import case_in
from tests.ui.test_records_support import ctx, type_text  # noqa: F401
from ui.dialogs.workflow_dialog import WorkflowDialog
from ui.views.review_view import ReviewView


def test_worker_proposes_exit_supervisor_decides_in_review_queue(qtbot, ctx, col) -> None:  # noqa: F811
    case = case_in(col, "helping")
    dlg = WorkflowDialog(ctx, case["id"], action="propose_exit", today=TODAY)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.action.currentData() == "propose_exit" and dlg.error.text() == ""
    dlg.exit_reason.setCurrentIndex(dlg.exit_reason.findData("employed"))
    assert set(dlg.evidence.edits) == {"employer", "post", "started_on", "business_registration"}
    type_text(dlg.evidence.edits["employer"], "某物业公司")
    qtbot.mouseClick(dlg.ok_btn, Qt.MouseButton.LeftButton)
    assert "须填写岗位、入职/创业日期" in dlg.error.text()  # nothing written
    assert col.records.get("assistance_case", case["id"])["stage"] == "helping"
    type_text(dlg.evidence.edits["post"], "保洁员")
    type_text(dlg.evidence.edits["started_on"], "2026-11-20")
    with qtbot.waitSignal(dlg.applied, timeout=10000):
        qtbot.mouseClick(dlg.ok_btn, Qt.MouseButton.LeftButton)
    c = col.records.get("assistance_case", case["id"])
    assert (c["stage"], c["exit_evidence"]["post"], c["exit_proposed_by"]) == ("exit_proposed", "保洁员", "张丽")

    # The supervisor sees the proposal in the review queue, with 同意退出 / 不同意退出.
    col.set_user({**col.user, "name": "wangsh", "display_name": "王审核", "role": "supervisor", "areas": []})
    view = ReviewView(ctx, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10000)
    step = next(s for s in col.records.children("case_step", "case_id", case["id"]) if s["action"] == "propose_exit")
    assert view.select(step["id"])
    assert (view.approve_button.text(), view.return_button.text()) == ("同意退出", "不同意退出")
    qtbot.mouseClick(view.return_button, Qt.MouseButton.LeftButton)
    assert "不同意退出须填写意见" in view.error.text()
    qtbot.mouseClick(view.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: col.records.get("assistance_case", case["id"])["stage"] == "exited", timeout=10000)
    qtbot.waitUntil(lambda: step["id"] not in {i.id for i in view.model.items}, timeout=10000)
    assert step["id"] not in {i.id for i in reviews.queue(col, TODAY)}
    assert [r["reviewer"] for r in reviews.reviews_of(col, step["id"])] == ["王审核"]
