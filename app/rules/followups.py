"""Follow-up schedule after a person finds work (适应期 / 稳定期) and policy-expiry evaluation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.rules._data import load
from app.rules._dates import add_months, add_years
from app.rules.workdays import add_workdays


@dataclass(frozen=True, slots=True)
class PlannedFollowup:
    kind: str  # "adaptation" | "stabilization"
    due_on: date
    label_zh: str


def schedule_after_employment(employed_on: date) -> list[PlannedFollowup]:
    """All planned follow-ups for a person employed on ``employed_on``, in date order."""
    cfg = load("followups")
    ada, stab = cfg["adaptation"], cfg["stabilization"]
    plan = [
        PlannedFollowup("adaptation", employed_on + timedelta(days=n), f"{ada['label']}（入职第{n}天）")
        for n in ada["offsets_days"]
    ]
    plan += [
        PlannedFollowup("stabilization", add_months(employed_on, m), f"{stab['label']}（入职第{m}个月）")
        for m in stab["offsets_months"]
    ]
    return sorted(plan, key=lambda p: p.due_on)


def evaluation_due(policy_valid_until: date) -> date:
    """Day by which the pre-expiry employment evaluation should be done."""
    return policy_valid_until - timedelta(days=load("followups")["evaluation"]["days_before_expiry"])


def is_followup_on_time(due_on: date, done_on: date, grace_workdays: int | None = None) -> bool:
    """Done no later than ``grace_workdays`` working days after the due day (default from data).

    Doing it early counts as on time: contact before the due day is never a lapse.
    """
    if grace_workdays is None:
        grace_workdays = load("followups")["on_time"]["grace_workdays"]
    return done_on <= add_workdays(due_on, grace_workdays)


def contact_methods() -> dict[str, str]:
    """How a follow-up or evaluation reached the person (code → Chinese)."""
    return dict(load("followups")["contact_methods"])


def evaluation_outcomes() -> dict[str, str]:
    """Outcomes of the pre-expiry evaluation (code → Chinese), in display order."""
    return dict(load("followups")["evaluation_outcomes"])


def extended_until(valid_until: date) -> date:
    """The new last day of validity when an evaluation extends it (by the configured years)."""
    return add_years(valid_until, load("followups")["extend"]["years"])
