"""Exit proposal and decision (the contract data matching calls): real SQLCipher store, demo data."""

from __future__ import annotations

import datetime as dt

import pytest

from app.ops import ValidationError
from app.ops.exits import decide_exit, propose_exit
from app.ops.visits import record_visit
from app.rules.workflow import WorkflowError, certified_stages, closed_stages, open_stages
from tests.conftest import TODAY
from tests.lifecycle.conftest import case_in, steps

JOB = {"employer": "太原市迎泽区某物业公司", "post": "保洁员", "started_on": "2026-11-20"}


def _as(col, role):
    col.set_user({**col.user, "role": role, "name": f"{role}1", "display_name": {"worker": "张丽"}.get(role, "王审核")})


def test_stage_groups_follow_the_action_table():
    assert closed_stages() == {"exited", "rejected"}
    assert "exit_proposed" in open_stages() and "exited" not in open_stages()
    assert certified_stages() == {"certified", "helping", "exit_proposed"}


def test_worker_proposes_supervisor_approves(col):
    case = case_in(col, "helping")
    before = len(col.records.children("followup", "person_id", case["person_id"]))
    propose_exit(col, case["id"], "employed", JOB, actor="张丽", today=TODAY, note="本人电话告知")
    c = col.records.get("assistance_case", case["id"])
    assert (c["stage"], c["exit_reason"], c["exit_from_stage"], c["exit_proposed_by"]) == (
        "exit_proposed", "employed", "helping", "张丽")
    assert c["exit_evidence"] == JOB and c["exited_on"] is None
    assert c["due_on"] == dt.date(2026, 12, 2)  # 5 working days to decide
    _as(col, "supervisor")
    decide_exit(col, case["id"], True, actor="王审核", today=TODAY + dt.timedelta(days=1))
    c = col.records.get("assistance_case", case["id"])
    assert (c["stage"], c["exited_on"], c["exit_reason"]) == ("exited", TODAY + dt.timedelta(days=1), "employed")
    history = [(s["action"], s["by"]) for s in steps(col, case["id"])][-2:]
    assert history == [("propose_exit", "张丽"), ("approve_exit", "王审核")]
    assert "保洁员" in steps(col, case["id"])[-2]["note"]
    # Employment approved: its follow-ups are scheduled from the start date.
    after = col.records.children("followup", "person_id", case["person_id"])
    assert len(after) - before == 7
    assert min(f["due_on"] for f in after if f["due_on"] >= dt.date(2026, 11, 20)) == dt.date(2026, 11, 27)


def test_refusal_returns_to_previous_stage(col):
    case = case_in(col, "certified")
    propose_exit(col, case["id"], "lost_contact", {"last_contact_on": dt.date(2026, 3, 1)}, actor="张丽", today=TODAY)
    _as(col, "supervisor")
    with pytest.raises(WorkflowError, match="须填写意见"):
        decide_exit(col, case["id"], False, actor="王审核", today=TODAY)
    decide_exit(col, case["id"], False, actor="王审核", today=TODAY, note="上月仍有电话联系")
    c = col.records.get("assistance_case", case["id"])
    assert (c["stage"], c["exit_reason"], c["exit_from_stage"]) == ("certified", None, None)


def test_bad_proposals_change_nothing(col):
    case = case_in(col, "helping")
    with pytest.raises(ValidationError, match="须填写岗位、入职/创业日期；或填写营业执照"):
        propose_exit(col, case["id"], "employed", {"employer": "某公司"}, actor="张丽", today=TODAY)
    with pytest.raises(ValidationError, match="不是有效日期"):
        propose_exit(col, case["id"], "employed", {"business_registration": "92140105MA0X", "started_on": "11月"},
                     actor="张丽", today=TODAY)
    with pytest.raises(WorkflowError, match="无效的退出原因"):
        propose_exit(col, case["id"], "bored", {}, actor="张丽", today=TODAY)
    with pytest.raises(WorkflowError, match="须填写说明"):
        propose_exit(col, case["id"], "other", {}, actor="张丽", today=TODAY)
    assert col.records.get("assistance_case", case["id"]) == case
    applied = case_in(col, "applied")
    with pytest.raises(WorkflowError, match="不能执行「提出退出」"):
        propose_exit(col, applied["id"], "other", {}, actor="张丽", today=TODAY, note="x")
    # A worker proposes; only a supervisor, office or admin decides.
    propose_exit(col, case["id"], "employed", {"business_registration": "92140105MA0X", "started_on": "2026-11-02"},
                 actor="张丽", today=TODAY)
    with pytest.raises(WorkflowError, match="无权"):
        decide_exit(col, case["id"], True, actor="张丽", today=TODAY)


def _visit(status: str = "employed", on: dt.date = TODAY) -> dict:
    return {"visited_on": on.isoformat(), "employment_status": status, "employment_intention": "有意愿，希望尽快就业",
            "service_needs": ["暂无需求"]}


def test_visit_recording_employment_proposes_exit_and_schedules_from_start(col):
    case = case_in(col, "helping")
    pid = case["person_id"]
    col.records.update("person", pid, {"employment_status": "unemployed"})
    with pytest.raises(ValidationError) as err:
        record_visit(col, pid, _visit(), [], today=TODAY)
    assert "就业单位、岗位、入职/创业日期" in err.value.errors["employment"]
    assert col.records.get("assistance_case", case["id"])["stage"] == "helping"
    record_visit(col, pid, _visit(), [], today=TODAY, employment=JOB)
    c = col.records.get("assistance_case", case["id"])
    assert (c["stage"], c["exit_reason"], c["exit_evidence"]["employer"]) == ("exit_proposed", "employed", JOB["employer"])
    person = col.records.get("person", pid)
    assert person["employed_on"] == dt.date(2026, 11, 20)
    first = min(f["due_on"] for f in col.records.children("followup", "person_id", pid) if f["kind"] == "adaptation")
    assert first == dt.date(2026, 11, 27)  # 7 days after the start, not after the visit


def test_reentry_rules():
    from app.rules.workflow import reentry_error

    exited = {"stage": "exited", "exited_on": dt.date(2026, 6, 1), "exit_reason": "employed"}
    assert reentry_error([], None) == ""
    assert "在办的认定（帮扶中）" in reentry_error([exited, {"stage": "helping"}], dt.date(2026, 7, 1))
    assert "须在退出后重新办理失业登记" in reentry_error([exited], dt.date(2026, 5, 1))
    assert "已就业/创业" in reentry_error([exited], None)
    assert reentry_error([exited, {"stage": "rejected"}], dt.date(2026, 7, 1)) == ""


def test_generic_workflow_step_leaves_exits_to_ops_exits(col):
    from app.ops.cases import workflow_action

    case = case_in(col, "helping")
    with pytest.raises(WorkflowError, match="退出办理"):
        workflow_action(col, case["id"], "propose_exit", today=TODAY, exit_reason="other", note="x")
    assert col.records.get("assistance_case", case["id"]) == case
