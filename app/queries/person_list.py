"""The 户与人员 list: display rows fetched a page at a time by id, and the SQL search used until the
in-memory index (app.search) is ready."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache
from typing import Any

from app.search import DUE_SOON_WORKDAYS, Filters, normalize, query_mode

STATUS_LABELS = {"unemployed": "失业", "employed": "已就业", "self_employed": "灵活就业/创业", "retired": "退休"}

# (key, header, sort field in app.search or None when the column cannot be sorted)
COLUMNS: tuple[tuple[str, str, str | None], ...] = (
    ("name", "姓名", "pinyin"),
    ("id_number", "身份证号", "id_number"),
    ("phone", "联系电话", "phone"),
    ("community", "社区", "area"),
    ("address", "住址", None),
    ("relation", "与户主关系", None),
    ("status", "就业状态", "status"),
    ("category", "援助类别", "category"),
    ("stage", "办理环节", "stage"),
    ("due_on", "办理时限", "due_on"),
    ("package", "最低服务包", "package"),
)


@cache
def category_label(code: str) -> str:
    from app.rules.eligibility import category_names

    return dict(category_names()).get(code, code)


@cache
def stage_label(code: str) -> str:
    from app.rules import workflow

    try:
        return workflow.stage(code).name_zh
    except workflow.WorkflowError:
        return code


def category_choices() -> list[tuple[str, str]]:
    from app.rules.eligibility import category_names

    return category_names()


def stage_choices() -> list[tuple[str, str]]:
    from app.rules import workflow

    return [(s.code, s.name_zh) for s in workflow.stages()]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def fetch_rows(records: Any, ids: Sequence[str], today: dt.date | None = None) -> dict[str, dict[str, Any]]:
    """Display values for the persons ``ids`` (a page): id → {column key: text, …}."""
    from app import areas
    from app.rules.service_package import package_progress
    from app.rules.workflow import certified_stages, closed_stages, shown_case_replaced

    today = today or dt.date.today()
    ids = list(ids)
    if not ids:
        return {}
    m = _marks(len(ids))
    with records.reading() as conn:
        cur = conn.connection.cursor()
        try:
            people = cur.execute(
                f"SELECT p.id, p.name, p.id_number, p.phone, p.area_code, h.address, p.relation, "
                f"p.employment_status, p.household_id FROM person p LEFT JOIN household h ON h.id = p.household_id "
                f"WHERE p.id IN ({m})", ids).fetchall()
            cases = cur.execute(
                f"SELECT person_id, category, stage, due_on FROM assistance_case WHERE deleted = 0 AND person_id "
                f"IN ({m}) ORDER BY stage_started_on", ids).fetchall()
            services = cur.execute(
                f"SELECT person_id, kind FROM service WHERE deleted = 0 AND person_id IN ({m})", ids).fetchall()
        finally:
            cur.close()
    chosen: dict[str, tuple[str, str, str]] = {}
    for pid, category, stage, due_on in cases:
        prev = chosen.get(pid)
        if shown_case_replaced(prev[1] if prev else None, stage):
            chosen[pid] = (category or "", stage or "", str(due_on or ""))
    kinds: dict[str, list[str]] = {}
    for pid, kind in services:
        kinds.setdefault(pid, []).append(kind)
    out: dict[str, dict[str, Any]] = {}
    for pid, name, id_number, phone, area, address, relation, status, household in people:
        category, stage, due_on = chosen.get(pid, ("", "", ""))
        running = stage and stage not in closed_stages()
        package = ""
        package_missing = False
        if stage in certified_stages():
            try:
                progress = package_progress(kinds.get(pid, []))
                package = "已完成" if progress.complete else progress.missing_text
                package_missing = not progress.complete
            except ValueError:
                package = "服务类型有误"
        out[pid] = {
            "id": pid, "household_id": household or "", "name": name or "", "id_number": id_number or "",
            "phone": phone or "", "community": areas.name_of(area) if area else "", "address": address or "",
            "relation": relation or "", "status": STATUS_LABELS.get(status or "", status or ""),
            "category": category_label(category) if category else "",
            "stage": stage_label(stage) if stage else "",
            "due_on": due_on if running else "",
            "overdue": bool(running and due_on and due_on < today.isoformat()),
            "package": package, "package_missing": package_missing,
        }
    return out


def sql_search(records: Any, text: str, filters: Filters | None = None, limit: int = 200,
               today: dt.date | None = None) -> tuple[list[str], int | None]:
    """(first ``limit`` ids in pinyin order, total) by SQL — slower than the index, used until it is ready.

    With no query and no filter (the list right after unlock) it returns the first ``limit`` persons in
    household order and no total: that reads a few hundred rows through an index, where pinyin order or a
    count of live rows would decrypt the whole person table first.
    """
    from app.rules.workflow import certified_stages, closed_stages

    today = today or dt.date.today()
    if not normalize(text) and not (filters and filters.active):
        with records.reading() as conn:
            cur = conn.connection.cursor()
            try:
                ids = [r[0] for r in cur.execute(
                    "SELECT id FROM person INDEXED BY ix_person_household WHERE deleted = 0 "
                    "ORDER BY household_id LIMIT ?", (limit,))]
            finally:
                cur.close()
        return ids, (len(ids) if len(ids) < limit else None)
    where = ["p.deleted = 0"]
    args: list[Any] = []
    q = normalize(text)
    if q:
        mode = query_mode(q)
        like = "%" + q.replace("%", "").replace("_", "") + "%"
        if mode == "digits":
            where.append("(lower(p.id_number) LIKE ? OR p.phone LIKE ?)")
            args += [like, like]
        elif mode == "latin":
            where.append("(p.name_initials LIKE ? OR p.name_pinyin LIKE ?)")
            args += [q + "%", q + "%"]
        else:
            where.append("p.name LIKE ?")
            args.append(like)
    f = filters or Filters()
    if f.community:
        where.append("p.area_code = ?")
        args.append(f.community)
    case_cond: list[str] = []
    if f.category:
        case_cond.append("c.category = ?")
        args.append(f.category)
    if f.stage:
        case_cond.append("c.stage = ?")
        args.append(f.stage)
    if f.due:
        case_cond.append(f"c.stage NOT IN ({_marks(len(closed_stages()))})")
        args += sorted(closed_stages())
        if f.due == "overdue":
            case_cond.append("c.due_on < ?")
            args.append(today.isoformat())
        else:
            from app.rules.workdays import add_workdays

            case_cond.append("c.due_on BETWEEN ? AND ?")
            args += [today.isoformat(), add_workdays(today, DUE_SOON_WORKDAYS).isoformat()]
    if f.incomplete_package:
        from app.rules.service_package import minimum

        case_cond.append(f"c.stage IN ({_marks(len(certified_stages()))})")
        args += sorted(certified_stages())
        short = " OR ".join(
            "(SELECT count(*) FROM service s WHERE s.person_id = p.id AND s.deleted = 0 AND s.kind = ?) < ?"
            for _ in minimum())
        for kind, n in minimum().items():
            args += [kind, n]
        case_cond.append(f"({short})")
    if case_cond:
        where.append("EXISTS (SELECT 1 FROM assistance_case c WHERE c.person_id = p.id AND c.deleted = 0 AND "
                     + " AND ".join(case_cond) + ")")
    cond = " AND ".join(where)
    with records.reading() as conn:
        cur = conn.connection.cursor()
        try:
            ids = [r[0] for r in cur.execute(
                f"SELECT p.id FROM person p WHERE {cond} ORDER BY p.name_pinyin LIMIT ?", [*args, limit])]
            total = len(ids) if len(ids) < limit else int(cur.execute(
                f"SELECT count(*) FROM person p WHERE {cond}", args).fetchone()[0])
        finally:
            cur.close()
    return ids, total
