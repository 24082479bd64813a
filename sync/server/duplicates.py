"""Duplicate ID numbers: the same person registered on two laptops offline arrives as two person records with one
ID number. The platform keeps both (nothing is dropped) and reports them, so a person on a laptop merges them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, select

from sync.server.db import reading, records
from sync.server.scope import scope_for


def duplicate_ids(conn: Connection | Engine, area_code: str) -> list[dict[str, Any]]:
    """``[{"id_number", "persons": [{"id", "name", "area_code", "version"}]}]`` for every ID number held by more
    than one live person inside ``area_code``, ordered by ID number."""
    if isinstance(conn, Engine):
        with reading(conn) as c:
            return duplicate_ids(c, area_code)
    scope = scope_for(conn, [area_code])
    by_number: dict[str, list[dict[str, Any]]] = {}
    rows = conn.execute(select(records.c.id, records.c.area_code, records.c.version, records.c.data).where(
        records.c.kind == "person", records.c.deleted.is_(False), scope.where(records.c.area_code)))
    for row in rows:
        number = (row.data or {}).get("id_number")
        if number:
            by_number.setdefault(number, []).append({"id": row.id, "name": (row.data or {}).get("name") or "",
                                                     "area_code": row.area_code, "version": int(row.version)})
    return [{"id_number": n, "persons": sorted(ps, key=lambda p: p["version"])}
            for n, ps in sorted(by_number.items()) if len(ps) > 1]
