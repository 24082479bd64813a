"""走访记录: recent and planned visits in a date range, read a page at a time (no Qt)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from app import areas
from app.queries.names import directory_in, shown
from app.queries.person_detail import status_zh
from app.store.tables import TABLES

DONE, PLANNED, ALL = "done", "planned", "all"
PAGE = 200


@dataclass(slots=True)
class VisitRow:
    id: str
    person_id: str
    name: str
    community: str
    on: dt.date | None  # visited_on for a visit made, planned_on for a planned one
    planned: bool
    route_order: int | None
    worker: str
    status_zh: str
    intention: str
    needs: str
    notes: str


def route_key(route_order: int | None, address: str | None) -> tuple[bool, int, str]:
    """The order of a day's stops: planned route order, then address. The printed route sheet numbers its
    stops 1, 2, … in this order; the to-do and the visit list show the same numbers."""
    return (route_order is None, route_order or 0, address or "")


def route_stops(conn: Any, days: Any) -> dict[str, int]:
    """visit id → its stop number on its day's route, for the planned, not yet made visits of ``days``. The
    stored route_order may repeat or skip; the position on the day's route does not."""
    v, hh = TABLES["visit"], TABLES["household"]
    days = sorted(set(days))
    if not days:
        return {}
    rows = conn.execute(
        select(v.c.id, v.c.planned_on, v.c.route_order, hh.c.address)
        .select_from(v.outerjoin(hh, hh.c.id == v.c.household_id))
        .where(v.c.deleted.is_(False), v.c.visited_on.is_(None), v.c.planned_on.in_(days))
    ).all()
    stops: dict[str, int] = {}
    by_day: dict[Any, list[Any]] = {}
    for r in rows:
        by_day.setdefault(r.planned_on, []).append(r)
    for day_rows in by_day.values():
        day_rows.sort(key=lambda r: route_key(r.route_order, r.address))
        stops.update((r.id, i) for i, r in enumerate(day_rows, 1))
    return stops


def _filters(which: str, start: dt.date | None, end: dt.date | None, community: str | None) -> list[Any]:
    v = TABLES["visit"]
    day = _day(which)
    where: list[Any] = [v.c.deleted.is_(False)]
    if which == DONE:
        where.append(v.c.visited_on.is_not(None))
    elif which == PLANNED:
        where += [v.c.visited_on.is_(None), v.c.planned_on.is_not(None)]
    if start is not None:
        where.append(day >= start)
    if end is not None:
        where.append(day <= end)
    if community:
        where.append(v.c.area_code.startswith(areas.prefix_of(community)))
    return where


def _day(which: str) -> Any:
    v = TABLES["visit"]
    if which == DONE:
        return v.c.visited_on
    if which == PLANNED:
        return v.c.planned_on
    return func.coalesce(v.c.visited_on, v.c.planned_on)


def count(
    col: Any,
    which: str = ALL,
    start: dt.date | None = None,
    end: dt.date | None = None,
    community: str | None = None,
) -> int:
    v = TABLES["visit"]
    with col.records.reading() as conn:
        return int(
            conn.execute(
                select(func.count()).select_from(v).where(*_filters(which, start, end, community))
            ).scalar()
            or 0
        )


def page(
    col: Any,
    which: str = ALL,
    start: dt.date | None = None,
    end: dt.date | None = None,
    community: str | None = None,
    offset: int = 0,
    limit: int = PAGE,
) -> list[VisitRow]:
    """Visits newest first (planned ones soonest first when only planned are asked for)."""
    v, p = TABLES["visit"], TABLES["person"]
    day = _day(which)
    order = [day.asc(), v.c.route_order] if which == PLANNED else [day.desc(), v.c.id]
    stmt = (
        select(
            v.c.id,
            v.c.person_id,
            v.c.area_code,
            v.c.visited_on,
            v.c.planned_on,
            v.c.route_order,
            v.c.worker,
            v.c.employment_status,
            v.c.employment_intention,
            v.c.service_needs,
            v.c.notes,
            p.c.name,
        )
        .select_from(v.outerjoin(p, p.c.id == v.c.person_id))
        .where(*_filters(which, start, end, community))
        .order_by(*order)
        .limit(limit)
        .offset(offset)
    )
    with col.records.reading() as conn:
        rows = conn.execute(stmt).all()
        stops = route_stops(conn, [r.planned_on for r in rows if r.visited_on is None and r.planned_on])
        names = directory_in(conn)
    out = []
    for r in rows:
        needs = json.loads(r.service_needs) if r.service_needs else []
        out.append(
            VisitRow(
                r.id,
                r.person_id,
                r.name or "",
                areas.name_of(r.area_code),
                r.visited_on or r.planned_on,
                r.visited_on is None,
                stops.get(r.id),
                shown(names, r.worker),
                status_zh(r.employment_status) if r.employment_status else "",
                r.employment_intention or "",
                "、".join(needs),
                (r.notes or "").replace("\n", " "),
            )
        )
    return out
