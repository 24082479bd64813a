"""A running case's due date when the rules in force change (docs/RULES.md "规则变化时的办理时限").

The limit a stage is held to is the one of the rules in force on the day the stage started
(``RuleSet.as_of``): a published set that shortens or lengthens a limit applies to stages started on or after
its ``effective`` date, unless it declares ``applies_to_running = true`` — then to every stage still running,
counted from that stage's own start day. Working days are always counted on the newest calendar. Stages with
no limit (公示 has a minimum, not a deadline) have no due date to move.

Pure: the caller reads the cases and writes what changes (app/ops/rules.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app.rules import workflow
from app.rules.active import current, using
from app.rules.ruleset import RuleSet
from app.rules.workdays import add_workdays, unknown_years


@dataclass(frozen=True, slots=True)
class StageDue:
    due_on: date
    estimated: bool  # counted on the Mon–Fri fallback for a year with no known arrangement
    limit: int  # working days
    limit_stage: str  # the stage whose limit it is (已申请 runs on 社区初审's)


@dataclass(frozen=True, slots=True)
class Moved:
    """A case's recomputed due date and why it changed (Chinese, for the worker)."""

    due_on: date
    estimated: bool
    why: str


def deadline_fields(started_on: date, due_on: date | None, rules: RuleSet | None = None) -> dict[str, Any]:
    """A case's deadline fields as one change: ``due_on``, ``due_rules`` (the version of the rules it was
    computed under, default those in force) and ``due_estimated`` (counted on the Mon–Fri fallback for a year
    whose arrangement is unknown — the recompute moves such a date when the calendar arrives). Every op that
    sets or clears ``due_on`` writes all three; with no deadline all three are None, so nothing stale stays."""
    if due_on is None:
        return {"due_on": None, "due_rules": None, "due_estimated": None}
    rules = rules or current()
    with using(rules):
        estimated = bool(unknown_years(started_on, due_on))
    return {"due_on": due_on, "due_rules": rules.version, "due_estimated": estimated}


def stage_due(rules: RuleSet, stage: str, started_on: date) -> StageDue | None:
    """Due date of ``stage`` started on ``started_on`` when ``rules`` are in force today; None without a limit
    (or for a stage these rules do not know)."""
    with using(rules.as_of(started_on)):
        try:
            governing = workflow.limit_stage(stage)
        except workflow.WorkflowError:
            return None
        if governing is None or governing.limit_workdays is None:
            return None
        due = add_workdays(started_on, governing.limit_workdays)
        return StageDue(due, bool(unknown_years(started_on, due)), governing.limit_workdays, governing.name_zh)


def changed_years(before: RuleSet, after: RuleSet) -> frozenset[int]:
    """Years whose published holiday arrangement ``after`` adds or replaces."""
    return frozenset(y for y in after.calendar.published_years()
                     if after.calendar.sources.get(y) != before.calendar.sources.get(y))


def recompute(stage: str, started_on: date, due_on: date, estimated: bool, before: RuleSet,
              after: RuleSet) -> Moved | None:
    """The new due date of a case in ``stage`` since ``started_on`` (stored: ``due_on``, ``estimated``) when
    the rules go from ``before`` to ``after``; None when it stays as stored.

    Looked at again only when something it depends on changed: the limit its stage is held to (see the module
    note), or the calendar — a date counted on an estimate, or spanning a year whose arrangement changed.
    A date that was already right (computed elsewhere under the new rules) is left alone."""
    new = stage_due(after, stage, started_on)
    if new is None:
        return None
    old = stage_due(before, stage, started_on)
    limit_changed = old is None or old.limit != new.limit
    years = changed_years(before, after)
    span = range(started_on.year, max(due_on, new.due_on).year + 1)
    if not (limit_changed or estimated or any(y in years for y in span)):
        return None
    if (new.due_on, new.estimated) == (due_on, bool(estimated)):
        return None
    why = f"{new.limit_stage}时限调整为 {new.limit} 个工作日" if limit_changed else "新的节假日安排"
    return Moved(new.due_on, new.estimated, why)
