"""Which 就业困难人员 categories a person *appears* to meet, and why.

The result explains every check in a Chinese sentence; a person makes the decision.
Numbers come from resources/rules/eligibility.toml.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.rules._data import RuleDataError, load
from app.rules._dates import add_years
from app.rules.active import current
from app.rules.facts import PersonFacts
from app.rules.idcard import IdInfo, IdNumberError, parse_id

_Rule = Callable[["_Ctx", dict[str, Any]], tuple[bool, list[str]]]


@dataclass(slots=True)
class CategoryResult:
    code: str
    name: str
    met: bool
    reasons: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Eligibility:
    basic_ok: bool
    basic_reasons: list[str]
    categories: list[CategoryResult]
    id_info: IdInfo | None = None
    rules_version: str = ""  # the rule set that produced this result (RuleSet.version)

    @property
    def appears_eligible(self) -> bool:
        return self.basic_ok and any(c.met for c in self.categories)

    @property
    def met_categories(self) -> list[CategoryResult]:
        return [c for c in self.categories if c.met]

    def category(self, code: str) -> CategoryResult:
        for c in self.categories:
            if c.code == code:
                return c
        raise KeyError(code)


def _rules() -> dict[str, Any]:
    return load("eligibility")


def category_names() -> list[tuple[str, str]]:
    """(code, name) of the nine categories, in form order."""
    return [(c["code"], c["name"]) for c in _rules()["category"]]


@dataclass(slots=True)
class _Ctx:
    facts: PersonFacts
    today: date
    info: IdInfo | None
    id_error: str


def _age_text(ctx: _Ctx) -> str:
    assert ctx.info is not None
    return f"{ctx.info.sex}，{ctx.info.age}周岁"


def _registered_for(ctx: _Ctx, years: int, continuous: bool = False) -> tuple[bool, str]:
    """Whether the latest 失业登记 is at least ``years`` old and the person is still unemployed."""
    f = ctx.facts
    what = "连续失业" if continuous else "登记失业"
    if f.registered_unemployed_on is None:
        return False, "未办理失业登记"
    if f.employed:
        return False, f"目前已就业，不再处于{what}状态"
    start = f.registered_unemployed_on
    full_on = add_years(start, years)
    if ctx.today >= full_on:
        return True, f"{what}已满 {years} 年（{start.isoformat()} 起）"
    left = (full_on - ctx.today).days
    return False, f"未{what}满 {years} 年（{start.isoformat()} 起，还差 {left} 天）"


def _flag(ok: bool, yes: str, no: str) -> tuple[bool, str]:
    return ok, yes if ok else no


def _older(ctx: _Ctx, cfg: dict[str, Any]) -> tuple[bool, list[str]]:
    if ctx.info is None:
        return False, [f"{ctx.id_error}，无法计算年龄"]
    limit = cfg["min_age_male"] if ctx.info.sex == "男" else cfg["min_age_female"]
    age_ok = ctx.info.age >= limit
    age_reason = f"{_age_text(ctx)}（{'≥' if age_ok else '<'}{limit}）"
    f = ctx.facts
    months_needed = cfg["min_ui_contribution_months"]
    months_ok = f.ui_contribution_months >= months_needed
    cmp = "≥" if months_ok else "<"
    months_text = f"失业保险缴费 {f.ui_contribution_months} 个月（{cmp}{months_needed}）"
    if f.state_or_collective_enterprise:
        source_ok, source_reason = True, "原国有/集体企业职工"
    elif months_ok:
        source_ok, source_reason = True, months_text
    else:
        source_ok, source_reason = False, f"非原国有/集体企业职工，且{months_text}"
    return age_ok and source_ok, [age_reason, source_reason]


def _with_registration(flag: str, yes: str, no: str) -> _Rule:
    """Rule shape shared by several categories: a recorded status plus ≥ N years registered."""

    def rule(ctx: _Ctx, cfg: dict[str, Any]) -> tuple[bool, list[str]]:
        ok1, r1 = _flag(getattr(ctx.facts, flag), yes, no)
        ok2, r2 = _registered_for(ctx, cfg["min_registered_years"])
        return ok1 and ok2, [r1, r2]

    return rule


def _zero_household(ctx: _Ctx, cfg: dict[str, Any]) -> tuple[bool, list[str]]:
    f = ctx.facts
    ok1, r1 = _flag(f.zero_employment_household, "属城镇零就业家庭", "不属于城镇零就业家庭")
    limit = cfg["max_certified_per_household"]
    if f.household_member_already_certified:
        ok2, r2 = False, f"家中已有其他成员被认定（每户限 {limit} 人）"
    else:
        ok2, r2 = True, "家中尚无其他成员被认定"
    return ok1 and ok2, [r1, r2]


def _long_term(ctx: _Ctx, cfg: dict[str, Any]) -> tuple[bool, list[str]]:
    ok, reason = _registered_for(ctx, cfg["min_registered_years"], continuous=True)
    return ok, [reason]


def _graduate(ctx: _Ctx, cfg: dict[str, Any]) -> tuple[bool, list[str]]:
    f = ctx.facts
    if not f.college_fulltime:
        return False, ["无全日制大专及以上学历"]
    reasons = ["全日制大专及以上学历"]
    years = cfg["min_years_after_graduation"]
    if f.graduated_on is None:
        grad_ok, grad_reason = False, "未记录毕业日期"
    elif f.employed:
        grad_ok, grad_reason = False, "目前已就业"
    else:
        full_on = add_years(f.graduated_on, years)
        grad_ok = ctx.today >= full_on
        since = f"{f.graduated_on.isoformat()} 毕业"
        if grad_ok:
            grad_reason = f"毕业已满 {years} 年未就业（{since}）"
        else:
            grad_reason = f"毕业未满 {years} 年（{since}，还差 {(full_on - ctx.today).days} 天）"
    reg_ok, reg_reason = _registered_for(ctx, cfg["min_registered_years"])
    options = [
        (grad_ok and reg_ok, f"{grad_reason}；{reg_reason}"),
        _flag(f.family_dibao, "城乡低保家庭", "非城乡低保家庭"),
        _flag(f.family_poverty_lifted, "脱贫家庭（含监测户）", "非脱贫家庭或监测户"),
        _flag(f.disability_cert, "持残疾人证/残疾军人证", "无残疾人证"),
    ]
    met = [text for ok, text in options if ok]
    if met:
        reasons.append("满足：" + "；".join(met))
        return True, reasons
    reasons.append("以下条件均不满足：" + "；".join(text for _, text in options))
    return False, reasons


def _other(ctx: _Ctx, cfg: dict[str, Any]) -> tuple[bool, list[str]]:
    note = ctx.facts.other_category_note.strip()
    if note:
        return True, [f"市政府确定的其他情形：{note}"]
    return False, ["未填写其他情形说明及决定文件"]


_RULES: dict[str, _Rule] = {
    "older": _older,
    "dibao": _with_registration("dibao_urban", "享受城镇低保", "未享受城镇低保"),
    "disabled": _with_registration("disability_cert", "持残疾人证/残疾军人证", "无残疾人证/残疾军人证"),
    "zero_household": _zero_household,
    "land_lost": _with_registration("land_fully_requisitioned", "承包土地已全部被征收", "土地未全部被征收"),
    "veteran": _with_registration("veteran", "退役军人", "非退役军人"),
    "long_term": _long_term,
    "graduate": _graduate,
    "other": _other,
}


def _basic(ctx: _Ctx) -> tuple[bool, list[str]]:
    cfg = _rules()["basic"]
    f = ctx.facts
    checks: list[tuple[bool, str]] = [
        _flag(f.hukou_in_shanxi, f"{cfg['province_name']}户籍", f"非{cfg['province_name']}户籍"),
    ]
    if ctx.info is None:
        checks.append((False, f"{ctx.id_error}，无法判断是否在法定劳动年龄内"))
    else:
        lo = cfg["min_age"]
        hi = cfg["retirement_age_male"] if ctx.info.sex == "男" else cfg["retirement_age_female"]
        age = ctx.info.age
        if age < lo:
            checks.append((False, f"{_age_text(ctx)}，未满{lo}周岁"))
        elif age >= hi:
            checks.append((False, f"{_age_text(ctx)}，已达法定退休年龄（{hi}周岁）"))
        else:
            checks.append((True, f"{_age_text(ctx)}，在法定劳动年龄内（{lo}–{hi - 1}周岁）"))
    if f.able_to_work and f.willing_to_work:
        checks.append((True, "有劳动能力和就业意愿"))
    else:
        lacks = ((f.able_to_work, "劳动能力"), (f.willing_to_work, "就业意愿"))
        missing = "、".join(name for ok, name in lacks if not ok)
        checks.append((False, f"无{missing}"))
    reg = f.registered_unemployed_on
    if reg is None:
        checks.append((False, "未办理失业登记"))
    elif reg > ctx.today:
        checks.append((False, f"失业登记日期晚于今天（{reg.isoformat()}）"))
    elif f.employed:
        checks.append((False, f"目前已就业，失业登记（{reg.isoformat()}）应终止"))
    else:
        checks.append((True, f"已办理失业登记（{reg.isoformat()}）"))
    return all(ok for ok, _ in checks), [text for _, text in checks]


def evaluate(facts: PersonFacts, today: date) -> Eligibility:
    """Evaluate the basic conditions and all nine categories for ``facts`` on ``today``."""
    try:
        info, id_err = parse_id(facts.id_number, today), ""
    except IdNumberError as exc:
        info, id_err = None, f"身份证号码无效（{exc}）"
    ctx = _Ctx(facts, today, info, id_err)
    basic_ok, basic_reasons = _basic(ctx)
    results = []
    for cfg in _rules()["category"]:
        rule = _RULES.get(cfg["code"])
        if rule is None:
            raise RuleDataError(f"eligibility.toml 中的类别没有对应规则：{cfg['code']}")
        met, reasons = rule(ctx, cfg)
        results.append(CategoryResult(cfg["code"], cfg["name"], met, reasons))
    return Eligibility(basic_ok, basic_reasons, results, info, current().version)
