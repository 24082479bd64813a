import copy
from dataclasses import replace
from datetime import date

import pytest

from app.rules import eligibility
from app.rules._data import load
from app.rules.eligibility import category_names, evaluate
from app.rules.facts import PersonFacts
from app.rules.idcard import make_id

TODAY = date(2026, 6, 1)
WOMAN_40 = make_id("140105", date(1986, 3, 15), 122)  # even sequence: female


def person(**kw) -> PersonFacts:
    base = PersonFacts(id_number=WOMAN_40, hukou_in_shanxi=True, registered_unemployed_on=date(2025, 1, 10))
    return replace(base, **kw)


def man(birth: date) -> str:
    return make_id("140202", birth, 311)


def woman(birth: date) -> str:
    return make_id("140202", birth, 312)


def cat(facts: PersonFacts, code: str):
    return evaluate(facts, TODAY).category(code)


# ---- basic conditions ---------------------------------------------------------------------------


def test_basic_ok_reasons():
    e = evaluate(person(), TODAY)
    assert e.basic_ok
    assert e.basic_reasons == [
        "山西户籍",
        "女，40周岁，在法定劳动年龄内（16–54周岁）",
        "有劳动能力和就业意愿",
        "已办理失业登记（2025-01-10）",
    ]
    assert e.id_info is not None and e.id_info.age == 40


@pytest.mark.parametrize(
    ("facts", "reason"),
    [
        (person(hukou_in_shanxi=False), "非山西户籍"),
        (person(able_to_work=False), "无劳动能力"),
        (person(willing_to_work=False), "无就业意愿"),
        (person(able_to_work=False, willing_to_work=False), "无劳动能力、就业意愿"),
        (person(registered_unemployed_on=None), "未办理失业登记"),
        (person(registered_unemployed_on=date(2026, 6, 2)), "失业登记日期晚于今天（2026-06-02）"),
        (person(employed=True), "目前已就业，失业登记（2025-01-10）应终止"),
        (
            person(id_number=WOMAN_40[:17] + ("1" if WOMAN_40[17] != "1" else "2")),
            f"身份证号码无效（校验码不符，应为{WOMAN_40[17]}），无法判断是否在法定劳动年龄内",
        ),
        (
            person(id_number=""),
            "身份证号码无效（身份证号码长度不对：应为18位，实际为0位），无法判断是否在法定劳动年龄内",
        ),
    ],
)
def test_basic_failures(facts, reason):
    e = evaluate(facts, TODAY)
    assert not e.basic_ok
    assert reason in e.basic_reasons
    assert not e.appears_eligible


@pytest.mark.parametrize(
    ("number", "ok", "reason"),
    [
        (man(date(2010, 6, 1)), True, "男，16周岁，在法定劳动年龄内（16–59周岁）"),  # 16th birthday today
        (man(date(2010, 6, 2)), False, "男，15周岁，未满16周岁"),
        (man(date(1966, 6, 2)), True, "男，59周岁，在法定劳动年龄内（16–59周岁）"),
        (man(date(1966, 6, 1)), False, "男，60周岁，已达法定退休年龄（60周岁）"),  # 60th birthday today
        (woman(date(1971, 6, 2)), True, "女，54周岁，在法定劳动年龄内（16–54周岁）"),
        (woman(date(1971, 6, 1)), False, "女，55周岁，已达法定退休年龄（55周岁）"),
    ],
)
def test_working_age_edges(number, ok, reason):
    e = evaluate(person(id_number=number), TODAY)
    assert e.basic_ok is ok
    assert e.basic_reasons[1] == reason


# ---- categories ---------------------------------------------------------------------------------


def test_all_nine_categories_in_order():
    codes = [c.code for c in evaluate(person(), TODAY).categories]
    assert codes == [
        "older",
        "dibao",
        "disabled",
        "zero_household",
        "land_lost",
        "veteran",
        "long_term",
        "graduate",
        "other",
    ]
    assert category_names()[0] == ("older", "大龄失业人员")
    assert dict(category_names())["graduate"] == "就业困难高校毕业生"


@pytest.mark.parametrize(
    ("facts", "met", "reasons"),
    [
        (person(ui_contribution_months=6), True, ["女，40周岁（≥40）", "失业保险缴费 6 个月（≥6）"]),
        (
            person(id_number=woman(date(1986, 6, 2)), ui_contribution_months=12),
            False,
            ["女，39周岁（<40）", "失业保险缴费 12 个月（≥6）"],
        ),
        (
            person(ui_contribution_months=5),
            False,
            ["女，40周岁（≥40）", "非原国有/集体企业职工，且失业保险缴费 5 个月（<6）"],
        ),
        (
            person(id_number=man(date(1976, 6, 1)), state_or_collective_enterprise=True),
            True,
            ["男，50周岁（≥50）", "原国有/集体企业职工"],
        ),
        (
            person(id_number=man(date(1976, 6, 2)), state_or_collective_enterprise=True),
            False,
            ["男，49周岁（<50）", "原国有/集体企业职工"],
        ),
    ],
)
def test_older(facts, met, reasons):
    result = cat(facts, "older")
    assert result.name == "大龄失业人员"
    assert (result.met, result.reasons) == (met, reasons)


def test_older_without_valid_id():
    result = cat(person(id_number="123", ui_contribution_months=20), "older")
    assert not result.met
    assert "无法计算年龄" in result.reasons[0]


@pytest.mark.parametrize(
    ("code", "flag", "yes", "no"),
    [
        ("dibao", "dibao_urban", "享受城镇低保", "未享受城镇低保"),
        ("disabled", "disability_cert", "持残疾人证/残疾军人证", "无残疾人证/残疾军人证"),
        ("land_lost", "land_fully_requisitioned", "承包土地已全部被征收", "土地未全部被征收"),
        ("veteran", "veteran", "退役军人", "非退役军人"),
    ],
)
def test_status_plus_one_year_registration(code, flag, yes, no):
    exactly_one_year = person(**{flag: True}, registered_unemployed_on=date(2025, 6, 1))
    r = cat(exactly_one_year, code)
    assert r.met
    assert r.reasons == [yes, "登记失业已满 1 年（2025-06-01 起）"]

    short = person(**{flag: True}, registered_unemployed_on=date(2025, 7, 8))
    r = cat(short, code)
    assert not r.met
    assert r.reasons == [yes, "未登记失业满 1 年（2025-07-08 起，还差 37 天）"]

    r = cat(person(registered_unemployed_on=date(2020, 1, 1)), code)
    assert not r.met
    assert r.reasons[0] == no

    r = cat(person(**{flag: True}, registered_unemployed_on=None), code)
    assert not r.met and r.reasons[1] == "未办理失业登记"

    r = cat(person(**{flag: True}, registered_unemployed_on=date(2020, 1, 1), employed=True), code)
    assert not r.met and r.reasons[1] == "目前已就业，不再处于登记失业状态"


def test_zero_household():
    r = cat(person(zero_employment_household=True), "zero_household")
    assert r.met and r.reasons == ["属城镇零就业家庭", "家中尚无其他成员被认定"]
    r = cat(person(zero_employment_household=True, household_member_already_certified=True), "zero_household")
    assert not r.met
    assert r.reasons[1] == "家中已有其他成员被认定（每户限 1 人）"
    r = cat(person(), "zero_household")
    assert not r.met and r.reasons[0] == "不属于城镇零就业家庭"


def test_long_term():
    r = cat(person(registered_unemployed_on=date(2024, 6, 1)), "long_term")
    assert r.met and r.reasons == ["连续失业已满 2 年（2024-06-01 起）"]
    r = cat(person(registered_unemployed_on=date(2024, 6, 2)), "long_term")
    assert not r.met and r.reasons == ["未连续失业满 2 年（2024-06-02 起，还差 1 天）"]
    r = cat(person(registered_unemployed_on=date(2020, 1, 1), employed=True), "long_term")
    assert not r.met and r.reasons == ["目前已就业，不再处于连续失业状态"]


def test_registration_on_29_february():
    # No 29 Feb in 2025: the year is full on 28 Feb (month-end rule).
    r = evaluate(person(dibao_urban=True, registered_unemployed_on=date(2024, 2, 29)), date(2025, 2, 28))
    assert r.category("dibao").met


def test_graduate_not_college():
    r = cat(person(family_dibao=True), "graduate")
    assert not r.met and r.reasons == ["无全日制大专及以上学历"]


def test_graduate_one_year_unemployed_and_registered():
    facts = person(
        college_fulltime=True, graduated_on=date(2025, 6, 1), registered_unemployed_on=date(2025, 6, 1)
    )
    r = cat(facts, "graduate")
    assert r.met
    assert r.reasons == [
        "全日制大专及以上学历",
        "满足：毕业已满 1 年未就业（2025-06-01 毕业）；登记失业已满 1 年（2025-06-01 起）",
    ]


def test_graduate_not_yet_one_year():
    facts = person(
        college_fulltime=True, graduated_on=date(2025, 7, 1), registered_unemployed_on=date(2025, 7, 1)
    )
    r = cat(facts, "graduate")
    assert not r.met
    assert r.reasons[1].startswith("以下条件均不满足：毕业未满 1 年（2025-07-01 毕业，还差 30 天）")
    assert "非城乡低保家庭" in r.reasons[1]
    assert "无残疾人证" in r.reasons[1]


@pytest.mark.parametrize(
    ("flag", "text"),
    [
        ("family_dibao", "城乡低保家庭"),
        ("family_poverty_lifted", "脱贫家庭（含监测户）"),
        ("disability_cert", "持残疾人证/残疾军人证"),
    ],
)
def test_graduate_family_or_disability(flag, text):
    r = cat(person(college_fulltime=True, graduated_on=date(2026, 5, 1), **{flag: True}), "graduate")
    assert r.met
    assert r.reasons[1] == f"满足：{text}"


def test_graduate_missing_graduation_date():
    r = cat(person(college_fulltime=True), "graduate")
    assert not r.met and "未记录毕业日期" in r.reasons[1]


def test_other_needs_note():
    r = cat(person(other_category_note="  "), "other")
    assert not r.met and r.reasons == ["未填写其他情形说明及决定文件"]
    r = cat(person(other_category_note="太原市人民政府确定：长期照护家属（并政发〔2025〕1号）"), "other")
    assert r.met and r.reasons == [
        "市政府确定的其他情形：太原市人民政府确定：长期照护家属（并政发〔2025〕1号）"
    ]


def test_appears_eligible():
    assert evaluate(person(dibao_urban=True), TODAY).appears_eligible
    assert [c.code for c in evaluate(person(dibao_urban=True), TODAY).met_categories] == ["dibao"]
    assert not evaluate(person(), TODAY).appears_eligible  # basic ok, no category
    assert not evaluate(person(dibao_urban=True, hukou_in_shanxi=False), TODAY).appears_eligible


def test_defaults_never_make_anyone_eligible():
    e = evaluate(PersonFacts(), TODAY)
    assert not e.basic_ok
    assert not any(c.met for c in e.categories)


def test_thresholds_come_from_data(monkeypatch):
    data = copy.deepcopy(load("eligibility"))
    data["category"][0]["min_age_female"] = 45
    data["basic"]["retirement_age_female"] = 50
    monkeypatch.setattr(eligibility, "load", lambda name: data)
    e = evaluate(person(ui_contribution_months=6, id_number=woman(date(1975, 1, 1))), TODAY)
    assert e.basic_reasons[1] == "女，51周岁，已达法定退休年龄（50周岁）"
    assert e.category("older").reasons[0] == "女，51周岁（≥45）"
    assert (
        evaluate(person(ui_contribution_months=6), TODAY).category("older").reasons[0] == "女，40周岁（<45）"
    )
