"""就业援助方案: the person's difficulty profile (就业画像), planned measures and the 3+1+1 progress."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.units import mm
from sqlalchemy import Connection

from app import vocabulary
from app.printing import data as q
from app.printing.layout import CHECKED, Document, L, Sheet, V, checks
from app.queries.names import name_fields
from app.queries.person_detail import current_case

TITLE = "就业援助方案"
SELECTOR = "person"
BLANK_OK = True
LW = 24 * mm


def load(conn: Connection, person_id: str, today: dt.date) -> dict[str, Any]:
    person = q.require(conn, "person", person_id, "人员")
    plans = q.where_in(conn, "help_plan", "person_id", [person["id"]])
    if not plans:
        raise q.SelectionError(f"{person.get('name') or person_id} 还没有就业援助方案")
    plan = max(plans, key=lambda x: x.get("changed_at") or "")
    cases = q.where_in(conn, "assistance_case", "person_id", [person["id"]])
    services = q.where_in(conn, "service", "person_id", [person["id"]])
    case = current_case(cases)
    name_fields(conn, [person], "worker")
    name_fields(conn, [case] if case else [], "responsible")
    return {"person": person, "plan": plan, "case": case, "services": services}


def _date_text(value: Any) -> str:
    return q.d(value) if value else ""


def draw(doc: Document, data: dict[str, Any] | None) -> None:
    p = data["person"] if data else {}
    plan = data["plan"] if data else {}
    case = (data or {}).get("case") or {}
    s = Sheet(doc, TITLE, number=f"P-{plan['id'][:8].upper()}" if plan else "",
              qr=("help_plan", plan["id"], int(plan["version"])) if plan else None,
              subtitle="就业画像与帮扶计划（一人一策）", info="制定日期：　　　　年　　月　　日")
    sex, age, _ = q.id_facts(p, doc.today) if p else ("", "", "")

    s.section("一、援助对象基本情况")
    s.row([L("姓名", LW), V(p.get("name"), 36 * mm), L("性别", 18 * mm), V(sex, 18 * mm, align="center"),
           L("年龄", 18 * mm), V(age, align="center")])
    s.row([L("困难类别", LW), V(q.category_name(case.get("category")) if case else "", 60 * mm),
           L("认定日期", 24 * mm), V(_date_text(case.get("certified_on")))])
    s.row([L("联系电话", LW), V(q.mask_phone(p.get("phone")), 60 * mm), L("责任专干", 24 * mm),
           V(p.get("worker") or case.get("responsible"))])
    s.row([L("所属社区", LW), V(q.community(p["area_code"]) if p else "")])

    s.section("二、就业画像")
    s.row([L("困难类型", LW), V(plan.get("difficulty_type"), 60 * mm), L("困难程度", 24 * mm),
           V(checks(vocabulary.values("difficulty_degree"), {plan.get("difficulty_degree")}))])
    s.row([L("个人优势", LW), V(plan.get("strengths"))], 10 * mm)
    s.row([L("就业障碍", LW), V(plan.get("barriers"))], 10 * mm)
    intent = plan.get("intentions") or ""
    wish = "、".join(x for x in (p.get("intended_job"), p.get("intended_industry"), p.get("intended_area"),
                                p.get("intended_wage")) if x)
    if wish:
        intent = f"{intent}（登记意向：{wish}）" if intent else f"登记意向：{wish}"
    s.row([L("就业意向", LW), V(intent)], 10 * mm)

    s.section("三、帮扶措施")
    cols = (10 * mm, 78 * mm, 26 * mm, 30 * mm, 36 * mm)
    s.table_header([L(t, w, size=8.5) for t, w in zip(("序号", "帮扶措施", "责任人", "完成时限", "完成情况"), cols,
                                                      strict=True)], 7 * mm)
    measures = [m for m in (plan.get("measures") or []) if isinstance(m, dict)]
    for i, m in enumerate(measures, 1):
        done = f"{CHECKED}已完成" if m.get("done") else "□已完成　□未完成"
        s.row([V(i, cols[0], align="center"), V(m.get("text"), cols[1]), V(m.get("owner"), cols[2], align="center"),
               V(_date_text(m.get("target_on")), cols[3], align="center", size=8.5), V(done, cols[4], size=8.5)],
              7.5 * mm)
    for i in range(len(measures) + 1, len(measures) + 3):
        s.row([V(i, cols[0], align="center"), V("", cols[1]), V("", cols[2]), V("", cols[3]),
               V("□已完成　□未完成", cols[4], size=8.5)], 7.5 * mm)
    s.end_table()

    s.section("四、最低服务包（3+1+1）进度")
    cols2 = (50 * mm, 30 * mm, 30 * mm, 70 * mm)
    s.table_header([L(t, w, size=8.5) for t, w in zip(("服务", "要求", "已提供", "状态"), cols2, strict=True)], 7 * mm)
    if data:
        progress = q.progress_of(data["services"])
        for r in progress.requirements:
            state = f"{CHECKED}已达标" if r.met else f"还差 {r.missing} 次"
            s.row([V(r.name_zh, cols2[0], align="center"), V(f"≥ {r.required} 次", cols2[1], align="center"),
                   V(f"{r.done} 次", cols2[2], align="center"), V(state, cols2[3])], 7 * mm)
        s.row([L("小结", cols2[0]), V(progress.text_zh)], 7 * mm)
    else:
        for name, n in q.package_minimum():
            s.row([V(name, cols2[0], align="center"), V(f"≥ {n} 次", cols2[1], align="center"), V("", cols2[2]),
                   V("□已达标", cols2[3])], 7 * mm)
    s.end_table()

    s.section("五、进展情况")
    s.row([L("进展", LW), V(plan.get("progress"), valign="top")], 18 * mm)
    s.space(2 * mm)
    s.signatures(["帮扶责任人", "援助对象签字"])
    s.finish()
