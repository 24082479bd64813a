"""Reading what the forms print: small queries over one connection per sheet, and the shared wording.

Nothing here draws; each form module turns these plain dicts into a sheet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, select

from app import areas
from app.queries.person_detail import facts_for
from app.rules import workflow
from app.rules.eligibility import Eligibility, category_names, evaluate
from app.rules.idcard import IdNumberError, parse_id
from app.rules.service_package import PackageProgress, package_progress, service_kinds
from app.store.records import from_db
from app.store.tables import TABLES

Rec = dict[str, Any]

# Same wording as app/ops/visits.EMPLOYMENT_STATUSES (kept here so printing does not import the write operations).
EMPLOYMENT = {
    "unemployed": "失业", "employed": "已就业", "self_employed": "灵活就业/创业", "student": "在校/入学",
    "retired": "退休", "unable": "丧失劳动能力",
}
ASSISTED_STAGES = workflow.assisted_stages()
ACTIVE_STAGES = workflow.active_stages()


class SelectionError(LookupError):
    """A record to print is missing or the selector does not fit the form; the message is Chinese."""


def get(conn: Connection, kind: str, record_id: str) -> Rec | None:
    t = TABLES[kind]
    row = conn.execute(select(t).where(t.c.id == record_id, t.c.deleted.is_(False))).first()
    return from_db(kind, row) if row is not None else None


def require(conn: Connection, kind: str, record_id: str | None, label: str) -> Rec:
    if not record_id:
        raise SelectionError(f"请指定{label}")
    rec = get(conn, kind, record_id)
    if rec is None:
        raise SelectionError(f"找不到{label}：{record_id}")
    return rec


def where_in(conn: Connection, kind: str, field: str, values: Iterable[str]) -> list[Rec]:
    values = list(values)
    if not values:
        return []
    t = TABLES[kind]
    rows = conn.execute(select(t).where(t.c[field].in_(values), t.c.deleted.is_(False)))
    return [from_db(kind, r) for r in rows]


def members(conn: Connection, household_id: str) -> list[Rec]:
    """Household members, head first, then by relation and name."""
    order = {"户主": 0, "配偶": 1, "子女": 2}
    people = where_in(conn, "person", "household_id", [household_id])
    return sorted(people, key=lambda p: (order.get(p.get("relation") or "", 9), p.get("name") or ""))


# --- wording -------------------------------------------------------------------------------------------
def mask_phone(phone: str | None) -> str:
    """139****5678: enough to recognise the number on a sheet that leaves the office."""
    p = (phone or "").strip()
    if len(p) == 11 and p.isdigit():
        return f"{p[:3]}****{p[7:]}"
    if len(p) > 4:
        return "*" * (len(p) - 4) + p[-4:]
    return p


def mask_id(number: str | None) -> str:
    n = (number or "").strip()
    return f"{n[:6]}********{n[14:]}" if len(n) == 18 else n


def id_facts(person: Rec, today: dt.date) -> tuple[str, str, str]:
    """(sex, age text, birth date text) from the ID number; empty when it does not parse."""
    try:
        info = parse_id(person.get("id_number") or "", today)
    except IdNumberError:
        return "", "", ""
    return info.sex, str(info.age), f"{info.birth_date.year}年{info.birth_date.month}月{info.birth_date.day}日"


def d(value: dt.date | str | None) -> str:
    """A date as 2026年11月25日 (empty for None)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return value
    return f"{value.year}年{value.month}月{value.day}日"


def status_text(code: str | None) -> str:
    return EMPLOYMENT.get(code or "", code or "")


def community(area_code: str) -> str:
    return areas.full_name(area_code)


def category_name(code: str | None) -> str:
    return dict(category_names()).get(code or "", code or "")


def stage_name(code: str | None) -> str:
    try:
        return workflow.stage(code or "").name_zh
    except workflow.WorkflowError:
        return code or ""


_SERVICE_NAMES: dict[str, str] = {}


def service_name(code: str | None) -> str:
    if not _SERVICE_NAMES:
        _SERVICE_NAMES.update({k.code: k.name_zh for k in service_kinds()})
    return _SERVICE_NAMES.get(code or "", code or "")


def progress_of(services: list[Rec]) -> PackageProgress:
    """3+1+1 progress from a person's services; unknown codes are skipped (a sheet must still print)."""
    _ = service_name(None)
    return package_progress(s["kind"] for s in services if s.get("kind") in _SERVICE_NAMES)


def progress_text(p: PackageProgress) -> str:
    """岗位推荐 2/3 · 职业指导 1/1 · 政策咨询 0/1"""
    return " · ".join(f"{r.name_zh} {min(r.done, 99)}/{r.required}" for r in p.requirements)


def latest_case(cases: list[Rec]) -> Rec | None:
    if not cases:
        return None
    return max(cases, key=lambda c: (c.get("stage") in ACTIVE_STAGES, c.get("applied_on") or dt.date.min,
                                     c.get("changed_at") or ""))


# --- eligibility ---------------------------------------------------------------------------------------
def person_context(conn: Connection, person: Rec, today: dt.date) -> tuple[Rec | None, list[Rec], Eligibility]:
    """(household, the person's cases, eligibility) — what the policy card and the application form share."""
    household = get(conn, "household", person["household_id"]) if person.get("household_id") else None
    others = [p["id"] for p in (members(conn, household["id"]) if household else []) if p["id"] != person["id"]]
    other_cases = where_in(conn, "assistance_case", "person_id", others)
    cases = where_in(conn, "assistance_case", "person_id", [person["id"]])
    certified_other = any(c.get("category") == "zero_household" and c.get("stage") in ASSISTED_STAGES
                          for c in other_cases)
    facts = facts_for(person, household, other_member_certified=certified_other, case=cases[0] if cases else None)
    return household, cases, evaluate(facts, today)
