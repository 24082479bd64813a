"""Same-field conflicts on the laptop: write a person's choice as a new outbox op; dismiss refused changes.

A conflict keeps both values (``local_value`` is what the row shows, ``server_value`` what the platform holds,
``server_version`` the server copy it was raised against). The choice is queued with
``base_version = server_version`` so the server sees that the person has seen its value and applies it.
Listing them is ``app.queries.conflicts``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
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


def _resolve_in(tx: Any, kind: str, record_id: str, field: str, choice: Any) -> Any:
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
    return value


def _clear_flag_if_settled(tx: Any, kind: str, record_id: str) -> int:
    """Conflicts left on the record; its conflict flag is cleared when none is."""
    left = st.unresolved_count(tx.conn, record_id)
    if left == 0:
        t = TABLES[kind]
        tx.conn.execute(update(t).where(t.c.id == record_id).values(conflict=False))
    return left


def resolve_conflict(collection: Collection, kind: str, record_id: str, field: str, choice: Any) -> Any:
    """Resolve one field: ``choice`` is "local", "server", a ``Value`` or any other value to write.

    Returns the value written. The record's conflict flag is cleared once none of its fields is in conflict.
    """
    with collection.records.transaction() as tx:
        value = _resolve_in(tx, kind, record_id, field, choice)
        _clear_flag_if_settled(tx, kind, record_id)
    return value


def resolve_choices(collection: Collection, kind: str, record_id: str, choices: Mapping[str, Any]) -> int:
    """Resolve several fields of one record in one transaction (all or none); returns conflicts left on it."""
    with collection.records.transaction() as tx:
        for field, choice in choices.items():
            _resolve_in(tx, kind, record_id, field, choice)
        return _clear_flag_if_settled(tx, kind, record_id)


def dismiss_rejected(collection: Collection, op_ids: list[str] | None = None) -> None:
    with collection.records.transaction() as tx:
        st.clear_rejected(tx.conn, op_ids)
