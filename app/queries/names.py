"""People are shown by name, never by login: the one place that turns a login into the name to show.

The name is, in this order: the display name of the platform's user directory (synced at every run,
``settings.USER_DIRECTORY``, docs/SYNC.md); the display name of this store's own user when the login is
theirs; the login itself as a last resort. A value that is already a name (steps and cases record the
actor's name) is no login of the directory and passes through unchanged.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, select

from app import settings
from app.store.tables import meta

# Fields of the record kinds (app/model/kinds.py) that say who did something: a login, or a name already.
PEOPLE_FIELDS = frozenset({
    "changed_by", "worker", "by", "responsible", "exit_proposed_by", "reviewer", "answered_by", "handled_by",
    "confirmed_by", "reported_by", "tax_checked_by", "corrected_by"})


def _names(user: dict[str, Any], known: dict[str, Any]) -> dict[str, str]:
    names: dict[str, str] = {}
    if user.get("name") and user.get("display_name"):
        names[user["name"]] = user["display_name"]
    for login, entry in known.items():
        if isinstance(entry, dict) and isinstance(entry.get("display_name"), str) and entry["display_name"]:
            names[login] = entry["display_name"]
    return names


def directory(col: Any) -> dict[str, str]:
    """Login → name to show. Reads the store's settings: call it outside ``col.records.reading()``."""
    return _names(col.user, settings.USER_DIRECTORY.get(col))


def directory_in(conn: Connection) -> dict[str, str]:
    """The same, inside an open read (printing and queries that load on one connection)."""
    raw = dict(conn.execute(select(meta.c.key, meta.c.value).where(
        meta.c.key.in_((settings.USER.key, settings.USER_DIRECTORY.key)))).all())
    user = json.loads(raw[settings.USER.key]) if raw.get(settings.USER.key) else {}
    known = json.loads(raw[settings.USER_DIRECTORY.key]) if raw.get(settings.USER_DIRECTORY.key) else {}
    return _names(user if isinstance(user, dict) else {}, known if isinstance(known, dict) else {})


def name_fields(conn: Connection, rows: list[dict[str, Any]], *fields: str) -> None:
    """Replace logins in ``fields`` of each row by names, in place (rows a screen or form shows)."""
    names = directory_in(conn)
    for row in rows:
        for f in fields:
            if row.get(f):
                row[f] = shown(names, row[f])


def shown(names: dict[str, str], who: str | None) -> str:
    """The name to show for login ``who`` (``names`` from ``directory``/``directory_in``)."""
    return names.get(who or "", who or "")


def shown_value(names: dict[str, str], field: str, value: Any) -> Any:
    """``value`` of ``field`` as shown: a name when the field says who did something, else unchanged."""
    return shown(names, value) if field in PEOPLE_FIELDS and isinstance(value, str) else value


def name_of(col: Any, who: str | None) -> str:
    """The name to show for one login (reads the settings: outside ``col.records.reading()``)."""
    return shown(directory(col), who)
