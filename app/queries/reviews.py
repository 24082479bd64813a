"""Supervisor review (督导审核), the reading side: the queue of synced work waiting for a decision, its counts
for the dashboard, the returns a worker must answer, and an item described for the detail pane. Decisions and
answers are ``app.ops.reviews``.

Queue rule (no ordering by clocks, only by what the records say): a visit (actually made), help plan or case step
is waiting for review unless some live review of it has ``target_version`` equal to the item's current version
and is either "approved", or "returned" without an answer yet. So:
- a new item, or an item the worker changed after a decision (new server version), is waiting;
- a returned item leaves the queue until the worker answers it (or changes it), then it is waiting again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Connection
from sqlalchemy import text as sql_text

from app import areas
from app.collection import Collection
from app.model.kinds import KINDS
from app.queries.names import directory, name_fields, shown
from app.queries.readable import field_text
from app.rules._data import load
from app.rules.workdays import add_workdays, workdays_between

REVIEWABLE = ("visit", "help_plan", "case_step")
APPROVED, RETURNED = "approved", "returned"
DECISION_ZH = {APPROVED: "通过", RETURNED: "退回"}


@dataclass(frozen=True, slots=True)
class ReviewItem:
    kind: str  # visit | help_plan | case_step
    id: str
    version: int
    person_id: str | None
    person_name: str
    worker: str
    area_code: str
    item_date: dt.date | None  # visited_on / day the plan was last changed / step done_on
    deadline: dt.date | None
    remaining_workdays: int | None  # working days left after today; negative when overdue
    overdue: bool
    returned_comment: str = ""  # when back after a return: the supervisor's comment …
    answer: str = ""  # … and the worker's answer
    answered_on: dt.date | None = None

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind].label

    @property
    def resubmitted(self) -> bool:
        return bool(self.answer)


def _cfg() -> dict[str, int]:
    return load("review")["review"]


@cache
def _add(start: dt.date, n: int) -> dt.date:
    return add_workdays(start, n)


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _scope_sql(codes: list[str], column: str, params: dict[str, Any]) -> str:
    """SQL condition limiting ``column`` to the jurisdictions ``codes`` (everything when empty)."""
    if not codes:
        return "1"
    parts = []
    for i, code in enumerate(codes):
        params[f"scope{i}"] = areas.prefix_of(code) + "%"
        parts.append(f"{column} LIKE :scope{i}")
    return "(" + " OR ".join(parts) + ")"


# A review "settles" an item version when it approves it, or returns it and is still unanswered.
SETTLED = """EXISTS (SELECT 1 FROM review r WHERE r.target_id = {t}.id AND r.deleted = 0
    AND r.target_version = {t}.version
    AND (r.decision = 'approved' OR (r.decision = 'returned' AND COALESCE(r.answer, '') = '')))"""

_QUEUE_SQL = {
    "visit": """SELECT v.id, v.version, v.person_id, v.area_code, v.visited_on AS item_date, v.worker AS worker,
        p.name AS person_name, NULL AS case_due FROM visit v LEFT JOIN person p ON p.id = v.person_id
        WHERE v.deleted = 0 AND v.visited_on IS NOT NULL AND {scope} AND NOT """ + SETTLED.format(t="v"),
    "help_plan": """SELECT h.id, h.version, h.person_id, h.area_code, substr(h.changed_at, 1, 10) AS item_date,
        COALESCE(p.worker, h.changed_by) AS worker, p.name AS person_name, NULL AS case_due
        FROM help_plan h LEFT JOIN person p ON p.id = h.person_id
        WHERE h.deleted = 0 AND {scope} AND NOT """ + SETTLED.format(t="h"),
    "case_step": """SELECT s.id, s.version, s.person_id, s.area_code, s.done_on AS item_date, s.by AS worker,
        p.name AS person_name, c.due_on AS case_due FROM case_step s LEFT JOIN person p ON p.id = s.person_id
        LEFT JOIN assistance_case c ON c.id = s.case_id
        WHERE s.deleted = 0 AND {scope} AND NOT """ + SETTLED.format(t="s"),
}

_ALIAS = {"visit": "v", "help_plan": "h", "case_step": "s"}


def _answered_returns(conn: Connection) -> dict[str, dict[str, Any]]:
    """(target id, version) → its latest answered return (why an item is back in the queue). Answered returns are few."""
    rows = conn.execute(sql_text(
        "SELECT target_id, target_version, comment, answer, answered_on FROM review WHERE deleted = 0"
        " AND decision = 'returned' AND COALESCE(answer, '') <> '' ORDER BY answered_on, decided_on, id"))
    return {(r.target_id, r.target_version): dict(r._mapping) for r in rows}


def _deadline(kind: str, item_date: dt.date | None, case_due: dt.date | None,
              answered_on: dt.date | None) -> dt.date | None:
    """Review deadline of an item (see resources/rules/review.toml)."""
    cfg = _cfg()
    deadline = case_due if kind == "case_step" else None
    if deadline is None and item_date is not None:
        deadline = _add(item_date, cfg[f"{kind}_workdays"])
    if answered_on is not None:  # back after an answer: at least N working days from the answer
        again = _add(answered_on, cfg["answered_workdays"])
        deadline = max(deadline, again) if deadline else again
    return deadline


@cache
def _remaining(deadline: dt.date, today: dt.date) -> tuple[bool, int]:
    """(overdue, working days left after today; at least -1 when overdue, as in deadline_info)."""
    if today > deadline:
        return True, -max(1, workdays_between(deadline, today))
    return False, workdays_between(today, deadline)


def queue(col: Collection, today: dt.date | None = None, area: str | None = None) -> list[ReviewItem]:
    """Items waiting for review in ``area`` (default: the user's areas), oldest deadline first."""
    today = today or dt.date.today()
    items: list[ReviewItem] = []
    codes = [area] if area else list(col.user.get("areas") or [])  # read before the connection is taken
    names = directory(col)
    with col.records.reading() as conn:
        rows: list[tuple[str, Any]] = []
        for kind, query in _QUEUE_SQL.items():
            params: dict[str, Any] = {}
            scope = _scope_sql(codes, f"{_ALIAS[kind]}.area_code", params)
            rows += [(kind, r) for r in conn.execute(sql_text(query.format(scope=scope)), params)]
        answered = _answered_returns(conn)
    for kind, r in rows:
        item_date = _date(r.item_date)
        back = answered.get((r.id, r.version))
        answered_on = _date(back["answered_on"]) if back else None
        deadline = _deadline(kind, item_date, _date(r.case_due), answered_on)
        late, remaining = _remaining(deadline, today) if deadline is not None else (False, None)
        items.append(ReviewItem(
            kind=kind, id=r.id, version=int(r.version or 0), person_id=r.person_id,
            person_name=r.person_name or "", worker=shown(names, r.worker), area_code=r.area_code, item_date=item_date,
            deadline=deadline, remaining_workdays=remaining, overdue=late,
            returned_comment=(back or {}).get("comment") or "", answer=(back or {}).get("answer") or "",
            answered_on=answered_on,
        ))
    far = dt.date.max
    items.sort(key=lambda i: (i.deadline or far, i.item_date or far, i.kind, i.id))
    return items


# Counting without building items: the queue's rows grouped by what the deadline depends on.
_COUNT_SQL = {
    "visit": "SELECT v.area_code, v.visited_on AS item_date, NULL AS case_due, a.answered_on, COUNT(*) AS n "
             "FROM visit v LEFT JOIN answered a ON a.target_id = v.id AND a.target_version = v.version "
             "WHERE v.deleted = 0 "
             "AND v.visited_on IS NOT NULL AND {scope} AND NOT " + SETTLED.format(t="v") + " GROUP BY 1, 2, 3, 4",
    "help_plan": "SELECT h.area_code, substr(h.changed_at, 1, 10) AS item_date, NULL AS case_due, a.answered_on, "
                 "COUNT(*) AS n FROM help_plan h LEFT JOIN answered a ON a.target_id = h.id "
                 "AND a.target_version = h.version WHERE h.deleted = 0 "
                 "AND {scope} AND NOT " + SETTLED.format(t="h") + " GROUP BY 1, 2, 3, 4",
    "case_step": "SELECT s.area_code, s.done_on AS item_date, c.due_on AS case_due, a.answered_on, COUNT(*) AS n "
                 "FROM case_step s LEFT JOIN assistance_case c ON c.id = s.case_id "
                 "LEFT JOIN answered a ON a.target_id = s.id AND a.target_version = s.version "
                 "WHERE s.deleted = 0 AND {scope} AND NOT "
                 + SETTLED.format(t="s") + " GROUP BY 1, 2, 3, 4",
}
_ANSWERED_CTE = ("WITH answered AS (SELECT target_id, target_version, MAX(answered_on) AS answered_on FROM review "
                 "WHERE deleted = 0 AND decision = 'returned' AND COALESCE(answer, '') <> '' "
                 "GROUP BY target_id, target_version) ")


def counts(col: Collection, today: dt.date | None = None, area: str | None = None) -> dict[tuple[str, str], int]:
    """{(community code, "waiting" | "overdue" | "resubmitted"): n}: the queue counted, for the dashboard."""
    today = today or dt.date.today()
    codes = [area] if area else list(col.user.get("areas") or [])
    out: dict[tuple[str, str], int] = {}
    with col.records.reading() as conn:
        for kind, query in _COUNT_SQL.items():
            params: dict[str, Any] = {}
            scope = _scope_sql(codes, f"{_ALIAS[kind]}.area_code", params)
            for r in conn.execute(sql_text(_ANSWERED_CTE + query.format(scope=scope)), params):
                answered_on = _date(r.answered_on)
                deadline = _deadline(kind, _date(r.item_date), _date(r.case_due), answered_on)
                classes = ["waiting"]
                if deadline is not None and _remaining(deadline, today)[0]:
                    classes.append("overdue")
                if answered_on is not None:
                    classes.append("resubmitted")
                for c in classes:
                    out[(r.area_code, c)] = out.get((r.area_code, c), 0) + int(r.n)
    return out


def overdue(col: Collection, today: dt.date | None = None, area: str | None = None) -> list[ReviewItem]:
    """Queue items past their review deadline."""
    return [i for i in queue(col, today, area) if i.overdue]


def returned_for_worker(col: Collection, worker: str | None = None) -> list[dict[str, Any]]:
    """Returned, unanswered reviews (what the worker must still answer), oldest decision first.

    ``worker`` limits to items that worker made (visit worker / step by / person's worker); default: all in the
    store, which on a worker's laptop is their own communities.
    """
    query = """SELECT r.*, p.name AS person_name, COALESCE(v.worker, s.by, p.worker) AS item_worker
        FROM review r LEFT JOIN person p ON p.id = r.person_id
        LEFT JOIN visit v ON v.id = r.target_id LEFT JOIN case_step s ON s.id = r.target_id
        WHERE r.deleted = 0 AND r.decision = 'returned' AND COALESCE(r.answer, '') = ''
        ORDER BY r.decided_on, r.id"""
    with col.records.reading() as conn:
        rows = [dict(r._mapping) for r in conn.execute(sql_text(query))]
    if worker is not None:
        rows = [r for r in rows if r["item_worker"] == worker]
    return rows


def reviews_of(col: Collection, target_id: str) -> list[dict[str, Any]]:
    """Every live review of an item, by decision date (display only: reviewer and answerer by name)."""
    with col.records.reading() as conn:
        rows = conn.execute(sql_text("SELECT * FROM review WHERE target_id = :t AND deleted = 0 "
                                 "ORDER BY decided_on, answered_on"), {"t": target_id})
        out = [dict(r._mapping) for r in rows]
        name_fields(conn, out, "reviewer", "answered_by")
        return out


# Fields shown first, in this order (the "four clears" for a visit); the rest follow in registry order.
_DETAIL_FIRST = {
    "visit": ("visited_on", "worker", "members", "employment_status", "employment_intention", "service_needs"),
    "help_plan": ("difficulty_type", "difficulty_degree", "measures", "progress"),
    "case_step": ("action", "from_stage", "to_stage", "by", "done_on", "due_on", "note"),
}
_DETAIL_SKIP = {"person_id", "household_id", "case_id", "planned_on", "route_order"}


def describe(col: Collection, kind: str, record_id: str) -> list[tuple[str, str]]:
    """(label, text) pairs describing an item for the review detail pane, four clears / measures first."""
    rec = col.records.get(kind, record_id)
    if rec is None:
        return []
    k = KINDS[kind]
    out: list[tuple[str, str]] = []
    if rec.get("person_id"):
        person = col.records.get("person", rec["person_id"])
        if person:
            out.append(("人员", person.get("name") or "—"))
    out.append(("社区", areas.full_name(rec["area_code"])))
    first = _DETAIL_FIRST.get(kind, ())
    names = list(first) + [n for n in k.field_names if n not in first]
    people = directory(col)  # who did it is shown by name, never by login
    for name in names:
        if name in _DETAIL_SKIP:
            continue
        value = rec.get(name)
        if value in (None, "", [], {}) and name not in first:
            continue
        text = field_text(kind, name, shown(people, value) if isinstance(value, str) else value)
        out.append((k.field(name).label or name, text))
    if kind == "help_plan" and rec.get("changed_at"):
        out.append(("最后修改", str(rec["changed_at"])[:10]))
    return out
