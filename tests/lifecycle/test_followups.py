"""Follow-ups, evaluations, services outside a visit and the exit signals, on a real demo store."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from app.ops import ValidationError
from app.ops.followups import record_evaluation, record_followup
from app.ops.visits import add_service, record_visit
from app.queries.exit_signals import exit_signals
from app.queries.todo import todo
from app.rules.followups import evaluation_due, extended_until
from tests.conftest import TODAY
from tests.lifecycle.conftest import case_in

JOB = {"employer": "太原市某物业公司", "post": "保洁员", "started_on": "2026-11-20"}
PHONE = {"contact_method": "phone", "contacted": True}


def _visit(status: str = "employed", on: dt.date = TODAY) -> dict:
    return {"visited_on": on.isoformat(), "employment_status": status, "employment_intention": "有意愿，希望尽快就业",
            "service_needs": ["暂无需求"]}


def _todo_ids(col, kind: str, today=TODAY) -> set[str]:
    return {i.record_id for i in todo(col, today) if i.kind == kind}


def test_followup_reached_completes_it_missed_stays_overdue(col):
    case = case_in(col, "helping")
    pid = case["person_id"]
    col.records.update("person", pid, {"employment_status": "unemployed"})
    record_visit(col, pid, _visit(on=dt.date(2026, 11, 2)), [], today=dt.date(2026, 11, 2), employment={**JOB, "started_on": "2026-11-01"})
    first, second = sorted(col.records.children("followup", "person_id", pid), key=lambda f: f["due_on"])[:2]
    assert first["due_on"] == dt.date(2026, 11, 8) and first["id"] in _todo_ids(col, "followup")
    with pytest.raises(ValidationError) as err:
        record_followup(col, first["id"], {"contacted": True}, today=TODAY)
    assert set(err.value.errors) == {"contact_method", "still_employed"}
    # Not reached: the attempt is kept, the follow-up stays overdue.
    assert record_followup(col, first["id"], {"contact_method": "phone", "contacted": False, "note": "关机"},
                           today=TODAY) is False
    f = col.records.get("followup", first["id"])
    assert f["done_on"] is None and "电话未联系上：关机" in f["note"] and first["id"] in _todo_ids(col, "followup")
    assert record_followup(col, first["id"], {**PHONE, "still_employed": True, "difficulties": "通勤远",
                                              "help_given": "介绍公交线路"}, today=TODAY) is True
    f = col.records.get("followup", first["id"])
    assert (f["done_on"], f["still_employed"], f["difficulties"]) == (TODAY, True, "通勤远")
    assert first["id"] not in _todo_ids(col, "followup")
    with pytest.raises(ValidationError, match="已完成"):
        record_followup(col, first["id"], {**PHONE, "still_employed": True}, today=TODAY)
    # Lost the job: the person is unemployed again.
    col.records.update("followup", second["id"], {"due_on": TODAY})
    record_followup(col, second["id"], {**PHONE, "still_employed": False}, today=TODAY)
    assert col.records.get("person", pid)["employment_status"] == "unemployed"


def _evaluation_case(col):
    case = case_in(col, "helping")
    col.records.update("assistance_case", case["id"], {"valid_until": TODAY + dt.timedelta(days=20)})
    assert case["id"] in _todo_ids(col, "evaluation")
    return col.records.get("assistance_case", case["id"])


@pytest.mark.parametrize("outcome", ["continue", "extend", "exit", "market_job"])
def test_evaluation_outcomes(col, outcome):
    case = _evaluation_case(col)
    extra = {"exit": {"exit_reason": "retired", "evidence": {"since_on": "2026-11-01"}},
             "market_job": {"evidence": JOB}}.get(outcome, {})
    fid = record_evaluation(col, case["id"], outcome, {"contact_method": "home", "note": "入户评估"}, today=TODAY,
                            **extra)
    ev = col.records.get("followup", fid)
    assert (ev["kind"], ev["outcome"], ev["done_on"]) == ("evaluation", outcome, TODAY)
    assert ev["due_on"] == evaluation_due(case["valid_until"])
    c = col.records.get("assistance_case", case["id"])
    assert case["id"] not in _todo_ids(col, "evaluation")
    expected = {"continue": ("helping", case["valid_until"], None),
                "extend": ("helping", extended_until(case["valid_until"]), None),
                "exit": ("exit_proposed", case["valid_until"], "retired"),
                "market_job": ("exit_proposed", case["valid_until"], "employed")}[outcome]
    assert (c["stage"], c["valid_until"], c["exit_reason"]) == expected
    if outcome == "extend":  # the next evaluation comes before the new expiry, not now
        later = extended_until(case["valid_until"]) - dt.timedelta(days=10)
        assert case["id"] in _todo_ids(col, "evaluation", later)


def test_evaluation_exit_needs_reason_and_evidence(col):
    case = _evaluation_case(col)
    with pytest.raises(ValidationError, match="须选择退出原因"):
        record_evaluation(col, case["id"], "exit", {"contact_method": "home"}, today=TODAY)
    with pytest.raises(ValidationError, match="就业单位"):
        record_evaluation(col, case["id"], "market_job", {"contact_method": "home"}, today=TODAY)
    with pytest.raises(ValidationError, match="评估结论"):
        record_evaluation(col, case["id"], "maybe", {"contact_method": "home"}, today=TODAY)
    assert col.records.get("assistance_case", case["id"]) == case


def test_refusal_counter_signals_exit_on_the_third(col):
    case = case_in(col, "helping")
    pid = case["person_id"]
    since = case.get("certified_on") or dt.date(2026, 1, 1)
    day = max(since, dt.date(2026, 10, 1))
    refused = {"kind": "career_guidance", "result": "无正当理由拒绝"}
    assert not [s for s in exit_signals(col, TODAY, pid) if s.reason == "refused_service"]
    for n in range(3):
        add_service(col, pid, {**refused, "served_on": day + dt.timedelta(days=n)})
        signals = [s for s in exit_signals(col, TODAY, pid) if s.reason == "refused_service"]
        assert bool(signals) == (n == 2)
    (signal,) = signals
    assert len(signal.evidence["refusals"]) == 3 and "3 次" in signal.detail
    assert signal.case_id == case["id"] and case["id"] in {i.record_id for i in todo(col, TODAY) if i.kind == "exit"}
    # A refusal with good reason does not count; one before certification does not either.
    add_service(col, pid, {**refused, "result": "有正当理由未接受", "served_on": day})
    assert len([s for s in exit_signals(col, TODAY, pid) if s.reason == "refused_service"][0].evidence["refusals"]) == 3


def test_lost_contact_six_months(col):
    case = case_in(col, "certified")
    pid = case["person_id"]
    with col.records.transaction() as tx:
        tx.conn.execute(text("UPDATE visit SET deleted = 1 WHERE person_id = :p"), {"p": pid})
        tx.conn.execute(text("UPDATE service SET deleted = 1 WHERE person_id = :p"), {"p": pid})
        tx.conn.execute(text("UPDATE followup SET deleted = 1 WHERE person_id = :p"), {"p": pid})
    col.records.update("assistance_case", case["id"], {"certified_on": dt.date(2026, 5, 24)})
    (lost,) = [s for s in exit_signals(col, TODAY, pid) if s.reason == "lost_contact"]
    assert lost.evidence == {"last_contact_on": "2026-05-24"}
    add_service(col, pid, {"kind": "policy_consultation", "served_on": dt.date(2026, 6, 1)})
    assert not [s for s in exit_signals(col, TODAY, pid) if s.reason == "lost_contact"]
