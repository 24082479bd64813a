"""The person page's 回访 tab: the follow-ups, the evaluation due before the certification expires, and the
exit conditions met (拒绝服务、失联) that nobody has proposed yet."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from app.queries.exit_signals import ExitSignal, exit_signals
from app.queries.person_detail import person_followups
from app.rules import workflow
from app.rules.followups import contact_methods, evaluation_due, evaluation_outcomes


@dataclass(frozen=True, slots=True)
class FollowupsPart:
    followups: list[dict[str, Any]]
    evaluation_case: str | None = None  # the certified case an evaluation can be recorded for
    valid_until: dt.date | None = None
    evaluation_on: dt.date | None = None  # the day the evaluation is due
    signals: list[ExitSignal] = field(default_factory=list)


def followups_part(col: Any, person_id: str, today: dt.date) -> FollowupsPart:
    followups = person_followups(col, person_id)
    cases = [c for c in col.records.children("assistance_case", "person_id", person_id)
             if c["stage"] in workflow.certified_stages() and c["stage"] not in workflow.exit_pending_stages()
             and c.get("valid_until")]
    case = max(cases, key=lambda c: c["valid_until"], default=None)
    if case is None:
        return FollowupsPart(followups, signals=exit_signals(col, today, person_id))
    return FollowupsPart(followups, case["id"], case["valid_until"], evaluation_due(case["valid_until"]),
                         exit_signals(col, today, person_id))


def contact_zh(code: str | None) -> str:
    return contact_methods().get(code or "", code or "")


def outcome_zh(code: str | None) -> str:
    return evaluation_outcomes().get(code or "", code or "")
