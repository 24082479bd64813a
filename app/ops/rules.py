"""Changes to the store's rule sets: only ever sets whose signature and content were checked first."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.collection import Collection
from app.queries.rules import CHANGES_META, KEY_META, REFUSED_META
from app.rules import workflow
from app.rules.active import using
from app.rules.ruleset import PublishedSet, RuleSet
from app.rules.workdays import add_workdays, unknown_years
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


def recompute_deadlines(col: Collection, before: RuleSet, after: RuleSet) -> list[dict[str, Any]]:
    """When a holiday calendar arrives or changes, compute the due dates it touches again.

    A case's due date is recomputed if it was computed under an estimated calendar or its span (stage start
    to due date) touches a year whose arrangement changed. Moved dates are written as ordinary changes (they
    sync and enter the audit log) and listed for the worker in ``rules_changes``; returned as dicts.
    """
    years = {y for y in after.calendar.published_years()
             if after.calendar.sources.get(y) != before.calendar.sources.get(y)}
    if not years:
        return []
    case, person = TABLES["assistance_case"], TABLES["person"]
    moved: list[dict[str, Any]] = []
    with col.records.transaction() as tx:
        rows = tx.conn.execute(
            select(case.c.id, case.c.stage, case.c.stage_started_on, case.c.due_on, case.c.due_estimated,
                   person.c.name).select_from(case.outerjoin(person, person.c.id == case.c.person_id))
            .where(case.c.deleted.is_(False), case.c.due_on.is_not(None), case.c.stage_started_on.is_not(None))
        ).all()
        with using(after):
            for r in rows:
                span = set(range(r.stage_started_on.year, r.due_on.year + 1))
                if not (r.due_estimated or span & years):
                    continue
                try:
                    limit = workflow.stage(r.stage).limit_workdays
                except workflow.WorkflowError:
                    continue
                if limit is None:
                    continue
                due = add_workdays(r.stage_started_on, limit)
                estimated = bool(unknown_years(r.stage_started_on, due))
                if due == r.due_on and estimated == bool(r.due_estimated):
                    continue
                tx.update("assistance_case", r.id, {"due_on": due, "due_rules": after.version,
                                                    "due_estimated": estimated})
                if due != r.due_on:
                    moved.append({"case_id": r.id, "name": r.name or "", "stage": workflow.stage(r.stage).name_zh,
                                  "old": r.due_on.isoformat(), "new": due.isoformat(), "rules": after.version,
                                  "at": utc_now()})
        if moved:
            set_meta(tx.conn, CHANGES_META, (get_meta(tx.conn, CHANGES_META, []) + moved)[-MAX_CHANGES:])
    return moved


def moved_text(item: dict[str, Any]) -> str:
    """One line for the worker: whose deadline moved, from when to when, and why."""
    return f"{item['name']}（{item['stage']}）办理时限 {item['old']} → {item['new']}（新的节假日安排）"
