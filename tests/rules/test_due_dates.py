"""Which running cases' due dates move when the rules in force change (app/rules/due_dates.py)."""

from datetime import date

import pytest

from app.rules.active import shipped
from app.rules.due_dates import Moved, changed_years, recompute, stage_due
from app.rules.ruleset import RULES_DIR, compose, parse

TAIYUAN = "140105001001"
TODAY = date(2026, 12, 10)
BEFORE_EFFECTIVE = date(2026, 11, 25)  # a Wednesday: +7 working days = 12-04, +5 = 12-02
AFTER_EFFECTIVE = date(2026, 12, 3)  # a Thursday: +7 = 12-14, +5 = 12-10


def shorter(running: bool = False, effective: str = "2026-12-01", version: int = 1) -> str:
    """A province set that shortens 社区初审 from 7 to 5 working days (示例，非官方)."""
    return f"""
[set]
id = "shanxi-limits"
version = {version}
area = "140000000000"
effective = {effective}
source = "示例，非官方"
{"applies_to_running = true" if running else ""}
[[tables.workflow.stage]]
code = "community_review"
limit_workdays = 5
"""


def rules(*texts: str, today: date = TODAY):
    return compose([parse(t) for t in texts], [TAIYUAN], today)


def test_by_default_a_running_stage_keeps_the_limit_in_force_when_it_started():
    after = rules(shorter())
    # Started before the set's effective date: held to 7 days, whatever the rules say today.
    assert stage_due(after, "community_review", BEFORE_EFFECTIVE).due_on == date(2026, 12, 4)
    assert recompute("community_review", BEFORE_EFFECTIVE, date(2026, 12, 4), False, shipped(), after) is None
    # Started on or after it (the laptop learned of the set late): the new limit, and the reason.
    assert stage_due(after, "community_review", date(2026, 12, 1)).limit == 5
    moved = recompute("community_review", AFTER_EFFECTIVE, date(2026, 12, 14), False, shipped(), after)
    assert moved == Moved(date(2026, 12, 10), False, "社区初审时限调整为 5 个工作日")


def test_a_set_that_applies_to_running_stages_moves_them_from_their_own_start_day():
    after = rules(shorter(running=True))
    moved = recompute("community_review", BEFORE_EFFECTIVE, date(2026, 12, 4), False, shipped(), after)
    assert moved == Moved(date(2026, 12, 2), False, "社区初审时限调整为 5 个工作日")
    # 已申请 runs on 社区初审's limit from the application day (workflow.toml limit_of): it moves with it.
    applied = recompute("applied", BEFORE_EFFECTIVE, date(2026, 12, 4), False, shipped(), after)
    assert applied is not None and applied.due_on == date(2026, 12, 2)


@pytest.mark.parametrize(("stage", "due"), [
    ("street_review", date(2026, 12, 4)),  # its limit did not change
    ("publicity", date(2026, 12, 4)),  # a minimum, not a deadline
    ("certified", date(2026, 12, 4)),  # no limit at all
    ("no_such_stage", date(2026, 12, 4)),
])
def test_stages_whose_limit_did_not_change_or_that_have_none_stay(stage, due):
    assert recompute(stage, BEFORE_EFFECTIVE, due, False, shipped(), rules(shorter(running=True))) is None


def test_recomputing_with_the_same_rules_again_changes_nothing():
    after = rules(shorter(running=True))
    moved = recompute("community_review", BEFORE_EFFECTIVE, date(2026, 12, 4), False, shipped(), after)
    assert moved is not None
    assert recompute("community_review", BEFORE_EFFECTIVE, moved.due_on, moved.estimated, after, after) is None
    # A date another laptop already computed under the new rules is left alone too.
    assert recompute("community_review", BEFORE_EFFECTIVE, moved.due_on, False, shipped(), after) is None


def test_a_set_not_yet_effective_moves_nothing_until_its_day():
    later = shorter(running=True, effective="2026-12-20")
    assert rules(later).version == shipped().version  # tables only, not yet in force: no layer
    on_the_day = rules(later, today=date(2026, 12, 20))
    moved = recompute("community_review", AFTER_EFFECTIVE, date(2026, 12, 14), False, rules(later), on_the_day)
    assert moved is not None and moved.due_on == date(2026, 12, 10)


def test_a_calendar_that_arrives_later_keeps_the_limit_the_stage_is_held_to():
    holidays = (RULES_DIR / "examples" / "shanxi-holidays-2027.example.toml").read_text(encoding="utf-8")
    limits = shorter(effective="2027-02-01")
    before = rules(limits, today=date(2027, 2, 3))
    after = rules(limits, holidays, today=date(2027, 2, 3))
    assert changed_years(before, after) == {2027}
    # Started 2027-01-27, before the shorter limit: still 7 working days (5 would end 2-02), now counted with
    # the 调休 Sunday 1-31 worked.
    start = date(2027, 1, 27)
    estimate = stage_due(before, "community_review", start)
    assert (estimate.due_on, estimate.estimated, estimate.limit) == (date(2027, 2, 5), True, 7)
    moved = recompute("community_review", start, estimate.due_on, True, before, after)
    assert moved == Moved(date(2027, 2, 4), False, "新的节假日安排")


def test_a_citys_longer_county_review_moves_its_own_cases_only():
    city = """
[set]
id = "taiyuan-limits"
version = 1
area = "140100000000"
effective = 2026-12-01
source = "示例，非官方"
applies_to_running = true
[[tables.workflow.stage]]
code = "county_confirm"
limit_workdays = 15
"""
    start = date(2026, 11, 25)  # +10 working days = 12-09, +15 = 12-16
    taiyuan = compose([parse(city)], [TAIYUAN], TODAY)
    datong = compose([parse(city)], ["140213001001"], TODAY)
    moved = recompute("county_confirm", start, date(2026, 12, 9), False, shipped(), taiyuan)
    assert moved == Moved(date(2026, 12, 16), False, "县人社审核确认时限调整为 15 个工作日")
    assert recompute("county_confirm", start, date(2026, 12, 9), False, shipped(), datong) is None
