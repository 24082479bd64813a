"""入户走访登记表: one household, pre-filled for the visit (or blank), with room to write the four clears."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.units import mm
from sqlalchemy import Connection

from app import vocabulary
from app.printing import data as q
from app.printing.layout import BOX, Cell, Document, L, Sheet, V, checks
from app.queries.names import name_fields
from app.rules import workflow

TITLE = "入户走访登记表"
SELECTOR = "household"
BLANK_OK = True
# The hand-written status cell: the statuses the sheet offers, then 其他 for the rest.
STATUS_BOXES = "□失业 □已就业\n□灵活就业 □其他"
# 序号 姓名 关系 性别 年龄 文化程度 登记状态 联系电话 | 本次核实（手填）: 就业状态 就业意愿/需求
MEMBER_COLS = (8, 19, 15, 9, 9, 14, 18, 24, 32, 32)


def load(conn: Connection, household_id: str, today: dt.date) -> dict[str, Any]:
    hh = q.require(conn, "household", household_id, "家庭")
    people = q.members(conn, hh["id"])
    name_fields(conn, people, "worker")
    ids = [p["id"] for p in people]
    visits = q.where_in(conn, "visit", "household_id", [hh["id"]])
    name_fields(conn, visits, "worker")  # 上次走访 names who came
    services = q.where_in(conn, "service", "person_id", ids)
    cases = q.where_in(conn, "assistance_case", "person_id", ids)
    return {"household": hh, "members": people, "visits": visits, "services": services, "cases": cases}


def _member_cells(i: int | str, p: dict[str, Any] | None, today: dt.date) -> list[Cell]:
    w = [x * mm for x in MEMBER_COLS]
    hand = [V(STATUS_BOXES, w[8], size=7), V("□有意愿 □暂无\n需求：", w[9], size=7)]
    if p is None:
        return [V(i, w[0], align="center"), *(V("", x) for x in w[1:8]), *hand]
    sex, age, _ = q.id_facts(p, today)
    return [
        V(i, w[0], align="center"), V(p.get("name"), w[1]), V(p.get("relation"), w[2], align="center"),
        V(sex, w[3], align="center"), V(age, w[4], align="center"), V(p.get("education"), w[5], align="center"),
        V(q.status_text(p.get("employment_status")), w[6], align="center"),
        V(q.mask_phone(p.get("phone")), w[7], align="center", size=8.5), *hand,
    ]


def draw(doc: Document, data: dict[str, Any] | None) -> None:
    today = doc.today
    hh = data["household"] if data else None
    people = data["members"] if data else []
    s = Sheet(doc, TITLE, number=f"H-{hh['id'][:8].upper()}" if hh else "",
              qr=("household", hh["id"], int(hh["version"])) if hh else None,
              subtitle="人员底数清 · 就业状态清 · 就业意愿清 · 服务需求清",
              info="走访日期：　　　　年　　月　　日")
    head = people[0] if people else None

    s.section("一、家庭基本情况")
    s.row([L("所属社区", 24 * mm), V(q.community(hh["area_code"]) if hh else "")])
    s.row([L("家庭住址", 24 * mm), V(hh.get("address") if hh else "")])
    s.row([L("户主", 24 * mm), V(head.get("name") if head else "", 36 * mm), L("联系电话", 24 * mm),
           V(q.mask_phone(head.get("phone")) if head else "", 36 * mm), L("责任专干", 24 * mm),
           V(head.get("worker") if head else "")])
    kinds = [("零就业家庭", "zero_employment"), ("低保家庭", "dibao"), ("脱贫（监测）户", "poverty_lifted")]
    chosen = {name for name, f in kinds if hh and hh.get(f)}
    family = checks([name for name, _ in kinds], chosen)
    if hh and hh.get("zero_employment") and hh.get("zero_flagged_on"):
        days = (today - hh["zero_flagged_on"]).days
        family += f"　（{q.d(hh['zero_flagged_on'])}认定零就业，已 {days} 天）"
    s.row([L("家庭类型", 24 * mm), V(family)])

    s.section("二、人员底数（家庭成员）")
    w = [x * mm for x in MEMBER_COLS]
    header = ["序号", "姓名", "与户主\n关系", "性别", "年龄", "文化\n程度", "登记\n就业状态", "联系电话",
              "本次核实就业状态", "就业意愿 / 服务需求"]
    s.table_header([L(t, x, size=8) for t, x in zip(header, w, strict=True)], 9 * mm)
    for i, p in enumerate(people, 1):
        s.row(_member_cells(i, p, today), 7.6 * mm)
    for i in range(len(people) + 1, len(people) + (3 if people else 6)):
        s.row(_member_cells(i, None, today), 7.6 * mm)
    s.end_table()

    s.section("三、上次走访与服务情况")
    if data is None:
        s.row([L("上次走访", 24 * mm), V("　　年　　月　　日　　走访人：", 70 * mm), L("援助对象", 22 * mm), V()])
        s.row([L("服务进度\n（3+1+1）", 24 * mm), V(checks([f"{name}≥{n}次" for name, n in q.package_minimum()]))],
              11 * mm)
    else:
        _last_visit(s, data)
        _services(s, data)

    s.section("四、本次走访“四清”记录（手填）")
    lw = 26 * mm
    s.row([L("人员底数清", lw), V(f"{BOX}与上表一致　{BOX}有变化（新增/迁出/死亡/其他）：")], 9 * mm)
    s.row([L("就业状态清", lw), V(f"{BOX}均未就业　{BOX}有成员就业（姓名/单位/岗位/时间）：")], 9 * mm)
    s.row([L("就业意愿清", lw), V(checks([c.short for c in vocabulary.choices("intention")]) + "\n意向岗位：　　　　　　　意向行业：　　　　　　期望薪资：")],
          12 * mm)
    s.row([L("服务需求清", lw), V(checks([c.short for c in vocabulary.choices("service_need")]))], 10 * mm)
    s.row([L("走访情况", lw), V("")], 17 * mm)
    s.row([L("下次走访", lw), V("　　　　年　　月　　日", 60 * mm), L("联系方式", 22 * mm),
           V(checks([c.short for c in vocabulary.choices("contact_method")]))], 9 * mm)
    s.space(1.5 * mm)
    s.signatures(["经办人签字", "被走访人签字"], h=12 * mm)
    s.finish()


def _last_visit(s: Sheet, data: dict[str, Any]) -> None:
    done = [v for v in data["visits"] if v.get("visited_on")]
    names = {p["id"]: p.get("name") or "" for p in data["members"]}
    if not done:
        s.row([L("上次走访", 24 * mm), V("本户尚无走访记录")])
        return
    last = max(done, key=lambda v: v["visited_on"])
    s.row([L("上次走访", 24 * mm), V(f"{q.d(last['visited_on'])}　走访人：{last.get('worker') or ''}　"
                                     f"被走访人：{names.get(last.get('person_id'), '')}")])
    parts = []
    if last.get("employment_status"):
        parts.append(f"就业状态：{q.status_text(last['employment_status'])}")
    if last.get("employment_intention"):
        parts.append(f"就业意愿：{last['employment_intention']}")
    if last.get("service_needs"):
        parts.append("服务需求：" + "、".join(map(str, last["service_needs"])))
    if last.get("notes"):
        parts.append(f"情况：{last['notes']}")
    s.row([L("走访摘要", 24 * mm), V("；".join(parts) or "—", size=8.5)])


def _services(s: Sheet, data: dict[str, Any]) -> None:
    cases = {}
    for c in data["cases"]:
        if c.get("stage") in workflow.open_stages():
            cases[c["person_id"]] = c
    by_person: dict[str, list[dict[str, Any]]] = {}
    for sv in data["services"]:
        by_person.setdefault(sv["person_id"], []).append(sv)
    cols = (22 * mm, 38 * mm, 56 * mm, 64 * mm)
    s.table_header([L(t, w, size=8) for t, w in zip(("援助对象", "类别 / 环节", "最低服务包进度（3+1+1）",
                                                      "待办 / 待反馈服务"), cols, strict=True)], 7 * mm)
    any_row = False
    for p in data["members"]:
        case = cases.get(p["id"])
        if case is None:
            continue
        any_row = True
        services = by_person.get(p["id"], [])
        progress = q.progress_of(services)
        pending = [f"{sv.get('employer') or ''} {sv.get('post') or ''}（{sv['result']}）".strip()
                   for sv in sorted(services, key=lambda x: x.get("served_on") or x.get("changed_at") or "")
                   if sv.get("result") and "待" in sv["result"]]
        todo = "；".join(x for x in [progress.missing_text, *pending] if x) or "—"
        s.row([V(p.get("name"), cols[0], align="center", size=8.5),
               V(f"{q.category_name(case.get('category'))} / {q.stage_name(case.get('stage'))}", cols[1], size=8),
               V(q.progress_text(progress), cols[2], size=8), V(todo, cols[3], size=8)], 7 * mm)
    if not any_row:
        s.row([V("本户暂无在办的援助对象", sum(cols), align="center", size=8.5)], 7 * mm)
    s.end_table()
