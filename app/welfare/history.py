"""Historical 公益性岗位 data since January 2024 (notice 三(九)): the old spreadsheets read into a plan with a
validation report — nothing is written until a person looks at it and imports.

Each row ends up as one of:
- imported: a placement (and its post, made once per employer + post name) that counts at once;
- cleanup: imported, but it does not count in the ledger or the analysis until a person confirms it
  (not on the certified list, leave reason unknown, over the placement cap…);
- needs_person: the ID number is not in the store — add the person, then import the same file again
  (rows already imported are recognised and skipped);
- error: the row cannot be read (no ID number, dates that are not dates…);
- skipped: already imported, a duplicate row, or left before January 2024.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from app.rules import welfare_jobs as wj
from app.rules import workflow
from app.rules.eligibility import category_names
from app.rules.idcard import IdNumberError, normalise, parse_id
from app.store.records import from_db
from app.store.tables import TABLES
from app.tabular import find_table, parse_date, read_rows

SINCE = dt.date(2024, 1, 1)  # the platform went live: history is cleaned up from here (notice 三(九))
SOURCE = "历史数据导入"
ALIASES = {
    "name": ("姓名", "人员姓名"),
    "id_number": ("身份证号", "身份证号码", "公民身份号码"),
    "employer": ("用人单位", "用工单位", "岗位开发单位", "单位名称"),
    "post_name": ("岗位名称", "岗位"),
    "post_type": ("岗位类型", "岗位类别"),
    "funding": ("资金来源", "资金渠道"),
    "started_on": ("上岗时间", "上岗日期", "入职时间", "安置时间"),
    "ended_on": ("离岗时间", "离岗日期", "退出时间"),
    "end_reason": ("离岗原因", "退出原因"),
    "category": ("人员类别", "困难类别", "就业困难人员类别"),
}
REQUIRED = ("name", "id_number", "employer", "post_name", "started_on")
STATUS_ZH = {"imported": "可导入", "cleanup": "导入后待核实", "needs_person": "需先补录人员", "error": "有错误",
             "skipped": "跳过"}


@dataclass
class RowResult:
    line: int
    name: str
    id_number: str
    employer: str
    post_name: str
    status: str = "imported"
    messages: list[str] = field(default_factory=list)
    placement: dict[str, Any] | None = None  # values to create (status imported/cleanup)
    post_key: tuple[str, str] | None = None
    area_code: str = ""


@dataclass
class HistoryPlan:
    file_name: str
    rows: list[RowResult]
    blank_rows: int
    posts: dict[tuple[str, str], dict[str, Any]]  # new posts: (employer, post name) → values incl. area_code
    existing_posts: dict[tuple[str, str], str]  # (employer, post name) → post id

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def summary_zh(self) -> str:
        parts = [f"{STATUS_ZH[s]} {self.count(s)} 行" for s in STATUS_ZH if self.count(s)]
        return f"{self.file_name}：共 {len(self.rows)} 行数据（空行 {self.blank_rows} 行已忽略）；" + "，".join(parts)


def _by_name(choices: list[wj.Choice], text: Any, default: str) -> tuple[str, bool]:
    """(code, known) for a Chinese name typed in a sheet."""
    t = str(text or "").strip()
    for c in choices:
        if t and (t == c.name or t == c.code or t in c.name or c.name in t):
            return c.code, True
    return default, not t


def _text(row: list[Any], cols: dict[str, int], name: str) -> str:
    return str(row[cols[name]]).strip() if name in cols and row[cols[name]] is not None else ""


def plan_history(conn: Connection, path: Path | str, today: dt.date) -> HistoryPlan:
    """Read an old ledger spreadsheet and decide, row by row, what importing it would do."""
    path = Path(path)
    table = find_table(read_rows(path), ALIASES, REQUIRED)
    cols = table.columns
    results: list[RowResult] = []
    parsed: list[tuple[RowResult, dict[str, Any]]] = []
    for line, row in table.rows:
        r = RowResult(line, _text(row, cols, "name"), _text(row, cols, "id_number"), _text(row, cols, "employer"),
                      _text(row, cols, "post_name"))
        results.append(r)
        for f in REQUIRED:
            if not _text(row, cols, f):
                r.messages.append(f"缺少{ALIASES[f][0]}")
        try:
            r.id_number = parse_id(normalise(r.id_number), today).number if r.id_number else ""
        except IdNumberError as exc:
            r.messages.append(f"身份证号无效（{exc}）")
        dates: dict[str, dt.date | None] = {}
        for f in ("started_on", "ended_on"):
            try:
                dates[f] = parse_date(row[cols[f]]) if f in cols else None
            except ValueError as exc:
                r.messages.append(f"{ALIASES[f][0]}：{exc}")
        start, end = dates.get("started_on"), dates.get("ended_on")
        if start and start > today:
            r.messages.append(f"上岗时间晚于今天（{start}）")
        if start and end and end < start:
            r.messages.append(f"离岗时间早于上岗时间（{start} / {end}）")
        if r.messages:
            r.status = "error"
            continue
        if end and end < SINCE:
            r.status, r.messages = "skipped", ["2024年1月前已离岗，不在清理范围"]
            continue
        parsed.append((r, {"started_on": start, "ended_on": end, "post_type": row[cols["post_type"]]
                           if "post_type" in cols else None, "funding": row[cols["funding"]] if "funding" in cols
                           else None, "end_reason": _text(row, cols, "end_reason"),
                           "category": _text(row, cols, "category")}))
    return _resolve(conn, path.name, results, parsed, table.blank_rows)


def _resolve(conn: Connection, file_name: str, results: list[RowResult],
             parsed: list[tuple[RowResult, dict[str, Any]]], blank_rows: int) -> HistoryPlan:
    p, c, pl, po = (TABLES[k] for k in ("person", "assistance_case", "welfare_placement", "welfare_post"))
    numbers = sorted({r.id_number for r, _ in parsed})
    people = {normalise(x.id_number): dict(x._mapping) for x in conn.execute(
        select(p.c.id, p.c.id_number, p.c.area_code).where(p.c.id_number.in_(numbers), p.c.deleted.is_(False)))}
    ids = [x["id"] for x in people.values()]
    listed: dict[str, str] = {}
    for x in conn.execute(select(c.c.person_id, c.c.category).where(
            c.c.person_id.in_(ids), c.c.deleted.is_(False), c.c.stage.in_(workflow.certified_stages()))):
        listed[x.person_id] = x.category
    earlier: dict[str, list[dict[str, Any]]] = {}
    for x in conn.execute(select(pl).where(pl.c.person_id.in_(ids), pl.c.deleted.is_(False))):
        earlier.setdefault(x.person_id, []).append(from_db("welfare_placement", x))
    existing_posts = {(x.employer or "", x.post_name or ""): x.id for x in conn.execute(
        select(po.c.id, po.c.employer, po.c.post_name).where(po.c.deleted.is_(False)))}
    categories = {name: code for code, name in category_names()}
    reasons = wj.end_reasons()
    new_posts: dict[tuple[str, str], dict[str, Any]] = {}
    seen: set[tuple[str, dt.date]] = set()
    # People in start order, so the placement cap and the first approval follow the real sequence.
    for r, v in sorted(parsed, key=lambda item: (item[1]["started_on"], item[0].line)):
        person = people.get(r.id_number)
        if person is None:
            r.status, r.messages = "needs_person", ["人员库中没有该身份证号，请先补录人员再重新导入本文件"]
            continue
        key = (r.id_number, v["started_on"])
        done = earlier.get(person["id"], [])
        if key in seen or any(e["started_on"] == v["started_on"] for e in done):
            r.status, r.messages = "skipped", ["已导入过（同一人员、同一上岗时间）"]
            continue
        seen.add(key)
        cleanup: list[str] = []
        category = listed.get(person["id"])
        if category is None:
            category = categories.get(v["category"]) or next(
                (code for name, code in categories.items() if v["category"] and v["category"] in name), None)
            cleanup.append("未在已认定的就业困难人员名单中")
        before = [e for e in done if e["started_on"] < v["started_on"]]  # the store may hold later ones
        cleanup += wj.placement_errors(category, before, v["started_on"], r.id_number)
        later = [e["started_on"] for e in done if e["started_on"] > v["started_on"]]
        if later and (v["ended_on"] is None or v["ended_on"] >= min(later)):
            cleanup.append(f"与 {min(later)} 起的安置重叠，请核实离岗时间")
        end_reason = None
        if v["ended_on"]:
            end_reason, known = _by_name(reasons, v["end_reason"], "other")
            if not v["end_reason"]:
                cleanup.append("已离岗但未填写离岗原因")
            elif not known or end_reason == "other" and v["end_reason"] != "其他":
                cleanup.append(f"离岗原因“{v['end_reason']}”无法对应，请核实")
        first = wj.first_approval(before, v["started_on"])
        try:
            period = wj.subsidy_period(r.id_number, first)
            until, to_retirement = period.until, period.to_retirement
        except IdNumberError as exc:
            until, to_retirement = None, False
            cleanup.append(str(exc))
        post_type, type_known = _by_name(wj.post_types(), v["post_type"], "other")
        funding, fund_known = _by_name(wj.fundings(), v["funding"], "other")
        r.post_key = (r.employer, r.post_name)
        if r.post_key not in existing_posts:
            street = person["area_code"][:9] + "000"
            post = new_posts.setdefault(r.post_key, {
                "employer": r.employer, "post_name": r.post_name, "post_type": post_type, "funding": funding,
                "developed_on": v["started_on"], "capacity": 0, "note": SOURCE, "area_code": street,
                "_spans": []})
            post["developed_on"] = min(post["developed_on"], v["started_on"])
            post["_spans"].append((v["started_on"], v["ended_on"]))
            if not type_known:
                cleanup.append(f"岗位类型“{v['post_type']}”无法对应，已记为“其他”")
            if not fund_known:
                cleanup.append(f"资金来源“{v['funding']}”无法对应，已记为“其他”")
        values = {"person_id": person["id"], "category": category, "sequence": len(before) + 1,
                  "started_on": v["started_on"], "first_approved_on": first, "subsidy_until": until,
                  "to_retirement": to_retirement, "ended_on": v["ended_on"], "end_reason": end_reason,
                  "end_note": v["end_reason"] if end_reason == "other" else None,
                  "employer": r.employer, "post_name": r.post_name, "source": SOURCE,
                  "cleanup": "；".join(cleanup) or None}
        r.placement, r.area_code = values, person["area_code"]
        r.status, r.messages = ("cleanup" if cleanup else "imported"), cleanup
        earlier.setdefault(person["id"], []).append(values)
    for post in new_posts.values():
        post["capacity"] = max(1, _max_overlap(post.pop("_spans")))
    return HistoryPlan(file_name, results, blank_rows, new_posts, existing_posts)


def _max_overlap(spans: list[tuple[dt.date, dt.date | None]]) -> int:
    """Most placements on a post at once: the capacity an old sheet implies when it does not say."""
    events = sorted([(s, 1) for s, _ in spans] + [(e + dt.timedelta(days=1), -1) for _, e in spans if e])
    most = now = 0
    for _day, step in events:
        now += step
        most = max(most, now)
    return most
