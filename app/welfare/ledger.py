"""The dynamic ledger (动态管理台账) and the usage-efficiency analysis (使用效率分析) of notice 三(九).

The ledger is every post with its people in and out; the analysis measures a period:

- 岗位在岗率 (occupancy): person-days on the posts ÷ post-days the posts existed (capacity × days);
- 空岗天数 (vacancy days): post-days nobody filled;
- 人员流动率 (turnover): people who left in the period ÷ average headcount;
- 转向市场就业 (moves on to market jobs): leavers whose reason counts as a market job, and their share;
- 人均补贴 (subsidy per person placed): claims that passed their checks, for months in the period, ÷ people
  who were on a post in the period.

Placements still waiting for clean-up (imported history a person has not confirmed) count in none of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Connection

from app import areas
from app.queries import welfare_jobs as q
from app.rules import welfare_jobs as wj

ONE_DAY = dt.timedelta(days=1)


@dataclass(slots=True)
class Efficiency:
    key: str
    label: str
    posts: int = 0
    capacity: int = 0
    post_days: int = 0
    occupied_days: int = 0
    people: int = 0
    exits: int = 0
    market_exits: int = 0
    subsidy_cents: int = 0
    days: int = 1

    @property
    def vacancy_days(self) -> int:
        return max(0, self.post_days - self.occupied_days)

    @property
    def occupancy(self) -> float:
        return self.occupied_days / self.post_days if self.post_days else 0.0

    @property
    def turnover(self) -> float:
        headcount = self.occupied_days / self.days
        return self.exits / headcount if headcount else 0.0

    @property
    def market_share(self) -> float:
        return self.market_exits / self.exits if self.exits else 0.0

    @property
    def subsidy_per_person_cents(self) -> int:
        return round(self.subsidy_cents / self.people) if self.people else 0


@dataclass(slots=True)
class Analysis:
    start: dt.date
    end: dt.date
    group_label: str
    rows: list[Efficiency]
    total: Efficiency


@dataclass(slots=True)
class Ledger:
    today: dt.date
    area_label: str
    posts: list[q.PostRow]
    placements: list[q.PlacementRow]  # counted ones
    cleanup: list[q.PlacementRow]  # imported, waiting for a person to confirm
    claims: list[q.ClaimRow]
    reports: list[q.ReportRow]
    data: q.Data = field(repr=False)

    @property
    def active(self) -> list[q.PlacementRow]:
        return [p for p in self.placements if p.active]


def build(conn: Connection, today: dt.date, area: str | None = None) -> Ledger:
    data = q.load(conn, area)
    rows = q.placement_rows(data)
    return Ledger(today, areas.full_name(area) if area else "全部辖区", q.post_rows(data, today),
                  [r for r in rows if not r.cleanup], [r for r in rows if r.cleanup], q.claim_rows(data),
                  q.report_rows(data, today), data)


def _overlap(a0: dt.date, a1: dt.date, b0: dt.date, b1: dt.date) -> int:
    """Days in both [a0, a1] and [b0, b1], inclusive."""
    return max(0, (min(a1, b1) - max(a0, b0)).days + 1)


GROUPS: dict[str, tuple[str, Callable[[dict], tuple[str, str]]]] = {
    "post": ("岗位", lambda p: (p["id"], f"{p.get('employer') or ''} · {p.get('post_name') or ''}")),
    "street": ("街道/社区", lambda p: (p["area_code"], areas.name_of(p["area_code"]))),
    "post_type": ("岗位类型", lambda p: (p.get("post_type") or "", wj.name_of(wj.post_types(), p.get("post_type")))),
}


def analyse(ledger: Ledger, start: dt.date, end: dt.date, group: str = "post") -> Analysis:
    """Usage efficiency of the ledger's posts between ``start`` and ``end`` (inclusive), by ``group``."""
    if end < start:
        raise ValueError("统计结束日期不能早于开始日期")
    label, key_of = GROUPS[group]
    days = (end - start).days + 1
    market = wj.market_job_reasons()
    rows: dict[str, Efficiency] = {}
    total = Efficiency("", "合计", days=days)
    post_key: dict[str, str] = {}
    for p in ledger.data.posts.values():
        key, name = key_of(p)
        post_key[p["id"]] = key
        e = rows.setdefault(key, Efficiency(key, name, days=days))
        opened = p.get("developed_on") or start
        closed = p.get("closed_on") or end
        post_days = int(p.get("capacity") or 0) * _overlap(opened, closed, start, end)
        for x in (e, total):
            x.posts += 1
            x.capacity += int(p.get("capacity") or 0)
            x.post_days += post_days
    placed: dict[str, set[str]] = {}
    for r in ledger.placements:
        key = post_key.get(r.post_id)
        if key is None:
            continue
        e = rows[key]
        on_post = _overlap(r.started_on, r.ended_on or end, start, end)
        left = r.ended_on is not None and start <= r.ended_on <= end
        for x in (e, total):
            x.occupied_days += on_post
            x.exits += left
            x.market_exits += left and r.end_reason in market
        if on_post:
            placed.setdefault(key, set()).add(r.person_id)
    first, last = wj.month_key(start), wj.month_key(end)
    by_placement = {r.id: post_key.get(r.post_id) for r in ledger.placements}
    for c in ledger.claims:
        key = by_placement.get(c.placement_id)
        if key is None or c.status != "passed" or not (first <= c.months[0] <= last):
            continue
        rows[key].subsidy_cents += c.amount_cents
        total.subsidy_cents += c.amount_cents
    for key, people in placed.items():
        rows[key].people = len(people)
    total.people = len({r.person_id for r in ledger.placements
                        if r.post_id in post_key and _overlap(r.started_on, r.ended_on or end, start, end)})
    ordered = sorted(rows.values(), key=lambda e: (-e.occupancy, e.label))
    return Analysis(start, end, label, ordered, total)
