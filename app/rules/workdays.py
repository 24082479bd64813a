"""Working days (工作日) with Chinese statutory holidays and 调休 make-up workdays.

The calendar is the rule set's (``app.rules.active.current().calendar``): a year's arrangement published by
the platform if there is one, else the ``chinese_calendar`` library's data (the years the State Council had
published when the install was built). For any other year we fall back to Monday–Friday and report it
(``calendar_known``, ``Deadline.estimated``/``note``) so the UI can say the date is an estimate.

Counting convention (as for legal periods): the start day is not counted; a period ends at the
end of its last working day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.rules.active import current
from app.rules.ruleset import Calendar

_ONE_DAY = timedelta(days=1)


def _cal() -> Calendar:
    return current().calendar


def calendar_known(year: int) -> bool:
    """Whether the holiday arrangement of ``year`` is known (published by the platform or in the library)."""
    return _cal().known(year)


def _year_flags(year: int) -> tuple[bool, ...]:
    """Workday flag for each day of ``year`` (index = day of year - 1), computed once per calendar."""
    return _cal().flags(year)


def _year_prefix(year: int) -> tuple[int, ...]:
    """prefix[i] = workdays among the first i days of ``year`` (prefix[0] == 0)."""
    return _cal().prefix(year)


def is_workday(d: date) -> bool:
    """Working day per the official calendar (Mon–Fri fallback for unknown years)."""
    return _year_flags(d.year)[d.timetuple().tm_yday - 1]


def _count_upto(d: date) -> int:
    """Workdays from 1 Jan of d.year up to and including d."""
    return _year_prefix(d.year)[d.timetuple().tm_yday]


def _count_after_until(start: date, end: date) -> int:
    """Workdays in (start, end], for start <= end."""
    total = _count_upto(end) - _count_upto(start)
    for year in range(start.year, end.year):
        total += _year_prefix(year)[-1]
    return total


def workdays_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end``; negative if end < start."""
    if end >= start:
        return _count_after_until(start, end)
    return -_count_after_until(end, start)


def add_workdays(start: date, n: int) -> date:
    """The n-th working day after ``start`` (start itself not counted); n == 0 gives start."""
    if n < 0:
        raise ValueError("工作日数不能为负数")
    cal, d = _cal(), start
    while n:
        d += _ONE_DAY
        if cal.flags(d.year)[d.timetuple().tm_yday - 1]:
            n -= 1
    return d


def unknown_years(first: date, last: date) -> list[int]:
    """Years between the two dates (inclusive, any order) with no official calendar data."""
    lo, hi = sorted((first.year, last.year))
    return [y for y in range(lo, hi + 1) if not calendar_known(y)]


def estimate_note(years: list[int]) -> str:
    """Chinese note saying which years' holidays are unknown; empty when none."""
    if not years:
        return ""
    return f"{'、'.join(str(y) for y in years)}年节假日安排未知，按周一至周五估算"


@dataclass(frozen=True, slots=True)
class Deadline:
    due: date
    remaining_workdays: int  # working days left after today; negative when overdue
    overdue: bool
    estimated: bool  # some year involved has no official calendar: Mon–Fri fallback used
    note: str = ""  # Chinese explanation when estimated
    rules: str = ""  # version of the rule set that computed it (RuleSet.version)

    @property
    def text_zh(self) -> str:
        if self.overdue:
            text = f"已超期 {-self.remaining_workdays} 个工作日（应于 {self.due.isoformat()} 前完成）"
        elif self.remaining_workdays == 0:
            text = f"今天到期（{self.due.isoformat()}）"
        else:
            text = f"剩余 {self.remaining_workdays} 个工作日（{self.due.isoformat()} 到期）"
        return f"{text}；{self.note}" if self.note else text


def deadline_info(start: date, limit_workdays: int, today: date) -> Deadline:
    """Deadline of a task begun on ``start`` that must be done within ``limit_workdays``."""
    due = add_workdays(start, limit_workdays)
    overdue = today > due
    # When overdue, at least -1 so that "overdue" always reads as a negative number, even on a
    # weekend right after the due day.
    remaining = -max(1, workdays_between(due, today)) if overdue else workdays_between(today, due)
    years = unknown_years(min(start, today), max(due, today))
    return Deadline(due, remaining, overdue, bool(years), estimate_note(years), current().version)
