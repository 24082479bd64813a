"""今日待办: what a worker must do today, from indexed/narrow queries (no Qt).

Every item names the person to open (``person_id``) when there is one; registration applications pushed by
the ministry platform may not match a local person yet, then ``record_kind``/``record_id`` name the item.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select

from app.queries.exit_signals import signals_in
from app.queries.names import directory_in, shown
from app.queries.person_detail import FOLLOWUP_KINDS, RETURNED, category_zh
from app.queries.visits import route_stops
from app.rules import workflow
from app.rules.followups import evaluation_due
from app.rules.workdays import add_workdays, workdays_between
from app.store.tables import TABLES

# Group code → Chinese heading, in display order.
GROUPS: dict[str, str] = {
    "returned": "审核退回待答复",
    "visit": "今日走访",
    "followup": "到期回访",
    "case": "认定办理时限",
    "evaluation": "政策期满评估",
    "exit": "可提出退出",
    "registration": "失业登记申请",
    "match": "数据比对待确认",
}
CASE_WARN_WORKDAYS = 3  # case steps due within this many working days are listed
MATCH_DONE = ("confirmed", "dismissed", "已确认", "已排除")


@dataclass(slots=True)
class TodoItem:
    kind: str  # group code, see GROUPS
    record_kind: str
    record_id: str
    person_id: str | None
    title: str
    detail: str
    due_on: dt.date | None
    overdue: bool
    due_text: str = ""  # "已超期 2 个工作日" / "今天" …, for the list


def _days_text(due: dt.date, today: dt.date) -> str:
    if due == today:
        return "今天到期"
    if due < today:
        return f"已超期 {(today - due).days} 天"
    return f"{(due - today).days} 天后到期"


def _workdays_text(due: dt.date, today: dt.date) -> str:
    if due == today:
        return "今天到期"
    if due < today:
        return f"已超期 {max(1, workdays_between(due, today))} 个工作日"
    left = workdays_between(today, due)
    return f"剩余 {left} 个工作日" if left else "今天到期"


def _names(conn: Any, ids: set[str]) -> dict[str, tuple[str, str]]:
    """person id → (name, area code)."""
    if not ids:
        return {}
    p = TABLES["person"]
    out: dict[str, tuple[str, str]] = {}
    ids_list = list(ids)
    for i in range(0, len(ids_list), 500):  # stay below SQLite's variable limit
        for rid, name, area in conn.execute(
            select(p.c.id, p.c.name, p.c.area_code).where(p.c.id.in_(ids_list[i : i + 500]))
        ):
            out[rid] = (name or "", area)
    return out


def todo(col: Any, today: dt.date, limit_per_group: int = 500) -> list[TodoItem]:
    """All to-do items for ``today``, grouped by GROUPS order, most urgent first within a group."""
    items: list[TodoItem] = []
    with col.records.reading() as conn:
        items += _returned(conn, today, limit_per_group)
        items += _visits(conn, today, limit_per_group)
        items += _followups(conn, today, limit_per_group)
        items += _cases(conn, today, limit_per_group)
        items += _evaluations(conn, today, limit_per_group)
        items += _exit_signals(conn, today, limit_per_group)
        items += _registrations(conn, today, limit_per_group)
        items += _matches(conn, today, limit_per_group)
        names = _names(conn, {i.person_id for i in items if i.person_id})
    for i in items:
        if i.person_id and not i.title:
            i.title = names.get(i.person_id, ("（已删除的人员）", ""))[0]
    order = {k: n for n, k in enumerate(GROUPS)}
    items.sort(key=lambda i: (order[i.kind], not i.overdue, i.due_on or dt.date.max))
    return items


def counts(items: list[TodoItem]) -> dict[str, int]:
    out = dict.fromkeys(GROUPS, 0)
    for i in items:
        out[i.kind] += 1
    return out


def _returned(conn: Any, today: dt.date, limit: int) -> list[TodoItem]:
    r = TABLES["review"]
    names = directory_in(conn)  # the reviewer by name, not login
    rows = conn.execute(
        select(r)
        .where(
            r.c.deleted.is_(False), r.c.decision.in_(RETURNED), or_(r.c.answer.is_(None), r.c.answer == "")
        )
        .order_by(r.c.decided_on)
        .limit(limit)
    )
    out = []
    for row in rows:
        what = {
            "visit": "走访记录",
            "help_plan": "援助方案",
            "assistance_case": "认定申请",
            "person": "人员信息",
        }.get(row.target_kind or "", "记录")
        detail = f"{what}被退回：{row.comment or '（无意见）'}"
        if row.reviewer:
            detail += f"（{shown(names, row.reviewer)}）"
        out.append(
            TodoItem(
                "returned",
                "review",
                row.id,
                row.person_id,
                "",
                detail,
                row.decided_on,
                False,
                f"{row.decided_on.isoformat()} 退回" if row.decided_on else "待答复",
            )
        )
    return out


def _visits(conn: Any, today: dt.date, limit: int) -> list[TodoItem]:
    v, hh = TABLES["visit"], TABLES["household"]
    rows = conn.execute(
        select(v.c.id, v.c.person_id, v.c.planned_on, v.c.route_order, hh.c.address)
        .select_from(v.outerjoin(hh, hh.c.id == v.c.household_id))
        .where(v.c.deleted.is_(False), v.c.visited_on.is_(None), v.c.planned_on <= today)
        .order_by(v.c.planned_on, v.c.route_order)
        .limit(limit)
    ).all()
    # Stop numbers are positions on today's route (as printed), not the stored route_order: that may repeat
    # or skip, and an overdue visit from another day is not on today's route at all.
    stop = route_stops(conn, [today])
    out = []
    for row in sorted(rows, key=lambda r: (r.planned_on, stop.get(r.id, 0))):
        overdue = row.planned_on < today
        detail = "计划走访" + (f" · 路线第 {stop[row.id]} 站" if row.id in stop else "")
        if row.address:
            detail += f" · {row.address}"
        out.append(
            TodoItem(
                "visit",
                "visit",
                row.id,
                row.person_id,
                "",
                detail,
                row.planned_on,
                overdue,
                _days_text(row.planned_on, today) if overdue else "今天",
            )
        )
    return out


def _followups(conn: Any, today: dt.date, limit: int) -> list[TodoItem]:
    f = TABLES["followup"]
    rows = conn.execute(
        select(f)
        .where(f.c.deleted.is_(False), f.c.done_on.is_(None), f.c.due_on <= today)
        .order_by(f.c.due_on)
        .limit(limit)
    )
    return [
        TodoItem(
            "followup",
            "followup",
            row.id,
            row.person_id,
            "",
            row.note or FOLLOWUP_KINDS.get(row.kind or "", "跟踪回访"),
            row.due_on,
            row.due_on < today,
            _days_text(row.due_on, today),
        )
        for row in rows
    ]


def _cases(conn: Any, today: dt.date, limit: int) -> list[TodoItem]:
    """Cases whose stage limit is passed or ends within CASE_WARN_WORKDAYS working days."""
    limited = [s.code for s in workflow.stages() if s.limit_workdays is not None]
    horizon = add_workdays(today, CASE_WARN_WORKDAYS)
    c = TABLES["assistance_case"]
    rows = conn.execute(
        select(c)
        .where(c.c.deleted.is_(False), c.c.stage.in_(limited), c.c.due_on.is_not(None), c.c.due_on <= horizon)
        .order_by(c.c.due_on)
        .limit(limit)
    )
    out = []
    for row in rows:
        st = workflow.stage(row.stage)
        if row.stage_started_on:  # recomputed from the rules so the text matches the person view
            dl = workflow.stage_deadline(row.stage, row.stage_started_on, today)
            due, overdue, text = dl.due, dl.overdue, dl.text_zh.split("（")[0]
        else:
            due, overdue, text = row.due_on, row.due_on < today, _workdays_text(row.due_on, today)
        detail = f"{st.name_zh} · {category_zh(row.category)} · 责任：{workflow.role_name(st.responsible)}"
        out.append(TodoItem("case", "assistance_case", row.id, row.person_id, "", detail, due, overdue, text))
    return out


def _evaluations(conn: Any, today: dt.date, limit: int) -> list[TodoItem]:
    """Certifications whose evaluation-before-expiry day has come (valid_until within the configured days)."""
    c, f = TABLES["assistance_case"], TABLES["followup"]
    # evaluation_due(v) = v - N days is monotonic, so "due by today" is "valid_until <= today + N days".
    horizon = today + (today - evaluation_due(today))
    # Done for this validity period: an evaluation due on or after this period's evaluation day (an extension
    # moves valid_until, so the next period needs its own evaluation).
    days = (today - evaluation_due(today)).days
    done = select(f.c.id).where(
        f.c.person_id == c.c.person_id,
        f.c.kind == "evaluation",
        f.c.done_on.is_not(None),
        f.c.deleted.is_(False),
        f.c.due_on >= func.date(c.c.valid_until, f"-{days} days"),
    )
    rows = conn.execute(
        select(c)
        .where(
            c.c.deleted.is_(False),
            c.c.stage.in_(workflow.certified_stages()),  # the certification runs out
            c.c.valid_until.is_not(None),
            c.c.valid_until <= horizon,
            ~done.exists(),
        )
        .order_by(c.c.valid_until)
        .limit(limit)
    )
    out = []
    for row in rows:
        expired = row.valid_until < today
        detail = f"认定有效期至 {row.valid_until.isoformat()}，请开展期满前就业情况评估"
        text = (
            f"已过期 {(today - row.valid_until).days} 天"
            if expired
            else f"{(row.valid_until - today).days} 天后期满"
        )
        out.append(
            TodoItem(
                "evaluation",
                "assistance_case",
                row.id,
                row.person_id,
                "",
                detail,
                evaluation_due(row.valid_until),
                expired,
                text,
            )
        )
    return out


def _exit_signals(conn: Any, today: dt.date, limit: int) -> list[TodoItem]:
    """Cases meeting an exit condition (拒绝服务、失联) that nobody has proposed yet."""
    return [TodoItem("exit", "assistance_case", s.case_id, s.person_id, "", s.detail, None, False, "可提出退出")
            for s in signals_in(conn, today, limit=limit)]


def _registrations(conn: Any, today: dt.date, limit: int) -> list[TodoItem]:
    """Pushed applications from the day they arrive (3 working days to handle), then the first contact
    (5 working days after registering); overdue ones first. Shown to everyone whose store holds them: the
    community worker, and the street and county supervisors whose scope covers that community."""
    from app.queries.matching import registration_queue

    out = []
    for q in registration_queue(conn, today)[:limit]:
        what = "失业登记申请" if q.phase == "handle" else "登记后联系"
        received = f"（{q.received_on.isoformat()} 推送）" if q.received_on and q.phase == "handle" else ""
        out.append(TodoItem("registration", "registration_application", q.id, q.person_id, q.name,
                            f"{what} {q.application_no}{received}", q.due_on, q.overdue, q.due_text))
    return out


def _source_name(code: str | None) -> str:
    from app.matching.sources import MATCH_SOURCES, source

    return source(code).name if code in MATCH_SOURCES else (code or "数据比对")


def _matches(conn: Any, today: dt.date, limit: int) -> list[TodoItem]:
    m = TABLES["match_hit"]
    rows = conn.execute(
        select(m)
        .where(
            m.c.deleted.is_(False),
            m.c.confirmed_on.is_(None),
            or_(m.c.status.is_(None), m.c.status.not_in(MATCH_DONE)),
        )
        .order_by(m.c.found_on)
        .limit(limit)
    )
    return [
        TodoItem(
            "match",
            "match_hit",
            row.id,
            row.person_id,
            "",
            f"{_source_name(row.source)}：{row.detail or ''}",
            row.found_on,
            False,
            f"{row.found_on.isoformat()} 发现" if row.found_on else "待确认",
        )
        for row in rows
    ]


def total(col: Any, today: dt.date) -> int:
    """Quick count for a badge (same rules as ``todo``)."""
    return len(todo(col, today))
