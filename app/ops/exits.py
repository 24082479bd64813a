"""Proposing a case's exit (拟退出).

Placeholder until the lifecycle branch lands: issue 11 brings the real ``propose_exit`` (same signature); the
integrator takes theirs. This version moves the case to the ``exit_proposed`` stage and records the step,
with the evidence in the step's note, so that office staff can then run the workflow's 退出 action.
"""

from __future__ import annotations

import json
from datetime import date

from app.collection import Collection
from app.rules import workflow

PROPOSABLE = ("certified", "helping")


def propose_exit(col: Collection, case_id: str, reason: str, evidence: dict, *, actor: str, today: date,
                 note: str = "") -> None:
    """Placeholder until the lifecycle branch lands. Raises WorkflowError for an unknown reason or a case that
    is not on the certified list."""
    if reason not in {r.code for r in workflow.exit_reasons()}:
        raise workflow.WorkflowError(f"无效的退出原因：{reason}")
    case = col.records.get("assistance_case", case_id)
    if case is None or case["deleted"]:
        raise workflow.WorkflowError("找不到该认定记录")
    if case["stage"] not in PROPOSABLE:
        raise workflow.WorkflowError(f"「{workflow.stage(case['stage']).name_zh}」环节不能提出退出")
    text = "；".join(p for p in (note.strip(), json.dumps(evidence, ensure_ascii=False, default=str)) if p)
    with col.records.transaction() as tx:
        tx.update("assistance_case", case_id, {"stage": "exit_proposed", "stage_started_on": today,
                                               "due_on": None, "exit_reason": reason, "exit_note": note})
        tx.create("case_step", {"case_id": case_id, "person_id": case["person_id"], "action": "propose_exit",
                                "from_stage": case["stage"], "to_stage": "exit_proposed", "by": actor,
                                "done_on": today, "note": text}, area_code=case["area_code"])
