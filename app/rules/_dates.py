"""Calendar-month arithmetic shared by the rules."""

from __future__ import annotations

import calendar
from datetime import date


def add_months(d: date, months: int) -> date:
    """Same day ``months`` later; a missing day (e.g. 31 Apr, 29 Feb) becomes the month's last day,
    the rule for periods counted in months/years (民法典 第二百零二条)."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def add_years(d: date, years: int) -> date:
    return add_months(d, 12 * years)
