"""Per-kind counts and digests over canonical content: compares two copies without revealing data."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from app.model.canonical import digest
from app.model.kinds import KINDS
from app.store.records import from_db
from app.store.tables import TABLES


def kind_stats(records: list[dict[str, Any]], kind_name: str) -> dict[str, Any]:
    total, hexdigest = digest(KINDS[kind_name], records)
    return {"count": sum(1 for r in records if not r.get("deleted")), "total": total, "digest": hexdigest}


def store_stats(conn: Connection) -> dict[str, Any]:
    out = {}
    for name, table in TABLES.items():
        rows = [from_db(name, r) for r in conn.execute(select(table))]
        out[name] = kind_stats(rows, name)
    return {"kinds": out}
