"""Removing local copies of records that left the worker's scope (issue 15, docs/SECURITY.md).

The platform names records moved out of the user's areas (a household moved to another community) and sends
the area prefixes the user sees now (a worker's areas changed). A copy is removed only once nothing about it is
waiting to be sent: a record with queued changes is deferred to the next run, after its push. Each removal is
an audit entry ("purge"), so the history says why the record is gone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sqlalchemy import Connection, and_, delete, not_, select

from app.store import audit
from app.store.records import Tx
from app.store.sync_state import WANTED_KEY, get_meta, set_meta
from app.store.tables import TABLES, blob, conflict, outbox

PENDING_KEY = "scope_left_pending"  # [[kind, id]] removals waiting for their queued changes to be pushed
SCOPE_KEY = "sync_scope"  # the area prefixes the platform last said the user sees

Key = tuple[str, str]


def outside(conn: Connection, prefixes: list[str]) -> list[Key]:
    """Local records under none of ``prefixes`` (one scan per kind: run only when the scope changed)."""
    out: list[Key] = []
    for name, t in TABLES.items():
        cond = and_(*(not_(t.c.area_code.startswith(p, autoescape=True)) for p in prefixes))
        out += [(name, rid) for rid in conn.execute(select(t.c.id).where(cond)).scalars()]
    return out


def scope_changed(conn: Connection, prefixes: list[str] | None) -> bool:
    """Whether ``prefixes`` differ from the scope last seen (and remember them)."""
    if prefixes is None or get_meta(conn, SCOPE_KEY) == sorted(prefixes):
        return False
    set_meta(conn, SCOPE_KEY, sorted(prefixes))
    return True


def purge(tx: Tx, items: Iterable[Key], actor: str = "platform") -> int:
    """Remove these records' local copies (rows, open conflicts, attachment contents no remaining record
    names); those with queued changes are kept for later. Returns how many were removed."""
    conn = tx.conn
    wanted = list(dict.fromkeys((k, r) for k, r in list(items) + pending(conn)))
    queued: set[str] = set()
    for chunk in _chunks([r for _, r in wanted]):
        queued.update(conn.execute(select(outbox.c.record_id).where(outbox.c.record_id.in_(chunk))).scalars())
    now = [(k, r) for k, r in wanted if r not in queued and k in TABLES]
    set_meta(conn, PENDING_KEY, [[k, r] for k, r in wanted if r in queued])
    removed: list[Key] = []
    shas: set[str] = set()
    by_kind: dict[str, list[str]] = {}
    for k, r in now:
        by_kind.setdefault(k, []).append(r)
    for kind, ids in by_kind.items():
        t = TABLES[kind]
        for chunk in _chunks(ids):
            if kind == "attachment":
                shas.update(s for s in conn.execute(select(t.c.sha256).where(t.c.id.in_(chunk))).scalars() if s)
            present = list(conn.execute(select(t.c.id).where(t.c.id.in_(chunk))).scalars())
            conn.execute(delete(t).where(t.c.id.in_(present)))
            conn.execute(delete(conflict).where(conflict.c.record_id.in_(present)))
            removed += [(kind, r) for r in present]
    if shas:
        att = TABLES["attachment"]
        still = set(conn.execute(select(att.c.sha256).where(att.c.sha256.in_(list(shas)))).scalars())
        gone = shas - still
        conn.execute(delete(blob).where(blob.c.sha256.in_(list(gone))))
        set_meta(conn, WANTED_KEY, [s for s in get_meta(conn, WANTED_KEY, []) if s not in gone])
    if removed:
        tx.append_audit(actor, [(k, r, "purge", audit.entry({"reason": [None, "left_scope"]})) for k, r in removed])
        for k, r in removed:
            tx.change.add(k, r)
    return len(removed)


def pending(conn: Connection) -> list[Key]:
    return [(k, r) for k, r in get_meta(conn, PENDING_KEY, [])]


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
