"""政策明白卡: the policies that fit this person, worded for them ("您可以…"), from the policy library."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.units import mm
from sqlalchemy import Connection

from app.printing import data as q
from app.printing.layout import Cell, Document, L, Sheet, V
from app.printing.policies import policies_for, tags_for
from app.queries.names import directory_in, shown

TITLE = "就业援助政策明白卡"
SELECTOR = "person"
LW = 24 * mm


def load(conn: Connection, person_id: str, today: dt.date) -> dict[str, Any]:
    person = q.require(conn, "person", person_id, "人员")
    household, _cases, elig = q.person_context(conn, person, today)
    tags = tags_for(person, household, elig)
    return {"person": person, "eligibility": elig, "policies": policies_for(tags),
            "worker": shown(directory_in(conn), person.get("worker"))}


def draw(doc: Document, data: dict[str, Any]) -> None:
    p = data["person"]
    s = Sheet(doc, TITLE, number=f"C-{p['id'][:8].upper()}", qr=("person", p["id"], int(p["version"])),
              subtitle="政策找人 · 点对点送到您手中", info=f"发放日期：{q.d(doc.today)}")
    s.space(1.5 * mm)
    s.para(f"{p.get('name') or ''}：您好！", 11, bold=True)
    s.para("根据社区登记的您的情况，您可能可以享受下面这些就业援助政策和服务。能否享受以经办机构审核为准。"
           "办理时请带上身份证；也可以先联系您的社区就业专干，我们帮您办、陪您办。", 9.5, indent=0)
    met = [c.name for c in data["eligibility"].met_categories]
    if met and data["eligibility"].basic_ok:
        s.para(f"按登记信息初步判断，您可能符合就业困难人员认定类别：{'、'.join(met)}。", 9.5)
    for i, pol in enumerate(data["policies"], 1):
        block: list[tuple[list[Cell], float]] = [
            ([V(f"{i}．{pol.name}", size=10.5, bold=True)], 7 * mm),
            ([L("您可以", LW), V(pol.gives)], 7 * mm),
            ([L("谁可以申请", LW), V(pol.who, size=8.5)], 7 * mm),
            ([L("到哪里办", LW), V(pol.where, size=8.5)], 7 * mm),
            ([L("政策依据", LW), V(pol.source, size=8)], 6.5 * mm),
        ]
        s.space(2 * mm)
        s.ensure(sum(s.row_height(cells, h) for cells, h in block))  # keep one policy on one page
        for cells, h in block:
            s.row(cells, h)
    s.section("联系我们", keep=30 * mm)
    s.row([L("就业专干", LW), V(data["worker"], 60 * mm), L("联系电话", LW), V()], 8 * mm)
    s.row([L("所属社区", LW), V(q.community(p["area_code"]))], 8 * mm)
    s.space(1.5 * mm)
    s.para("补贴标准、期限和办理地点以当地人力资源和社会保障部门最新公布为准。请妥善保管本卡，"
           "不要将身份证号、银行卡号等信息告诉陌生人，谨防诈骗。", 8)
    s.finish()
