"""Same-field conflicts on the laptop: list them, and write a person's choice as a new outbox op.

A conflict keeps both values (``local_value`` is what the row shows, ``server_value`` what the platform holds,
``server_version`` the server copy it was raised against). The choice is queued with
``base_version = server_version`` so the server sees that the person has seen its value and applies it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import update

from app.collection import Collection
from app.store import sync_state as st
from app.store.tables import TABLES


@dataclass(frozen=True)
class Value:
    """An explicit value for ``resolve_conflict`` (use it when the value itself is "local" or "server")."""

    value: Any


def list_conflicts(collection: Collection) -> list[dict[str, Any]]:
    """Unresolved conflicts, oldest first: {id, kind, record_id, field, local_value, server_value,
    server_version, created_at}."""
    with collection.records.reading() as conn:
        return st.list_conflicts(conn)


def list_rejected(collection: Collection) -> list[dict[str, Any]]:
    """Changes the platform refused for good, with the reason (kept until a person dismisses them)."""
    with collection.records.reading() as conn:
        return st.list_rejected(conn)


def dismiss_rejected(collection: Collection, op_ids: list[str] | None = None) -> None:
    with collection.records.transaction() as tx:
        st.clear_rejected(tx.conn, op_ids)


def resolve_conflict(collection: Collection, kind: str, record_id: str, field: str, choice: Any) -> Any:
    """Resolve one field: ``choice`` is "local", "server", a ``Value`` or any other value to write.

    Returns the value written. The record's conflict flag is cleared once none of its fields is in conflict.
    """
    with collection.records.transaction() as tx:
        row = st.get_conflict(tx.conn, kind, record_id, field)
        if row is None:
            raise LookupError(f"没有待处理的冲突：{kind} {record_id} {field}")
        if isinstance(choice, Value):
            value = choice.value
        elif choice in ("local", "server"):
            text = row.local_value if choice == "local" else row.server_value
            value = json.loads(text) if text is not None else None
        else:
            value = choice
        tx.resolve(kind, record_id, {field: value}, base_version=row.server_version)
        st.resolve_conflict_row(tx.conn, row.id)
        if st.unresolved_count(tx.conn, record_id) == 0:
            t = TABLES[kind]
            tx.conn.execute(update(t).where(t.c.id == record_id).values(conflict=False))
    return value
