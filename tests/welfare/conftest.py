"""A demo store opened as office staff of 坞城街道, and helpers to find people on the certified list."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.collection import Collection
from app.store.tables import TABLES
from tests.conftest import PASSPHRASE

OFFICE = {"name": "office1", "display_name": "赵芳", "role": "office", "areas": ["140105001000"]}
STREET = "140105001000"


@pytest.fixture
def office(demo_store: Path) -> Iterator[Collection]:
    col = Collection.open(demo_store, PASSPHRASE)
    col.set_user(OFFICE)
    yield col
    col.close()


def certified(col: Collection, category: str | None = None) -> list[dict[str, Any]]:
    """People on the certified list (stage certified or helping), optionally of one category."""
    c, p = TABLES["assistance_case"], TABLES["person"]
    q = (select(p.c.id, p.c.name, p.c.id_number, p.c.area_code, c.c.category)
         .join(c, c.c.person_id == p.c.id).where(c.c.stage.in_(("certified", "helping"))).order_by(p.c.id))
    if category:
        q = q.where(c.c.category == category)
    with col.records.reading() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def not_certified(col: Collection) -> dict[str, Any]:
    c, p = TABLES["assistance_case"], TABLES["person"]
    listed = select(c.c.person_id).where(c.c.stage.in_(("certified", "helping")))
    with col.records.reading() as conn:
        return dict(conn.execute(select(p.c.id, p.c.name).where(p.c.id.not_in(listed))).first()._mapping)
