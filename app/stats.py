"""Per-kind counts and digests over canonical content: compares two copies without revealing data."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, select

from app.model.canonical import digest
from app.model.kinds import COMMON, KINDS
from app.store.records import from_db
from app.store.tables import TABLES


def kind_stats(records: list[dict[str, Any]], kind_name: str, fields: list[str] | None = None) -> dict[str, Any]:
    kind = KINDS[kind_name]
    if fields is not None:  # an older release's view of the kind: fields added since do not count
        kind = replace(kind, fields=tuple(kind.field(f) for f in fields))
    total, hexdigest = digest(kind, records)
    return {"count": sum(1 for r in records if not r.get("deleted")), "total": total, "digest": hexdigest}


def store_stats(conn: Connection, fields: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """Per-kind stats; with ``fields`` (kind → field names, as an older release declared them) only those kinds,
    digested over those fields, so a migrated store compares equal to what that release wrote."""
    out = {}
    for name, table in TABLES.items():
        if fields is not None and name not in fields:
            continue
        own = None if fields is None else fields[name]
        # An older release's file has only the columns it declared: read just those.
        columns = [table] if own is None else [c for c in table.c if c.name in (*COMMON, *own)]
        rows = [from_db(name, r) for r in conn.execute(select(*columns))]
        out[name] = kind_stats(rows, name, own)
    return {"kinds": out}
