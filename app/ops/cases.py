"""Assistance cases (认定流程): move a case one step through the workflow, tick its materials."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.collection import Collection
from app.ops.applications import materials_error
from app.ops.validation import ValidationError
from app.rules import workflow
from app.rules.due_dates import deadline_fields


def workflow_action(col: Collection, case_id: str, action: str, *, today: dt.date | None = None,
                    exit_reason: str | None = None, note: str = "") -> workflow.Transition:
    """Move a case one step (role from the logged-in user); records the step. Raises WorkflowError."""
    today = today or dt.date.today()
    if any(a.code == action and (a.needs_evidence or a.from_stage in workflow.exit_pending_stages())
           for a in workflow.actions()):  # the exit's evidence and its return stage are kept by ops.exits
        raise workflow.WorkflowError("提出、审定退出请用退出办理（须填写退出佐证）")
    case = col.records.get("assistance_case", case_id)
    publicity_started = case["stage_started_on"] if case["stage"] == "publicity" else None
    user = col.user
    t = workflow.apply_action(case["stage"], action, user.get("role", "worker"), today,
                              exit_reason=exit_reason, note=note, publicity_started_on=publicity_started)
    needs = any(a.needs_materials for a in workflow.actions() if a.code == action and a.from_stage == case["stage"])
    if needs and (msg := materials_error(case)):
        raise workflow.WorkflowError(msg)
    changes: dict[str, Any] = {"stage": t.to_stage, "stage_started_on": t.stage_started_on,
                               **deadline_fields(t.stage_started_on, t.due_on)}
    if t.to_stage == "certified":
        changes.update(certified_on=today, valid_until=workflow.status_valid_until(today))
    if t.to_stage == "exited":
        changes.update(exit_reason=exit_reason, exit_note=note, exited_on=today)
    with col.records.transaction() as tx:
        tx.update("assistance_case", case_id, changes)
        tx.create("case_step", {"case_id": case_id, "person_id": case["person_id"], "action": action,
                                "from_stage": t.from_stage, "to_stage": t.to_stage,
                                "by": user.get("display_name") or tx.actor,
                                "done_on": today, "due_on": t.due_on, "note": note},
                  area_code=case["area_code"])
    return t


def save_materials(col: Collection, case_id: str, materials: dict[str, bool]) -> None:
    """Which of the case's required materials are in hand (material code → ticked)."""
    case = col.records.get("assistance_case", case_id)
    if case is None or case["deleted"]:
        raise ValidationError({"case": "找不到该认定记录"})
    col.records.update("assistance_case", case_id, {"materials": {str(k): bool(v) for k, v in materials.items()}})
