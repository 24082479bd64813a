"""Reading exits: which case an exit can be proposed for, whether a visit must ask for the job found, and the
case an exit proposal (a ``case_step``) is waiting on."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app import vocabulary
from app.rules import workflow

EMPLOYED = vocabulary.employed_statuses()  # statuses that count as having work (resources/vocabulary.toml)


def proposable_case(col: Any, person_id: str) -> dict[str, Any] | None:
    """The person's live case an exit can be proposed for (已认定/帮扶中), if any."""
    sources = {a.from_stage for a in workflow.actions() if a.code == "propose_exit"}
    cases = [c for c in col.records.children("assistance_case", "person_id", person_id) if c["stage"] in sources]
    return max(cases, key=lambda c: c.get("certified_on") or dt.date.min, default=None)


def employment_asked(col: Any, person_id: str, status: str | None) -> bool:
    """Whether a visit or follow-up recording ``status`` must give the job (单位、岗位、入职日期 or 营业执照):
    the person newly found work, or still has a case whose exit it proposes."""
    if status not in EMPLOYED:
        return False
    person = col.records.get("person", person_id) or {}
    return person.get("employment_status") not in EMPLOYED or proposable_case(col, person_id) is not None


def pending_exit_case(col: Any, step_id: str) -> str | None:
    """The case id when ``step_id`` proposed an exit that is still waiting for its decision, else None."""
    step = col.records.get("case_step", step_id)
    if not step or step["deleted"] or step.get("action") != "propose_exit":
        return None
    case = col.records.get("assistance_case", step.get("case_id") or "")
    if not case or case["deleted"] or case["stage"] not in workflow.exit_pending_stages():
        return None
    return case["id"]
