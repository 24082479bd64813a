"""公益性岗位 rules: subsidy period, placement limits, vacancy-report deadline and the checks a subsidy claim
must pass before it is paid.

Numbers and word lists come from resources/rules/welfare_jobs.toml; retirement ages from eligibility.toml.
Every refusal is a Chinese sentence a person can act on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from app.rules._data import load
from app.rules._dates import add_months, add_years
from app.rules.idcard import IdNumberError, parse_id

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Choice:
    code: str
    name: str
    flag: bool = False  # market_job for end reasons, hold for tax results
    months: int = 0  # claim periods only


def _table() -> dict[str, Any]:
    return load("welfare_jobs")


def _choices(key: str, flag: str = "") -> list[Choice]:
    return [Choice(c["code"], c["name"], bool(c.get(flag, False)) if flag else False, int(c.get("months", 0)))
            for c in _table()[key]]


def manager_roles() -> frozenset[str]:
    """Roles that manage posts, placements and claims (the platform refuses the others' writes)."""
    return frozenset(_table()["manager_roles"])


def post_types() -> list[Choice]:
    return _choices("post_type")


def fundings() -> list[Choice]:
    return _choices("funding")


def subsidy_kinds() -> list[Choice]:
    return _choices("subsidy_kind")


def claim_periods() -> list[Choice]:
    return _choices("claim_period")


def tax_results() -> list[Choice]:
    return _choices("tax_result", "hold")


def end_reasons() -> list[Choice]:
    return _choices("end_reason", "market_job")


def name_of(choices: Iterable[Choice], code: str | None) -> str:
    """The Chinese name of ``code`` in a choice list; the code itself when unknown, "" for none."""
    for c in choices:
        if c.code == code:
            return c.name
    return code or ""


def market_job_reasons() -> frozenset[str]:
    return frozenset(c.code for c in end_reasons() if c.flag)


# --- subsidy period ----------------------------------------------------------------------------------------
def retirement_date(birth: dt.date, sex: str) -> dt.date:
    """The day the statutory retirement age (eligibility.toml [basic]) is reached."""
    basic = load("eligibility")["basic"]
    age = basic["retirement_age_male"] if sex == "男" else basic["retirement_age_female"]
    return add_years(birth, age)


@dataclass(frozen=True, slots=True)
class SubsidyPeriod:
    start: dt.date
    until: dt.date  # last day covered
    to_retirement: bool
    text_zh: str


def subsidy_period(id_number: str, first_approved_on: dt.date) -> SubsidyPeriod:
    """Subsidy period from the first approval: ``max_years`` years, or until retirement when the person was
    less than ``near_retirement_years`` from it on that day (age counted at the first approval).
    Raises IdNumberError for an invalid ID number (birth date and sex come from it)."""
    cfg = _table()["subsidy"]
    info = parse_id(id_number, first_approved_on)
    retire = retirement_date(info.birth_date, info.sex)
    if retire <= first_approved_on:
        raise IdNumberError(f"{info.sex}，{info.age}周岁，初次核定时已达法定退休年龄（{retire.isoformat()}）")
    near = add_years(first_approved_on, cfg["near_retirement_years"])
    if retire < near:
        until = retire - ONE_DAY
        text = (f"初次核定时距法定退休年龄不足 {cfg['near_retirement_years']} 年"
                f"（{retire.isoformat()} 退休），补贴至退休前一日 {until.isoformat()}")
        return SubsidyPeriod(first_approved_on, until, True, text)
    until = add_years(first_approved_on, cfg["max_years"]) - ONE_DAY
    text = f"补贴期限 {cfg['max_years']} 年，{first_approved_on.isoformat()} 至 {until.isoformat()}"
    return SubsidyPeriod(first_approved_on, until, False, text)


# --- placements ---------------------------------------------------------------------------------------------
def placement_errors(category: str | None, earlier: Sequence[dict[str, Any]], started_on: dt.date,
                     id_number: str) -> list[str]:
    """Why a person may not be placed on ``started_on`` (empty = allowed). ``earlier`` are the person's
    existing placements (dicts with started_on/ended_on)."""
    cfg = _table()["placement"]
    errors: list[str] = []
    try:
        info = parse_id(id_number, started_on)
    except IdNumberError as exc:
        return [f"身份证号码无效（{exc}），无法核定补贴期限"]
    if retirement_date(info.birth_date, info.sex) <= started_on:
        errors.append(f"{info.sex}，{info.age}周岁，已达法定退休年龄，不能安置")
    if any(p.get("ended_on") is None for p in earlier):
        errors.append("该人员目前仍在公益性岗位上，须先办理离岗")
    limit = cfg["max_per_person"]
    if len(earlier) >= limit:
        errors.append(f"同一人员累计安置不超过 {limit} 次（已安置 {len(earlier)} 次）")
    elif earlier and category not in cfg["replacement_categories"]:
        from app.rules.eligibility import category_names

        names = dict(category_names())
        allowed = "、".join(names.get(c, c) for c in cfg["replacement_categories"])
        errors.append(f"再次安置仅限：{allowed}（该人员为{names.get(category or '', '未认定类别')}）")
    return errors


def first_approval(earlier: Sequence[dict[str, Any]], started_on: dt.date) -> dt.date:
    """The day the subsidy period counts from: the first approval of any earlier placement (it is not
    restarted by a re-placement), else this placement's start."""
    days = [p["first_approved_on"] for p in earlier if p.get("first_approved_on")]
    return min(days) if days else started_on


# --- vacancies ----------------------------------------------------------------------------------------------
def vacancy_report_due(vacant_on: dt.date) -> dt.date:
    from app.rules.workdays import add_workdays

    return add_workdays(vacant_on, int(_table()["vacancy"]["report_workdays"]))


def vacancy_report_workdays() -> int:
    return int(_table()["vacancy"]["report_workdays"])


# --- claims -------------------------------------------------------------------------------------------------
def month_key(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def month_start(key: str) -> dt.date:
    """``"2026-03"`` → 2026-03-01; raises ValueError with a Chinese message."""
    try:
        y, m = key.split("-")
        return dt.date(int(y), int(m), 1)
    except (ValueError, AttributeError):
        raise ValueError(f"月份格式不正确：{key}（应为 YYYY-MM）") from None


def claim_months(first_month: str, period: str) -> list[str]:
    """The months a claim covers: one for a monthly claim, three for a quarter (starting at its first
    month, which must open a calendar quarter)."""
    months = {c.code: c.months for c in claim_periods()}
    if period not in months:
        raise ValueError(f"未知的申领周期：{period}")
    start = month_start(first_month)
    if months[period] == 3 and start.month % 3 != 1:
        raise ValueError(f"按季度申领须从季度首月开始（1、4、7、10 月），而不是 {first_month}")
    return [month_key(add_months(start, i)) for i in range(months[period])]


def _last_day(key: str) -> dt.date:
    return add_months(month_start(key), 1) - ONE_DAY


def hold_reasons(months: Sequence[str], *, started_on: dt.date, ended_on: dt.date | None,
                 subsidy_until: dt.date | None, paid_months: Iterable[str], tax_result: str | None,
                 tax_checked_by: str | None) -> list[str]:
    """Why a claim must be held (empty = it passes): each month inside the placement and the subsidy period,
    each month paid into social insurance, and a recorded manual personal-tax check that found nothing."""
    reasons: list[str] = []
    paid = set(paid_months)
    for m in months:
        first, last = month_start(m), _last_day(m)
        if last < started_on or (ended_on is not None and first > ended_on):
            reasons.append(f"{m} 不在在岗期间（{started_on.isoformat()} 至 "
                           f"{ended_on.isoformat() if ended_on else '今'}）")
        elif subsidy_until is not None and first > subsidy_until:
            reasons.append(f"{m} 超出补贴期限（至 {subsidy_until.isoformat()}）")
        elif m not in paid:
            reasons.append(f"{m} 未查到社会保险缴费记录")
    if not tax_result or not tax_checked_by:
        reasons.append("未完成个人纳税情况人工核查")
    else:
        result = next((c for c in tax_results() if c.code == tax_result), None)
        if result is None:
            reasons.append(f"个人纳税核查结论无法识别：{tax_result}")
        elif result.flag:
            reasons.append(f"个人纳税核查：{result.name}")
    return reasons
