"""Pending form drafts (written by ``app.ops.drafts``): the shell offers restore at startup."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.store.tables import draft


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


def pending_drafts(col: Any, form: str | None = None) -> list[Draft]:
    """Drafts left from earlier sessions (or this one), newest first."""
    stmt = select(draft).order_by(draft.c.saved_at.desc())
    if form:
        stmt = stmt.where(draft.c.form == form)
    with col.store.lock, col.store.engine.connect() as conn:
        return [_draft(r) for r in conn.execute(stmt)]
