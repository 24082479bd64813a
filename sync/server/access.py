"""The access log: who pulled which area, when, from which device — counts only, never record contents."""

from __future__ import annotations

from sqlalchemy import Connection, insert

from sync.server.auth import User
from sync.server.db import access_log
from sync.server.ops import utc_now


def log_pull(conn: Connection, user: User, cursor: int, served: int) -> None:
    """One served pull page, written in the pull's own transaction: the page and its log row go together."""
    conn.execute(insert(access_log).values(at=utc_now(), user_name=user.name, device_id=user.device_id,
                                           areas=list(user.areas), cursor=cursor, records=served))
