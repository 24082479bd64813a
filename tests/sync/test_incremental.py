"""Incremental sync does work proportional to the changes: no scan of a records table on the laptop, and the
same number of statements whatever the store's size."""

from __future__ import annotations

import re

from sqlalchemy import event

from app.store.tables import TABLES
from tests.sync.support import add_household, assert_converged

_SCAN = re.compile(r"\bSCAN (\w+)")


def _statements_during_sync(lap, **kw) -> list[tuple[str, object]]:
    seen: list[tuple[str, object]] = []
    engine = lap.col.store.engine

    def record(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        assert lap.sync(**kw).ok
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return seen


def _scanned_tables(lap, statements) -> set[str]:
    out: set[str] = set()
    with lap.col.records.reading() as conn:
        raw = conn.connection.driver_connection
        for sql, params in statements:
            for row in raw.execute("EXPLAIN QUERY PLAN " + sql, params or ()):
                m = _SCAN.search(row[-1])
                if m:
                    out.add(m.group(1))
    return out


def _one_round(lap, other, hh: str, persons: list[str], n: int) -> tuple[int, set[str]]:
    """Two local edits and one remote edit, then a sync of ``lap``: (SELECTs run, record tables scanned)."""
    lap.col.records.update("household", hh, {"note": f"第 {n} 次"})
    lap.col.records.update("person", persons[0], {"phone": f"1370000000{n}"})
    other.col.records.update("person", persons[1], {"intended_job": f"保洁 {n}"})
    assert other.sync().ok
    stmts = _statements_during_sync(lap)
    return len(stmts), _scanned_tables(lap, stmts) & set(TABLES)


def test_incremental_sync_cost_follows_changes_not_store_size(server, laptops) -> None:
    a = laptops("a", server.url)
    b = laptops("b", server.url)
    hh, persons = add_household(a.col, persons=2)
    assert a.sync().ok and b.sync().ok
    small_count, small_scans = _one_round(a, b, hh, persons, 1)
    for _ in range(40):
        add_household(a.col, persons=3)
    assert a.sync().ok and b.sync().ok
    big_count, big_scans = _one_round(a, b, hh, persons, 2)
    assert small_scans == set() and big_scans == set()
    assert big_count == small_count
    assert b.sync().ok
    assert_converged(server.url, a, b)


def test_settling_an_echo_rewrites_only_version_and_stamp(server, laptops) -> None:
    """The push answer of our own change equals the row: only version and changed_by/at are written, so no
    indexed column is rewritten and a person's search keys are not derived again (no pypinyin per name)."""
    a = laptops("a", server.url)
    _, persons = add_household(a.col, persons=3)
    assert a.sync().ok
    a.col.records.update("person", persons[0], {"phone": "13700000001"})
    a.col.records.update("person", persons[1], {"name": "改名"})
    updates: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001
        words = statement.replace('"', "").split()
        if words[:2] == ["UPDATE", "person"]:
            sets = statement.split(" SET ")[1].split(" WHERE ")[0]
            updates.append(sorted(part.split("=")[0].strip(' "') for part in sets.split(",")))

    event.listen(a.col.store.engine, "before_cursor_execute", record)
    try:
        report = a.sync()
    finally:
        event.remove(a.col.store.engine, "before_cursor_execute", record)
    assert report.ok and report.applied == 2
    assert updates == [["changed_at", "changed_by", "version"]]
    row = a.col.records.get("person", persons[1])
    assert row["name"] == "改名" and row["version"] > 0 and row["name_initials"]
