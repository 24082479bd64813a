"""公益性岗位 rules at their edges: the 5-year retirement edge by sex and birth date, the 2-placement cap,
re-placement categories, the vacancy-report deadline and claims with an unpaid month."""

import datetime as dt

import pytest

from app.rules import welfare_jobs as wj
from app.rules._data import RULES_DIR, load
from app.rules.idcard import IdNumberError, make_id

D = dt.date
MALE, FEMALE = 1, 2  # odd sequence = male


def pid(birth: dt.date, sex: int) -> str:
    return make_id("140105", birth, 10 + sex)


def test_table_cites_sources_and_reuses_retirement_ages():
    text = (RULES_DIR / "welfare_jobs.toml").read_text(encoding="utf-8")
    assert "晋人社办函〔2025〕62号 第（九）条" in text and "财社〔2017〕164号" in text
    assert "retirement_age" not in load("welfare_jobs").get("subsidy", {})  # defined once, in eligibility
    assert wj.retirement_date(D(1970, 3, 15), "男") == D(2030, 3, 15)
    assert wj.retirement_date(D(1975, 3, 15), "女") == D(2030, 3, 15)


@pytest.mark.parametrize(("sex", "birth"), [(MALE, D(1966, 6, 10)), (FEMALE, D(1971, 6, 10))])
def test_five_years_from_retirement_exactly_gets_three_years(sex, birth):
    # retirement on 2026-06-10 (men 60, women 55); approval exactly 5 years before: not "不足5年"
    p = wj.subsidy_period(pid(birth, sex), D(2021, 6, 10))
    assert not p.to_retirement
    assert p.until == D(2024, 6, 9)
    assert "3 年" in p.text_zh


@pytest.mark.parametrize(("sex", "birth"), [(MALE, D(1966, 6, 10)), (FEMALE, D(1971, 6, 10))])
def test_one_day_inside_five_years_runs_to_retirement(sex, birth):
    p = wj.subsidy_period(pid(birth, sex), D(2021, 6, 11))
    assert p.to_retirement
    assert p.until == D(2026, 6, 9)  # the day before the retirement age is reached
    assert "不足 5 年" in p.text_zh


def test_same_birth_date_differs_by_sex():
    birth, approved = D(1968, 1, 1), D(2022, 1, 1)  # 54 years old on approval
    man = wj.subsidy_period(pid(birth, MALE), approved)  # retires 2028: 6 years away
    woman = wj.subsidy_period(pid(birth, FEMALE), approved)  # retires 2023: 1 year away
    assert (man.to_retirement, man.until) == (False, D(2024, 12, 31))
    assert (woman.to_retirement, woman.until) == (True, D(2022, 12, 31))


def test_leap_day_birth_reaches_retirement_on_28_february():
    # 1968-02-29 + 55 years has no 29 February: the age is reached on the month's last day
    p = wj.subsidy_period(pid(D(1968, 2, 29), FEMALE), D(2020, 3, 1))
    assert p.to_retirement and p.until == D(2023, 2, 27)


def test_already_retired_at_first_approval_is_refused():
    with pytest.raises(IdNumberError, match="已达法定退休年龄"):
        wj.subsidy_period(pid(D(1960, 1, 1), MALE), D(2020, 1, 1))


def _placed(start: dt.date, end: dt.date | None) -> dict:
    return {"started_on": start, "ended_on": end, "first_approved_on": start}


def test_two_placement_cap():
    who = pid(D(1980, 5, 5), FEMALE)
    assert wj.placement_errors("zero_household", [], D(2025, 1, 1), who) == []
    one = [_placed(D(2024, 1, 1), D(2024, 12, 31))]
    assert wj.placement_errors("zero_household", one, D(2025, 1, 1), who) == []
    two = [*one, _placed(D(2025, 1, 1), D(2025, 6, 30))]
    errors = wj.placement_errors("zero_household", two, D(2025, 7, 1), who)
    assert errors == ["同一人员累计安置不超过 2 次（已安置 2 次）"]


def test_replacement_only_for_allowed_categories():
    who = pid(D(1980, 5, 5), MALE)
    one = [_placed(D(2024, 1, 1), D(2024, 12, 31))]
    errors = wj.placement_errors("long_term", one, D(2025, 1, 1), who)
    assert len(errors) == 1 and errors[0].startswith("再次安置仅限：城镇零就业家庭成员、残疾失业人员、大龄失业人员")
    assert "长期失业人员" in errors[0]
    assert wj.placement_errors("long_term", [], D(2025, 1, 1), who) == []  # first placement: any category


def test_still_placed_and_retired_are_refused():
    who = pid(D(1970, 5, 5), FEMALE)  # retires 2025-05-05
    errors = wj.placement_errors("older", [_placed(D(2024, 1, 1), None)], D(2025, 5, 5), who)
    assert "该人员目前仍在公益性岗位上，须先办理离岗" in errors
    assert any("已达法定退休年龄" in e for e in errors)


def test_subsidy_period_counts_from_the_first_approval():
    earlier = [_placed(D(2024, 3, 1), D(2025, 2, 28))]
    assert wj.first_approval(earlier, D(2025, 6, 1)) == D(2024, 3, 1)
    assert wj.first_approval([], D(2025, 6, 1)) == D(2025, 6, 1)


def test_vacancy_report_due_in_five_working_days():
    # Friday 2026-09-25: working days 09-28, 09-29, 09-30, then the National Day holiday, then 10-08, 10-09
    assert wj.vacancy_report_due(D(2026, 9, 25)) == D(2026, 10, 9)
    assert wj.vacancy_report_due(D(2026, 11, 2)) == D(2026, 11, 9)  # Monday → next Monday


def test_claim_months_month_and_quarter():
    assert wj.claim_months("2026-03", "month") == ["2026-03"]
    assert wj.claim_months("2026-04", "quarter") == ["2026-04", "2026-05", "2026-06"]
    with pytest.raises(ValueError, match="季度首月"):
        wj.claim_months("2026-05", "quarter")
    with pytest.raises(ValueError, match="月份格式不正确"):
        wj.claim_months("2026/5", "month")


def _holds(months, paid, **kw):
    args = {"started_on": D(2026, 1, 10), "ended_on": None, "subsidy_until": D(2028, 12, 31),
            "tax_result": "normal", "tax_checked_by": "赵芳"} | kw
    return wj.hold_reasons(months, paid_months=paid, **args)


def test_claim_with_an_unpaid_month_is_held():
    months = ["2026-04", "2026-05", "2026-06"]
    assert _holds(months, {"2026-04", "2026-05", "2026-06"}) == []
    assert _holds(months, {"2026-04", "2026-06"}) == ["2026-05 未查到社会保险缴费记录"]


def test_claim_outside_the_placement_or_the_period_is_held():
    assert _holds(["2025-12"], {"2025-12"}) == ["2025-12 不在在岗期间（2026-01-10 至 今）"]
    assert _holds(["2026-01"], {"2026-01"}) == []  # started mid-month: the month counts
    assert _holds(["2026-05"], {"2026-05"}, ended_on=D(2026, 4, 30))[0].startswith("2026-05 不在在岗期间")
    assert _holds(["2029-01"], {"2029-01"}) == ["2029-01 超出补贴期限（至 2028-12-31）"]


def test_claim_needs_a_recorded_tax_check_that_found_nothing():
    assert _holds(["2026-02"], {"2026-02"}, tax_result=None, tax_checked_by=None) == ["未完成个人纳税情况人工核查"]
    assert _holds(["2026-02"], {"2026-02"}, tax_result="other_income") == ["个人纳税核查：有其他单位工资薪金收入"]


def test_choice_lists_come_from_the_table():
    assert [c.name for c in wj.subsidy_kinds()] == ["岗位补贴", "社会保险补贴"]
    assert wj.market_job_reasons() == {"market_job", "self_employed"}
    assert wj.name_of(wj.end_reasons(), "retired") == "达到退休年龄"
