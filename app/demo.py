"""Synthetic demo data: made-up people in real Shanxi places, entered the way an office enters them.

Every household, person, application, workflow step, visit, service and help plan is made by the ``app.ops``
function a user's action runs, with ``today`` stepping forward through time: a worker registers a household,
records the intake visit, applies for a category the person's recorded facts meet on that day, ticks the
materials, submits; the case passes each step in order, done by the role that does it (worker, 经办人员,
督导/审核) on working days, publicity lasting at least its minimum; a helped person is visited, offered
services, and leaves the way a worker proposes it: an exit proposal with its evidence (退出待审), decided by the
supervisor. The supervisor reviews the visits, help plans and case steps a few working days after they are made
(``ops.reviews``; a few are returned, answered and approved), so only the last days' work waits in the review
queue. So the demo can never show a step the rules refuse, or a certified person the eligibility panel rejects.

ID numbers have valid check characters but are generated (``make_id``); nothing here describes a real person.
Deterministic for a given seed and date (record ids aside). Households are made in chunks, each chunk one
``records.batch()`` transaction: the operations run unchanged, only the commit is shared.
"""

from __future__ import annotations

import datetime as dt
import heapq
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from app import areas, ops, settings, vocabulary
from app.collection import Collection
from app.queries.exit_signals import exit_signals
from app.queries.person_detail import facts_for
from app.rules import workflow
from app.rules._data import load
from app.rules._dates import add_months, add_years
from app.rules.eligibility import evaluate
from app.rules.followups import schedule_after_employment
from app.rules.idcard import make_id
from app.rules.service_package import refused_text
from app.rules.workdays import add_workdays, is_workday
from app.store.tables import TABLES

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉宇浩凯健俊帆帅旭宁龙林欣晨阳建国志文斌波海东亮成峰新春梅兰凤琴云莲真雪荣爱妹香月莹晶慧巧美娇淑惠珠翠雅芝瑶怡婷嘉琳"
ROADS = {
    "140105001001": ("坞城南路", "坞城路", "体育路"),
    "140105001002": ("东岗路", "双塔南路", "平阳路"),
    "140105001003": ("学府街", "长治路", "南中环街"),
    "140105002001": ("营盘街", "朝阳街", "建设南路"),
    "140105002002": ("府东街", "建设北路", "迎泽大街"),
    "140106001001": ("柳巷", "钟楼街", "桥头街"),
    "140106001002": ("桥头街", "解放路", "大南门"),
    "140213001001": ("南关南街", "迎宾街", "永泰南路"),
}
EDUCATION = vocabulary.values("education")  # the choice lists of resources/vocabulary.toml
REASONS = tuple(c.value for c in vocabulary.choices("unemployment_reason") if not c.other)
JOBS = ("保洁员", "保安员", "收银员", "仓库管理员", "快递员", "家政服务员", "餐厅服务员", "电工", "文员", "网约车司机")
INDUSTRIES = ("物业", "零售", "物流", "家政", "餐饮", "制造业", "社区服务")
EMPLOYERS = ("太原市某物业服务有限公司", "小店区某超市", "某快递网点", "某家政服务中心", "某餐饮管理有限公司",
             "某电子制造有限公司")
NEEDS = tuple(c.value for c in vocabulary.choices("service_need") if not c.none)
INTENTIONS = vocabulary.values("intention")[:3]  # the three that want work (demo people all do)
# Categories a worker applies for, with how often (zero_household only where the household is one).
CATEGORY_WEIGHTS = (("older", 26), ("dibao", 12), ("disabled", 7), ("land_lost", 6), ("veteran", 4),
                    ("long_term", 30), ("graduate", 12), ("other", 1))
# Why a helped person leaves (the exit proposal's reason); "employed" follows a visit that found work. Each is
# proposed by the worker with its evidence (退出待审) and decided by the supervisor in the review queue.
EXIT_WEIGHTS = (("employed", 80), ("lost_contact", 8), ("refused_service", 7), ("other", 5))
OTHER_EXIT_NOTE = "本人随子女迁往外省居住"
EXIT_DECISION_NOTES = {"employed": "核实已就业", "lost_contact": "多次电话、入户均未联系上，同意退出",
                       "refused_service": "拒绝服务记录属实，同意退出", "other": "已核实迁居情况"}
# The supervisor reviews an item this many working days after it was made (weights): most within the
# three-day limit of resources/rules/review.toml, a few late. Items younger than that are still waiting.
REVIEW_DELAYS = ((1, 25), (2, 35), (3, 25), (4, 10), (6, 5))
# Share of items returned, and (what the supervisor writes, what the worker answers 1–3 working days later, the
# measure the worker adds to the help plan first). A visit cannot be edited once recorded: the answer is the fix.
RETURN_SHARE = {"visit": 0.05, "help_plan": 0.12, "case_step": 0.0}
RETURNS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "visit": (("四清信息不完整：未写明其他家庭成员的就业状态，请补充。", "已电话联系户主核实：其他家庭成员就业状态无变化。", ""),
              ("服务需求只勾选了类别，未写明需要什么岗位或培训，请补充。",
               "本人希望在小店区内从事保洁、家政类工作，愿意参加家政服务员培训。", ""),
              ("走访记录未写明本人对推荐岗位的态度，请核实后补充。", "已电话核实：本人嫌路远未去面试，希望推荐离家近的岗位。", "")),
    "help_plan": (("帮扶措施只有岗位推荐和培训，未安排职业指导、政策咨询，达不到最低服务包要求，请补充。",
                   "已补充职业指导和政策咨询措施。", "开展一次职业指导并讲解就业援助政策"),
                  ("培训措施未写明培训工种，请补充。", "已写明推荐参加的培训工种。", "推荐参加家政服务员技能培训（下期开班）")),
}
# The other actors of an office, by role (the store's own user acts as the worker when it is one).
OFFICE = {"name": "office1", "display_name": "赵芳", "role": "office"}
SUPERVISOR = {"name": "wangjun", "display_name": "王军", "role": "supervisor"}
DEMO_WORKER = {"name": "zhangli", "display_name": "张丽", "role": "worker"}
OTHER_NOTE = ("因病长期失业的低收入家庭成员（演示）", "示例市人民政府就业困难人员认定补充规定（演示文号）")


def _name(rng: random.Random) -> str:
    given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
    return rng.choice(SURNAMES) + given


def _phone(rng: random.Random) -> str:
    return "1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))


def _days_ago(rng: random.Random, today: dt.date, lo: int, hi: int) -> dt.date:
    return today - dt.timedelta(days=rng.randint(lo, hi))


def _workday(d: dt.date) -> dt.date:
    """``d`` if it is a working day, else the next one (offices act on working days)."""
    while not is_workday(d):
        d += dt.timedelta(days=1)
    return d


def _person(rng: random.Random, today: dt.date, area: str, household_id: str, relation: str,
            age_range: tuple[int, int], surname: str | None = None) -> dict[str, Any]:
    """Facts of one synthetic person as known on ``today`` (also the benchmark's raw person rows)."""
    age = rng.randint(*age_range)
    birth = today.replace(year=today.year - age) - dt.timedelta(days=rng.randint(1, 360))
    seq = rng.randint(1, 499) * 2 + rng.choice((0, 1))
    name = (surname or rng.choice(SURNAMES)) + _name(rng)[1:]
    unemployed = rng.random() < 0.62
    status = "unemployed" if unemployed else rng.choice(("employed", "employed", "self_employed", "retired"))
    return {
        "household_id": household_id, "name": name, "id_number": make_id(area[:6], birth, seq),
        "phone": _phone(rng), "relation": relation, "education": rng.choice(EDUCATION),
        "hukou_in_shanxi": rng.random() < 0.96, "able_to_work": rng.random() < 0.95, "willing_to_work": True,
        "employment_status": status,
        "employed_on": None if unemployed else _days_ago(rng, today, 20, 600),
        "registered_unemployed_on": _days_ago(rng, today, 30, 1100) if unemployed else None,
        "unemployment_reason": rng.choice(REASONS) if unemployed else None,
        "dibao_urban": rng.random() < 0.12, "disability_cert": rng.random() < 0.06,
        "veteran": rng.random() < 0.04, "land_fully_requisitioned": rng.random() < 0.05,
        "state_or_collective_enterprise": rng.random() < 0.3, "ui_contribution_months": rng.randint(0, 60),
        "college_fulltime": rng.random() < 0.15, "intended_job": rng.choice(JOBS),
        "intended_industry": rng.choice(INDUSTRIES), "intended_area": "小店区",
        "intended_wage": f"{rng.choice((25, 30, 35, 40, 45))}00元/月",
        "skill_level": rng.choice(("无", "初级工", "中级工")), "training_wish": rng.choice(("愿意参加", "暂不参加", "视情况")),
        "contact_method": "电话", "next_visit_on": today + dt.timedelta(days=rng.randint(-10, 30)),
    }


# --- the office's actors --------------------------------------------------------------------------------------

class _Actors:
    """Switches the collection's user to the role a step needs, as the real actors would act."""

    def __init__(self, col: Collection) -> None:
        self.col = col
        self.original = col.user
        scope = {"areas": self.original.get("areas") or []}
        worker = self.original if self.original.get("role") == "worker" else DEMO_WORKER
        self.users = {"worker": {**worker, **scope}, "office": {**OFFICE, **scope},
                      "supervisor": {**SUPERVISOR, **scope}}
        self.current = ""

    def be(self, role: str) -> None:
        if role != self.current:
            self.col.set_user(self.users[role])
            self.current = role

    def restore(self) -> None:
        self.col.set_user(self.original)


def _know_actors(col: Collection, actors: _Actors) -> None:
    """The demo office's people join the user directory, as a sync with the demo platform would add them, so
    the records they changed show their names (app/queries/names.py)."""
    known = settings.USER_DIRECTORY.get(col)
    mine = {u["name"]: {"display_name": u["display_name"], "role": u["role"]} for u in actors.users.values()
            if u.get("name") and u.get("display_name")}
    if any(login not in known for login in mine):
        ops.settings.set_value(col, settings.USER_DIRECTORY, {**mine, **known})


# --- planning: what happens to one household, decided up front from the seed ----------------------------------

# (day, phase, order, what): phase 1 is the supervisor's review session after the day's other work, so the
# collection's user changes role once a day for it rather than between every two items.
Event = tuple[dt.date, int, int, Callable[[], None]]


@dataclass
class _Plan:
    """The events of one chunk of households, run in date order (``today`` steps forward)."""

    today: dt.date
    actors: _Actors
    events: list[Event] = field(default_factory=list)
    seq: int = 0
    route: dict[dt.date, int] = field(default_factory=dict)
    # The office's own draws (reviews, exits): the household draws of the seed stay as they were.
    office: random.Random = field(default_factory=random.Random)

    def at(self, day: dt.date, fn: Callable[[], None], phase: int = 0) -> None:
        self.seq += 1
        heapq.heappush(self.events, (day, phase, self.seq, fn))

    def run(self) -> None:
        while self.events:
            _day, _phase, _seq, fn = heapq.heappop(self.events)
            fn()

    def review(self, kind: str, item_id: str, made_on: dt.date, *, may_return: bool = True) -> None:
        """The supervisor reviews an item a few working days after it was made (through ``ops.reviews``): most
        are approved; a few are returned with a comment, answered by the worker, and approved after the answer.
        A review that would fall after today has not happened yet: the item waits in the queue."""
        rng = self.office
        day = add_workdays(made_on, rng.choices([d for d, _ in REVIEW_DELAYS], [w for _, w in REVIEW_DELAYS])[0])
        if day > self.today:
            return
        returned = may_return and rng.random() < RETURN_SHARE[kind]
        comment, answer, measure = rng.choice(RETURNS[kind]) if returned else ("", "", "")
        answer_on = add_workdays(day, rng.randint(1, 3))
        col = self.actors.col

        def decide() -> None:
            self.actors.be("supervisor")
            if not returned:
                ops.reviews.approve(col, kind, item_id, today=day)
                return
            review_id = ops.reviews.return_(col, kind, item_id, comment, today=day)
            if answer_on <= self.today:  # else the return is on the worker's to-do at demo start
                self.at(answer_on, lambda: self._answer(kind, item_id, review_id, answer, measure, answer_on))

        self.at(day, decide, phase=1)

    def _answer(self, kind: str, item_id: str, review_id: str, text: str, measure: str, on: dt.date) -> None:
        """The worker corrects the help plan (a new version, so it is reviewed again) and answers the return."""
        self.actors.be("worker")
        col = self.actors.col
        if measure:
            hp = col.records.get("help_plan", item_id)
            worker = self.actors.users["worker"]
            added = {"text": measure, "owner": worker.get("display_name") or worker["name"],
                     "target_on": (on + dt.timedelta(days=30)).isoformat(), "done": False}
            ops.plans.save_help_plan(col, hp["person_id"], {"measures": [*(hp.get("measures") or []), added]})
        ops.reviews.answer(col, review_id, text, today=on)
        self.review(kind, item_id, on, may_return=False)  # back in the queue: approved after the answer


def _age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _birth_for(rng: random.Random, day: dt.date, lo: int, hi: int) -> dt.date:
    """A birth date giving an age in [lo, hi] on ``day``."""
    age = rng.randint(lo, hi)
    return add_years(day, -age - 1) + dt.timedelta(days=rng.randint(1, 364))


def _retirement(sex_male: bool) -> int:
    basic = load("eligibility")["basic"]
    return basic["retirement_age_male"] if sex_male else basic["retirement_age_female"]


def _category_for(rng: random.Random, m: dict[str, Any], applied: dt.date, zero_open: bool) -> str | None:
    """A category this member can be made to meet on ``applied`` (None: nobody would apply)."""
    age, male = m["age_on"](applied), m["male"]
    if not 16 <= age < _retirement(male):
        return None
    if zero_open:
        return "zero_household"
    cfg = {c["code"]: c for c in load("eligibility")["category"]}["older"]
    choices = [(c, w) for c, w in CATEGORY_WEIGHTS
               if (c != "older" or age >= (cfg["min_age_male"] if male else cfg["min_age_female"]))
               and (c != "graduate" or 24 <= age <= 32)
               and (c not in ("long_term",) or age >= 20)]
    return rng.choices([c for c, _ in choices], [w for _, w in choices])[0]


def _make_meet(rng: random.Random, v: dict[str, Any], category: str, applied: dt.date, registered: dt.date) -> None:
    """Set the facts an applicant for ``category`` has: the basic conditions and the category's own."""
    v.update(hukou_in_shanxi=True, able_to_work=True, willing_to_work=True, employment_status="unemployed")
    years = {c["code"]: c.get("min_registered_years", 0) for c in load("eligibility")["category"]}[category]
    latest = min(registered, add_years(applied, -years) - dt.timedelta(days=1))
    reg = v.get("registered_unemployed_on")
    if reg is None or reg > latest:
        v["registered_unemployed_on"] = latest - dt.timedelta(days=rng.randint(0, 300))
    if category == "older" and not v["state_or_collective_enterprise"]:
        v["ui_contribution_months"] = max(v["ui_contribution_months"], rng.randint(6, 60))
    flag = {"dibao": "dibao_urban", "disabled": "disability_cert", "land_lost": "land_fully_requisitioned",
            "veteran": "veteran"}.get(category)
    if flag:
        v[flag] = True
    if category == "graduate":
        grad = add_years(v["registered_unemployed_on"], 0) - dt.timedelta(days=rng.randint(10, 200))
        v.update(college_fulltime=True, education=rng.choice(("大专", "本科")), graduated_on=grad)


def _household(plan: _Plan, rng: random.Random, area: str, used_ids: set[str]) -> None:
    today, actors = plan.today, plan.actors
    registered = _workday(_days_ago(rng, today, 20, 900))
    if registered > today:
        registered = _workday(today - dt.timedelta(days=7))
    road = rng.choice(ROADS.get(area, ("建设路", "解放路")))
    zero = rng.random() < 0.08
    household = {
        "address": f"{areas.name_of(area[:6] + '000000')}{road}{rng.randint(1, 300)}号{rng.randint(1, 12)}单元"
                   f"{rng.randint(1, 6)}0{rng.randint(1, 4)}室",
        "zero_employment": zero, "zero_flagged_on": _days_ago(rng, registered, 0, 300) if zero else None,
        "dibao": rng.random() < 0.1, "poverty_lifted": rng.random() < 0.05,
    }
    head_age = rng.randint(28, 58)
    members = [_member(rng, registered, area, "户主", (head_age, head_age), None, used_ids)]
    surname = members[0]["values"]["name"][0]
    if rng.random() < 0.75:
        members.append(_member(rng, registered, area, "配偶", (max(22, head_age - 6), min(60, head_age + 4)),
                               None, used_ids))
    for _ in range(rng.choice((0, 0, 1, 1, 2)) if head_age >= 42 else 0):  # grown-up children only
        members.append(_member(rng, registered, area, "子女", (18, min(32, head_age - 22)), surname, used_ids))
    if zero:
        for m in members:
            v = m["values"]
            if v["employment_status"] != "retired":
                v.update(employment_status="unemployed",
                         registered_unemployed_on=v.get("registered_unemployed_on") or _days_ago(rng, registered,
                                                                                                 30, 700))
    # Who applies, when, for what: decided now so the facts registered are the ones the category needs.
    zero_open = zero
    for m in members:
        v = m["values"]
        if v["employment_status"] != "unemployed" or rng.random() >= 0.45:
            continue
        recent = rng.random() < 0.25
        applied = _workday(_days_ago(rng, today, 0, 45) if recent else registered + dt.timedelta(
            days=rng.randint(0, 40)))
        applied = max(applied, registered)
        if applied > today:
            continue
        category = _category_for(rng, m, applied, zero_open)
        if category is None:
            continue
        zero_open = False
        _make_meet(rng, v, category, applied, registered)
        m["case"] = (category, applied)
    state: dict[str, Any] = {}

    def register() -> None:
        actors.be("worker")
        hid, pids = ops.people.register_household(
            actors.col, area_code=area, household=household, members=[m["values"] for m in members],
            today=registered)
        state["household"], state["persons"] = hid, pids

    plan.at(registered, register)
    for i, m in enumerate(members):
        if m["values"]["employment_status"] == "unemployed" or i == 0:
            _intake_visit(plan, rng, state, i, m, registered, members)
        if "case" in m:
            _case(plan, rng, state, i, m)


def _member(rng: random.Random, registered: dt.date, area: str, relation: str, age_range: tuple[int, int],
            surname: str | None, used_ids: set[str]) -> dict[str, Any]:
    p = _person(rng, registered, area, "", relation, age_range, surname)
    birth = dt.date(int(p["id_number"][6:10]), int(p["id_number"][10:12]), int(p["id_number"][12:14]))
    idn = p["id_number"]
    while idn in used_ids:  # one person per ID number: pick another sequence number
        idn = make_id(area[:6], birth, rng.randint(1, 999))
    used_ids.add(idn)
    p["id_number"] = idn
    if p["employment_status"] == "retired" and _age_on(birth, registered) < 50:
        p["employment_status"] = "employed"
    values = {k: p[k] for k in ops.people.PERSON_FIELDS if k in p}
    visit = {k: p[k] for k in ("unemployment_reason", "intended_job", "intended_industry", "intended_area",
                               "intended_wage", "skill_level", "training_wish")}
    male = int(idn[16]) % 2 == 1
    return {"values": values, "visit": visit, "birth": birth, "male": male,
            "age_on": lambda d, b=birth: _age_on(b, d)}


def _intake_visit(plan: _Plan, rng: random.Random, state: dict[str, Any], i: int, m: dict[str, Any],
                  on: dt.date, members: list[dict[str, Any]]) -> None:
    needs = rng.sample(NEEDS, rng.randint(1, 3))
    intention = rng.choice(INTENTIONS)
    nxt = on + dt.timedelta(days=rng.randint(20, 60))

    def visit() -> None:
        plan.actors.be("worker")
        pids = state["persons"]
        values = {"visited_on": on, "employment_status": m["values"]["employment_status"],
                  "employment_intention": intention if m["values"]["employment_status"] == "unemployed"
                  else "暂无意愿", "service_needs": needs, "notes": "入户走访，了解家庭及就业情况。",
                  "next_visit_on": nxt,
                  "members": [{"person_id": pid, "status": o["values"]["employment_status"]}
                              for pid, o in zip(pids, members, strict=True)],
                  **{k: v for k, v in m["visit"].items() if v}}
        plan.review("visit", ops.visits.record_visit(plan.actors.col, pids[i], values, [], today=on), on)

    plan.at(on, visit)


def _case(plan: _Plan, rng: random.Random, state: dict[str, Any], i: int, m: dict[str, Any]) -> None:
    """The application and each step after it, on the days the rules allow, until ``today``."""
    today, actors = plan.today, plan.actors
    category, applied = m["case"]
    col = actors.col
    case: dict[str, str] = {}
    seen: set[str] = set()

    def review_steps(day: dt.date) -> None:
        """The supervisor reviews the step just taken (an exit proposal is reviewed by deciding it)."""
        new = [s for s in col.records.children("case_step", "case_id", case["id"]) if s["id"] not in seen]
        for s in sorted(new, key=lambda s: (s["done_on"], s["action"])):  # ids are random: a stable order
            seen.add(s["id"])
            if s["action"] != ops.exits.PROPOSE:
                plan.review("case_step", s["id"], day)

    def add(day: dt.date, fn: Callable[[dt.date], None]) -> bool:
        """Schedule ``fn`` for ``day`` unless that is after today (then the case waits there)."""
        if day > today:
            return False
        plan.at(day, lambda: fn(day))
        return True

    def step(role: str, action: str, **kw: Any) -> Callable[[dt.date], None]:
        def run(day: dt.date) -> None:
            actors.be(role)
            if action == ops.exits.APPROVE:  # decided in the review queue, as the review view does
                ops.exits.decide_exit(col, case["id"], True, actor=actors.users[role]["display_name"], today=day,
                                      **kw)
            elif action == ops.exits.PROPOSE:  # the worker's proposal with its evidence (退出待审)
                _propose_exit(actors, case["id"], day, **kw)
            else:
                ops.cases.workflow_action(col, case["id"], action, today=day, **kw)
            review_steps(day)
        return run

    def apply(day: dt.date) -> None:
        actors.be("worker")
        pid = state["persons"][i]
        person = col.records.get("person", pid)
        household = col.records.get("household", state["household"])
        met = evaluate(facts_for(person, household, case={"other_category_note": OTHER_NOTE[0]}), day)
        if not (met.basic_ok and met.category(category).met):  # the generator's own promise, kept honest
            raise AssertionError(f"demo applicant does not meet {category} on {day}: {met.basic_reasons}")
        extra = {"other_note": OTHER_NOTE[0], "other_document": OTHER_NOTE[1]} if category == "other" else {}
        case["id"] = ops.applications.apply(col, pid, category=category, today=day, **extra)
        review_steps(day)

    add(applied, apply)
    codes = [mat.code for mat in workflow.materials(category)]
    got = _workday(applied + dt.timedelta(days=rng.randint(0, 4)))
    complete = rng.random() < 0.9  # else still waiting for the ID card copy: stays 已申请

    def materials(_day: dt.date) -> None:
        actors.be("worker")
        ops.cases.save_materials(col, case["id"], {c: complete or n > 0 for n, c in enumerate(codes)})

    if not add(got, materials) or not complete:
        return
    # (role, action, working days after the previous step, options): who does what, in order.
    chain: list[tuple[str, str, int, dict[str, Any]]] = [("worker", "submit", rng.randint(0, 3), {})]
    if rng.random() < 0.08:  # 退回补正, then submitted again
        chain += [("worker", "return", rng.randint(1, 4), {"note": "材料信息不完整，请补充后重新提交"}),
                  ("worker", "submit", rng.randint(1, 5), {})]
    minimum = workflow.stage("publicity").min_workdays or 0
    chain += [("worker", "pass_community", rng.randint(1, 6), {}),
              ("worker", "end_publicity", minimum + rng.choice((0, 0, 0, 1, 2)), {})]
    if rng.random() < 0.04:
        chain.append(("office", "reject", rng.randint(1, 6), {"note": "复核发现不符合认定条件"}))
    else:
        chain += [("office", "pass_street", rng.randint(1, 6), {}), ("supervisor", "certify", rng.randint(1, 9), {}),
                  ("worker", "start_help", rng.randint(0, 5), {})]
    day = got
    for role, action, delay, kw in chain:
        day = add_workdays(day, delay)
        if not add(day, step(role, action, **kw)):
            return
    if chain[-1][1] == "start_help":
        _helping(plan, rng, state, i, day, step, add)


def _helping(plan: _Plan, rng: random.Random, state: dict[str, Any], i: int, start: dt.date,
             step: Callable[..., Callable[[dt.date], None]], add: Callable[..., bool]) -> None:
    """Help plan, visits every month or two with services, and perhaps an exit through the workflow."""
    today, actors, col = plan.today, plan.actors, plan.actors.col
    worker = actors.users["worker"].get("display_name") or actors.users["worker"]["name"]
    measures = [
        {"text": "推荐社区周边岗位", "owner": worker, "target_on": (start + dt.timedelta(days=30)).isoformat(),
         "done": False},
        {"text": "推荐参加技能培训", "owner": worker, "target_on": (start + dt.timedelta(days=60)).isoformat(),
         "done": rng.random() < 0.3},
    ]
    hp = {"difficulty_type": rng.choice(("技能不足", "年龄偏大", "家庭照护负担", "身体原因")),
          "difficulty_degree": rng.choice(("一般", "较重", "严重")), "strengths": "工作态度认真，愿意学习",
          "barriers": "缺少职业技能证书", "intentions": "就近就业，收入稳定", "measures": measures,
          "progress": "已开展岗位推荐"}

    def help_plan(day: dt.date) -> None:
        actors.be("worker")
        plan.review("help_plan", ops.plans.save_help_plan(col, state["persons"][i], hp), day)

    add(start, help_plan)
    leaves = rng.random() < 0.3
    leave_on = start + dt.timedelta(days=rng.randint(40, 500)) if leaves else None
    reason = rng.choices([r for r, _ in EXIT_WEIGHTS], [w for _, w in EXIT_WEIGHTS])[0]
    day = last_visit = start
    while True:
        day = _workday(day + dt.timedelta(days=rng.randint(25, 70)))
        if day > today or (leave_on and day >= leave_on):
            break
        _help_visit(plan, rng, state, i, day, add, employed=False)
        last_visit = day
    if leave_on is None or leave_on > today:
        if rng.random() < 0.5:  # the next visit is on the route this week
            planned = today + dt.timedelta(days=rng.choice((0, 0, 1, 2, 3, 5, 7)))
            order = plan.route[planned] = plan.route.get(planned, 0) + 1

            def plan_visit(_day: dt.date) -> None:
                actors.be("worker")
                ops.visits.plan_visit(col, state["persons"][i], planned, route_order=order)

            add(today, plan_visit)
        return
    day = _workday(leave_on)
    if reason == "employed":
        exit_on = add_workdays(day, rng.randint(1, 5))
        if exit_on > today:  # found work, the exit not yet done: still shown as helped (by the last visit)
            return
        _help_visit(plan, rng, state, i, day, add, employed=True)  # the visit proposes the exit
        add(exit_on, step("supervisor", "approve_exit", note=EXIT_DECISION_NOTES[reason]))  # in the review queue
        _followups(plan, state, i, day, exit_on, add)
        return
    office = plan.office
    if reason == "lost_contact":  # visits stopped at leave_on; proposed once the months without contact are over
        months = int(workflow.exit_reason_setting(reason, "months"))
        day = _workday(max(day, add_months(last_visit, months) + dt.timedelta(days=office.randint(5, 40))))
    elif reason == "refused_service":  # job offers refused without good reason before, recorded as services
        for n in range(int(workflow.exit_reason_setting(reason, "refusals"))):
            offered = _workday(start + dt.timedelta(days=(day - start).days * (n + 1) // 4))
            add(offered, _refused_offer(actors, state, i, offered, office.choice(EMPLOYERS), office.choice(JOBS)))
    if add(day, step("worker", "propose_exit", reason=reason)):
        add(add_workdays(day, office.randint(1, 5)), step("supervisor", "approve_exit",
                                                          note=EXIT_DECISION_NOTES[reason]))


def _refused_offer(actors: _Actors, state: dict[str, Any], i: int, on: dt.date, employer: str,
                   post: str) -> Callable[[dt.date], None]:
    """A job offered by phone and refused without good reason (it counts toward 拒绝服务)."""
    def offer(_day: dt.date) -> None:
        actors.be("worker")
        ops.visits.add_service(actors.col, state["persons"][i], {
            "kind": "job_recommendation", "employer": employer, "post": post, "wage": "3000元/月",
            "served_on": on, "channel": "phone", "result": refused_text()})
    return offer


def _propose_exit(actors: _Actors, case_id: str, day: dt.date, reason: str) -> None:
    """The worker proposes the exit with the evidence the to-do's exit signal offers (the refusals, the last
    contact), or with a note for 其他 — as the exit dialog does."""
    col = actors.col
    worker = actors.users["worker"].get("display_name") or actors.users["worker"]["name"]
    if reason == "other":
        ops.exits.propose_exit(col, case_id, reason, {}, actor=worker, today=day, note=OTHER_EXIT_NOTE)
        return
    person_id = col.records.get("assistance_case", case_id)["person_id"]
    found = [s for s in exit_signals(col, day, person_id) if s.case_id == case_id and s.reason == reason]
    if not found:  # the generator's own promise, kept honest
        raise AssertionError(f"demo exit {reason} on {day} has no exit signal")
    ops.exits.propose_exit(col, case_id, reason, found[0].evidence, actor=worker, today=day)


def _followups(plan: _Plan, state: dict[str, Any], i: int, employed_on: dt.date, exit_on: dt.date,
               add: Callable[..., bool]) -> None:
    """Most follow-ups of the job found are recorded by the worker a few days after they fall due (by phone,
    still employed); about one in ten is missed and stays overdue, as in a real office."""
    actors = plan.actors
    rng = random.Random(f"followups-{plan.seq}-{i}-{employed_on}")  # deterministic, and the plan's own draws unchanged
    for f in schedule_after_employment(employed_on):
        if rng.random() < 0.1:
            continue
        on = _workday(max(f.due_on, exit_on) + dt.timedelta(days=rng.randint(0, 3)))

        def record(_day: dt.date, kind: str = f.kind, due: dt.date = f.due_on, on: dt.date = on) -> None:
            actors.be("worker")
            pid = state["persons"][i]
            found = [r for r in actors.col.records.children("followup", "person_id", pid)
                     if r["kind"] == kind and r["due_on"] == due and not r.get("done_on") and not r["deleted"]]
            if found:
                ops.followups.record_followup(actors.col, found[0]["id"], {
                    "contact_method": "phone", "contacted": True, "still_employed": True, "done_on": on,
                    "note": "电话回访，在岗稳定"}, today=on)

        add(on, record)


def _help_visit(plan: _Plan, rng: random.Random, state: dict[str, Any], i: int, on: dt.date,
                add: Callable[..., bool], *, employed: bool) -> bool:
    actors = plan.actors
    services = []
    for kind in rng.sample(("job_recommendation", "job_recommendation", "career_guidance", "policy_consultation",
                            "training"), rng.randint(0, 2)):
        extra = {"employer": rng.choice(EMPLOYERS), "post": rng.choice(JOBS), "wage": "3000元/月",
                 "result": rng.choice(("已推荐，待面试", "未录用", "本人放弃"))} if kind == "job_recommendation" else {}
        services.append({"kind": kind, **extra})
    intention = rng.choice(INTENTIONS)
    needs = rng.sample(NEEDS, rng.randint(1, 3))
    job = rng.choice(JOBS)
    employer = rng.choice(EMPLOYERS)

    def visit(_day: dt.date) -> None:
        actors.be("worker")
        values = {"visited_on": on, "employment_status": "employed" if employed else "unemployed",
                  "employment_intention": "已就业" if employed else intention,
                  "service_needs": ["跟踪回访"] if employed else needs, "intended_job": job,
                  "notes": f"已在{employer}上岗。" if employed else "入户走访，了解求职进展。"}
        job_found = {"employer": employer, "post": job, "started_on": on} if employed else None
        plan.review("visit", ops.visits.record_visit(actors.col, state["persons"][i], values,
                                                     [] if employed else services, today=on, employment=job_found), on)

    return add(on, visit)


# --- entry point ------------------------------------------------------------------------------------------------

def _live_counts(col: Collection) -> dict[str, int]:
    out = {}
    with col.records.reading() as conn:
        for kind in ("household", "person", "assistance_case", "case_step", "visit", "help_plan", "service",
                     "followup"):
            t = TABLES[kind]
            out[kind] = int(conn.execute(select(func.count()).select_from(t)).scalar() or 0)
    return out


def _used_ids(col: Collection) -> set[str]:
    t = TABLES["person"]
    with col.records.reading() as conn:
        return {r for r in conn.execute(select(t.c.id_number)).scalars() if r}


def generate(col: Collection, households: int = 300, *, seed: int = 7, today: dt.date | None = None,
             scope: list[str] | None = None, progress: Callable[[int, int], None] | None = None,
             chunk: int = 500) -> dict[str, int]:
    """Fill ``col`` with ``households`` synthetic households in the user's communities, made through the
    operations a user runs. Returns the records created, per kind."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    communities = [a.code for a in areas.communities(scope or col.user.get("areas") or None)]
    if not communities:
        communities = [a.code for a in areas.communities()]
    before = _live_counts(col)
    used = _used_ids(col)
    actors = _Actors(col)
    done = 0
    try:
        while done < households:
            n = min(chunk, households - done)
            plan = _Plan(today, actors, office=random.Random(f"office-{seed}-{done}"))
            for _ in range(n):
                _household(plan, rng, rng.choice(communities), used)
            with col.records.batch():
                plan.run()
            done += n
            if progress:
                progress(done, households)
    finally:
        actors.current = ""
        actors.restore()
    _know_actors(col, actors)
    after = _live_counts(col)
    return {k: after[k] - before[k] for k in after}
