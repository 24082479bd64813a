"""Follow-ups (跟踪回访) after employment and the evaluation before the policy expires: schedule, record."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.rules.followups import schedule_after_employment
from app.store.records import Tx
from app.store.tables import TABLES

EMPLOYMENT_KINDS = ("adaptation", "stabilization")


def schedule_employment_followups(tx: Tx, person_id: str, area_code: str, employed_on: dt.date) -> int:
    """Create the 适应期/稳定期 follow-ups for work started on ``employed_on``; returns how many.

    None when this employment already has its schedule (a follow-up due on or after the start day), so the
    visit that recorded the job and the approval of the exit never schedule twice.
    """
    f = TABLES["followup"]
    already = tx.conn.execute(select(f.c.id).where(
        f.c.person_id == person_id, f.c.deleted.is_(False), f.c.kind.in_(EMPLOYMENT_KINDS),
        f.c.due_on >= employed_on).limit(1)).first()
    if already:
        return 0
    plan = schedule_after_employment(employed_on)
    for p in plan:
        tx.create("followup", {"person_id": person_id, "kind": p.kind, "due_on": p.due_on, "note": p.label_zh},
                  area_code=area_code)
    return len(plan)
