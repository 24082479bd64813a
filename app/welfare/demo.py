"""Synthetic 公益性岗位 data over a demo store's certified people (tests, screenshots, the demo): posts in
the user's street, people placed and leaving, paid months, and claims that pass or are held. Runs through
the same operations as the screens, so it needs an office or supervisor user."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from app.collection import Collection
from app.ops import ValidationError
from app.ops import welfare_jobs as ops
from app.rules import workflow
from app.rules._dates import add_months
from app.rules.welfare_jobs import month_key
from app.store.tables import TABLES

POSTS = (
    ("坞城街道办事处", "社区保洁员", "sanitation", 3, "employment_fund"),
    ("坞城街道办事处", "治安巡防员", "public_order", 2, "local_budget"),
    ("坞城南路社区居委会", "社区服务专员", "community_service", 2, "employment_fund"),
    ("东岗路社区居委会", "养老助餐员", "care", 1, "employment_fund"),
)


def _certified(col: Collection) -> list[dict[str, Any]]:
    c, p = TABLES["assistance_case"], TABLES["person"]
    with col.records.reading() as conn:
        rows = conn.execute(select(p.c.id, p.c.id_number).join(c, c.c.person_id == p.c.id)
                            .where(c.c.stage.in_(workflow.certified_stages()), p.c.deleted.is_(False))
                            .order_by(p.c.id)).all()
    return [dict(r._mapping) for r in rows]


def add_demo(col: Collection, today: dt.date, street: str = "140105001000") -> dict[str, int]:
    year_start = dt.date(today.year, 1, 1)
    posts = [ops.develop_post(col, {"employer": e, "post_name": n, "post_type": t, "capacity": cap, "funding": f,
                                    "developed_on": year_start - dt.timedelta(days=20 * i)}, area_code=street)
             for i, (e, n, t, cap, f) in enumerate(POSTS)]
    people = _certified(col)
    placed: list[tuple[str, dict[str, Any], dt.date]] = []
    slots = [post for post, (*_x, cap, _f) in zip(posts, POSTS, strict=True) for _ in range(cap)]
    for i, (post, person) in enumerate(zip(slots, people, strict=False)):
        start = year_start + dt.timedelta(days=7 * i)
        try:
            placed.append((ops.place_person(col, post, person["id"], start), person, start))
        except ValidationError:
            continue
    # Two leave during the year: one for a market job (the post's vacancy is reported), one resigns.
    for (pid, _person, start), reason, reported in zip(placed[1:3], ("market_job", "resigned"), (True, False),
                                                       strict=False):
        left = start + dt.timedelta(days=150)
        report = ops.end_placement(col, pid, left, reason)
        if reported:
            ops.report_vacancy(col, report, left + dt.timedelta(days=2))
    claims = 0
    for n, (pid, person, start) in enumerate(placed):
        months = []
        m = dt.date(start.year, start.month, 1)
        while m < dt.date(today.year, today.month, 1):
            months.append(month_key(m))
            m = add_months(m, 1)
        unpaid = months[2] if n == 0 and len(months) > 2 else None  # one person has a gap in 社保
        ops.import_paid_months(col, [{"id_number": person["id_number"], "month": k, "insurance": "养老保险",
                                      "payer": "坞城街道办事处"} for k in months if k != unpaid],
                               source="社保缴费明细（演示）.xlsx", today=today)
        rec = col.records.get("welfare_placement", pid)
        for k in months[:6]:
            if rec["ended_on"] and k > month_key(rec["ended_on"]):
                break
            for subsidy, amount in (("post", "1880"), ("social_insurance", "726.40")):
                cid = ops.create_claim(col, pid, subsidy, "month", k, amount, today=today)
                if not (n == 3 and k == months[0]):  # one claim still waits for its tax check
                    ops.record_tax_check(col, cid, "normal", today, today=today)
                claims += 1
    return {"posts": len(posts), "placements": len(placed), "claims": claims}
