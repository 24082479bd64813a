"""Fixtures and helpers shared by the tests/ui/test_records_*.py modules (imported by them; no tests here).

The ``col`` fixture (a copy of a small demo store made with today = 2026-11-25) comes from tests/conftest.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select

from app.collection import Collection
from app.store.tables import TABLES, audit, outbox

TODAY = dt.date(2026, 11, 25)  # a Wednesday; 2026's holiday calendar is known, 2027's is not
PASSPHRASE = "test-passphrase-2026"  # as tests/conftest.py makes the demo store


@pytest.fixture
def ctx(col: Collection, qtbot: Any):  # noqa: ANN201
    from ui.context import AppContext

    c = AppContext(col)
    yield c
    c.wait_idle()
    c._unsubscribe()


def table_count(col: Collection, name: str) -> int:
    t = {"outbox": outbox, "audit": audit}[name] if name in ("outbox", "audit") else TABLES[name]
    with col.records.reading() as conn:
        return int(conn.execute(select(func.count()).select_from(t)).scalar() or 0)


def snapshot(col: Collection) -> dict[str, int]:
    """Row counts of every synced table plus outbox and audit: "nothing was stored" means equal snapshots."""
    return {name: table_count(col, name) for name in (*TABLES, "outbox", "audit")}


def unemployed_person(col: Collection) -> dict[str, Any]:
    """A demo person who is unemployed, has a household with more than one member and a case."""
    with col.records.reading() as conn:
        p, c = TABLES["person"], TABLES["assistance_case"]
        rows = conn.execute(
            select(p.c.id)
            .join(c, c.c.person_id == p.c.id)
            .where(p.c.employment_status == "unemployed")
            .order_by(p.c.name_pinyin)
        ).all()
    for (pid,) in rows:
        person = col.records.get("person", pid)
        if len(col.records.children("person", "household_id", person["household_id"])) > 1:
            return person
    return col.records.get("person", rows[0][0])


def load_cjk_font() -> None:
    """Chinese glyphs offscreen/under Xvfb come only from the bundled font."""
    from pathlib import Path

    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    path = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "wqy-microhei.ttc"
    fid = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(fid)
    if families:
        QApplication.setFont(QFont(families[0], 10))


def type_text(widget: Any, text: str) -> None:
    """Type ``text`` as a Chinese input method does: a commit string per character (QTest.keyClicks only
    knows ASCII keys)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    for ch in text:
        ev = QInputMethodEvent()
        ev.setCommitString(ch)
        QApplication.sendEvent(widget, ev)
        QApplication.processEvents()
