"""Bulk loading: secondary indexes of the record tables dropped while a store is filled from empty (a first
pull of a county), rebuilt once at the end — building an index over sorted data once is far cheaper than
keeping it up to date row by row. A flag in ``meta`` (set in the same transaction as the drop) says they are
missing, so a load cut off at any page is finished, indexes included, by the next one."""

from __future__ import annotations

from sqlalchemy import Connection, exists, select

from app.store.sync_state import get_meta, set_meta
from app.store.tables import TABLES

DEFERRED = "indexes_deferred"


def is_empty(conn: Connection) -> bool:
    return not any(conn.execute(select(exists().select_from(t))).scalar() for t in TABLES.values())


def defer_indexes(conn: Connection) -> None:
    for table in TABLES.values():
        for index in table.indexes:
            index.drop(conn, checkfirst=True)
    set_meta(conn, DEFERRED, True)


def deferred(conn: Connection) -> bool:
    return bool(get_meta(conn, DEFERRED, False))


def restore_indexes(conn: Connection) -> None:
    for table in TABLES.values():
        for index in table.indexes:
            index.create(conn, checkfirst=True)
    set_meta(conn, DEFERRED, False)
