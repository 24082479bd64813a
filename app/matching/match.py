"""Rows of a matching source × the people it may concern → hits. Pure: the laptop (``app.ops.matching``) and
the platform (``sync.server.feeds``) load their people their own way and call ``find_hits``.

A person is a candidate when registered unemployed (and not recorded as employed) or on the certified list
(case certified or helping). An event that started before the person's registration (or certification) is
not a change of status and gives no hit. A hit's record id is derived from the person and the event, so the
same event found twice — the same file imported again, or the laptop and the platform both matching it —
is one record.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from app import vocabulary
from app.matching.sources import source
from app.rules import workflow

HIT_NAMESPACE = uuid.UUID("8f6f3c3e-4d9b-4c55-9a53-0f4f0a1b2c12")  # fixed: ids must agree across machines
EMPLOYED = vocabulary.employed_statuses()  # statuses that count as having work (resources/vocabulary.toml)


@dataclass(frozen=True, slots=True)
class Candidate:
    person_id: str
    area_code: str
    since: dt.date | None  # registration or certification day: events before it are not news


def candidate(person: Mapping[str, Any], case_stages: Iterable[tuple[str | None, Any]] = ()) -> Candidate | None:
    """The person as a matching candidate, or None when out of scope. ``case_stages``: (stage, certified_on)
    of the person's cases."""
    certified = [c for s, c in case_stages if s in workflow.certified_stages()]
    registered = person.get("registered_unemployed_on")
    if not certified and not (registered and person.get("employment_status") not in EMPLOYED):
        return None
    days = [_date(d) for d in (registered, *certified) if d]
    return Candidate(person["id"], person["area_code"], min(days) if days else None)


def _date(v: Any) -> dt.date:
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))


def event_key(source_code: str, row: Mapping[str, Any]) -> str:
    fields = source(source_code).event_fields
    return "|".join([source_code, *(_key_part(row.get(f)) for f in fields)])


def _key_part(v: Any) -> str:
    return v.isoformat() if isinstance(v, dt.date) else str(v or "")


def hit_id(person_id: str, key: str) -> str:
    return str(uuid.uuid5(HIT_NAMESPACE, f"{person_id}|{key}"))


def detail(source_code: str, row: Mapping[str, Any]) -> str:
    started = row.get("started_on")
    verb = "参保" if source_code == "social_insurance" else "注册成立"
    parts = [f"{row.get('employer') or ''}"]
    if row.get("credit_code"):
        parts.append(f"（统一社会信用代码 {row['credit_code']}）")
    if started:
        parts.append(f"，{started.isoformat()} {verb}")
    return "".join(parts)


def find_hits(source_code: str, rows: Iterable[Mapping[str, Any]], people: Mapping[str, list[Candidate]],
              found_on: dt.date) -> list[dict[str, Any]]:
    """One hit per candidate and event: ``id``, ``area_code`` and the match_hit field values."""
    src = source(source_code)
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        for c in people.get(row["id_number"], ()):
            started = row.get("started_on")
            if started and c.since and started < c.since:
                continue
            key = event_key(source_code, row)
            rid = hit_id(c.person_id, key)
            out.setdefault(rid, {
                "id": rid, "area_code": c.area_code, "person_id": c.person_id, "source": src.code,
                "detail": detail(source_code, row), "found_on": found_on, "status": "open",
                "employer": row.get("employer"), "credit_code": row.get("credit_code"),
                "started_on": started, "event_key": key,
            })
    return list(out.values())
