"""The user directory a laptop needs to show people by name (docs/SYNC.md, "User directory").

A user is listed for a requester when their scopes overlap: one's area prefix starts with the other's. That is
everyone working in the requester's areas (colleagues in the same community, the workers under a supervisor)
and everyone above them (the street and county supervisors, the province's admins), never a worker of another
street. Only login, display name and role leave the platform: no areas, no contact details.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from sync.server.auth import User
from sync.server.db import users
from sync.server.scope import levels_of, prefixes_by_level


def _overlap(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return any(p.startswith(q) or q.startswith(p) for p in a for q in b)


def visible_users(conn: Connection, user: User) -> list[dict[str, Any]]:
    """Login, display name and role of the users ``user`` may need to name, by login."""
    rows = conn.execute(select(users.c.name, users.c.display_name, users.c.role, users.c.areas)
                        .order_by(users.c.name)).all()
    levels = levels_of(conn, [code for r in rows for code in (r.areas or ())])
    mine = user.scope.prefixes
    return [{"name": r.name, "display_name": r.display_name, "role": r.role} for r in rows
            if r.name == user.name or _overlap(prefixes_by_level(r.areas or (), levels), mine)]
