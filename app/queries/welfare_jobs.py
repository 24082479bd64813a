"""公益性岗位 read models (no Qt): posts with their occupancy and open vacancy reports, placements with the
person's name, claims with their checks, the clean-up list, and a person's own placements.

A street's posts number in the tens and their placements in the hundreds: everything is read in a handful
of queries per screen, never per row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from app import areas
from app.rules import welfare_jobs as wj
from app.rules import workflow
from app.rules.eligibility import category_names
from app.rules.workdays import Deadline, deadline_info
from app.store.records import from_db
from app.store.tables import TABLES

Rec = dict[str, Any]


def _all(conn: Connection, kind: str, area: str | None = None, *where: Any) -> list[Rec]:
    t = TABLES[kind]
    cond = [t.c.deleted.is_(False), *where]
    if area:
        cond.append(t.c.area_code.startswith(areas.prefix_of(area)))
    return [from_db(kind, r) for r in conn.execute(select(t).where(*cond))]


def category_zh(code: str | None) -> str:
    return dict(category_names()).get(code or "", code or "")


@dataclass(slots=True)
class Data:
    """Everything the ledger, the analysis and the lists are made from (one read)."""

    posts: dict[str, Rec]
    placements: list[Rec]
    claims: list[Rec]
    reports: list[Rec]
    people: dict[str, Rec]  # id → {name, id_number, area_code}


def load(conn: Connection, area: str | None = None) -> Data:
    """Posts in ``area`` (all when None) and every placement, claim and report that belongs to them,
    plus placements in ``area`` on posts outside it (a worker's store holds the placement, not the post)."""
    posts = {p["id"]: p for p in _all(conn, "welfare_post", area)}
    inside = areas.prefix_of(area) if area else ""
    placements = [p for p in _all(conn, "welfare_placement")
                  if p["post_id"] in posts or p["area_code"].startswith(inside)]
    ids = {p["id"] for p in placements}
    claims = [c for c in _all(conn, "welfare_claim") if c["placement_id"] in ids]
    reports = [r for r in _all(conn, "welfare_vacancy_report") if r["post_id"] in posts]
    p = TABLES["person"]
    person_ids = sorted({x["person_id"] for x in placements})
    people: dict[str, Rec] = {}
    for i in range(0, len(person_ids), 500):
        for r in conn.execute(select(p.c.id, p.c.name, p.c.id_number, p.c.area_code)
                              .where(p.c.id.in_(person_ids[i:i + 500]))):
            people[r.id] = dict(r._mapping)
    return Data(posts, placements, claims, reports, people)


# --- rows for the screens ------------------------------------------------------------------------------------
@dataclass(slots=True)
class PostRow:
    id: str
    area_code: str
    area_name: str
    employer: str
    post_name: str
    post_type_zh: str
    funding_zh: str
    capacity: int
    developed_on: dt.date | None
    closed_on: dt.date | None
    occupied: int
    open_report: Deadline | None = None  # the oldest vacancy not yet reported

    @property
    def vacancies(self) -> int:
        return 0 if self.closed_on else max(0, self.capacity - self.occupied)


@dataclass(slots=True)
class PlacementRow:
    id: str
    person_id: str
    name: str
    id_number: str
    area_name: str
    category_zh: str
    post_id: str
    employer: str
    post_name: str
    sequence: int
    started_on: dt.date
    ended_on: dt.date | None
    end_reason: str | None
    end_reason_zh: str
    subsidy_until: dt.date | None
    to_retirement: bool
    cleanup: str
    claimed_cents: dict[str, int] = field(default_factory=dict)  # passed claims per subsidy kind
    held: int = 0

    @property
    def active(self) -> bool:
        return self.ended_on is None


@dataclass(slots=True)
class ClaimRow:
    id: str
    placement_id: str
    name: str
    post_name: str
    subsidy_zh: str
    months: list[str]
    amount_cents: int
    status: str
    hold_reasons: list[str]
    tax_text: str

    @property
    def months_text(self) -> str:
        return self.months[0] if len(self.months) == 1 else f"{self.months[0]}～{self.months[-1]}"

    @property
    def status_zh(self) -> str:
        return "核查通过" if self.status == "passed" else "暂缓发放"


@dataclass(slots=True)
class ReportRow:
    id: str
    post_id: str
    employer: str
    post_name: str
    vacant_on: dt.date
    deadline: Deadline
    reported_on: dt.date | None
    reported_by: str
    filled_on: dt.date | None


def post_rows(data: Data, today: dt.date) -> list[PostRow]:
    active: dict[str, int] = {}
    for p in data.placements:
        if p.get("ended_on") is None and not p.get("cleanup"):
            active[p["post_id"]] = active.get(p["post_id"], 0) + 1
    open_reports: dict[str, Rec] = {}
    for r in sorted(data.reports, key=lambda r: r["vacant_on"], reverse=True):
        if r.get("reported_on") is None:
            open_reports[r["post_id"]] = r
    out = []
    for p in data.posts.values():
        rep = open_reports.get(p["id"])
        out.append(PostRow(
            p["id"], p["area_code"], areas.name_of(p["area_code"]), p.get("employer") or "", p.get("post_name") or "",
            wj.name_of(wj.post_types(), p.get("post_type")), wj.name_of(wj.fundings(), p.get("funding")),
            int(p.get("capacity") or 0), p.get("developed_on"), p.get("closed_on"), active.get(p["id"], 0),
            deadline_info(rep["vacant_on"], wj.vacancy_report_workdays(), today) if rep else None))
    out.sort(key=lambda r: (r.area_code, r.employer, r.post_name))
    return out


def placement_rows(data: Data) -> list[PlacementRow]:
    claimed: dict[str, dict[str, int]] = {}
    held: dict[str, int] = {}
    for c in data.claims:
        if c.get("status") == "passed":
            per = claimed.setdefault(c["placement_id"], {})
            per[c["subsidy"]] = per.get(c["subsidy"], 0) + int(c.get("amount_cents") or 0)
        else:
            held[c["placement_id"]] = held.get(c["placement_id"], 0) + 1
    out = []
    for p in data.placements:
        who = data.people.get(p["person_id"], {})
        out.append(PlacementRow(
            p["id"], p["person_id"], who.get("name") or "", who.get("id_number") or "",
            areas.name_of(p["area_code"]), category_zh(p.get("category")), p["post_id"], p.get("employer") or "",
            p.get("post_name") or "", int(p.get("sequence") or 1), p["started_on"], p.get("ended_on"),
            p.get("end_reason"), wj.name_of(wj.end_reasons(), p.get("end_reason")), p.get("subsidy_until"),
            bool(p.get("to_retirement")), p.get("cleanup") or "", claimed.get(p["id"], {}), held.get(p["id"], 0)))
    out.sort(key=lambda r: (r.ended_on is not None, r.employer, r.post_name, r.started_on))
    return out


def claim_rows(data: Data) -> list[ClaimRow]:
    placements = {p["id"]: p for p in data.placements}
    out = []
    for c in data.claims:
        p = placements.get(c["placement_id"], {})
        who = data.people.get(c.get("person_id") or "", {})
        tax = ""
        if c.get("tax_checked_by"):
            tax = (f"{wj.name_of(wj.tax_results(), c.get('tax_result'))}（{c['tax_checked_by']}，"
                   f"{c.get('tax_checked_on') or ''}）")
        out.append(ClaimRow(c["id"], c["placement_id"], who.get("name") or "", p.get("post_name") or "",
                            wj.name_of(wj.subsidy_kinds(), c.get("subsidy")), list(c.get("months") or []),
                            int(c.get("amount_cents") or 0), c.get("status") or "held",
                            list(c.get("hold_reasons") or []), tax))
    out.sort(key=lambda r: (r.status == "passed", r.months[:1], r.name))  # held first
    return out


def report_rows(data: Data, today: dt.date) -> list[ReportRow]:
    out = []
    for r in data.reports:
        post = data.posts.get(r["post_id"], {})
        out.append(ReportRow(r["id"], r["post_id"], post.get("employer") or "", post.get("post_name") or "",
                             r["vacant_on"], deadline_info(r["vacant_on"], wj.vacancy_report_workdays(), today),
                             r.get("reported_on"), r.get("reported_by") or "", r.get("filled_on")))
    out.sort(key=lambda r: (r.reported_on is not None, r.deadline.due))
    return out


def yuan(cents: int) -> str:
    return f"{cents / 100:,.2f}"


# --- for other screens -----------------------------------------------------------------------------------------
def person_placements(col: Any, person_id: str) -> list[PlacementRow]:
    """A person's placements, newest first (the person page; a worker's store has no posts, which is fine:
    the placement carries the employer and post name)."""
    with col.records.reading() as conn:
        placements = _all(conn, "welfare_placement", None, TABLES["welfare_placement"].c.person_id == person_id)
        ids = [p["id"] for p in placements]
        claims = _all(conn, "welfare_claim", None, TABLES["welfare_claim"].c.placement_id.in_(ids))
        person = _all(conn, "person", None, TABLES["person"].c.id == person_id)
    data = Data({}, placements, claims, [], {p["id"]: p for p in person})
    return sorted(placement_rows(data), key=lambda r: r.started_on, reverse=True)


def candidates(col: Any, text: str = "", limit: int = 50) -> list[tuple[str, str, str, str]]:
    """(person id, name, community, category) of people on the certified list whose name or ID number
    contains ``text`` (the place-a-person dialog)."""
    p, c = TABLES["person"], TABLES["assistance_case"]
    q = (select(p.c.id, p.c.name, p.c.area_code, c.c.category).join(c, c.c.person_id == p.c.id)
         .where(p.c.deleted.is_(False), c.c.deleted.is_(False), c.c.stage.in_(workflow.certified_stages()))
         .order_by(p.c.area_code, p.c.name).limit(limit))
    if text.strip():
        t = f"%{text.strip()}%"
        q = q.where(p.c.name.like(t) | p.c.id_number.like(t) | p.c.name_initials.like(t))
    with col.records.reading() as conn:
        return [(r.id, r.name or "", areas.name_of(r.area_code), category_zh(r.category)) for r in conn.execute(q)]
