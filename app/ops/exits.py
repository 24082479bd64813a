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
from app.ops.followups import schedule_employment_followups
from app.ops.validation import ValidationError, required_text
from app.rules import workflow

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


def propose_exit(col: Collection, case_id: str, reason: str, evidence: dict, *, actor: str, today: dt.date,
                 note: str = "") -> None:
    """Propose the exit of a certified or helped case for ``reason`` with its ``evidence``.

    Raises ValidationError for missing or malformed evidence, WorkflowError when the case's stage or the
    user's role does not allow it; nothing changes then.
    """
    case = _case(col, case_id)
    evidence = _clean(dict(evidence or {}))
    errors = workflow.evidence_errors(reason, evidence) if reason in {r.code for r in workflow.exit_reasons()} else {}
    if errors:
        raise ValidationError(errors)
    note = required_text(note)
    t = workflow.apply_action(case["stage"], PROPOSE, col.user.get("role", "worker"), today,
                              exit_reason=reason, note=note, evidence=evidence)
    history = evidence_summary(reason, evidence) + (f"。{note}" if note else "")
    with col.records.transaction() as tx:
        tx.update("assistance_case", case_id, {
            "stage": t.to_stage, "stage_started_on": today, "due_on": t.due_on, "exit_reason": reason,
            "exit_note": note, "exit_evidence": evidence, "exit_from_stage": case["stage"],
            "exit_proposed_by": actor, "exit_proposed_on": today})
        tx.create("case_step", {"case_id": case_id, "person_id": case["person_id"], "action": PROPOSE,
                                "from_stage": t.from_stage, "to_stage": t.to_stage, "by": actor,
                                "done_on": today, "due_on": t.due_on, "note": history},
                  area_code=case["area_code"])


def decide_exit(col: Collection, case_id: str, approve: bool, *, actor: str, today: dt.date, note: str = "") -> None:
    """Approve (→ 已退出) or refuse (→ back to the stage it was proposed from, with a required note).

    An approved exit for employment schedules the follow-ups from the start date in its evidence, unless the
    visit that recorded the employment already did.
    """
    case = _case(col, case_id)
    note = required_text(note)
    t = workflow.apply_action(case["stage"], APPROVE if approve else REFUSE, col.user.get("role", "worker"),
                              today, note=note, previous_stage=case.get("exit_from_stage"))
    if approve:
        changes: dict[str, Any] = {"stage": t.to_stage, "stage_started_on": today, "due_on": None,
                                   "exited_on": today}
    else:
        changes = {"stage": t.to_stage, "stage_started_on": today, "due_on": None, "exit_reason": None,
                   "exit_note": "", "exit_evidence": None, "exit_from_stage": None}
    with col.records.transaction() as tx:
        tx.update("assistance_case", case_id, changes)
        tx.create("case_step", {"case_id": case_id, "person_id": case["person_id"], "action": t.action,
                                "from_stage": t.from_stage, "to_stage": t.to_stage, "by": actor,
                                "done_on": today, "due_on": None, "note": note},
                  area_code=case["area_code"])
        started = (case.get("exit_evidence") or {}).get("started_on")
        if approve and case.get("exit_reason") == "employed" and started:
            schedule_employment_followups(tx, case["person_id"], case["area_code"],
                                          dt.date.fromisoformat(str(started)[:10]))
