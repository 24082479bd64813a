"""援助对象 board: cases per workflow stage (no Qt).

Counts come from one GROUP BY; rows are fetched per stage with a LIMIT, so the board costs the same on a
store with 100 000 people as on a small one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from app import areas
from app.queries.person_detail import category_zh
from app.rules import workflow
from app.rules.workdays import Deadline, workdays_between
from app.store.tables import TABLES

DEFAULT_LIMIT = 200


@dataclass(slots=True)
class CaseRow:
    id: str
    person_id: str
    name: str
    area_code: str
    category_zh: str
    stage: str
    stage_started_on: dt.date | None
    deadline: Deadline | None
    note: str = ""  # for a minimum-duration stage (公示): "已公示 3/7 个工作日"

    @property
    def deadline_short(self) -> str:
        """ "剩余 3 个工作日" / "已超期 2 个工作日" / "今天到期" (with 估算 when the calendar is unknown)."""
        if self.deadline is None:
            return self.note
        d = self.deadline
        if d.overdue:
            text = f"已超期 {-d.remaining_workdays} 个工作日"
        elif d.remaining_workdays == 0:
            text = "今天到期"
        else:
            text = f"剩余 {d.remaining_workdays} 个工作日"
        return text + ("（估算）" if d.estimated else "")


def _where(community: str | None) -> list[Any]:
    c = TABLES["assistance_case"]
    where = [c.c.deleted.is_(False)]
    if community:
        where.append(c.c.area_code.startswith(areas.prefix_of(community)))
    return where


def stage_counts(col: Any, community: str | None = None) -> dict[str, int]:
    """Cases per stage code (every stage present, zeros included), in workflow order."""
    c = TABLES["assistance_case"]
    out = {s.code: 0 for s in workflow.stages()}
    with col.records.reading() as conn:
        for stage, n in conn.execute(
            select(c.c.stage, func.count()).where(*_where(community)).group_by(c.c.stage)
        ):
            out[stage] = out.get(stage, 0) + int(n)
    return out


def communities(col: Any) -> list[tuple[str, str, int]]:
    """(area code, community name, case count) for the communities that have cases."""
    c = TABLES["assistance_case"]
    with col.records.reading() as conn:
        rows = conn.execute(
            select(c.c.area_code, func.count())
            .where(c.c.deleted.is_(False))
            .group_by(c.c.area_code)
            .order_by(c.c.area_code)
        ).all()
    return [(code, areas.name_of(code), int(n)) for code, n in rows]


def cases_in_stage(
    col: Any,
    stage: str,
    today: dt.date,
    community: str | None = None,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> list[CaseRow]:
    """Cases in one stage, most urgent first (earliest deadline, then longest waiting)."""
    c, p = TABLES["assistance_case"], TABLES["person"]
    # Order and limit the cases alone, then join names for that page only: joining first would look up
    # every case's person before the LIMIT applies.
    page = (
        select(
            c.c.id, c.c.person_id, c.c.area_code, c.c.category, c.c.stage, c.c.stage_started_on, c.c.due_on
        )
        .where(*_where(community), c.c.stage == stage)
        .order_by(c.c.due_on.is_(None), c.c.due_on, c.c.stage_started_on, c.c.id)
        .limit(limit)
        .offset(offset)
        .subquery()
    )
    stmt = (
        select(page, p.c.name)
        .select_from(page.outerjoin(p, p.c.id == page.c.person_id))
        .order_by(page.c.due_on.is_(None), page.c.due_on, page.c.stage_started_on, page.c.id)
    )
    with col.records.reading() as conn:
        rows = conn.execute(stmt).all()
    out = []
    for r in rows:
        deadline, note = None, ""
        if r.stage_started_on is not None:
            try:
                deadline = workflow.stage_deadline(r.stage, r.stage_started_on, today)
                minimum = workflow.stage(r.stage).min_workdays
            except workflow.WorkflowError:
                minimum = None
            if minimum:
                done = max(0, workdays_between(r.stage_started_on, today))
                note = f"已{workflow.stage(r.stage).name_zh} {done}/{minimum} 个工作日"
        out.append(
            CaseRow(
                r.id,
                r.person_id,
                r.name or "",
                r.area_code,
                category_zh(r.category),
                r.stage,
                r.stage_started_on,
                deadline,
                note,
            )
        )
    return out


def board(
    col: Any, today: dt.date, community: str | None = None, limit: int = DEFAULT_LIMIT
) -> tuple[dict[str, int], dict[str, list[CaseRow]]]:
    """Counts for every stage and the first ``limit`` rows of each non-empty stage."""
    counts = stage_counts(col, community)
    rows = {s: cases_in_stage(col, s, today, community, limit) if n else [] for s, n in counts.items()}
    return counts, rows
