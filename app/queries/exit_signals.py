"""Cases that meet an exit condition nobody has proposed yet: 无正当理由拒绝服务 N 次, or 失联 N 个月.

Both numbers are kept with their exit reason in resources/rules/workflow.toml. Each signal carries the evidence
the exit proposal needs, so the worker proposes it in one step (``app.ops.exits.propose_exit``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text

from app.rules import workflow
from app.rules._dates import add_months
from app.rules.service_package import refused_text, service_kinds

REFUSED, LOST = "refused_service", "lost_contact"


@dataclass(frozen=True, slots=True)
class ExitSignal:
    case_id: str
    person_id: str
    area_code: str
    reason: str  # exit reason code
    detail: str  # Chinese, for the to-do and the person page
    evidence: dict[str, Any] = field(default_factory=dict)


def _stages() -> list[str]:
    return sorted({a.from_stage for a in workflow.actions() if a.code == "propose_exit"})


def sql_in(name: str, values: list[str], params: dict[str, Any]) -> str:
    """Placeholders ``:name0, :name1…`` for an SQL ``IN (…)``, their values added to ``params``."""
    for i, v in enumerate(values):
        params[f"{name}{i}"] = v
    return ", ".join(f":{name}{i}" for i in range(len(values)))


# Last contact: a visit made, a follow-up that reached the person, a service (even one refused), a push confirmed.
_LAST_CONTACT = """MAX(
    COALESCE((SELECT MAX(v.visited_on) FROM visit v WHERE v.person_id = c.person_id AND v.deleted = 0), ''),
    COALESCE((SELECT MAX(f.done_on) FROM followup f WHERE f.person_id = c.person_id AND f.deleted = 0
              AND COALESCE(f.contacted, 1) = 1), ''),
    COALESCE((SELECT MAX(s.served_on) FROM service s WHERE s.person_id = c.person_id AND s.deleted = 0), ''),
    COALESCE((SELECT MAX(p.confirmed_on) FROM policy_push p WHERE p.person_id = c.person_id
              AND p.deleted = 0), ''),
    COALESCE(c.certified_on, ''))"""
_REFUSALS = """(SELECT COUNT(*) FROM service s WHERE s.person_id = c.person_id AND s.deleted = 0
    AND s.result = :refused AND s.served_on >= COALESCE(c.certified_on, ''))"""


def _refusal_lines(conn: Any, person_id: str, since: Any) -> list[str]:
    """The person's services refused without good reason since ``since``, oldest first, one line each."""
    names = {k.code: k.short_zh for k in service_kinds()}
    rows = conn.execute(text(
        "SELECT served_on, kind, employer FROM service WHERE person_id = :p AND deleted = 0 AND result = :r"
        " AND served_on >= :since ORDER BY served_on"), {"p": person_id, "r": refused_text(), "since": since or ""})
    return [f"{r.served_on} {names.get(r.kind, r.kind)}" + (f"（{r.employer}）" if r.employer else "") for r in rows]


def exit_signals(col: Any, today: dt.date, person_id: str | None = None) -> list[ExitSignal]:
    """Certified or helped cases meeting an exit condition (for everyone, or one person)."""
    with col.records.reading() as conn:
        return signals_in(conn, today, person_id)


def signals_in(conn: Any, today: dt.date, person_id: str | None = None, limit: int = 500) -> list[ExitSignal]:
    """``exit_signals`` on an open read connection (the to-do reads everything on one)."""
    needed = int(workflow.exit_reason_setting(REFUSED, "refusals"))
    months = int(workflow.exit_reason_setting(LOST, "months"))
    cutoff = add_months(today, -months)
    params: dict[str, Any] = {"refused": refused_text(), "needed": needed, "cutoff": cutoff.isoformat()}
    where = f"c.deleted = 0 AND c.stage IN ({sql_in('st', _stages(), params)})"
    if person_id is not None:
        where += " AND c.person_id = :pid"
        params["pid"] = person_id
    sql = f"""SELECT * FROM (SELECT c.id, c.person_id, c.area_code, c.certified_on,
        {_REFUSALS} AS refused, {_LAST_CONTACT} AS last_contact FROM assistance_case c WHERE {where})
        WHERE refused >= :needed OR (last_contact <> '' AND last_contact < :cutoff) ORDER BY last_contact
        LIMIT :limit"""
    params["limit"] = limit
    rows = [dict(r._mapping) for r in conn.execute(text(sql), params)]
    out = []
    for r in rows:
        if r["refused"] >= needed:
            lines = _refusal_lines(conn, r["person_id"], r["certified_on"])
            out.append(ExitSignal(r["id"], r["person_id"], r["area_code"], REFUSED,
                                  f"无正当理由拒绝服务 {r['refused']} 次，可提出退出", {"refusals": lines}))
        if r["last_contact"] and r["last_contact"] < cutoff.isoformat():
            last = str(r["last_contact"])[:10]
            out.append(ExitSignal(r["id"], r["person_id"], r["area_code"], LOST,
                                  f"自 {last} 起未能联系超过 {months} 个月，可提出退出", {"last_contact_on": last}))
    return out
