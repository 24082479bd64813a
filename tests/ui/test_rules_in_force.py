"""The open store's rule set is in force while the app has it open, in the GUI and on worker threads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.collection import Collection
from app.ops.rules import keep_set
from app.rules import workdays
from app.rules._data import RULES_DIR
from app.rules.ruleset import parse
from ui.context import AppContext

HOLIDAYS = (RULES_DIR / "examples" / "shanxi-holidays-2027.example.toml").read_text(encoding="utf-8")


def test_store_rules_in_force_from_unlock_to_lock(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    col = Collection.create(tmp_path / "r.db", "rules-passphrase-1", {"name": "zhangli", "areas": ["140105001001"]})
    with col.records.transaction() as tx:
        keep_set(tx.conn, parse(HOLIDAYS), "verified-on-arrival", "k")
    assert not workdays.calendar_known(2027)
    ctx = AppContext(col)
    assert workdays.calendar_known(2027)
    got: list[dt.date] = []
    ctx.background(lambda **_kw: workdays.add_workdays(dt.date(2027, 2, 3), 7), on_done=got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=10000)
    assert got == [dt.date(2027, 2, 20)]  # a worker thread sees the same rules
    ctx.close()
    assert not workdays.calendar_known(2027)  # locked: back to the shipped rules
