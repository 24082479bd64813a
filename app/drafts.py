"""Form drafts autosaved inside the encrypted store (table ``draft``), so a crash, a flat battery or an
auto-lock loses nothing typed, and nothing typed is ever written anywhere in plaintext.

Drafts are local working state, not records: they are not synced, audited or put in the outbox.

API (no Qt; the shell offers restore at startup with ``pending_drafts``)::

    save_draft(col, key, form, data) -> saved_at       # upsert; commits before returning
    load_draft(col, key) -> Draft | None
    delete_draft(col, key) -> None
    pending_drafts(col, form=None) -> list[Draft]       # newest first
    visit_key(person_id) -> key                         # the key the visit form uses
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.store.tables import draft

VISIT_FORM = "visit"
HELP_PLAN_FORM = "help_plan"


@dataclass(frozen=True, slots=True)
class Draft:
    key: str
    form: str  # "visit", "help_plan"
    data: dict[str, Any]
    saved_at: str  # ISO local time with seconds

    @property
    def person_id(self) -> str | None:
        return self.data.get("person_id")

    @property
    def title(self) -> str:
        """What the draft is about, for a restore prompt (e.g. the person's name)."""
        return self.data.get("title") or ""

    @property
    def saved_at_text(self) -> str:
        """“2026-11-25 14:03” for the prompt."""
        try:
            return dt.datetime.fromisoformat(self.saved_at).strftime("%Y-%m-%d %H:%M")
        except ValueError:
            return self.saved_at


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


def _draft(row: Any) -> Draft:
    try:
        data = json.loads(row.data)
    except ValueError:  # never crash a restore prompt over one unreadable draft
        data = {}
    return Draft(row.key, row.form, data if isinstance(data, dict) else {}, row.saved_at)


def load_draft(col: Any, key: str) -> Draft | None:
    with col.store.lock, col.store.engine.connect() as conn:
        row = conn.execute(select(draft).where(draft.c.key == key)).first()
    return _draft(row) if row is not None else None


def delete_draft(col: Any, key: str) -> None:
    with col.store.lock, col.store.engine.begin() as conn:
        conn.execute(delete(draft).where(draft.c.key == key))


def pending_drafts(col: Any, form: str | None = None) -> list[Draft]:
    """Drafts left from earlier sessions (or this one), newest first."""
    stmt = select(draft).order_by(draft.c.saved_at.desc())
    if form:
        stmt = stmt.where(draft.c.form == form)
    with col.store.lock, col.store.engine.connect() as conn:
        return [_draft(r) for r in conn.execute(stmt)]
