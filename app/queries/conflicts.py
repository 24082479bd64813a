"""What sync left for a person to settle: same-field conflicts and changes the platform refused for good."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.collection import Collection
from app.model.kinds import KINDS
from app.store import sync_state as st
from app.store.tables import TABLES


def list_conflicts(collection: Collection) -> list[dict[str, Any]]:
    """Unresolved conflicts, oldest first: {id, kind, record_id, field, local_value, server_value,
    server_version, created_at}."""
    with collection.records.reading() as conn:
        return st.list_conflicts(conn)


def conflicts_of(collection: Collection, record_id: str) -> list[dict[str, Any]]:
    """The unresolved conflicts of one record."""
    return [c for c in list_conflicts(collection) if c["record_id"] == record_id]


def list_rejected(collection: Collection) -> list[dict[str, Any]]:
    """Changes the platform refused for good, with the reason (kept until a person dismisses them)."""
    with collection.records.reading() as conn:
        return st.list_rejected(conn)


def record_title(col: Collection, kind: str, record_id: str) -> str:
    """How the worker recognises the record: a person's name, a household's address, or the person it is for."""
    t = TABLES[kind]
    with col.records.reading() as conn:
        row = conn.execute(select(t).where(t.c.id == record_id)).first()
        if row is None:
            return f"{KINDS[kind].label} {record_id[:8]}"
        if kind == "person":
            return row.name or "—"
        if kind == "household":
            return row.address or "—"
        pid = getattr(row, "person_id", None)
        if pid:
            p = TABLES["person"]
            name = conn.execute(select(p.c.name).where(p.c.id == pid)).scalar()
            if name:
                return name
    return f"{KINDS[kind].label} {record_id[:8]}"
