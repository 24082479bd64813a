"""People are shown by name, never by login: the login → name directory a screen or form maps through.

Known names are the demo/platform users of resources/areas (the reference platform's seed) and the user of
this store; a record written by this app's intake and workflow already carries the name itself, and a name
that is not a login passes through unchanged."""

from __future__ import annotations

from typing import Any

from app import areas


def directory(col: Any) -> dict[str, str]:
    """Login → display name. Reads the store's settings: call it outside ``col.records.reading()``."""
    names = {u["name"]: u["display_name"] for u in areas.demo_users() if u.get("display_name")}
    user = col.user
    if user.get("name") and user.get("display_name"):
        names[user["name"]] = user["display_name"]
    return names


def shown(names: dict[str, str], who: str | None) -> str:
    return names.get(who or "", who or "")
