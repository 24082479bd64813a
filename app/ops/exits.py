"""Exit (退出): a worker proposes an exit with its reason and evidence; a supervisor or office decides it.

The proposal moves the case to 退出待审 (``exit_proposed``) and remembers the stage it left; approval moves it to
已退出 with its history (every step is a ``case_step``), refusal puts it back where it was. Reasons, the evidence
each needs and who may act are data in ``resources/rules/workflow.toml``. Data matching (issue 12) calls
``propose_exit`` too, with its own ``actor``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.collection import Collection
from app.ops.validation import ValidationError, required_text
from app.queries.exits import proposable_case
from app.rules import workflow
from app.rules.due_dates import deadline_fields
from app.store.records import Tx

PROPOSE, APPROVE, REFUSE = "propose_exit", "approve_exit", "refuse_exit"



def _case(col: Collection, case_id: str) -> dict[str, Any]:
    case = col.records.get("assistance_case", case_id)
    if case is None or case["deleted"]:
        raise ValidationError({"case": "找不到该援助对象记录"})
    return case


def _clean(evidence: dict[str, Any]) -> dict[str, Any]:
    """Evidence as stored: text stripped, dates as ISO strings, empty values dropped."""
    out: dict[str, Any] = {}
    for key, value in evidence.items():
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, str):
            value = value.strip()
        if value not in (None, "", [], {}):
            out[str(key)] = value
    return out


def evidence_summary(reason: str, evidence: dict[str, Any]) -> str:
    """One line for the case history: the reason and its evidence in Chinese."""
    labels = workflow.evidence_fields()
    parts = []
    for key, value in evidence.items():
        if isinstance(value, list):
            value = f"{len(value)} 次"
        parts.append(f"{labels.get(key, key)}：{value}")
    name = workflow.exit_reason(reason).name_zh
    return f"{name}（{'，'.join(parts)}）" if parts else name


def check_proposal(col: Collection, case: dict[str, Any], reason: str, evidence: dict[str, Any], *,
                   today: dt.date, note: str = "") -> tuple[workflow.Transition, dict[str, Any]]:
    """Check a proposal without writing: the transition and the evidence as it will be stored.

    Raises ValidationError for missing or malformed evidence, WorkflowError for a stage, role or reason
    that does not allow it.
    """
    evidence = _clean(dict(evidence or {}))
    errors = workflow.evidence_errors(reason, evidence) if reason in {r.code for r in workflow.exit_reasons()} else {}
    if errors:
        raise ValidationError(errors)
    t = workflow.apply_action(case["stage"], PROPOSE, col.user.get("role", "worker"), today,
                              exit_reason=reason, note=required_text(note), evidence=evidence)
    return t, evidence


def propose_in(tx: Tx, case: dict[str, Any], t: workflow.Transition, evidence: dict[str, Any], *, actor: str,
               today: dt.date) -> None:
    """Write a checked proposal (``check_proposal``) inside the caller's transaction."""
    reason = t.exit_reason or ""
    history = evidence_summary(reason, evidence) + (f"。{t.note}" if t.note else "")
    tx.update("assistance_case", case["id"], {
        "stage": t.to_stage, "stage_started_on": today, **deadline_fields(today, t.due_on), "exit_reason": reason,
        "exit_note": t.note, "exit_evidence": evidence, "exit_from_stage": case["stage"],
        "exit_proposed_by": actor, "exit_proposed_on": today})
    tx.create("case_step", {"case_id": case["id"], "person_id": case["person_id"], "action": PROPOSE,
                            "from_stage": t.from_stage, "to_stage": t.to_stage, "by": actor,
                            "done_on": today, "due_on": t.due_on, "note": history},
              area_code=case["area_code"])


def propose_exit(col: Collection, case_id: str, reason: str, evidence: dict, *, actor: str, today: dt.date,
                 note: str = "") -> None:
    """Propose the exit of a certified or helped case for ``reason`` with its ``evidence``.

    Raises ValidationError for missing or malformed evidence, WorkflowError when the case's stage or the
    user's role does not allow it; nothing changes then.
    """
    case = _case(col, case_id)
    t, evidence = check_proposal(col, case, reason, evidence, today=today, note=note)
    with col.records.transaction() as tx:
        propose_in(tx, case, t, evidence, actor=actor, today=today)


def _proposal_step(col: Collection, case_id: str) -> dict[str, Any] | None:
    steps = [s for s in col.records.children("case_step", "case_id", case_id) if s.get("action") == PROPOSE]
    return max(steps, key=lambda s: (s.get("done_on") or dt.date.min, s.get("changed_at") or ""), default=None)


def decide_exit(col: Collection, case_id: str, approve: bool, *, actor: str, today: dt.date, note: str = "") -> None:
    """Approve (→ 已退出) or refuse (→ back to the stage it was proposed from, with a required note).

    An approved exit for employment schedules the follow-ups from the start date in its evidence, unless the
    visit that recorded the employment already did.
    """
    case = _case(col, case_id)
    note = required_text(note)
    t = workflow.apply_action(case["stage"], APPROVE if approve else REFUSE, col.user.get("role", "worker"),
                              today, note=note, previous_stage=case.get("exit_from_stage"))
    # Neither 已退出 nor the stage it goes back to has a limit today; the fields follow the transition anyway.
    changes: dict[str, Any] = {"stage": t.to_stage, "stage_started_on": today, **deadline_fields(today, t.due_on)}
    if approve:
        changes["exited_on"] = today
    else:
        changes.update(exit_reason=None, exit_note="", exit_evidence=None, exit_from_stage=None)
    proposal = _proposal_step(col, case_id)
    with col.records.transaction() as tx:
        tx.update("assistance_case", case_id, changes)
        if proposal is not None:  # the decision is the review of the proposal: it leaves the review queue
            verdict = "同意退出" if approve else "不同意退出"
            tx.create("review", {
                "target_kind": "case_step", "target_id": proposal["id"],
                "target_version": int(proposal.get("version") or 0), "person_id": case["person_id"],
                "decision": "approved" if approve else "returned",
                "comment": f"{verdict}：{note}" if note else verdict, "reviewer": actor, "decided_on": today,
            }, area_code=case["area_code"])
        tx.create("case_step", {"case_id": case_id, "person_id": case["person_id"], "action": t.action,
                                "from_stage": t.from_stage, "to_stage": t.to_stage, "by": actor,
                                "done_on": today, "due_on": t.due_on, "note": note},
                  area_code=case["area_code"])
        started = (case.get("exit_evidence") or {}).get("started_on")
        if approve and case.get("exit_reason") == "employed" and started:
            from app.ops.followups import schedule_employment_followups  # followups proposes exits too

            schedule_employment_followups(tx, case["person_id"], case["area_code"],
                                          dt.date.fromisoformat(str(started)[:10]))


def employment_errors(employment: dict[str, Any] | None) -> dict[str, str]:
    """The job found, checked as the evidence of an 已就业/创业 exit (one message, key ``employment``)."""
    errors = workflow.evidence_errors("employed", employment or {})
    return {"employment": "；".join(errors.values())} if errors else {}


def employment_proposal(col: Collection, person_id: str, employment: dict[str, Any] | None,
                         today: dt.date) -> tuple[dict[str, Any], workflow.Transition, dict[str, Any]] | None:
    """The exit this employment proposes (checked, not written), when the person has a case the user's role
    may propose an exit for."""
    case = proposable_case(col, person_id)
    role = col.user.get("role", "worker")
    if case is None or "propose_exit" not in {a.code for a in workflow.allowed_actions(case["stage"], role)}:
        return None
    t, evidence = check_proposal(col, case, "employed", employment or {}, today=today)
    return case, t, evidence
