"""Changes to the store's rule sets: only ever sets whose signature and content were checked first."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.collection import Collection
from app.queries.rules import CHANGES_META, DEADLINES_CHECKED_META, KEY_META, REFUSED_META
from app.rules import due_dates, workflow
from app.rules.active import using
from app.rules.ruleset import PublishedSet, RuleSet
from app.store.sync_state import get_meta, set_meta, utc_now
from app.store.tables import TABLES, rule_set

MAX_REFUSED = 50  # the newest refusals are kept for the rules screen
MAX_CHANGES = 500  # moved deadlines kept for the worker to read


def keep_set(conn: Connection, s: PublishedSet, signature: str, key_id: str) -> None:
    i = s.info
    conn.execute(sqlite_insert(rule_set).values(
        set_id=i.set_id, area=i.area, version=i.version, text=s.text, signature=signature, key_id=key_id,
        received_at=utc_now()).on_conflict_do_nothing())


def pin_key(conn: Connection, key: dict[str, str], how: str) -> None:
    set_meta(conn, KEY_META, {**key, "pinned_at": utc_now(), "how": how})


def note_refused(conn: Connection, label: str, reason: str) -> None:
    refused: list[dict[str, Any]] = get_meta(conn, REFUSED_META, [])
    refused.append({"at": utc_now(), "label": label, "reason": reason})
    set_meta(conn, REFUSED_META, refused[-MAX_REFUSED:])


def recompute_deadlines(col: Collection, before: RuleSet, after: RuleSet,
                        checked_on: dt.date | None = None) -> list[dict[str, Any]]:
    """When the rules in force go from ``before`` to ``after`` (a holiday calendar arrived, a time limit
    changed, or a set reached its effective date), compute the due dates that depend on the change again.

    Which dates move is ``app.rules.due_dates.recompute`` (a stage keeps the limit in force when it started
    unless the set says ``applies_to_running``). The cases are read and written in one transaction of the one
    writer, and only ``due_on``/``due_rules``/``due_estimated`` are written, as ordinary changes (they sync,
    enter the audit log, and merge field by field with edits made elsewhere meanwhile). Moved dates are
    listed for the worker in ``rules_changes`` and returned as dicts. ``checked_on`` is remembered as the day
    the dates were last brought up to date (``DEADLINES_CHECKED_META``: a later set's effective date is caught
    up from there). Running it again with the same rules changes nothing.
    """
    moved: list[dict[str, Any]] = []
    unchanged = before.version == after.version and not due_dates.changed_years(before, after)
    day = checked_on.isoformat() if checked_on else None
    if unchanged and (day is None or col.get_meta(DEADLINES_CHECKED_META) == day):
        return []  # the usual sync: nothing to write
    case, person = TABLES["assistance_case"], TABLES["person"]
    with col.records.transaction() as tx:
        if day is not None:
            set_meta(tx.conn, DEADLINES_CHECKED_META, day)
        if unchanged:
            return []
        rows = tx.conn.execute(
            select(case.c.id, case.c.stage, case.c.stage_started_on, case.c.due_on, case.c.due_estimated,
                   person.c.name).select_from(case.outerjoin(person, person.c.id == case.c.person_id))
            .where(case.c.deleted.is_(False), case.c.due_on.is_not(None), case.c.stage_started_on.is_not(None),
                   case.c.stage.not_in(sorted(workflow.closed_stages())))
        ).all()
        for r in rows:
            m = due_dates.recompute(r.stage, r.stage_started_on, r.due_on, bool(r.due_estimated), before, after)
            if m is None:
                continue
            tx.update("assistance_case", r.id, due_dates.deadline_fields(r.stage_started_on, m.due_on, after))
            if m.due_on != r.due_on:
                with using(after):
                    stage_name = workflow.stage(r.stage).name_zh
                moved.append({"case_id": r.id, "name": r.name or "", "stage": stage_name, "old": r.due_on.isoformat(),
                              "new": m.due_on.isoformat(), "why": m.why, "rules": after.version, "at": utc_now()})
        if moved:
            set_meta(tx.conn, CHANGES_META, (get_meta(tx.conn, CHANGES_META, []) + moved)[-MAX_CHANGES:])
    return moved


def moved_text(item: dict[str, Any]) -> str:
    """One line for the worker: whose deadline moved, from when to when, and why."""
    return f"{item['name']}（{item['stage']}）办理时限 {item['old']} → {item['new']}（{item.get('why') or '新的节假日安排'}）"
