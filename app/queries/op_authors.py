"""Who made each queued change: the outbox does not say, the audit log does.

Every local write of a record (``create``, ``update``, ``delete``, ``resolve`` in app/store/records.py) appends
one audit entry, carrying the login of the collection's user at that moment, and queues one outbox op, in the
same transaction and in the same order. So a record's queued ops are its last local audit entries, one for
one: the n ops of a record pair with the last n of those entries. The demo office (app/demo.py) is made on one
store by three people; this is how its work reaches the platform as each one's own (sync/client/office.py).
"""

from __future__ import annotations

from sqlalchemy import Connection, select

from app.store.tables import among, audit, outbox

LOCAL_ACTIONS = ("create", "update", "delete", "resolve")  # the audited writes that queue an op


def op_authors(conn: Connection) -> dict[str, str]:
    """op_id → login of the user who made the change, for every queued op whose audit entry is there."""
    queued: dict[tuple[str, str], list[str]] = {}
    for row in conn.execute(select(outbox.c.op_id, outbox.c.kind, outbox.c.record_id).order_by(outbox.c.seq)):
        queued.setdefault((row.kind, row.record_id), []).append(row.op_id)
    entries: dict[tuple[str, str], list[str]] = {}
    rows = conn.execute(select(audit.c.kind, audit.c.record_id, audit.c.actor)
                        .where(among(audit.c.record_id, {rid for _kind, rid in queued}),
                               audit.c.action.in_(LOCAL_ACTIONS))
                        .order_by(audit.c.seq))
    for row in rows:
        entries.setdefault((row.kind, row.record_id), []).append(row.actor)
    out: dict[str, str] = {}
    for key, ops in queued.items():
        actors = entries.get(key, [])
        if len(actors) >= len(ops):  # fewer entries than ops: the log does not tell, so no author is claimed
            out.update(zip(ops, actors[len(actors) - len(ops):], strict=True))
    return out
