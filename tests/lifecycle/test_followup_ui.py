"""pytest-qt: 记录回访 and 期满评估 from the to-do, and the 回访 tab of the person page."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from app.ops.visits import add_service, record_visit
from tests.conftest import TODAY
from tests.lifecycle.conftest import case_in
from tests.ui.test_records_support import ctx, type_text  # noqa: F401
from ui.dialogs.followup_dialog import EvaluationDialog, FollowupDialog
from ui.dialogs.workflow_dialog import WorkflowDialog
from ui.views.todo_view import TodoView

JOB = {"employer": "某物业公司", "post": "保洁员", "started_on": "2026-11-01"}


def _select(view: TodoView, kind: str, record_id: str) -> None:
    for g in range(view.tree.topLevelItemCount()):
        group = view.tree.topLevelItem(g)
        for r in range(group.childCount()):
            row = group.child(r)
            item = view.items[row.data(0, Qt.ItemDataRole.UserRole)]
            if item.kind == kind and item.record_id == record_id:
                view.tree.setCurrentItem(row)
                return
    raise AssertionError(f"{kind} {record_id} not in the to-do")


def _todo(qtbot, ctx) -> TodoView:  # noqa: F811
    view = TodoView(ctx, today_fn=lambda: TODAY)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.items != [], timeout=10000)
    return view


def test_record_followup_from_todo(qtbot, ctx, col) -> None:  # noqa: F811
    case = case_in(col, "helping")
    pid = case["person_id"]
    col.records.update("person", pid, {"employment_status": "unemployed"})
    visit = {"visited_on": "2026-11-02", "employment_status": "employed", "employment_intention": "已就业",
             "service_needs": ["暂无需求"]}
    record_visit(col, pid, visit, [], today=dt.date(2026, 11, 2), employment=JOB)
    first = min(col.records.children("followup", "person_id", pid), key=lambda f: f["due_on"])
    view = _todo(qtbot, ctx)
    _select(view, "followup", first["id"])
    assert view.act_btn.isEnabled()
    dlg = view.act_on_current()
    assert isinstance(dlg, FollowupDialog)
    dlg.contact_method.setCurrentIndex(dlg.contact_method.findData("phone"))
    dlg.contacted.setCurrentIndex(dlg.contacted.findData(True))
    dlg.still_employed.setCurrentIndex(dlg.still_employed.findData(True))
    assert not dlg.employment.isVisibleTo(dlg)  # the exit is already proposed: no job asked again
    type_text(dlg.help_given, "讲解稳岗政策")
    with qtbot.waitSignal(dlg.accepted, timeout=10000):
        qtbot.mouseClick(dlg.ok_btn, Qt.MouseButton.LeftButton)
    f = col.records.get("followup", first["id"])
    assert (f["done_on"], f["contact_method"], f["help_given"]) == (TODAY, "phone", "讲解稳岗政策")
    qtbot.waitUntil(lambda: first["id"] not in {i.record_id for i in view.items}, timeout=10000)


def test_evaluation_and_exit_signal_from_todo(qtbot, ctx, col) -> None:  # noqa: F811
    case = case_in(col, "helping")
    col.records.update("assistance_case", case["id"], {"valid_until": TODAY + dt.timedelta(days=10)})
    view = _todo(qtbot, ctx)
    _select(view, "evaluation", case["id"])
    dlg = view.act_on_current()
    assert isinstance(dlg, EvaluationDialog)
    dlg.contact_method.setCurrentIndex(dlg.contact_method.findData("home"))
    dlg.outcome.setCurrentIndex(dlg.outcome.findData("market_job"))
    assert set(dlg.evidence.edits) >= {"employer", "post", "started_on"}
    qtbot.mouseClick(dlg.ok_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "须填写" in dlg.error.text(), timeout=10000)
    dlg.outcome.setCurrentIndex(dlg.outcome.findData("extend"))
    with qtbot.waitSignal(dlg.accepted, timeout=10000):
        qtbot.mouseClick(dlg.ok_btn, Qt.MouseButton.LeftButton)
    assert col.records.get("assistance_case", case["id"])["valid_until"] > TODAY + dt.timedelta(days=10)
    qtbot.waitUntil(lambda: case["id"] not in {i.record_id for i in view.items if i.kind == "evaluation"},
                    timeout=10000)

    # Three refusals: the to-do offers the exit, prefilled with the refusals as evidence.
    other = case_in(col, "certified")
    for _ in range(3):
        add_service(col, other["person_id"], {"kind": "job_recommendation", "employer": "某厂", "post": "普工",
                                              "result": "无正当理由拒绝", "served_on": TODAY})  # since certification
    qtbot.waitUntil(lambda: other["id"] in {i.record_id for i in view.items if i.kind == "exit"}, timeout=10000)
    _select(view, "exit", other["id"])
    wf = view.act_on_current()
    assert isinstance(wf, WorkflowDialog)
    assert wf.exit_reason.currentData() == "refused_service" and len(wf.evidence.values()["refusals"]) == 3
    with qtbot.waitSignal(wf.applied, timeout=10000):
        qtbot.mouseClick(wf.ok_btn, Qt.MouseButton.LeftButton)
    assert col.records.get("assistance_case", other["id"])["stage"] == "exit_proposed"
