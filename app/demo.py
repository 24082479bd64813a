"""Synthetic demo data: made-up people in real Shanxi places. ID numbers have valid check characters but are
generated; nothing here describes a real person. Deterministic for a given seed and date.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable
from typing import Any

from app import areas, vocabulary
from app.collection import Collection
from app.rules import workflow
from app.rules.idcard import make_id
from app.rules.workdays import add_workdays

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
EDUCATION = ("初中", "高中", "中专", "大专", "本科", "小学")
# Choice-list values come from resources/vocabulary.toml (the same order keeps a seed's data unchanged).
REASONS = tuple(c.value for c in vocabulary.choices("unemployment_reason") if not c.other)
SKILLS = vocabulary.values("skill_level")[:3]  # 无, 初级工, 中级工
TRAINING = vocabulary.values("training_wish")
_INTENT = vocabulary.values("intention")
INTENTIONS = (_INTENT[0], _INTENT[1], _INTENT[3])  # soon, after training, not for now
_RESULT = vocabulary.values("job_result")
JOB_RESULTS = (_RESULT[0], _RESULT[3], _RESULT[4])  # referred, not hired, declined
DIFFICULTIES = vocabulary.values("difficulty_type")[:4]
DEGREES = vocabulary.values("difficulty_degree")
CONTACT = vocabulary.values("contact_method")[0]
JOBS = ("保洁员", "保安员", "收银员", "仓库管理员", "快递员", "家政服务员", "餐厅服务员", "电工", "文员", "网约车司机")
INDUSTRIES = ("物业", "零售", "物流", "家政", "餐饮", "制造业", "社区服务")
EMPLOYERS = ("太原市某物业服务有限公司", "小店区某超市", "某快递网点", "某家政服务中心", "某餐饮管理有限公司",
             "某电子制造有限公司")
NEEDS = tuple(c.value for c in vocabulary.choices("service_need") if not c.none)
CATEGORIES = ("older", "dibao", "disabled", "zero_household", "land_lost", "veteran", "long_term", "graduate")
# Stages whose case went through certification (an exited case was certified first).
CERTIFIED_ONCE = workflow.certified_stages() | {"exited"}
STAGE_WEIGHTS = (("applied", 4), ("community_review", 6), ("publicity", 5), ("street_review", 5),
                 ("county_confirm", 4), ("certified", 6), ("helping", 55), ("exited", 15))


def _name(rng: random.Random) -> str:
    given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
    return rng.choice(SURNAMES) + given


def _phone(rng: random.Random) -> str:
    return "1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))


def _days_ago(rng: random.Random, today: dt.date, lo: int, hi: int) -> dt.date:
    return today - dt.timedelta(days=rng.randint(lo, hi))


class _Batch:
    """Collects rows per kind and writes them with Tx.create_many."""

    def __init__(self) -> None:
        self.rows: dict[str, list[tuple[str, str, dict[str, Any]]]] = {}

    def add(self, kind: str, area: str, values: dict[str, Any]) -> str:
        rid = str(uuid.uuid4())
        self.rows.setdefault(kind, []).append((rid, area, values))
        return rid


def _person(rng: random.Random, today: dt.date, area: str, household_id: str, relation: str,
            age_range: tuple[int, int], surname: str | None = None) -> dict[str, Any]:
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
        "intended_industry": rng.choice(INDUSTRIES), "intended_area": "小店区", "intended_wage": f"{rng.choice((25, 30, 35, 40, 45))}00元/月",
        "skill_level": rng.choice(SKILLS), "training_wish": rng.choice(TRAINING),
        "contact_method": CONTACT, "next_visit_on": today + dt.timedelta(days=rng.randint(-10, 30)),
    }


def generate(col: Collection, households: int = 300, *, seed: int = 7, today: dt.date | None = None,
             scope: list[str] | None = None, progress: Callable[[int, int], None] | None = None,
             chunk: int = 2000) -> dict[str, int]:
    """Fill ``col`` with ``households`` synthetic households in the user's communities. Returns counts."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    user = col.user
    communities = [a.code for a in areas.communities(scope or user.get("areas") or None)]
    if not communities:
        communities = [a.code for a in areas.communities()]
    counts: dict[str, int] = {}
    done = 0
    while done < households:
        batch = _Batch()
        for _ in range(min(chunk, households - done)):
            _household(batch, rng, today, rng.choice(communities), user["name"])
        with col.records.transaction() as tx:
            for kind in ("household", "person", "assistance_case", "case_step", "visit", "help_plan", "service",
                         "followup"):
                rows = batch.rows.get(kind, [])
                tx.create_many(kind, rows)
                counts[kind] = counts.get(kind, 0) + len(rows)
        done += min(chunk, households - done)
        if progress:
            progress(done, households)
    return counts


def _household(b: _Batch, rng: random.Random, today: dt.date, area: str, worker: str) -> None:
    road = rng.choice(ROADS.get(area, ("建设路", "解放路")))
    zero = rng.random() < 0.08
    hh = b.add("household", area, {
        "address": f"{areas.name_of(area[:6] + '000000')}{road}{rng.randint(1, 300)}号{rng.randint(1, 12)}单元"
                   f"{rng.randint(1, 6)}0{rng.randint(1, 4)}室",
        "zero_employment": zero, "zero_flagged_on": _days_ago(rng, today, 10, 400) if zero else None,
        "dibao": rng.random() < 0.1, "poverty_lifted": rng.random() < 0.05,
    })
    head_age = rng.randint(28, 58)
    head = _person(rng, today, area, hh, "户主", (head_age, head_age))
    members = [head]
    surname = head["name"][0]
    if rng.random() < 0.75:
        members.append(_person(rng, today, area, hh, "配偶", (max(22, head_age - 6), min(60, head_age + 4))))
    # Grown-up children only where the parents are old enough to have them.
    for _ in range(rng.choice((0, 0, 1, 1, 2)) if head_age >= 42 else 0):
        members.append(_person(rng, today, area, hh, "子女", (18, min(32, head_age - 22)), surname))
    if zero:
        for m in members:
            m.update(employment_status="unemployed", employed_on=None,
                     registered_unemployed_on=m["registered_unemployed_on"] or _days_ago(rng, today, 60, 700))
    for m in members:
        pid = b.add("person", area, {**m, "worker": worker})
        if m["employment_status"] == "unemployed" and rng.random() < 0.45:
            _case(b, rng, today, area, pid, hh, worker, zero)


def _case(b: _Batch, rng: random.Random, today: dt.date, area: str, pid: str, hh: str, worker: str,
          zero: bool) -> None:
    stage = rng.choices([s for s, _ in STAGE_WEIGHTS], [w for _, w in STAGE_WEIGHTS])[0]
    category = "zero_household" if zero else rng.choice(CATEGORIES)
    certified_once = stage in CERTIFIED_ONCE
    started = _days_ago(rng, today, 0, 300 if certified_once else 20)
    limit = workflow.stage(stage).limit_workdays
    applied = started - dt.timedelta(days=rng.randint(0, 40))
    certified = applied + dt.timedelta(days=rng.randint(25, 45)) if certified_once else None
    materials = {m.code: rng.random() < 0.85 for m in workflow.materials(category)}
    cid = b.add("assistance_case", area, {
        "person_id": pid, "category": category, "stage": stage, "stage_started_on": started,
        "due_on": add_workdays(started, limit) if limit else None, "responsible": worker,
        "materials": materials, "applied_on": applied, "certified_on": certified,
        "valid_until": workflow.status_valid_until(certified) if certified else None,
        "exit_reason": "employed" if stage == "exited" else None,
        "exited_on": started if stage == "exited" else None,
    })
    b.add("case_step", area, {"case_id": cid, "person_id": pid, "action": "submit", "from_stage": "applied",
                              "to_stage": stage, "by": worker, "done_on": started})
    visits = rng.randint(0, 3)
    for i in range(visits):
        vid = b.add("visit", area, {
            "person_id": pid, "household_id": hh, "visited_on": _days_ago(rng, today, 5 + 40 * i, 40 + 40 * i),
            "worker": worker, "members": [], "employment_status": "unemployed",
            "employment_intention": rng.choice(INTENTIONS),
            "service_needs": rng.sample(NEEDS, rng.randint(1, 3)), "intended_job": rng.choice(JOBS),
            "notes": "入户走访，了解家庭及就业情况。",
        })
        for kind in rng.sample(("job_recommendation", "job_recommendation", "job_recommendation",
                                "career_guidance", "policy_consultation", "training"), rng.randint(0, 4)):
            extra = {"employer": rng.choice(EMPLOYERS), "post": rng.choice(JOBS), "wage": "3000元/月",
                     "result": rng.choice(JOB_RESULTS)} if kind == "job_recommendation" else {}
            b.add("service", area, {"person_id": pid, "visit_id": vid, "kind": kind, "by": worker,
                                    "served_on": _days_ago(rng, today, 5, 120), **extra})
    if rng.random() < 0.5:
        planned = today + dt.timedelta(days=rng.choice((0, 0, 1, 2, 3, 5, 7)))
        b.add("visit", area, {"person_id": pid, "household_id": hh, "planned_on": planned, "worker": worker,
                              "route_order": rng.randint(1, 40)})
    if stage in workflow.certified_stages():
        b.add("help_plan", area, {
            "person_id": pid, "difficulty_type": rng.choice(DIFFICULTIES),
            "difficulty_degree": rng.choice(DEGREES), "strengths": "工作态度认真，愿意学习",
            "barriers": "缺少职业技能证书", "intentions": "就近就业，收入稳定",
            "measures": [
                {"text": "推荐社区周边岗位", "owner": worker, "target_on": (today + dt.timedelta(days=30)).isoformat(),
                 "done": False},
                {"text": "推荐参加技能培训", "owner": worker, "target_on": (today + dt.timedelta(days=60)).isoformat(),
                 "done": rng.random() < 0.3},
            ],
            "progress": "已开展岗位推荐",
        })
    if stage == "exited":
        for i, months in enumerate((0, 1, 2)):
            due = started + dt.timedelta(days=7 + 30 * months)
            b.add("followup", area, {"person_id": pid, "kind": "adaptation" if i == 0 else "stabilization",
                                     "due_on": due, "done_on": due if due < today and rng.random() < 0.8 else None,
                                     "by": worker})
