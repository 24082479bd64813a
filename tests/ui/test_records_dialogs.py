"""Help plan editor and workflow dialog driven through their widgets."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from app import ops
from app.collection import Collection
from app.rules import workflow
from app.rules.workdays import add_workdays
from app.store.tables import TABLES
from tests.ui.test_records_support import TODAY, ctx, snapshot, type_text, unemployed_person  # noqa: F401
from ui.dialogs.help_plan_editor import HelpPlanEditor
from ui.dialogs.workflow_dialog import WorkflowDialog


def _case_in(col: Collection, stage: str) -> dict | None:
    c = TABLES["assistance_case"]
    with col.records.reading() as conn:
        cid = conn.execute(select(c.c.id).where(c.c.stage == stage, c.c.deleted.is_(False)).limit(1)).scalar()
    return col.records.get("assistance_case", cid) if cid else None


def test_help_plan_save_and_validation(qtbot, ctx, col) -> None:  # noqa: F811
    person = unemployed_person(col)
    for p in col.records.children("help_plan", "person_id", person["id"]):
        col.records.delete("help_plan", p["id"])
    dlg = HelpPlanEditor(ctx, person["id"])
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.mouseClick(dlg.add_btn, Qt.MouseButton.LeftButton)
    dlg.measures.item(0, 2).setText("2026/12/31")  # wrong format, and no text
    before = snapshot(col)
    qtbot.mouseClick(dlg.save_btn, Qt.MouseButton.LeftButton)
    ctx.wait_idle()
    assert dlg.errors["difficulty_type"].text() == "请选择或填写困难类型"
    assert dlg.errors["difficulty_degree"].text() == "请选择困难程度"
    assert dlg.errors["measures"].text() == "第 1 项措施：请填写措施内容"
    dlg.measures.item(0, 0).setText("推荐社区保洁岗位")
    assert "目标日期格式不正确" in dlg.errors["measures"].text()  # live re-validation
    assert snapshot(col) == before

    dlg.difficulty_type.setCurrentText("年龄偏大")
    dlg.difficulty_degree.setCurrentIndex(dlg.difficulty_degree.findData("较重"))
    type_text(dlg.text["strengths"], "做事踏实")
    type_text(dlg.text["barriers"], "无技能证书")
    dlg.measures.item(0, 2).setText("2026-12-31")
    qtbot.mouseClick(dlg.add_btn, Qt.MouseButton.LeftButton)
    dlg.measures.item(1, 0).setText("报名家政培训")
    dlg.measures.item(1, 3).setCheckState(Qt.CheckState.Checked)
    type_text(dlg.text["progress"], "已推荐两次")
    with qtbot.waitSignal(dlg.saved, timeout=10000) as sig:
        qtbot.mouseClick(dlg.save_btn, Qt.MouseButton.LeftButton)
    plan = col.records.get("help_plan", sig.args[0])
    assert plan["person_id"] == person["id"] and plan["difficulty_degree"] == "较重"
    assert plan["strengths"] == "做事踏实" and plan["progress"] == "已推荐两次"
    assert plan["measures"] == [
        {"text": "推荐社区保洁岗位", "owner": "张丽", "target_on": "2026-12-31", "done": False},
        {"text": "报名家政培训", "owner": "张丽", "target_on": None, "done": True},
    ]
    # editing again updates the same plan (one per person)
    again = HelpPlanEditor(ctx, person["id"])
    qtbot.addWidget(again)
    assert again.measures.rowCount() == 2 and again.difficulty_type.currentText() == "年龄偏大"
    again.text["progress"].setPlainText("已上岗")
    with qtbot.waitSignal(again.saved, timeout=10000) as sig2:
        qtbot.mouseClick(again.save_btn, Qt.MouseButton.LeftButton)
    assert sig2.args[0] == plan["id"]
    assert col.records.get("help_plan", plan["id"])["progress"] == "已上岗"


def test_workflow_allowed_for_worker_with_deadline(qtbot, ctx, col) -> None:  # noqa: F811
    case = _case_in(col, "community_review")
    dlg = WorkflowDialog(ctx, case["id"], today=TODAY)
    qtbot.addWidget(dlg)
    codes = [dlg.action.itemData(i) for i in range(dlg.action.count())]
    assert codes == [a.code for a in workflow.allowed_actions("community_review", "worker")]
    dlg.action.setCurrentIndex(codes.index("pass_community"))
    assert dlg.preview.text() == "进入「公示」，不少于 7 个工作日（2026-12-04 起可结束）"
    assert (
        "已超期" in dlg.stage_label.text()
        or "剩余" in dlg.stage_label.text()
        or "今天" in dlg.stage_label.text()
    )
    # a step that needs a note says so when tried, and changes nothing
    dlg.action.setCurrentIndex(codes.index("return"))
    before = snapshot(col)
    qtbot.mouseClick(dlg.ok_btn, Qt.MouseButton.LeftButton)
    ctx.wait_idle()
    assert dlg.error.text() == "「退回补正」须填写意见" and snapshot(col) == before
    dlg.action.setCurrentIndex(codes.index("pass_community"))
    with qtbot.waitSignal(dlg.applied, timeout=10000) as sig:
        qtbot.mouseClick(dlg.ok_btn, Qt.MouseButton.LeftButton)
    t = sig.args[0]
    assert t.to_stage == "publicity" and t.earliest_next_on == dt.date(2026, 12, 4)
    after = col.records.get("assistance_case", case["id"])
    assert after["stage"] == "publicity" and after["stage_started_on"] == TODAY
    steps = [
        s for s in col.records.children("case_step", "case_id", case["id"]) if s["action"] == "pass_community"
    ]
    assert steps and steps[0]["by"] == col.user["display_name"]  # a name, not the login


def test_workflow_denied_by_role_and_publicity_minimum(qtbot, ctx, col) -> None:  # noqa: F811
    case = _case_in(col, "county_confirm")
    if case is None:  # the demo office may have nobody waiting for the county: 经办人员 sends one on first
        case, worker = _case_in(col, "street_review"), col.user
        col.set_user({**worker, "role": "office"})
        ops.cases.workflow_action(col, case["id"], "pass_street", today=TODAY)
        col.set_user(worker)
        case = col.records.get("assistance_case", case["id"])
    assert case["stage"] == "county_confirm"
    dlg = WorkflowDialog(ctx, case["id"], action="certify", today=TODAY)
    qtbot.addWidget(dlg)
    assert (
        dlg.error.isVisibleTo(dlg)
        and dlg.error.text() == "社区就业专干无权在「县人社审核确认」环节执行「审核确认（认定）」"
    )
    assert not dlg.ok_btn.isEnabled()
    # a supervisor may certify; the certification's validity is set
    col.set_user({**col.user, "role": "supervisor"})
    sup = WorkflowDialog(ctx, case["id"], action="certify", today=TODAY)
    qtbot.addWidget(sup)
    assert sup.ok_btn.isEnabled() and sup.error.text() == ""
    assert sup.preview.text() == "进入「已认定」，无办理时限"
    with qtbot.waitSignal(sup.applied, timeout=10000):
        qtbot.mouseClick(sup.ok_btn, Qt.MouseButton.LeftButton)
    certified = col.records.get("assistance_case", case["id"])
    assert certified["stage"] == "certified" and certified["valid_until"] == dt.date(2029, 11, 24)
    # exit: reason list from the rules; "其他" needs a note
    col.set_user({**col.user, "role": "office"})
    ex = WorkflowDialog(ctx, case["id"], action="exit", today=TODAY)
    qtbot.addWidget(ex)
    assert [ex.exit_reason.itemData(i) for i in range(1, ex.exit_reason.count())] == [
        r.code for r in workflow.exit_reasons()
    ]
    ex.exit_reason.setCurrentIndex(ex.exit_reason.findData("other"))
    assert ex.note_label.text() == "意见/说明 *"
    qtbot.mouseClick(ex.ok_btn, Qt.MouseButton.LeftButton)
    assert ex.error.text() == "退出原因「其他（需说明）」须填写说明"
    type_text(ex.note, "本人迁往外省")
    with qtbot.waitSignal(ex.applied, timeout=10000):
        qtbot.mouseClick(ex.ok_btn, Qt.MouseButton.LeftButton)
    exited = col.records.get("assistance_case", case["id"])
    assert (exited["stage"], exited["exit_reason"], exited["exit_note"]) == (
        "exited",
        "other",
        "本人迁往外省",
    )
    # 公示 cannot end before its minimum: the dialog says from when it may
    col.set_user({**col.user, "role": "worker"})
    pub = _case_in(col, "publicity")
    col.records.update("assistance_case", pub["id"], {"stage_started_on": TODAY - dt.timedelta(days=2)})
    dlg2 = WorkflowDialog(ctx, pub["id"], action="end_publicity", today=TODAY)
    qtbot.addWidget(dlg2)
    earliest = add_workdays(TODAY - dt.timedelta(days=2), 7)
    assert f"{earliest.isoformat()} 起可结束" in dlg2.error.text() and not dlg2.ok_btn.isEnabled()
    assert dlg2.result() != QDialog.DialogCode.Accepted
