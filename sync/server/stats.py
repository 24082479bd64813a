"""Per-kind counts and digests of an area's records, in exactly the laptop's format (app.stats)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, select

from app.model.kinds import KINDS
from app.stats import kind_stats
from sync.server.db import reading, records
from sync.server.records import canonical_row
from sync.server.scope import scope_for


def server_stats(conn: Connection | Engine, area_code: str) -> dict[str, Any]:
    """``{"kinds": {kind: {"count", "total", "digest"}}}`` over the records inside ``area_code``."""
    if isinstance(conn, Engine):
        with reading(conn) as c:
            return server_stats(c, area_code)
    scope = scope_for(conn, [area_code])
    by_kind: dict[str, list[dict[str, Any]]] = {name: [] for name in KINDS}
    rows = conn.execute(select(records.c.kind, records.c.id, records.c.area_code, records.c.version,
                               records.c.deleted, records.c.data).where(scope.where(records.c.area_code)))
    for row in rows:
        if row.kind in by_kind:
            by_kind[row.kind].append(canonical_row(row))
    return {"kinds": {name: kind_stats(recs, name) for name, recs in by_kind.items()}}
