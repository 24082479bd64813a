"""公益性岗位动态管理台账: every post with its people in and out, then the year's usage-efficiency figures,
as the office files it (ID numbers masked: paper leaves the office)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.units import mm
from sqlalchemy import Connection

from app.printing import data as q
from app.printing.layout import Document, L, Sheet, V
from app.queries.welfare_jobs import yuan

TITLE = "公益性岗位动态管理台账"
SELECTOR = "date"  # the ledger as of a day; the analysis covers that day's year up to it
COLS = (9 * mm, 15 * mm, 29 * mm, 20 * mm, 17 * mm, 17 * mm, 24 * mm, 17 * mm, 32 * mm)
ECOLS = (48 * mm, 14 * mm, 18 * mm, 18 * mm, 16 * mm, 16 * mm, 16 * mm, 16 * mm, 18 * mm)


def load(conn: Connection, day: dt.date, today: dt.date) -> dict[str, Any]:
    from app.welfare.ledger import analyse, build

    ledger = build(conn, day)
    return {"day": day, "ledger": ledger, "analysis": analyse(ledger, dt.date(day.year, 1, 1), day, "post")}


def _short(d: dt.date | None) -> str:
    return d.isoformat() if d else ""


def draw(doc: Document, data: dict[str, Any]) -> None:
    day: dt.date = data["day"]
    ledger = data["ledger"]
    s = Sheet(doc, TITLE, number=f"GY-{day:%Y%m%d}", subtitle=f"截至 {q.d(day)}",
              info=f"岗位 {len(ledger.posts)} 个　在岗 {len(ledger.active)} 人　"
                   f"空岗 {sum(p.vacancies for p in ledger.posts)} 个")
    by_post: dict[str, list[Any]] = {}
    for r in ledger.placements:
        by_post.setdefault(r.post_id, []).append(r)
    head = ("序号", "姓名", "身份证号", "困难类别", "上岗日期", "离岗日期", "离岗原因", "补贴期满", "已发补贴（元）")
    for post in ledger.posts:
        s.section(f"{post.area_name}　{post.employer}　{post.post_name}（{post.post_type_zh}，{post.funding_zh}）",
                  9.5, keep=30 * mm)
        report = f"；空岗报告：{post.open_report.text_zh}" if post.open_report else ""
        s.para(f"开发日期 {_short(post.developed_on)}　开发岗位 {post.capacity} 个　在岗 {post.occupied} 人　"
               f"空岗 {post.vacancies} 个{report}", 8)
        s.table_header([L(t, w, size=7.5) for t, w in zip(head, COLS, strict=True)], 6 * mm)
        rows = by_post.get(post.id, [])
        for i, r in enumerate(rows, 1):
            paid = sum(r.claimed_cents.values())
            s.row([V(i, COLS[0], align="center", size=7.5), V(r.name, COLS[1], size=7.5),
                   V(q.mask_id(r.id_number), COLS[2], size=7), V(r.category_zh, COLS[3], size=7),
                   V(_short(r.started_on), COLS[4], size=7), V(_short(r.ended_on) or "在岗", COLS[5], size=7),
                   V(r.end_reason_zh, COLS[6], size=7),
                   V(_short(r.subsidy_until) + ("\n至退休" if r.to_retirement else ""), COLS[7], size=7),
                   V(yuan(paid) if paid else "", COLS[8], size=7.5, align="right")], 6 * mm)
        if not rows:
            s.row([V("暂无安置人员", sum(COLS), align="center", size=8)], 6 * mm)
        s.end_table()
    if not ledger.posts:
        s.para("暂无公益性岗位", 10, align="center")
    _efficiency(s, data["analysis"])
    if ledger.cleanup:
        s.section(f"待清理的历史数据（{len(ledger.cleanup)} 条，核实前不计入台账）", 9.5)
        for r in ledger.cleanup:
            s.para(f"{r.name}　{r.employer} {r.post_name}　{_short(r.started_on)}：{r.cleanup}", 8, indent=3 * mm)
    s.space(3 * mm)
    s.signatures(["经办人签字", "审核人签字"], h=12 * mm)
    s.finish()


def _efficiency(s: Sheet, a: Any) -> None:
    s.section(f"使用效率分析（{a.start.isoformat()} 至 {a.end.isoformat()}）", 10, keep=40 * mm)
    head = ("岗位", "岗位数", "在岗率", "空岗天数", "在岗人数", "离岗人数", "流动率", "转市场就业", "人均补贴（元）")
    s.table_header([L(t, w, size=7.5) for t, w in zip(head, ECOLS, strict=True)], 6 * mm)
    for e in [*a.rows, a.total]:
        bold = e is a.total
        s.row([V(e.label, ECOLS[0], size=7.5, bold=bold), V(e.capacity, ECOLS[1], align="right", size=7.5),
               V(f"{e.occupancy:.1%}", ECOLS[2], align="right", size=7.5),
               V(e.vacancy_days, ECOLS[3], align="right", size=7.5), V(e.people, ECOLS[4], align="right", size=7.5),
               V(e.exits, ECOLS[5], align="right", size=7.5), V(f"{e.turnover:.1%}", ECOLS[6], align="right", size=7.5),
               V(f"{e.market_exits}（{e.market_share:.0%}）", ECOLS[7], align="right", size=7.5),
               V(yuan(e.subsidy_per_person_cents), ECOLS[8], align="right", size=7.5)], 6 * mm)
    s.end_table()
