"""Follow-ups (跟踪回访) after employment and the evaluation before the policy expires: schedule, record."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from app.collection import Collection
from app.ops.exits import (
    check_proposal,
    employment_errors,
    employment_proposal,
    propose_in,
)
from app.ops.validation import ValidationError, parse_date, required_text
from app.queries.exits import EMPLOYED, employment_asked
from app.rules import workflow
from app.rules.followups import (
    contact_methods,
    evaluation_due,
    evaluation_outcomes,
    extended_until,
    schedule_after_employment,
)
from app.store.records import Tx
from app.store.tables import TABLES

EMPLOYMENT_KINDS = ("adaptation", "stabilization")


def schedule_employment_followups(tx: Tx, person_id: str, area_code: str, employed_on: dt.date) -> int:
    """Create the 适应期/稳定期 follow-ups for work started on ``employed_on``; returns how many.

    None when this employment already has its schedule (a follow-up due on or after the start day), so the
    visit that recorded the job and the approval of the exit never schedule twice.
    """
    f = TABLES["followup"]
    already = tx.conn.execute(select(f.c.id).where(
        f.c.person_id == person_id, f.c.deleted.is_(False), f.c.kind.in_(EMPLOYMENT_KINDS),
        f.c.due_on >= employed_on).limit(1)).first()
    if already:
        return 0
    plan = schedule_after_employment(employed_on)
    for p in plan:
        tx.create("followup", {"person_id": person_id, "kind": p.kind, "due_on": p.due_on, "note": p.label_zh},
                  area_code=area_code)
    return len(plan)


def validate_contact(values: dict[str, Any], today: dt.date) -> dict[str, str]:
    """Errors per field of a follow-up or evaluation contact (empty = valid)."""
    errors: dict[str, str] = {}
    if values.get("contact_method") not in contact_methods():
        errors["contact_method"] = "请选择联系方式"
    done = parse_date(values, "done_on", errors, "回访日期")
    if done and done > today:
        errors["done_on"] = "回访日期不能晚于今天"
    if not isinstance(values.get("contacted"), bool):
        errors["contacted"] = "请选择是否联系上本人"
    return errors


def record_followup(col: Collection, followup_id: str, values: dict[str, Any], *, today: dt.date,
                    employment: dict[str, Any] | None = None) -> bool:
    """记录回访: how the person was reached, whether still employed, difficulties and the help given.

    Reached: the follow-up is done (it leaves the to-do and counts as completed). Not reached: the attempt is
    kept in the record, which stays due — and overdue once its day has passed. Still employed while the person
    still has a certified case proposes the case's exit (needs ``employment``, as a visit does); no longer
    employed sets the person back to 失业. Returns whether the follow-up is now done.
    """
    rec = col.records.get("followup", followup_id)
    if rec is None or rec["deleted"]:
        raise ValidationError({"followup": "找不到该回访记录"})
    if rec.get("done_on"):
        raise ValidationError({"followup": "该回访已完成，无需重复记录"})
    errors = validate_contact(values, today)
    contacted, employed = values.get("contacted") is True, values.get("still_employed")
    if contacted and not isinstance(employed, bool):
        errors["still_employed"] = "请选择是否仍在岗"
    propose = contacted and employed is True and employment_asked(col, rec["person_id"], "employed")
    if propose:
        errors |= employment_errors(employment)
    if errors:
        raise ValidationError(errors)
    done_on = parse_date(values, "done_on", {}, "") or today
    method = contact_methods()[values["contact_method"]]
    note = required_text(values.get("note"))
    actor = col.actor_name  # the user is read outside the write transaction
    changes: dict[str, Any] = {"contact_method": values["contact_method"], "contacted": contacted, "by": actor}
    if contacted:
        changes |= {"done_on": done_on, "still_employed": employed, "note": note or rec.get("note") or "",
                    "difficulties": required_text(values.get("difficulties")),
                    "help_given": required_text(values.get("help_given"))}
    else:  # the attempt is kept; the follow-up stays due
        attempt = f"{done_on.isoformat()} {method}未联系上" + (f"：{note}" if note else "")
        changes["note"] = "；".join(x for x in (rec.get("note"), attempt) if x)
    person = col.records.get("person", rec["person_id"]) or {}
    proposal = employment_proposal(col, rec["person_id"], employment, today) if propose else None
    with col.records.transaction() as tx:
        tx.update("followup", followup_id, changes)
        if contacted and employed is False and person.get("employment_status") in EMPLOYED:
            tx.update("person", rec["person_id"], {"employment_status": "unemployed"})
        if proposal is not None:
            case, t, evidence = proposal
            propose_in(tx, case, t, evidence, actor=actor, today=today)
    return contacted


def record_evaluation(col: Collection, case_id: str, outcome: str, values: dict[str, Any], *, today: dt.date,
                      exit_reason: str | None = None, evidence: dict[str, Any] | None = None) -> str:
    """期满评估 of a certified case, ending in ``outcome`` (resources/rules/followups.toml):
    continue (继续帮扶), extend (validity extended), exit (proposes ``exit_reason`` with ``evidence``) or
    market_job (proposes the 已就业/创业 exit with the job as ``evidence``). Returns the evaluation record's id.
    """
    case = col.records.get("assistance_case", case_id)
    if case is None or case["deleted"] or case["stage"] not in workflow.certified_stages():
        raise ValidationError({"case": "该人员没有有效的认定，无需期满评估"})
    if case["stage"] in workflow.exit_pending_stages():
        raise ValidationError({"case": "该认定已提出退出，等待审核决定"})
    errors = validate_contact({**values, "contacted": True}, today)
    if outcome not in evaluation_outcomes():
        errors["outcome"] = "请选择评估结论"
    if not case.get("valid_until"):
        errors["case"] = "该认定没有有效期，无法评估"
    if errors:
        raise ValidationError(errors)
    proposal = None
    if outcome in ("exit", "market_job"):
        reason = "employed" if outcome == "market_job" else exit_reason
        if not reason:
            raise ValidationError({"exit_reason": "评估结论为退出时须选择退出原因"})
        proposal = check_proposal(col, case, reason, evidence or {}, today=today,
                                  note=f"期满评估：{evaluation_outcomes()[outcome]}")
    done_on = parse_date(values, "done_on", {}, "") or today
    valid_until, actor = case["valid_until"], col.actor_name
    with col.records.transaction() as tx:
        fid = tx.create("followup", {
            "person_id": case["person_id"], "kind": "evaluation", "due_on": evaluation_due(valid_until),
            "done_on": done_on, "by": actor, "contact_method": values["contact_method"],
            "contacted": True, "outcome": outcome, "note": required_text(values.get("note")),
            "difficulties": required_text(values.get("difficulties")),
            "help_given": required_text(values.get("help_given")),
        }, area_code=case["area_code"])
        if outcome == "extend":
            tx.update("assistance_case", case_id, {"valid_until": extended_until(valid_until)})
        if proposal is not None:
            t, ev = proposal
            propose_in(tx, case, t, ev, actor=actor, today=today)
    return fid
