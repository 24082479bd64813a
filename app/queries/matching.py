"""Read models for data matching: open hits, the queue of pushed registration applications with their
working-day countdowns (3 days to handle, then 5 to make contact), open anomalies and the causes report."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, or_, select

from app.matching import sources
from app.rules import workflow
from app.store.records import from_db
from app.store.tables import TABLES

HIT_OPEN = ("open", "pending")


@dataclass(slots=True)
class QueueItem:
    """One pushed application waiting for something: to be handled, or (accepted) for the first contact."""

    id: str
    application_no: str
    name: str
    id_number: str
    person_id: str | None
    area_code: str
    phase: str  # "handle" (受理) / "contact" (登记后联系)
    received_on: dt.date | None
    due_on: dt.date
    remaining_workdays: int
    overdue: bool
    due_text: str

    @property
    def phase_zh(self) -> str:
        return "待受理" if self.phase == "handle" else "待联系"


def registration_queue(conn: Any, today: dt.date) -> list[QueueItem]:
    """Every application still waiting, most urgent first. Nothing is held back until the last day: an
    application shows from the day it arrives, and an overdue one stays at the top until it is done."""
    r, p = TABLES["registration_application"], TABLES["person"]
    # A person this store knows by the ID number counts even when the platform did not know them.
    known = (select(p.c.id).where(p.c.id_number == r.c.id_number, p.c.deleted.is_(False))
             .limit(1).scalar_subquery())
    rows = conn.execute(select(r, known.label("known_id")).where(r.c.deleted.is_(False), or_(
        and_(r.c.handled_on.is_(None), or_(r.c.status.is_(None), r.c.status.in_(("", "pending")))),
        and_(r.c.status == "accepted", r.c.contacted_on.is_(None)))))
    out = []
    for row in rows:
        if row.status == "accepted":
            if row.registered_on is None:
                continue
            phase, dl = "contact", workflow.registration_deadlines(row.registered_on, today)["contact"]
        else:
            if row.received_on is None:
                continue
            phase, dl = "handle", workflow.application_deadline(row.received_on, today)
        out.append(QueueItem(row.id, row.application_no or "", row.person_name or "", row.id_number or "",
                             row.person_id or row.known_id, row.area_code, phase, row.received_on, dl.due,
                             dl.remaining_workdays, dl.overdue, dl.text_zh.split("（")[0]))
    out.sort(key=lambda i: (not i.overdue, i.remaining_workdays, i.due_on))
    return out


def open_hits(conn: Any) -> list[dict[str, Any]]:
    """Hits waiting for a decision, with the person's name, oldest first."""
    h, p = TABLES["match_hit"], TABLES["person"]
    rows = conn.execute(select(h, p.c.name.label("person_name"), p.c.id_number)
                        .join(p, p.c.id == h.c.person_id, isouter=True)
                        .where(h.c.deleted.is_(False), or_(h.c.status.is_(None), h.c.status.in_(HIT_OPEN)))
                        .order_by(h.c.found_on, h.c.id))
    out = []
    for r in rows:
        rec = from_db("match_hit", r)
        rec["source_zh"] = sources.source(rec["source"]).name if rec.get("source") in sources.MATCH_SOURCES \
            else (rec.get("source") or "")
        out.append(rec)
    return out


def open_anomalies(conn: Any) -> list[dict[str, Any]]:
    a = TABLES["match_anomaly"]
    rows = conn.execute(select(a).where(a.c.deleted.is_(False), or_(a.c.status.is_(None), a.c.status == "open"))
                        .order_by(a.c.reported_on, a.c.id))
    return [from_db("match_anomaly", r) for r in rows]


def anomaly_report(conn: Any, start: dt.date, end: dt.date, area_digits: int = 12) -> dict[str, Any]:
    """Causes of the anomalies corrected in [start, end], per area (codes cut to ``area_digits``: 6 county,
    9 street, 12 community). ``{"areas": [...], "causes": [(code, name)], "counts": {(area, cause): n},
    "open": {area: n}}``."""
    a = TABLES["match_anomaly"]
    counts: Counter[tuple[str, str]] = Counter()
    still_open: Counter[str] = Counter()
    for r in conn.execute(select(a.c.area_code, a.c.cause, a.c.corrected_on, a.c.status, a.c.reported_on)
                          .where(a.c.deleted.is_(False))):
        area = r.area_code[:area_digits]
        if r.status == "corrected" and r.corrected_on and start <= r.corrected_on <= end:
            counts[(area, r.cause or "other")] += 1
        elif r.status != "corrected" and (r.reported_on is None or r.reported_on <= end):
            still_open[area] += 1
    areas = sorted({k[0] for k in counts} | set(still_open))
    return {"areas": areas, "causes": [(c.code, c.name) for c in sources.anomaly_causes()],
            "counts": dict(counts), "open": dict(still_open)}


# --- the dashboard's matching figure (app.dashboard.figures "matching") ---------------------------------------
BACKLOG_COLUMNS = (
    ("hits_open", "比对待确认"),
    ("apps_pending", "申请待受理"),
    ("apps_overdue", "受理超期"),
    ("contact_pending", "登记后待联系"),
    ("contact_overdue", "联系超期"),
    ("anomalies_open", "异常待更正"),
)


@dataclass(slots=True)
class BacklogItem:
    area_code: str
    classes: tuple[str, ...]  # BACKLOG_COLUMNS keys this record counts in
    kind: str
    id: str
    person_id: str | None
    label: str


def backlog(conn: Any, today: dt.date, prefixes: tuple[str, ...] = ()) -> list[BacklogItem]:
    """Every open hit, waiting application and open anomaly in the areas starting with ``prefixes`` (all
    when empty), with the figure's columns it counts in — the counts and the drill-down read the same list."""
    def inside(area: str) -> bool:
        return not prefixes or area.startswith(prefixes)

    out = [BacklogItem(h["area_code"], ("hits_open",), "match_hit", h["id"], h["person_id"],
                       f"{h.get('person_name') or '—'}　{h['source_zh']}：{h.get('detail') or ''}")
           for h in open_hits(conn) if inside(h["area_code"])]
    for q in registration_queue(conn, today):
        if not inside(q.area_code):
            continue
        base = "apps" if q.phase == "handle" else "contact"
        classes = (f"{base}_pending", f"{base}_overdue") if q.overdue else (f"{base}_pending",)
        out.append(BacklogItem(q.area_code, classes, "registration_application", q.id, q.person_id,
                               f"{q.name or '—'}　{q.phase_zh} {q.application_no}　{q.due_text}"))
    out += [BacklogItem(a["area_code"], ("anomalies_open",), "match_anomaly", a["id"], a.get("person_id"),
                        f"{a.get('person_name') or '—'}　{a.get('anomaly_no') or ''} {a.get('problem') or ''}")
            for a in open_anomalies(conn) if inside(a["area_code"])]
    return out
