"""Bulk loading: secondary indexes dropped while a store is filled from empty (a first pull of a county), built
once at the end — building an index over sorted data once is far cheaper than keeping it up to date row by
row, and rows with random ids would otherwise rewrite most of an index's pages at every page's commit. A flag
in ``meta`` (set in the same transaction as the drop) says they are missing, so a load cut off at any page is
finished, indexes included, by the next one. (Until issue 16's page entries, each record's latest-entry
pointer, ``record_audit``, was also derived at the end: a load begun by such a version is finished the same
way, from the audit sequence number the flag names.)"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson
from sqlalchemy import Connection, exists, func, select
from sqlalchemy.dialects.sqlite import insert

from app.store import audit
from app.store.engine import Store, raw_cursor
from app.store.sync_state import get_meta, set_meta
from app.store.tables import TABLES, record_audit
from app.store.tables import audit as audit_table

DEFERRED = "indexes_deferred"
_TABLES = (*TABLES.values(), audit_table)


def is_empty(conn: Connection) -> bool:
    return not any(conn.execute(select(exists().select_from(t))).scalar() for t in TABLES.values())


def defer_indexes(conn: Connection) -> None:
    for table in _TABLES:
        for index in table.indexes:
            index.drop(conn, checkfirst=True)
    set_meta(conn, DEFERRED, {"after_seq": audit.tail(conn)[0]})


def deferred(conn: Connection) -> bool:
    return bool(get_meta(conn, DEFERRED, False))


def restore_indexes(conn: Connection) -> None:
    flag = get_meta(conn, DEFERRED, False)
    after = int(flag.get("after_seq", 0)) if isinstance(flag, dict) else 0  # True: a load begun before pointers
    for table in _TABLES:
        for index in table.indexes:
            index.create(conn, checkfirst=True)
    a = audit_table
    latest = (select(a.c.kind, a.c.record_id, func.max(a.c.seq)).where(a.c.seq > after, a.c.record_id != audit.PAGE)
              .group_by(a.c.kind, a.c.record_id))
    stmt = insert(record_audit).from_select(["kind", "record_id", "seq"], latest)
    conn.execute(stmt.on_conflict_do_update(index_elements=[record_audit.c.kind, record_audit.c.record_id],
                                            set_={"seq": stmt.excluded.seq}))
    set_meta(conn, DEFERRED, False)


@contextmanager
def attached(store: Store, path: Path | str, key: str, schema: str) -> Iterator[None]:
    """A staged page's file (sync/client/staging.py), encrypted under the raw ``key`` (hex), attached to the
    store's connection as ``schema`` while the block runs. ATTACH cannot run inside a transaction: the store's
    lock is held from before it to after the DETACH, so nothing else runs in between."""
    with store.lock:
        with raw_cursor(store.engine) as cur:
            cur.execute(f"ATTACH DATABASE ? AS {schema} KEY ?", (str(path), f"x'{key}'"))
        try:
            yield
        finally:
            with raw_cursor(store.engine) as cur:
                cur.execute(f"DETACH DATABASE {schema}")


def take_staged(conn: Connection, schema: str, kind_name: str, columns: tuple[str, ...]) -> set[str]:
    """Copy the rows of one kind from the attached staged file ``schema`` into the store, all but those of
    records already here; returns the ids of those (left for the merge, which knows what a second copy means)."""
    table = f'"{kind_name}"'
    present = {r[0] for r in conn.exec_driver_sql(
        f"SELECT id FROM {schema}.{table} WHERE id IN (SELECT id FROM main.{table})")}
    names = ", ".join(f'"{c}"' for c in columns)
    sql = f"INSERT INTO main.{table} ({names}) SELECT {names} FROM {schema}.{table}"
    if present:  # rare (a record changed while the pull ran): named, so the insert does not read its own table
        conn.exec_driver_sql(sql + " WHERE id NOT IN (SELECT value FROM json_each(?))",
                             (orjson.dumps(sorted(present)).decode(),))
    else:
        conn.exec_driver_sql(sql)
    return present
