"""People are shown by name, never by login: the login → name directory a screen or form maps through.

Known names are the demo/platform users of resources/areas (the reference platform's seed) and the user of
this store; a record written by this app's intake and workflow already carries the name itself, and a name
that is not a login passes through unchanged."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, select

from app import areas, settings
from app.store.tables import meta


def _with_user(user: dict[str, Any]) -> dict[str, str]:
    names = {u["name"]: u["display_name"] for u in areas.demo_users() if u.get("display_name")}
    if user.get("name") and user.get("display_name"):
        names[user["name"]] = user["display_name"]
    return names


def directory(col: Any) -> dict[str, str]:
    """Login → display name. Reads the store's settings: call it outside ``col.records.reading()``."""
    return _with_user(col.user)


def directory_in(conn: Connection) -> dict[str, str]:
    """The same, inside an open read (printing loads its data on one connection)."""
    raw = conn.execute(select(meta.c.value).where(meta.c.key == settings.USER.key)).scalar()
    return _with_user(json.loads(raw) if raw else {})


def name_fields(conn: Connection, rows: list[dict[str, Any]], *fields: str) -> None:
    """Replace logins in ``fields`` of each row by names, in place (for printed forms)."""
    names = directory_in(conn)
    for row in rows:
        for f in fields:
            if row.get(f):
                row[f] = shown(names, row[f])


def shown(names: dict[str, str], who: str | None) -> str:
    return names.get(who or "", who or "")
