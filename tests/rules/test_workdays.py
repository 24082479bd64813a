import time
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.rules.workdays import (
    add_workdays,
    calendar_known,
    deadline_info,
    estimate_note,
    is_workday,
    unknown_years,
    workdays_between,
)

FAST = settings(max_examples=100, database=None, deadline=None)
days = st.dates(min_value=date(2004, 1, 1), max_value=date(2029, 12, 31))
counts = st.integers(min_value=0, max_value=80)


def test_national_day_2026_is_holiday():
    for day in range(1, 8):
        assert not is_workday(date(2026, 10, day)), day
    assert is_workday(date(2026, 10, 8))


@pytest.mark.parametrize(
    "d",
    [
        date(2025, 1, 26),
        date(2025, 2, 8),
        date(2025, 9, 28),
        date(2026, 2, 14),
        date(2026, 9, 20),
        date(2026, 10, 10),
    ],
)
def test_make_up_weekend_workdays(d):
    assert d.weekday() >= 5
    assert is_workday(d)


def test_ordinary_days():
    assert is_workday(date(2026, 11, 25))  # Wednesday
    assert not is_workday(date(2026, 11, 28))  # Saturday
    assert not is_workday(date(2025, 1, 1))  # 元旦
    assert not is_workday(date(2026, 2, 17))  # 春节


def test_calendar_known_range():
    assert calendar_known(2004)
    assert calendar_known(2026)
    assert not calendar_known(2027)
    assert not calendar_known(2003)


def test_fallback_is_monday_to_friday():
    assert is_workday(date(2027, 1, 1))  # a Friday: unknown year, so plain Mon–Fri
    assert not is_workday(date(2027, 1, 2))
    assert unknown_years(date(2026, 12, 1), date(2028, 1, 1)) == [2027, 2028]
    assert estimate_note([2027]) == "2027年节假日安排未知，按周一至周五估算"
    assert estimate_note([]) == ""


def test_add_workdays_across_national_day():
    assert add_workdays(date(2026, 9, 30), 1) == date(2026, 10, 8)
    # 10-08, 10-09, 10-10 (Sat, 调休), 10-12, 10-13, 10-14, 10-15
    assert add_workdays(date(2026, 9, 30), 7) == date(2026, 10, 15)
    assert add_workdays(date(2026, 9, 30), 0) == date(2026, 9, 30)
    with pytest.raises(ValueError):
        add_workdays(date(2026, 9, 30), -1)


def test_workdays_between():
    assert workdays_between(date(2026, 9, 30), date(2026, 10, 15)) == 7
    assert workdays_between(date(2026, 10, 15), date(2026, 9, 30)) == -7
    assert workdays_between(date(2026, 10, 1), date(2026, 10, 7)) == 0
    assert workdays_between(date(2026, 11, 25), date(2026, 11, 25)) == 0


def test_deadline_info_states():
    start = date(2026, 9, 30)
    d = deadline_info(start, 7, date(2026, 10, 9))
    assert (d.due, d.remaining_workdays, d.overdue, d.estimated, d.note) == (
        date(2026, 10, 15),
        5,
        False,
        False,
        "",
    )
    assert "剩余 5 个工作日（2026-10-15 到期）" in d.text_zh  # 10-10 is a 调休 Saturday
    today_due = deadline_info(start, 7, date(2026, 10, 15))
    assert (today_due.remaining_workdays, today_due.overdue) == (0, False)
    assert "今天到期" in today_due.text_zh
    late = deadline_info(start, 7, date(2026, 10, 19))
    assert (late.remaining_workdays, late.overdue) == (-2, True)
    assert "已超期 2 个工作日" in late.text_zh
    # Saturday right after the due Friday: overdue, and still reads as negative.
    weekend = deadline_info(date(2026, 11, 2), 4, date(2026, 11, 7))
    assert weekend.due == date(2026, 11, 6)
    assert weekend.overdue and weekend.remaining_workdays == -1


def test_deadline_into_unknown_year_is_estimated():
    d = deadline_info(date(2026, 12, 28), 10, date(2026, 12, 28))
    assert d.estimated
    assert d.note == "2027年节假日安排未知，按周一至周五估算"
    assert d.note in d.text_zh
    assert not deadline_info(date(2026, 12, 1), 3, date(2026, 12, 1)).estimated


def test_fast_enough():
    add_workdays(date(2026, 1, 1), 60)  # warm the per-year cache
    t0 = time.perf_counter()
    for _ in range(200):
        add_workdays(date(2026, 3, 1), 60)
    assert (time.perf_counter() - t0) / 200 < 0.002


@FAST
@given(days, counts)
def test_add_workdays_properties(start, n):
    end = add_workdays(start, n)
    if n:
        assert is_workday(end)
        assert end > start
    assert workdays_between(start, end) == n
    assert workdays_between(end, start) == -n
    # Monotonic: one more working day is strictly later.
    assert add_workdays(start, n + 1) > end


@FAST
@given(days, days)
def test_between_matches_day_by_day_count(a, b):
    lo, hi = sorted((a, b))
    if (hi - lo).days > 400:
        hi = lo + timedelta(days=400)
    expected = sum(is_workday(lo + timedelta(days=i)) for i in range(1, (hi - lo).days + 1))
    assert workdays_between(lo, hi) == expected


@FAST
@given(st.dates(min_value=date(2027, 1, 1), max_value=date(2035, 12, 31)), st.integers(0, 30))
def test_fallback_years_flagged_estimated(start, n):
    assert is_workday(start) == (start.weekday() < 5)
    d = deadline_info(start, n, start)
    assert d.estimated
    assert str(start.year) in d.note
