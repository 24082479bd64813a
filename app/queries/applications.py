"""Read models for an application's materials: each required material with its tick and its attached photos,
and an attachment's bytes read from the encrypted store into memory (never to a file)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from app.ops.applications import ATTACHMENT_SEP
from app.queries.person_detail import _cases, _rows, category_zh
from app.rules import workflow
from app.store.sync_state import get_blob
from app.store.tables import TABLES


@dataclass(slots=True)
class MaterialRow:
    code: str
    name: str
    category_proof: bool
    ticked: bool
    attachments: list[dict[str, Any]] = field(default_factory=list)  # id, name (file), mime, size, sha256


@dataclass(slots=True)
class MaterialsPart:
    case: dict[str, Any]
    category_zh: str
    stage_zh: str
    rows: list[MaterialRow]

    @property
    def missing(self) -> list[str]:
        return [r.name for r in self.rows if not r.ticked]


def case_materials(col: Any, person_id: str, today: dt.date | None = None) -> MaterialsPart | None:
    """The person's current case and its material list; None without a case."""
    with col.records.reading() as conn:
        case = _cases(conn, person_id)
        if case is None:
            return None
        atts = _rows(conn, "attachment", TABLES["attachment"].c.owner_id == case["id"])
    try:
        mats = workflow.materials(case.get("category") or "")
        stage_zh = workflow.stage(case["stage"]).name_zh
    except workflow.WorkflowError:
        mats, stage_zh = [], case.get("stage") or ""
    have = case.get("materials") or {}
    rows = {m.code: MaterialRow(m.code, m.name_zh, m.category_proof, bool(have.get(m.code))) for m in mats}
    for a in sorted(atts, key=lambda a: a.get("changed_at") or ""):
        code, _, name = (a.get("name") or "").partition(ATTACHMENT_SEP)
        if code in rows:
            rows[code].attachments.append({**a, "name": name})
    return MaterialsPart(case, category_zh(case.get("category")), stage_zh, list(rows.values()))


def attachment_bytes(col: Any, attachment_id: str) -> tuple[str, bytes | None]:
    """(mime, bytes) of an attachment, read into memory; bytes None while they are still to be downloaded."""
    t = TABLES["attachment"]
    with col.records.reading() as conn:
        row = conn.execute(select(t.c.sha256, t.c.mime).where(t.c.id == attachment_id)).first()
        if row is None:
            return "", None
        return row.mime or "", get_blob(conn, row.sha256)
