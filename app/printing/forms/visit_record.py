"""走访记录: a recorded visit, filled in (the four clears, the services given, what comes next)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.units import mm
from sqlalchemy import Connection

from app.printing import data as q
from app.printing.layout import Document, L, Sheet, V
from app.queries.names import name_fields

TITLE = "走访记录"
SELECTOR = "visit"
LW = 24 * mm


def load(conn: Connection, visit_id: str, today: dt.date) -> dict[str, Any]:
    visit = q.require(conn, "visit", visit_id, "走访记录")
    person = q.get(conn, "person", visit["person_id"]) if visit.get("person_id") else None
    hid = visit.get("household_id") or (person or {}).get("household_id")
    household = q.get(conn, "household", hid) if hid else None
    people = q.members(conn, hid) if hid else []
    services = [s for s in q.where_in(conn, "service", "visit_id", [visit["id"]])]
    name_fields(conn, [visit], "worker")
    return {"visit": visit, "person": person or {}, "household": household or {}, "members": people,
            "services": services}


def _members_text(visit: dict[str, Any], people: list[dict[str, Any]]) -> str:
    """人员底数 as recorded on the visit; else the household's members as stored."""
    recorded = visit.get("members") or []
    parts = []
    for m in recorded:
        if isinstance(m, dict):
            name = m.get("name") or ""
            extra = "，".join(str(m[k]) if k != "employment_status" else q.status_text(m[k])
                             for k in ("relation", "employment_status") if m.get(k))
            parts.append(f"{name}（{extra}）" if extra else name)
        else:
            parts.append(str(m))
    if parts:
        return "、".join(parts)
    listed = [f"{p.get('name')}（{p.get('relation') or ''}，{q.status_text(p.get('employment_status'))}）"
              for p in people]
    return ("共 " + str(len(people)) + " 人：" + "、".join(listed)) if listed else "—"


def draw(doc: Document, data: dict[str, Any]) -> None:
    v, p, hh = data["visit"], data["person"], data["household"]
    visited = v.get("visited_on")
    info = f"走访日期：{q.d(visited)}" if visited else f"计划走访日期：{q.d(v.get('planned_on'))}（尚未走访）"
    s = Sheet(doc, TITLE, number=f"V-{v['id'][:8].upper()}", qr=("visit", v["id"], int(v["version"])),
              subtitle="就业援助对象入户走访情况", info=info)
    sex, age, _ = q.id_facts(p, doc.today)

    s.section("一、被走访人")
    s.row([L("姓名", LW), V(p.get("name"), 36 * mm), L("性别", 18 * mm), V(sex, 18 * mm, align="center"),
           L("年龄", 18 * mm), V(age, align="center")])
    s.row([L("身份证号", LW), V(q.mask_id(p.get("id_number")), 72 * mm), L("联系电话", 24 * mm),
           V(q.mask_phone(p.get("phone")))])
    s.row([L("所属社区", LW), V(q.community(v["area_code"]))])
    s.row([L("家庭住址", LW), V(hh.get("address"))])

    s.section("二、走访情况（四清）")
    s.row([L("人员底数", LW), V(_members_text(v, data["members"]), size=8.5)])
    s.row([L("就业状态", LW), V(q.status_text(v.get("employment_status")), 60 * mm), L("失业原因", 24 * mm),
           V(v.get("unemployment_reason"))])
    s.row([L("就业意愿", LW), V(v.get("employment_intention"))])
    needs = v.get("service_needs") or []
    s.row([L("服务需求", LW), V("、".join(map(str, needs)) if isinstance(needs, list) else str(needs))])
    s.row([L("意向岗位", LW), V(v.get("intended_job"), 60 * mm), L("意向行业", 24 * mm), V(v.get("intended_industry"))])
    s.row([L("意向地区", LW), V(v.get("intended_area"), 60 * mm), L("期望薪资", 24 * mm), V(v.get("intended_wage"))])
    s.row([L("技能水平", LW), V(v.get("skill_level"), 60 * mm), L("培训意愿", 24 * mm), V(v.get("training_wish"))])
    contact = v.get("contact_method") or ""
    s.row([L("联系方式", LW), V(q.mask_phone(contact) if contact[:1].isdigit() else contact)])
    s.row([L("走访情况", LW), V(v.get("notes"), valign="top")], 30 * mm)

    s.section("三、本次提供的服务")
    cols = (10 * mm, 30 * mm, 28 * mm, 62 * mm, 50 * mm)
    s.table_header([L(t, w, size=8.5) for t, w in zip(("序号", "服务类型", "服务日期", "推荐单位 / 岗位 / 说明", "结果"),
                                                      cols, strict=True)], 7 * mm)
    services = sorted(data["services"], key=lambda x: (x.get("served_on") or dt.date.min, x.get("kind") or ""))
    for i, sv in enumerate(services, 1):
        what = " ".join(x for x in (sv.get("employer"), sv.get("post"), sv.get("wage"), sv.get("note")) if x)
        s.row([V(i, cols[0], align="center"), V(q.service_name(sv.get("kind")), cols[1], size=8.5),
               V(q.d(sv.get("served_on")), cols[2], size=8.5, align="center"), V(what or "—", cols[3], size=8.5),
               V(sv.get("result") or "—", cols[4], size=8.5)], 7 * mm)
    if not services:
        s.row([V("本次走访未记录服务", sum(cols), align="center", size=8.5)], 7 * mm)
    s.end_table()

    s.section("四、后续安排")
    s.row([L("下次走访", LW), V(q.d(v.get("next_visit_on")) or "　　年　　月　　日", 60 * mm), L("走访人", 24 * mm),
           V(v.get("worker"))])
    s.space(2 * mm)
    s.signatures(["走访人签字", "被走访人签字"])
    s.finish()
