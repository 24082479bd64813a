"""Changes to the store's rule sets: only ever sets whose signature and content were checked first."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.queries.rules import KEY_META, REFUSED_META
from app.rules.ruleset import PublishedSet
from app.store.sync_state import get_meta, set_meta, utc_now
from app.store.tables import rule_set

MAX_REFUSED = 50  # the newest refusals are kept for the rules screen


def keep_set(conn: Connection, s: PublishedSet, signature: str, key_id: str) -> None:
    i = s.info
    conn.execute(sqlite_insert(rule_set).values(
        set_id=i.set_id, area=i.area, version=i.version, text=s.text, signature=signature, key_id=key_id,
        received_at=utc_now()).on_conflict_do_nothing())


def pin_key(conn: Connection, key: dict[str, str], how: str) -> None:
    set_meta(conn, KEY_META, {**key, "pinned_at": utc_now(), "how": how})


def note_refused(conn: Connection, label: str, reason: str) -> None:
    refused: list[dict[str, Any]] = get_meta(conn, REFUSED_META, [])
    refused.append({"at": utc_now(), "label": label, "reason": reason})
    set_meta(conn, REFUSED_META, refused[-MAX_REFUSED:])
