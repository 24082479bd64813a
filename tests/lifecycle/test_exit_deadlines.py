"""An exit's deadline carries the rules it was computed under (docs/RULES.md "规则变化时的办理时限"): a
proposal made while the year's holiday calendar is missing is marked estimated and moves when the calendar
arrives; a decision leaves no deadline fields behind. Real SQLCipher store (demo data), real rule sets."""

from __future__ import annotations

import datetime as dt

import pytest

from app.ops.applications import apply
from app.ops.exits import decide_exit, propose_exit
from app.ops.rules import recompute_deadlines
from app.rules.active import shipped, using
from app.rules.ruleset import RULES_DIR, compose, parse, shipped_version
from tests.intake.helpers import older_woman
from tests.lifecycle.conftest import case_in, steps
from tests.rules.test_due_dates import shorter  # 社区初审 7 → 5 (示例，非官方)

AREA = "140105001001"
PROPOSED = dt.date(2027, 2, 1)  # a Monday in a year the shipped calendar does not know
ESTIMATE = dt.date(2027, 2, 8)  # + 5 working days counted Monday–Friday
REAL = dt.date(2027, 2, 16)  # + 5 on the 2027 arrangement: 春节 2-05 … 2-13 off (示例，非官方)
LATER = dt.date(2027, 2, 3)


def _calendar() -> str:
    return (RULES_DIR / "examples" / "shanxi-holidays-2027.example.toml").read_text(encoding="utf-8")


def _deadline(col, case_id: str) -> tuple:
    c = col.records.get("assistance_case", case_id)
    return c["due_on"], c["due_rules"], c["due_estimated"]


def _proposed(col) -> str:
    """A 帮扶中 case whose exit a worker proposed on ``PROPOSED``, with the shipped rules (no 2027 calendar)."""
    case = case_in(col, "helping")
    propose_exit(col, case["id"], "lost_contact", {"last_contact_on": dt.date(2026, 10, 1)}, actor="张丽",
                 today=PROPOSED)
    return case["id"]


def test_an_exit_proposed_without_the_calendar_is_estimated_and_moves_when_it_arrives(col):
    cid = _proposed(col)
    assert _deadline(col, cid) == (ESTIMATE, shipped_version(), True)

    after = compose([parse(_calendar())], [AREA], LATER)
    moved = recompute_deadlines(col, shipped(), after)
    assert [(m["stage"], m["old"], m["new"], m["why"]) for m in moved] == [
        ("退出待审", ESTIMATE.isoformat(), REAL.isoformat(), "新的节假日安排")]
    assert _deadline(col, cid) == (REAL, after.version, False)
    assert recompute_deadlines(col, shipped(), after) == []  # once only


def test_the_estimate_mark_alone_brings_the_date_up_when_other_rules_change(col):
    """A proposal counted on an estimate where the calendar was missing (another laptop, or before it arrived)
    is fixed at the next change of rules even when the calendar is not what changes: the mark says so."""
    cid = _proposed(col)
    calendar = compose([parse(_calendar())], [AREA], LATER)
    limits = compose([parse(_calendar()), parse(shorter())], [AREA], LATER)
    moved = recompute_deadlines(col, calendar, limits)
    assert [(m["stage"], m["new"]) for m in moved] == [("退出待审", REAL.isoformat())]
    assert _deadline(col, cid) == (REAL, limits.version, False)


@pytest.mark.parametrize("approve", [True, False])
def test_a_decided_exit_leaves_no_deadline_fields(col, approve):
    cid = _proposed(col)
    assert _deadline(col, cid) == (ESTIMATE, shipped_version(), True)
    col.set_user({**col.user, "role": "supervisor", "display_name": "王审核"})
    decide_exit(col, cid, approve, actor="王审核", today=PROPOSED + dt.timedelta(days=1), note="核实")
    c = col.records.get("assistance_case", cid)
    assert c["stage"] == ("exited" if approve else "helping")
    assert _deadline(col, cid) == (None, None, None)
    assert steps(col, cid)[-1]["due_on"] is None
    # Nothing for a calendar to move any more.
    assert recompute_deadlines(col, shipped(), compose([parse(_calendar())], [AREA], LATER)) == []


def test_an_application_and_a_step_without_a_deadline_write_the_same_fields(col):
    """已申请 (社区初审's limit from the application day) is marked like every other deadline; a step into a
    stage with no limit clears all three."""
    from app.ops.cases import workflow_action

    _, pid = older_woman(col)
    cid = apply(col, pid, category="older", today=PROPOSED)
    assert _deadline(col, cid) == (dt.date(2027, 2, 10), shipped_version(), True)
    with using(compose([parse(_calendar())], [AREA], LATER)) as known:
        again = older_woman(col, seq=8)[1]
        assert _deadline(col, apply(col, again, category="older", today=PROPOSED)) == (
            dt.date(2027, 2, 18), known.version, False)
    publicity = case_in(col, "community_review")
    workflow_action(col, publicity["id"], "pass_community", today=PROPOSED)
    assert _deadline(col, publicity["id"]) == (None, None, None)
