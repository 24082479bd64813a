"""The supervisor's figures, per community and for the whole area, and the records behind every cell.

Each figure classifies records into (row, column) cells with one query; the figure counts them with GROUP BY and
``drill`` lists the same query's records for one cell, so a cell's number and its drill-down list always agree.
Where a rule lives in Python (follow-up on time, zero-household status, ISO weeks) the query groups by the
dates the rule reads and the rule is applied once per group, so the cost stays with the number of distinct
dates, not of records. Counting rules are spelled out in docs/SUPERVISOR.md.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Connection, text

from app import areas, vocabulary
from app.collection import Collection
from app.dashboard.model import ALL, TOTAL, Column, Dashboard, Figure, Ref, Row
from app.queries.discovery import ELIGIBLE, UNVISITED, eligible_in, unvisited_in
from app.queries.names import directory_in, shown
from app.rules import service_package, workflow
from app.rules._data import load
from app.rules.active import current as rules_in_force
from app.rules.discovery import default_days
from app.rules.eligibility import category_names
from app.rules.followups import is_followup_on_time
from app.rules.idcard import age_on
from app.rules.workdays import add_workdays
from app.rules.zero_household import MemberEmployment, zero_status

FIGURES = ("stage", "category", "compliance", "deadlines", "followups", "exits", "discovery", "zero", "visits",
           "reviews", "matching")
UNSET = "unset"


def _cfg() -> dict[str, Any]:
    return load("review")["dashboard"]


@cache
def _add(start: dt.date, n: int) -> dt.date:
    return add_workdays(start, n)


def _d(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


@dataclass
class _Ctx:
    conn: Connection
    today: dt.date
    codes: list[str]  # jurisdiction codes in scope; empty: everything in the store

    def scope(self, column: str, params: dict[str, Any]) -> str:
        if not self.codes:
            return "1"
        parts = []
        for i, code in enumerate(self.codes):
            params[f"scope{i}"] = areas.prefix_of(code) + "%"
            parts.append(f"{column} LIKE :scope{i}")
        return "(" + " OR ".join(parts) + ")"


def _scope_codes(col: Collection, area: str | None) -> list[str]:
    return [area] if area else list(col.user.get("areas") or [])


def area_label(col: Collection, area: str | None) -> str:
    codes = _scope_codes(col, area)
    if not codes:
        return "全部辖区"
    return "、".join(areas.full_name(c) for c in codes)


def _community_rows(ctx: _Ctx, found: Iterable[str]) -> list[Row]:
    known = [a.code for a in areas.communities(ctx.codes or None)]
    keys = sorted(set(known) | {k for k in found if k})
    return [Row(k, areas.name_of(k)) for k in keys]


def _finish(rows: list[Row], counts: dict[tuple[str, str], int], count_cols: list[str],
            total: bool = True) -> list[Row]:
    """Fill counts, per-row totals, and the ALL row (sum of the rows)."""
    all_row = Row(ALL, "合计")
    for r in rows:
        for c in count_cols:
            r.values[c] = counts.get((r.key, c), 0)
            all_row.values[c] = all_row.values.get(c, 0) + r.values[c]
    out = [*rows, all_row]
    if total:
        for r in out:
            r.values[TOTAL] = sum(r.values.get(c, 0) for c in count_cols)
    return out


def _ratio(rows: list[Row], key: str, num: str, den: list[str]) -> None:
    for r in rows:
        d = sum(r.get(c) for c in den)
        r.values[key] = r.get(num) / d if d else 0.0


# --- case figures: stage, category, 3+1+1 compliance, deadlines --------------------------------------------
# One query gives every person's current case (and, for people being helped, their service counts); the four
# figures are four classifications of its rows. Counting groups by the columns the classifications read;
# drilling fetches the rows of one community and classifies them with the same function.
_CURRENT_CASE = f"""WITH cur AS MATERIALIZED (SELECT * FROM (
    SELECT c.id AS case_id, c.person_id AS person_id, c.stage AS stage, c.category AS category, c.due_on AS due_on,
           p.area_code AS area_code, p.name AS name,
           ROW_NUMBER() OVER (PARTITION BY c.person_id ORDER BY (c.stage IN {workflow.sql_list(workflow.closed_stages())}),
                              c.stage_started_on DESC, c.id DESC) AS rn
    FROM assistance_case c JOIN person p ON p.id = c.person_id
    WHERE c.deleted = 0 AND p.deleted = 0 AND {{scope}}) WHERE rn = 1)
"""
CASE_FIGURES = ("stage", "category", "compliance", "deadlines")


def _cases_sql(ctx: _Ctx, row: str, grouped: bool) -> tuple[str, dict[str, Any]]:
    params: dict[str, Any] = {}
    scope = ctx.scope("p.area_code", params)
    if row != ALL:
        scope += " AND p.area_code = :cell_r"
        params["cell_r"] = row
    sums, conds, counts = [], [], []
    for i, (code, n) in enumerate(service_package.minimum().items()):
        params[f"svc{i}"], params[f"min{i}"] = code, n
        sums.append(f"SUM(kind = :svc{i}) AS n{i}")
        conds.append(f"COALESCE(n{i}, 0) >= :min{i}")
        counts.append(f"COALESCE(n{i}, 0) AS n{i}")
    sql = _CURRENT_CASE.format(scope=scope) + (
        f", svc AS (SELECT person_id, {', '.join(sums)} FROM service WHERE deleted = 0 AND person_id IN "
        "(SELECT person_id FROM cur WHERE stage = 'helping') GROUP BY person_id), "
        "rows AS (SELECT cur.case_id, cur.person_id, cur.area_code, cur.stage, cur.category, cur.due_on, cur.name, "
        f"CASE WHEN cur.stage = 'helping' THEN (CASE WHEN {' AND '.join(conds)} THEN 'met' ELSE 'not_met' END) "
        f"END AS pkg, {', '.join(counts)} FROM cur LEFT JOIN svc ON svc.person_id = cur.person_id) ")
    if grouped:
        sql += ("SELECT area_code, stage, category, due_on, pkg, COUNT(*) AS n FROM rows "
                "GROUP BY area_code, stage, category, due_on, pkg")
    else:
        sql += "SELECT * FROM rows ORDER BY name, case_id"
    return sql, params


@cache
def _known_categories() -> frozenset[str]:
    return frozenset(c for c, _ in category_names())


def _limited_stages() -> list[str]:
    return [s.code for s in workflow.stages() if s.limit_workdays is not None]


def _case_class(key: str, r: Any, today: dt.date, cutoff: dt.date) -> str | None:
    """The column of figure ``key`` a current-case row counts in (None: not counted)."""
    if key == "stage":
        return r.stage
    if key == "category":
        if r.stage in workflow.closed_stages():  # no longer on the books
            return None
        return r.category if r.category in _known_categories() else UNSET
    if key == "compliance":
        return r.pkg
    if key == "deadlines":
        due = _d(r.due_on)
        if r.stage not in _limited_stages() or due is None:
            return None
        return "overdue" if due < today else "due_soon" if due <= cutoff else None
    raise KeyError(key)


def _cutoff(today: dt.date) -> dt.date:
    return _add(today, _cfg()["due_soon_workdays"])


def _stage_name(code: str | None) -> str:
    try:
        return workflow.stage(code or "").name_zh
    except workflow.WorkflowError:
        return code or "—"


def _case_figures(ctx: _Ctx, keys: Iterable[str]) -> dict[str, Figure]:
    sql, params = _cases_sql(ctx, ALL, grouped=True)
    groups = list(ctx.conn.execute(text(sql), params))
    cutoff = _cutoff(ctx.today)
    counts: dict[str, Counter[tuple[str, str]]] = {k: Counter() for k in CASE_FIGURES}
    for g in groups:
        for k in CASE_FIGURES:
            c = _case_class(k, g, ctx.today, cutoff)
            if c is not None:
                counts[k][(g.area_code, c)] += int(g.n)
    found = {g.area_code for g in groups}
    out: dict[str, Figure] = {}
    keys = set(keys)
    if "stage" in keys:
        cols = [Column(s.code, s.name_zh) for s in workflow.stages()]
        extra = sorted({c for _, c in counts["stage"]} - {c.key for c in cols})
        cols += [Column(c, c or "未填") for c in extra]  # a stage code not in the rules: shown, never dropped
        rows = _finish(_community_rows(ctx, found), counts["stage"], [c.key for c in cols])
        out["stage"] = Figure("stage", "援助对象各环节人数", "社区", [*cols, Column(TOTAL, "合计")], rows,
                              "有援助对象记录的人员，每人按当前记录计一次（有未结束的取最近进入环节的一条，"
                              "否则取最近结束的一条）。")
    if "category" in keys:
        cols = [Column(code, name) for code, name in category_names()]
        if any(c == UNSET for _, c in counts["category"]):
            cols.append(Column(UNSET, "未填/无效类别"))
        rows = _finish(_community_rows(ctx, found), counts["category"], [c.key for c in cols])
        out["category"] = Figure("category", "在册援助对象困难类别", "社区", [*cols, Column(TOTAL, "合计")], rows,
                                 "当前援助对象记录未退出、未被驳回的人员，按认定（申请）类别计数，每人一次。")
    if "compliance" in keys:
        rows = _finish(_community_rows(ctx, found), counts["compliance"], ["met", "not_met"])
        _ratio(rows, "ratio", "met", ["met", "not_met"])
        names = {k.code: k.short_zh for k in service_package.service_kinds()}
        rule = "、".join(f"{names[c]} ≥{n} 次" for c, n in service_package.minimum().items())
        cols = [Column(TOTAL, "帮扶中人数"), Column("met", "达标"), Column("not_met", "未达标"),
                Column("ratio", "达标率", drill=False, fmt="pct")]
        out["compliance"] = Figure("compliance", "最低服务包（3+1+1）达标情况", "社区", cols, rows,
                                   f"当前处于“帮扶中”的人员，其全部服务记录满足 {rule} 即为达标；"
                                   "达标率 = 达标 ÷ 帮扶中人数。")
    if "deadlines" in keys:
        rows = _finish(_community_rows(ctx, found), counts["deadlines"], ["overdue", "due_soon"], total=False)
        n = _cfg()["due_soon_workdays"]
        cols = [Column("overdue", "已超期"), Column("due_soon", f"{n}个工作日内到期")]
        out["deadlines"] = Figure(
            "deadlines", "办理环节时限", "社区", cols, rows,
            f"当前援助对象处于有办理时限的环节（{'、'.join(_stage_name(s) for s in _limited_stages())}）："
            f"办理时限早于今天为已超期；今天至 {cutoff.isoformat()}（今天之后第 {n} 个工作日）之间到期为即将到期。")
    return out


def _case_refs(key: str, ctx: _Ctx, row: str, column: str) -> list[Ref]:
    sql, params = _cases_sql(ctx, row, grouped=False)
    cutoff = _cutoff(ctx.today)
    codes = list(service_package.minimum())
    names = dict(category_names())
    out = []
    for r in ctx.conn.execute(text(sql), params):
        c = _case_class(key, r, ctx.today, cutoff)
        if c is None or (column != TOTAL and c != column):
            continue
        name = r.name or "—"
        if key == "compliance":
            done: list[str] = []
            for i, code in enumerate(codes):
                done += [code] * int(getattr(r, f"n{i}"))
            label = f"{name}　{service_package.package_progress(done).text_zh}"
            out.append(Ref("person", r.person_id, r.person_id, label))
            continue
        if key == "category":
            label = f"{name}　{names.get(r.category, r.category or '未填')}"
        elif key == "deadlines":
            label = f"{name}　{_stage_name(r.stage)}　时限 {r.due_on}"
        else:
            label = f"{name}　{_stage_name(r.stage)}"
        out.append(Ref("assistance_case", r.case_id, r.person_id, label))
    return out


# follow-ups -------------------------------------------------------------------------------------------------
def _followup_class(due: dt.date | None, done: dt.date | None, today: dt.date) -> str | None:
    if due is None:
        return None
    if done is not None:
        return "on_time" if is_followup_on_time(due, done) else "late"
    grace = load("followups")["on_time"]["grace_workdays"]
    return "overdue" if today > _add(due, grace) else "pending"


def _followups(ctx: _Ctx) -> Figure:
    params: dict[str, Any] = {}
    q = ("SELECT p.area_code AS r, f.due_on, f.done_on, COUNT(*) AS n FROM followup f JOIN person p ON "
         f"p.id = f.person_id WHERE f.deleted = 0 AND p.deleted = 0 AND {ctx.scope('p.area_code', params)} "
         "GROUP BY p.area_code, f.due_on, f.done_on")
    counts: Counter[tuple[str, str]] = Counter()
    for r in ctx.conn.execute(text(q), params):
        c = _followup_class(_d(r.due_on), _d(r.done_on), ctx.today)
        if c:
            counts[(r.r, c)] += int(r.n)
    keys = ["on_time", "late", "overdue", "pending"]
    rows = _finish(_community_rows(ctx, (r for r, _ in counts)), counts, keys)
    _ratio(rows, "on_time_rate", "on_time", ["on_time", "late"])
    for r in rows:  # completion: done ÷ (done + overdue); a follow-up not yet due is not counted against it
        done = r.get("on_time") + r.get("late")
        r.values["done_rate"] = done / (done + r.get("overdue")) if done + r.get("overdue") else 0.0
    grace = load("followups")["on_time"]["grace_workdays"]
    cols = [Column("on_time", "按时完成"), Column("late", "逾期完成"), Column("overdue", "逾期未回访"),
            Column("pending", "待回访（未逾期）"), Column(TOTAL, "合计"),
            Column("done_rate", "完成率", drill=False, fmt="pct"),
            Column("on_time_rate", "按时率", drill=False, fmt="pct")]
    return Figure("followups", "就业后跟踪回访与期满评估", "社区", cols, rows,
                  f"回访在应回访日后 {grace} 个工作日内完成为按时，之后完成为逾期完成；未完成且已过该期限为逾期未回访"
                  "（联系不上的回访仍算未完成）；完成率 = 已完成 ÷（已完成 + 逾期未回访）；按时率 = 按时 ÷ 已完成。")


def _followups_refs(ctx: _Ctx, row: str, column: str) -> list[Ref]:
    params: dict[str, Any] = {}
    cond = ""
    if row != ALL:
        cond, params["cell_r"] = " AND p.area_code = :cell_r", row
    q = ("SELECT f.id, f.person_id, f.kind, f.due_on, f.done_on, p.name FROM followup f JOIN person p ON "
         f"p.id = f.person_id WHERE f.deleted = 0 AND p.deleted = 0 AND {ctx.scope('p.area_code', params)}{cond} "
         "ORDER BY f.due_on, p.name, f.id")
    kinds = {"adaptation": "适应期回访", "stabilization": "稳定期回访", "evaluation": "期满评估"}
    out = []
    for r in ctx.conn.execute(text(q), params):
        c = _followup_class(_d(r.due_on), _d(r.done_on), ctx.today)
        if c and (column == TOTAL or c == column):
            done = f"，{r.done_on} 完成" if r.done_on else ""
            out.append(Ref("followup", r.id, r.person_id,
                           f"{r.name or '—'}　{kinds.get(r.kind, r.kind or '回访')} 应于 {r.due_on}{done}"))
    return out


# exits by reason -------------------------------------------------------------------------------------------
PENDING_EXIT = "pending"


def _exit_sql(ctx: _Ctx, row: str, grouped: bool) -> tuple[str, dict[str, Any]]:
    params: dict[str, Any] = {}
    stages = ["exited", *sorted(workflow.exit_pending_stages())]
    for i, st in enumerate(stages):
        params[f"st{i}"] = st
    cond = f"c.deleted = 0 AND p.deleted = 0 AND {ctx.scope('p.area_code', params)} AND c.stage IN (" + \
        ", ".join(f":st{i}" for i in range(len(stages))) + ")"
    if row != ALL:
        cond, params["cell_r"] = cond + " AND p.area_code = :cell_r", row
    head = "SELECT p.area_code AS r, c.stage, c.exit_reason"
    if grouped:
        return (f"{head}, COUNT(*) AS n FROM assistance_case c JOIN person p ON p.id = c.person_id WHERE {cond} "
                "GROUP BY p.area_code, c.stage, c.exit_reason"), params
    return (f"{head}, c.id, c.person_id, c.exited_on, c.exit_proposed_on, p.name FROM assistance_case c "
            f"JOIN person p ON p.id = c.person_id WHERE {cond} ORDER BY c.exited_on, p.name, c.id"), params


def _exit_class(stage: str, reason: str | None) -> str:
    if stage != "exited":
        return PENDING_EXIT
    return reason if reason in {r.code for r in workflow.exit_reasons()} else UNSET


def _exits(ctx: _Ctx) -> Figure:
    sql, params = _exit_sql(ctx, ALL, grouped=True)
    counts: Counter[tuple[str, str]] = Counter()
    for r in ctx.conn.execute(text(sql), params):
        counts[(r.r, _exit_class(r.stage, r.exit_reason))] += int(r.n)
    reasons = [Column(r.code, r.name_zh) for r in workflow.exit_reasons()]
    if any(c == UNSET for _, c in counts):
        reasons.append(Column(UNSET, "未填原因"))
    rows = _finish(_community_rows(ctx, (r for r, _ in counts)), counts,
                   [*(c.key for c in reasons), PENDING_EXIT], total=False)
    for r in rows:
        r.values[TOTAL] = sum(r.get(c.key) for c in reasons)
    cols = [Column(TOTAL, "已退出"), *reasons, Column(PENDING_EXIT, "退出待审")]
    return Figure("exits", "退出情况（按退出原因）", "社区", cols, rows,
                  "已退出的援助对象按退出原因计数（累计，每条记录一次）；退出待审为已提出退出、尚待督导/审核决定的。")


def _exits_refs(ctx: _Ctx, row: str, column: str) -> list[Ref]:
    sql, params = _exit_sql(ctx, row, grouped=False)
    names = {r.code: r.name_zh for r in workflow.exit_reasons()}
    out = []
    for r in ctx.conn.execute(text(sql), params):
        c = _exit_class(r.stage, r.exit_reason)
        if (column == TOTAL and c != PENDING_EXIT) or c == column:
            when = f"{r.exited_on} 退出" if r.exited_on else f"{r.exit_proposed_on} 提出退出"
            out.append(Ref("assistance_case", r.id, r.person_id,
                           f"{r.name or '—'}　{names.get(r.exit_reason, r.exit_reason or '未填原因')}　{when}"))
    return out


# discovery backlog ------------------------------------------------------------------------------------------
def _discovery_rows(ctx: _Ctx, row: str) -> dict[str, list[Any]]:
    def scoped() -> tuple[str, dict[str, Any]]:
        params: dict[str, Any] = {}
        cond = ctx.scope("p.area_code", params)
        if row != ALL:
            cond, params["cell_r"] = cond + " AND p.area_code = :cell_r", row
        return cond, params

    return {ELIGIBLE: eligible_in(ctx.conn, ctx.today, *scoped()),
            UNVISITED: unvisited_in(ctx.conn, ctx.today, default_days(), *scoped())}


def _discovery(ctx: _Ctx) -> Figure:
    lists = _discovery_rows(ctx, ALL)
    counts: Counter[tuple[str, str]] = Counter((r.area_code, k) for k, rows in lists.items() for r in rows)
    rows = _finish(_community_rows(ctx, (r for r, _ in counts)), counts, list(lists), total=False)
    days = default_days()
    cols = [Column("eligible", "符合条件未申请"), Column("unvisited", f"重点群体{days}天未走访")]
    return Figure("discovery", "主动发现待办（按社区）", "社区", cols, rows,
                  "符合条件未申请：已失业登记、未就业、没有在办认定，按登记信息看起来符合认定条件的人员；"
                  f"重点群体（登记失业、低保/低收入、持证残疾、零就业家庭）中 {days} 天内没有走访记录的人员。"
                  "一人可同时计入两列。")


def _discovery_refs(ctx: _Ctx, row: str, column: str) -> list[Ref]:
    lists = _discovery_rows(ctx, row)
    picked = [r for k, rows in lists.items() if column in (TOTAL, k) for r in rows]
    return [Ref("person", r.person_id, r.person_id,
                f"{r.name}　{'、'.join(r.categories or r.groups)}　最近走访 {r.last_visit or '无'}") for r in picked]


# 零就业家庭 ------------------------------------------------------------------------------------------------
def _zero_buckets() -> list[tuple[str, str, int | None]]:
    """(key, label, upper bound in days or None) for the open-time buckets."""
    bounds = list(_cfg()["zero_open_buckets"])
    out, lo = [], 0
    for i, hi in enumerate(bounds):
        out.append((f"open_b{i}", f"≤{hi}天" if lo == 0 else f"{lo + 1}–{hi}天", hi))
        lo = hi
    out.append((f"open_b{len(bounds)}", f">{lo}天", None))
    return out


def _working_age(id_number: str | None, today: dt.date) -> bool:
    """In legal working age by the birth date and sex digits of the ID number (eligibility.toml limits).

    Only the date and sex digits are read (validation belongs to data entry); an unreadable number counts as
    working age so a household is never dropped from the open count silently.
    """
    basic = load("eligibility")["basic"]
    num = (id_number or "").strip()
    try:
        birth = dt.date(int(num[6:10]), int(num[10:12]), int(num[12:14]))
        male = int(num[16]) % 2 == 1
    except (ValueError, IndexError):
        return True
    hi = basic["retirement_age_male"] if male else basic["retirement_age_female"]
    return basic["min_age"] <= age_on(birth, today) < hi


def _zero_households(ctx: _Ctx, row: str = ALL) -> list[dict[str, Any]]:
    """Every flagged household in scope with its status, days open and bucket."""
    params: dict[str, Any] = {}
    cond = ""
    if row != ALL:
        cond, params["cell_r"] = " AND h.area_code = :cell_r", row
    q = ("SELECT h.id AS hid, h.area_code, h.zero_flagged_on, p.id AS pid, p.name, p.relation, p.id_number, "
         "p.able_to_work, p.willing_to_work, p.employment_status, p.employed_on FROM household h "
         "LEFT JOIN person p ON p.household_id = h.id AND p.deleted = 0 "
         f"WHERE h.deleted = 0 AND h.zero_employment = 1 AND {ctx.scope('h.area_code', params)}{cond} "
         "ORDER BY h.id, p.relation <> '户主', p.id")
    groups: dict[str, list[Any]] = defaultdict(list)
    for r in ctx.conn.execute(text(q), params):
        groups[r.hid].append(r)
    buckets = _zero_buckets()
    out = []
    for hid, members in groups.items():
        first = members[0]
        flagged = _d(first.zero_flagged_on) or ctx.today
        people = [m for m in members if m.pid]
        employed = vocabulary.employed_statuses()
        employed_any = any(m.employment_status in employed for m in people)
        # Working age only matters while nobody is employed: skip the date arithmetic otherwise.
        status_in = [MemberEmployment(employed_any or _working_age(m.id_number, ctx.today),
                                      bool(m.able_to_work) and bool(m.willing_to_work),
                                      m.employment_status in employed) for m in people]
        employed_on = [d for m in people if m.employment_status in employed
                       and (d := _d(m.employed_on)) is not None]
        st = zero_status(status_in, flagged, ctx.today, max(employed_on) if employed_on else None)
        if st.cleared:
            cls = "cleared"
        elif st.is_zero:
            cls = next(k for k, _, hi in buckets if hi is None or st.days_open <= hi)
        else:
            cls = "not_applicable"
        head = people[0] if people else None
        out.append({"id": hid, "area_code": first.area_code, "class": cls, "days": st.days_open,
                    "person_id": head.pid if head else None, "name": head.name if head else "", "text": st.text_zh})
    return out


def _zero(ctx: _Ctx) -> Figure:
    homes = _zero_households(ctx)
    buckets = _zero_buckets()
    open_keys = [k for k, _, _ in buckets]
    counts: Counter[tuple[str, str]] = Counter((h["area_code"], h["class"]) for h in homes)
    keys = ["cleared", *open_keys, "not_applicable"]
    rows = _finish(_community_rows(ctx, (h["area_code"] for h in homes)), counts, keys)
    longest: dict[str, int] = defaultdict(int)
    for h in homes:
        if h["class"] in open_keys:
            longest[h["area_code"]] = max(longest[h["area_code"]], h["days"])
            longest[ALL] = max(longest[ALL], h["days"])
    for r in rows:
        r.values["open"] = sum(r.get(k) for k in open_keys)
        r.values["max_days"] = longest.get(r.key, 0)
    cols = [Column(TOTAL, "零就业家庭（户）"), Column("cleared", "已清零"), Column("open", "未清零"),
            *(Column(k, f"未清零{label}") for k, label, _ in buckets),
            Column("not_applicable", "无可就业成员"), Column("max_days", "最长未清零（天）", drill=False, fmt="days")]
    return Figure("zero", "零就业家庭动态清零", "社区", cols, rows,
                  "标记为零就业家庭的户：有成员就业（含灵活就业/创业）即已清零；否则按认定零就业家庭日期至今的日历天数分段；"
                  "家中没有劳动年龄内有劳动能力和就业意愿成员的另列。")


def _zero_refs(ctx: _Ctx, row: str, column: str) -> list[Ref]:
    homes = _zero_households(ctx, row)
    open_keys = {k for k, _, _ in _zero_buckets()}
    keep = (lambda h: True) if column == TOTAL else \
        (lambda h: h["class"] in open_keys) if column == "open" else (lambda h: h["class"] == column)
    homes = sorted((h for h in homes if keep(h)), key=lambda h: (-h["days"], h["name"] or "", h["id"]))
    return [Ref("household", h["id"], h["person_id"], f"{h['name'] or '—'}家　{h['text']}") for h in homes]


# visits per worker per week ---------------------------------------------------------------------------------
def _weeks(today: dt.date) -> list[tuple[str, str, dt.date, dt.date]]:
    """(key, label, monday, sunday) of the last N ISO weeks, oldest first, this week last."""
    monday = today - dt.timedelta(days=today.weekday())
    out = []
    for back in range(_cfg()["visit_weeks"] - 1, -1, -1):
        start = monday - dt.timedelta(weeks=back)
        y, w, _ = start.isocalendar()
        out.append((f"{y}-W{w:02d}", f"W{w:02d}（{start.month}/{start.day}起）", start, start + dt.timedelta(days=6)))
    return out


def _week_key(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _visits(ctx: _Ctx) -> Figure:
    weeks = _weeks(ctx.today)
    params: dict[str, Any] = {"lo": weeks[0][2].isoformat(), "hi": ctx.today.isoformat()}
    q = ("SELECT COALESCE(v.worker, '') AS worker, v.visited_on, COUNT(*) AS n FROM visit v WHERE v.deleted = 0 "
         f"AND v.visited_on >= :lo AND v.visited_on <= :hi AND {ctx.scope('v.area_code', params)} "
         "GROUP BY worker, v.visited_on")
    counts: Counter[tuple[str, str]] = Counter()
    for r in ctx.conn.execute(text(q), params):
        counts[(r.worker, _week_key(_d(r.visited_on)))] += int(r.n)  # type: ignore[arg-type]
    workers = sorted({w for w, _ in counts})
    names = directory_in(ctx.conn)  # the row key stays the login (drill-down); its label is the name
    rows = _finish([Row(w, shown(names, w) or "（未填写）") for w in workers], counts, [k for k, *_ in weeks])
    cols = [*(Column(k, label) for k, label, *_ in weeks), Column(TOTAL, "合计")]
    return Figure("visits", f"各专干每周走访次数（最近 {len(weeks)} 周）", "专干", cols, rows,
                  "已走访（有走访日期）的走访记录，按走访人和走访日期所在的 ISO 周（周一至周日）计数；本周计至今天。")


def _visits_refs(ctx: _Ctx, row: str, column: str) -> list[Ref]:
    weeks = _weeks(ctx.today)
    span = {k: (lo, min(hi, ctx.today)) for k, _, lo, hi in weeks}
    lo, hi = span[column] if column != TOTAL else (weeks[0][2], ctx.today)
    params: dict[str, Any] = {"lo": lo.isoformat(), "hi": hi.isoformat()}
    cond = ""
    if row != ALL:
        cond, params["w"] = " AND COALESCE(v.worker, '') = :w", row
    q = ("SELECT v.id, v.person_id, v.visited_on, v.worker, p.name FROM visit v LEFT JOIN person p ON "
         "p.id = v.person_id WHERE v.deleted = 0 AND v.visited_on >= :lo AND v.visited_on <= :hi "
         f"AND {ctx.scope('v.area_code', params)}{cond} ORDER BY v.visited_on, p.name, v.id")
    names = directory_in(ctx.conn)
    return [Ref("visit", r.id, r.person_id,
                f"{r.name or '—'}　{r.visited_on} 走访（{shown(names, r.worker) or '未填写'}）")
            for r in ctx.conn.execute(text(q), params)]


# reviews ----------------------------------------------------------------------------------------------------
def _reviews(col: Collection, ctx: _Ctx) -> Figure:
    from app.queries.reviews import counts as review_counts

    counts: Counter[tuple[str, str]] = Counter()
    for code in ctx.codes or [None]:
        counts.update(review_counts(col, ctx.today, code))
    rows = _finish(_community_rows(ctx, (r for r, _ in counts)), counts, ["waiting", "overdue", "resubmitted"],
                   total=False)
    limits = load("review")["review"]
    cols = [Column("waiting", "待审核"), Column("overdue", "超期未审"), Column("resubmitted", "答复后待再审")]
    return Figure("reviews", "督导审核", "社区", cols, rows,
                  f"已走访的走访记录、援助方案、办理环节，当前版本尚无审核结论（或被退回后专干已答复）即为待审核；"
                  f"走访记录在走访日期后 {limits['visit_workdays']} 个工作日、援助方案在修改后 "
                  f"{limits['help_plan_workdays']} 个工作日、办理环节在援助对象办理时限内未审即为超期。")


def _reviews_refs(col: Collection, ctx: _Ctx, row: str, column: str) -> list[Ref]:
    from app.queries.reviews import queue

    out = []
    items = [i for code in ctx.codes or [None] for i in queue(col, ctx.today, code)]
    for item in items:
        classes = ["waiting"] + ["overdue"] * item.overdue + ["resubmitted"] * item.resubmitted
        if (row == ALL or item.area_code == row) and column in classes:
            due = f"　期限 {item.deadline}" if item.deadline else ""
            out.append(Ref(item.kind, item.id, item.person_id, f"{item.person_name or '—'}　{item.kind_label}{due}"))
    return out


# data matching (issue 12): hits, pushed applications, anomalies --------------------------------------------
def _backlog(ctx: _Ctx) -> list[Any]:
    from app.queries.matching import backlog

    return backlog(ctx.conn, ctx.today, tuple(areas.prefix_of(c) for c in ctx.codes))


def _matching(ctx: _Ctx) -> Figure:
    from app.queries.matching import BACKLOG_COLUMNS

    counts: Counter[tuple[str, str]] = Counter((i.area_code, c) for i in _backlog(ctx) for c in i.classes)
    keys = [k for k, _ in BACKLOG_COLUMNS]
    rows = _finish(_community_rows(ctx, (r for r, _ in counts)), counts, keys, total=False)
    limits = workflow.registration_deadlines(ctx.today, ctx.today)
    return Figure("matching", "数据比对与部推失业登记", "社区", [Column(k, label) for k, label in BACKLOG_COLUMNS], rows,
                  "比对结果未确认也未排除即为待确认；部推失业登记申请自推送日起 3 个工作日内受理，"
                  f"受理后 5 个工作日内联系（今天受理的须于 {limits['contact'].due} 前联系），过期未办即为超期；"
                  "部级平台反馈的异常未记录原因与更正即为待更正。")


def _matching_refs(ctx: _Ctx, row: str, column: str) -> list[Ref]:
    return [Ref(i.kind, i.id, i.person_id, i.label) for i in _backlog(ctx)
            if (row == ALL or i.area_code == row) and (column == TOTAL or column in i.classes)]


# --- public API ---------------------------------------------------------------------------------------------
_BUILD: dict[str, Callable[[_Ctx], Figure]] = {"followups": _followups, "zero": _zero, "visits": _visits,
                                               "matching": _matching, "exits": _exits, "discovery": _discovery}
_REFS: dict[str, Callable[[_Ctx, str, str], list[Ref]]] = {
    "followups": _followups_refs, "zero": _zero_refs, "visits": _visits_refs, "matching": _matching_refs,
    "exits": _exits_refs, "discovery": _discovery_refs,
    **{k: (lambda ctx, row, column, k=k: _case_refs(k, ctx, row, column)) for k in CASE_FIGURES},
}


def compute(col: Collection, today: dt.date | None = None, area: str | None = None,
            keys: Iterable[str] = FIGURES) -> Dashboard:
    """All figures for ``area`` (a community, street or county code; default: the user's jurisdiction)."""
    started = time.perf_counter()
    today = today or dt.date.today()
    codes = _scope_codes(col, area)
    keys = list(keys)
    figures: dict[str, Figure] = {}
    with col.records.reading() as conn:
        ctx = _Ctx(conn, today, codes)
        if set(keys) & set(CASE_FIGURES):
            figures.update(_case_figures(ctx, keys))
        for key in keys:
            if key in _BUILD:
                figures[key] = _BUILD[key](ctx)
    if "reviews" in keys:  # the review queue reads through its own connection
        figures["reviews"] = _reviews(col, _Ctx(None, today, codes))  # type: ignore[arg-type]
    ordered = {k: figures[k] for k in keys if k in figures}
    for fig in ordered.values():
        fig.rules = rules_in_force().version
    return Dashboard(area, area_label(col, area), today, ordered, time.perf_counter() - started)


def figure(col: Collection, key: str, today: dt.date | None = None, area: str | None = None) -> Figure:
    return compute(col, today, area, [key])[key]


def drill(col: Collection, figure_key: str, cell: tuple[str, str], today: dt.date | None = None,
          area: str | None = None) -> list[Ref]:
    """The records behind one cell ``(row key, column key)`` of a figure; ALL / TOTAL for the sums."""
    today = today or dt.date.today()
    row, column = cell
    codes = _scope_codes(col, area)
    if figure_key == "reviews":
        return _reviews_refs(col, _Ctx(None, today, codes), row, column)  # type: ignore[arg-type]
    if figure_key not in _REFS:
        raise KeyError(f"未知的统计项：{figure_key}")
    with col.records.reading() as conn:
        return _REFS[figure_key](_Ctx(conn, today, codes), row, column)
