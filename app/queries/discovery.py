"""主动发现: people who appear eligible but have no case, and key groups not visited for a number of days;
the pushes made to them and the 三晋通 export. Reads only (the pushes are written by ``app.ops.outreach``).

Both lists start from an indexed SQL filter (registered, not employed, no live case / a key-group flag and no
recent visit) and apply the eligibility rules in Python only to what is left.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text

from app import areas
from app.model.kinds import KINDS
from app.queries.exit_signals import sql_in
from app.queries.exits import EMPLOYED
from app.queries.person_detail import facts_for
from app.rules import workflow
from app.rules.discovery import csv_columns, groups_of, key_groups
from app.rules.eligibility import evaluate

ELIGIBLE, UNVISITED = "eligible", "unvisited"


@dataclass(frozen=True, slots=True)
class DiscoveryRow:
    person_id: str
    name: str
    area_code: str
    community: str
    groups: list[str]  # key group names
    categories: list[str] = field(default_factory=list)  # 认定类别 the person appears to meet
    last_visit: dt.date | None = None
    last_push: dt.date | None = None
    push_unconfirmed: int = 0  # pushes not yet confirmed received


def _scope(area: str | None, params: dict[str, Any]) -> str:
    """SQL condition on ``p.area_code`` for one jurisdiction (everything when None)."""
    if not area:
        return "1"
    params["scope"] = areas.prefix_of(area) + "%"
    return "p.area_code LIKE :scope"


def _date(v: Any) -> dt.date | None:
    if v in (None, ""):
        return None
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v)[:10])


_PERSON = """SELECT p.*, h.zero_employment AS hh_zero, h.dibao AS hh_dibao, h.poverty_lifted AS hh_poverty,
    (SELECT MAX(v.visited_on) FROM visit v WHERE v.person_id = p.id AND v.deleted = 0) AS last_visit,
    (SELECT MAX(x.sent_on) FROM policy_push x WHERE x.person_id = p.id AND x.deleted = 0) AS last_push,
    (SELECT COUNT(*) FROM policy_push x WHERE x.person_id = p.id AND x.deleted = 0
        AND x.confirmed_on IS NULL) AS push_unconfirmed
    FROM person p LEFT JOIN household h ON h.id = p.household_id"""


_PERSON_DATES = tuple(f.name for f in KINDS["person"].fields if f.type == "date")


def _typed(row: Any) -> dict[str, Any]:
    """A raw row of ``_PERSON`` with the person's dates as dates (text() queries return ISO strings)."""
    r = dict(row._mapping)
    for name in _PERSON_DATES:
        r[name] = _date(r.get(name))
    return r


def _household(r: dict[str, Any]) -> dict[str, Any]:
    return {"zero_employment": r["hh_zero"], "dibao": r["hh_dibao"], "poverty_lifted": r["hh_poverty"]}


def _row(r: dict[str, Any], categories: list[str]) -> DiscoveryRow:
    names = key_groups()
    return DiscoveryRow(r["id"], r["name"] or "", r["area_code"], areas.name_of(r["area_code"]),
                        [names[g] for g in groups_of(r, _household(r))], categories, _date(r["last_visit"]),
                        _date(r["last_push"]), int(r["push_unconfirmed"] or 0))


def _certified_zero_households(conn: Any) -> set[str]:
    """Households where a member already holds the one 零就业家庭 certification."""
    params: dict[str, Any] = {}
    stages = sql_in("st", list(workflow.certified_stages()), params)
    return {hid for (hid,) in conn.execute(text(
        "SELECT p.household_id FROM assistance_case c JOIN person p ON p.id = c.person_id WHERE c.deleted = 0"
        f" AND c.category = 'zero_household' AND c.stage IN ({stages})"), params)}


def eligible_without_case(col: Any, today: dt.date, area: str | None = None) -> list[DiscoveryRow]:
    """Registered, not employed, no live case — and the rules say they appear eligible (认定条件)."""
    params: dict[str, Any] = {}
    with col.records.reading() as conn:
        return eligible_in(conn, today, _scope(area, params), params)


def eligible_in(conn: Any, today: dt.date, scope: str, params: dict[str, Any]) -> list[DiscoveryRow]:
    """``eligible_without_case`` on an open connection, for people matching the SQL condition ``scope``
    (on ``p.area_code``, with its ``params``): the dashboard counts with its own jurisdiction."""
    employed = sql_in("em", list(EMPLOYED), params)
    live = sql_in("st", list(workflow.open_stages()), params)
    sql = (f"{_PERSON} WHERE p.deleted = 0 AND {scope} AND p.registered_unemployed_on IS NOT NULL"
           f" AND COALESCE(p.employment_status, '') NOT IN ({employed})"
           " AND NOT EXISTS (SELECT 1 FROM assistance_case c WHERE c.person_id = p.id AND c.deleted = 0"
           f" AND c.stage IN ({live})) ORDER BY p.area_code, p.name_pinyin")
    rows = [_typed(r) for r in conn.execute(text(sql), params)]
    certified = _certified_zero_households(conn)
    out = []
    for r in rows:
        facts = facts_for(r, _household(r), other_member_certified=r["household_id"] in certified)
        e = evaluate(facts, today)
        if e.appears_eligible:
            out.append(_row(r, [c.name for c in e.met_categories]))
    return out


def unvisited_key_groups(col: Any, today: dt.date, days: int, area: str | None = None) -> list[DiscoveryRow]:
    """People of a key group (registered unemployed, 低保/low income, disability certificate, 零就业家庭)
    with no visit in the last ``days`` days, longest unvisited first."""
    params: dict[str, Any] = {}
    with col.records.reading() as conn:
        return unvisited_in(conn, today, days, _scope(area, params), params)


def unvisited_in(conn: Any, today: dt.date, days: int, scope: str, params: dict[str, Any]) -> list[DiscoveryRow]:
    """``unvisited_key_groups`` on an open connection for the SQL condition ``scope`` (see ``eligible_in``)."""
    params["since"] = (today - dt.timedelta(days=days)).isoformat()
    employed = sql_in("em", list(EMPLOYED), params)
    flags = (f"(p.registered_unemployed_on IS NOT NULL AND COALESCE(p.employment_status, '') NOT IN ({employed}))"
             " OR p.dibao_urban = 1 OR p.family_dibao = 1 OR p.family_poverty_lifted = 1 OR p.disability_cert = 1"
             " OR h.dibao = 1 OR h.poverty_lifted = 1 OR h.zero_employment = 1")
    sql = (f"SELECT * FROM ({_PERSON} WHERE p.deleted = 0 AND {scope} AND ({flags}))"
           " WHERE last_visit IS NULL OR last_visit < :since ORDER BY last_visit IS NOT NULL, last_visit, area_code")
    rows = [_typed(r) for r in conn.execute(text(sql), params)]
    return [_row(r, []) for r in rows]


def discovery(col: Any, mode: str, today: dt.date, days: int, area: str | None = None) -> list[DiscoveryRow]:
    """The list shown by the 主动发现 tab (``mode`` ELIGIBLE or UNVISITED)."""
    if mode == ELIGIBLE:
        return eligible_without_case(col, today, area)
    return unvisited_key_groups(col, today, days, area)


def sanjintong_csv(col: Any, push_ids: list[str]) -> str:
    """The 三晋通 export of these pushes (UTF-8 with BOM so Excel opens it), columns from discovery.toml."""
    buf = io.StringIO()
    buf.write("\ufeff")
    w = csv.writer(buf)
    w.writerow(csv_columns())
    for pid in push_ids:
        push = col.records.get("policy_push", pid)
        if push is None or push["deleted"]:
            continue
        person = col.records.get("person", push["person_id"]) or {}
        values = {"推送编号": push["id"], "姓名": person.get("name") or "", "身份证号": person.get("id_number") or "",
                  "手机号": person.get("phone") or "", "所属社区": areas.full_name(push["area_code"]),
                  "推送内容": push.get("content") or "", "推送日期": str(push.get("sent_on") or "")}
        w.writerow([values.get(c, "") for c in csv_columns()])
    return buf.getvalue()
