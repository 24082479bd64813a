"""The province's feeds on the platform: ``outreach-platform import FILE --feed …``.

- ``social-insurance`` / ``business-registration``: matched against the registered-unemployed and certified
  people the platform holds (``app.matching.match``, the same rule the laptop runs); each new hit becomes a
  ``match_hit`` record in the person's community, so it reaches that worker's laptop by the ordinary pull.
- ``registration-application``: ministry-pushed unemployment-registration applications (失业登记申请编号),
  each with its 3-working-day deadline, in the community the feed names or where the person is known.
- ``anomaly``: the ministry platform's anomaly feedback, for the worker to give cause and correction.

A feed with any bad row imports nothing (every bad row is listed). Records already on the platform are left
as they are — a worker may have handled them — so importing the same feed twice adds nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from app.matching.match import Candidate, candidate, find_hits
from app.matching.reader import read_source
from app.model.canonical import coerce
from app.model.kinds import kind as get_kind
from app.rules import workflow
from sync.server.db import reading, records
from sync.server.importer import ImportFailed, import_records

FEEDS = {"social-insurance": "social_insurance", "business-registration": "business_registration",
         "registration-application": "registration_application", "anomaly": "anomaly"}
FEED_NAMESPACE = uuid.UUID("3c1f4f5e-8f0e-4d3a-b7a4-6d2e9f1c0a77")


def _people(conn: Any, numbers: set[str]) -> tuple[dict[str, list[Candidate]], dict[str, tuple[str, str]]]:
    """(matching candidates by ID number, (person id, area) by ID number) for the numbers in a feed."""
    cases: dict[str, list[tuple[str | None, Any]]] = defaultdict(list)
    for (data,) in conn.execute(select(records.c.data).where(records.c.kind == "assistance_case",
                                                             records.c.deleted.is_(False))):
        if data.get("person_id"):
            cases[data["person_id"]].append((data.get("stage"), data.get("certified_on")))
    cands: dict[str, list[Candidate]] = defaultdict(list)
    known: dict[str, tuple[str, str]] = {}
    for rid, area, data in conn.execute(select(records.c.id, records.c.area_code, records.c.data)
                                        .where(records.c.kind == "person", records.c.deleted.is_(False))):
        number = data.get("id_number")
        if number not in numbers:
            continue
        known.setdefault(number, (rid, area))
        c = candidate({**data, "id": rid, "area_code": area}, cases.get(rid, ()))
        if c is not None:
            cands[number].append(c)
    return cands, known


def _existing(conn: Any, kind: str, ids: list[str]) -> set[str]:
    out: set[str] = set()
    for i in range(0, len(ids), 500):
        out |= set(conn.execute(select(records.c.id).where(records.c.kind == kind,
                                                          records.c.id.in_(ids[i:i + 500]))).scalars())
    return out


def _wire(kind: str, values: dict[str, Any]) -> dict[str, Any]:
    k = get_kind(kind)
    return {n: coerce(k, n, v) for n, v in values.items() if v is not None}


def feed_id(feed: str, number: str) -> str:
    return str(uuid.uuid5(FEED_NAMESPACE, f"{feed}|{number}"))


def import_feed(engine: Engine, path: Path | str, feed: str, by: str, *,
                today: dt.date | None = None) -> dict[str, int]:
    """Import one feed file; returns counts. Raises ImportFailed listing every bad row (nothing imported)."""
    if feed not in FEEDS:
        raise ImportFailed(f"未知的数据来源：{feed}（可选：{'、'.join(FEEDS)}）")
    source_code = FEEDS[feed]
    today = today or dt.date.today()
    try:
        data = read_source(path, source_code)
    except ValueError as exc:  # TableError: unreadable, no header, missing column, empty
        raise ImportFailed(str(exc)) from None
    if data.problems:
        raise ImportFailed(f"文件有 {len(data.problems)} 行有误，未导入任何数据：\n" + "\n".join(data.problems))
    with reading(engine) as conn:
        cands, known = _people(conn, {r["id_number"] for r in data.rows})
        out: list[dict[str, Any]] = []
        problems: list[str] = []
        if source_code in ("social_insurance", "business_registration"):
            kind = "match_hit"
            for h in find_hits(source_code, data.rows, cands, today):
                rid, area = h.pop("id"), h.pop("area_code")
                out.append({"kind": kind, "id": rid, "area_code": area, "fields": _wire(kind, h)})
        else:
            kind = "registration_application" if source_code == "registration_application" else "match_anomaly"
            for n, row in enumerate(data.rows, 1):
                person_id, person_area = known.get(row["id_number"], (None, None))
                area = row.get("area_code") or person_area
                if not area:
                    problems.append(f"第 {n} 条（{row['id_number'][:6]}…）：没有社区代码，平台上也没有此人，"
                                    "无法确定所属社区")
                    continue
                out.append({"kind": kind, "id": feed_id(source_code, row.get("application_no")
                                                        or row.get("anomaly_no")),
                            "area_code": area, "fields": _wire(kind, _feed_fields(kind, row, person_id))})
        if problems:
            raise ImportFailed(f"有 {len(problems)} 条无法导入，未导入任何数据：\n" + "\n".join(problems))
        existing = _existing(conn, kind, [r["id"] for r in out])
    new = [r for r in out if r["id"] not in existing]
    counts = import_records(engine, new, by) if new else {"inserted": 0, "updated": 0, "unchanged": 0}
    return {"rows": data.read, "records": len(out), "new": counts["inserted"], "already": len(existing)}


def _feed_fields(kind: str, row: dict[str, Any], person_id: str | None) -> dict[str, Any]:
    if kind == "registration_application":
        return {"application_no": row["application_no"], "person_name": row.get("person_name"),
                "id_number": row["id_number"], "phone": row.get("phone"), "received_on": row["received_on"],
                "due_on": workflow.application_deadline(row["received_on"], row["received_on"]).due,
                "status": "pending", "person_id": person_id}
    return {"anomaly_no": row["anomaly_no"], "person_name": row.get("person_name"), "id_number": row["id_number"],
            "problem": row["problem"], "reported_on": row.get("reported_on"), "status": "open",
            "person_id": person_id}


