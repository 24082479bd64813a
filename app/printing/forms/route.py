"""走访路线单: the day's planned visits in route order, each row with its own QR code to open the visit."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.units import mm
from sqlalchemy import Connection

from app.printing import data as q
from app.printing.layout import MARGIN, Document, L, Sheet, V
from app.queries.names import name_fields
from app.queries.person_detail import current_case
from app.rules import workflow

TITLE = "走访路线单"
SELECTOR = "date"
COLS = (9 * mm, 44 * mm, 19 * mm, 23 * mm, 45 * mm, 21 * mm, 19 * mm)
ROW_QR = 15 * mm


def load(conn: Connection, day: dt.date, today: dt.date) -> dict[str, Any]:
    from app.printing.api import route_visits

    visits = route_visits(conn, day)
    name_fields(conn, visits, "worker")
    people = {p["id"]: p for p in q.where_in(conn, "person", "id", {v["person_id"] for v in visits})}
    ids = list(people)
    cases = q.where_in(conn, "assistance_case", "person_id", ids)
    services = q.where_in(conn, "service", "person_id", ids)
    return {"day": day, "visits": visits, "people": people, "cases": cases, "services": services}


def _purpose(case: dict[str, Any] | None, services: list[dict[str, Any]]) -> str:
    if case is None:
        return "四清走访：核实人员底数、就业状态、就业意愿和服务需求"
    stage = case.get("stage")
    head = f"{q.category_name(case.get('category'))}（{q.stage_name(stage)}）"
    if stage in workflow.certified_stages():
        progress = q.progress_of(services)
        return f"{head}帮扶走访：{progress.missing_text or '服务包已完成，跟进就业'}"
    if stage == "exited":
        return f"{head}就业后回访"
    return f"{head}：告知认定进度，核对材料"


def draw(doc: Document, data: dict[str, Any]) -> None:
    day: dt.date = data["day"]
    visits = data["visits"]
    workers = sorted({v.get("worker") for v in visits if v.get("worker")})
    s = Sheet(doc, TITLE, number=f"R-{day:%Y%m%d}", subtitle=f"走访日期：{q.d(day)}",
              info=f"走访人：{'、'.join(workers) or '　　　　'}　共 {len(visits)} 户次")
    cases: dict[str, dict[str, Any]] = {}
    for c in data["cases"]:
        if current_case([c, cases[c["person_id"]]] if c["person_id"] in cases else [c]) is c:
            cases[c["person_id"]] = c
    by_person: dict[str, list[dict[str, Any]]] = {}
    for sv in data["services"]:
        by_person.setdefault(sv["person_id"], []).append(sv)
    s.table_header([L(t, w, size=8.5) for t, w in zip(("顺序", "家庭住址", "被走访人", "联系电话", "走访目的",
                                                       "走访结果", "扫码"), COLS, strict=True)], 7 * mm)
    for i, v in enumerate(visits, 1):
        p = data["people"].get(v["person_id"], {})
        s.row([V(i, COLS[0], align="center"), V(v["_address"], COLS[1], size=8.5),
               V(p.get("name"), COLS[2], align="center"), V(q.mask_phone(p.get("phone")), COLS[3], size=8.5),
               V(_purpose(cases.get(v["person_id"]), by_person.get(v["person_id"], [])), COLS[4], size=8),
               V("□已走访\n□未遇\n□改期", COLS[5], size=8.5), V("", COLS[6])], ROW_QR + 2 * mm)
        x = MARGIN + sum(COLS[:6]) + (COLS[6] - ROW_QR) / 2
        s.draw_qr(q_payload(v), x, s.y + 1 * mm, ROW_QR)
    if not visits:
        s.row([V(f"{q.d(day)}没有计划走访", sum(COLS), align="center")], 9 * mm)
    s.end_table()
    s.space(3 * mm)
    s.signatures(["走访人签字", "审核人签字"], h=12 * mm)
    s.finish()


def q_payload(v: dict[str, Any]) -> str:
    from app.printing.qr_payload import format_payload

    return format_payload("visit", v["id"], int(v["version"]))
