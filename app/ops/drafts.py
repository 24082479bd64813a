"""Form drafts autosaved inside the encrypted store (table ``draft``), so a crash, a flat battery or an
auto-lock loses nothing typed, and nothing typed is ever written anywhere in plaintext.

Drafts are local working state, not records: they are not synced, audited or put in the outbox. Reading them
back is ``app.queries.drafts``.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Connection, delete
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.store.tables import draft

VISIT_FORM = "visit"
HELP_PLAN_FORM = "help_plan"


def visit_key(person_id: str) -> str:
    """One pending visit draft per person (the planned visit it fills, if any, is in its data)."""
    return f"visit:{person_id}"


def help_plan_key(person_id: str) -> str:
    return f"help_plan:{person_id}"


def _now() -> str:
    # Local time: it is shown to the person who typed, and never used to order anything synced.
    return dt.datetime.now().isoformat(timespec="seconds")


def save_draft(col: Any, key: str, form: str, data: dict[str, Any]) -> str:
    """Write (or replace) a draft; committed (WAL) when this returns, so a killed process keeps it."""
    saved_at = _now()
    text = json.dumps(data, ensure_ascii=False, default=str)
    stmt = sqlite_insert(draft).values(key=key, form=form, data=text, saved_at=saved_at)
    stmt = stmt.on_conflict_do_update(
        index_elements=[draft.c.key], set_={"form": form, "data": text, "saved_at": saved_at}
    )
    with col.store.lock, col.store.engine.begin() as conn:
        conn.execute(stmt)
    return saved_at


def delete_in(conn: Connection, key: str) -> None:
    """Inside another operation's transaction (a saved form's draft goes with the save)."""
    conn.execute(delete(draft).where(draft.c.key == key))


def delete_draft(col: Any, key: str) -> None:
    with col.store.lock, col.store.engine.begin() as conn:
        delete_in(conn, key)
