"""Erasing a laptop's copy when the platform says the device was revoked (a lost or stolen laptop).

The store stays a valid, empty file so an open window keeps working: every record, queued change, conflict,
attachment, draft and audit entry is deleted in one transaction, the file is vacuumed so no page keeps the old
content, and the encrypted backups made before migrations are deleted. Only the device id and a note of the
erasure remain, so the app can say what happened.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import delete

from app.store import audit, tables
from app.store.engine import raw_cursor
from app.store.records import Change, Records, utc_now
from app.store.sync_state import get_meta, set_meta

ERASED_KEY = "erased"
_KEEP_META = ("device_id", "user", ERASED_KEY)


def erase_store(records: Records, reason: str) -> dict[str, Any]:
    """Delete everything this laptop holds; returns the note kept in meta ({"at", "reason", "records"})."""
    store = records.store
    with store.lock:
        with store.engine.begin() as conn:
            count = 0
            for t in tables.TABLES.values():
                count += conn.execute(delete(t)).rowcount or 0
            for t in (tables.outbox, tables.conflict, tables.audit, tables.record_audit, tables.draft,
                      tables.blob):
                conn.execute(delete(t))
            kept = {k: get_meta(conn, k) for k in _KEEP_META}
            conn.execute(delete(tables.meta))
            for k, v in kept.items():
                if v is not None:
                    set_meta(conn, k, v)
            note = {"at": utc_now(), "reason": reason, "records": count}
            set_meta(conn, ERASED_KEY, note)
            key = conn.info.get(audit.KEY_INFO)
            if key is not None:
                audit.start_head(conn, key)
        with raw_cursor(store.engine) as cur:
            cur.execute("VACUUM")
            cur.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    for backup in _backups(store.path):
        backup.unlink(missing_ok=True)
    records.notify(Change({name: set() for name in (*tables.TABLES, "meta")}, source="sync"))
    return note


def _backups(path: Path) -> list[Path]:
    return [p for p in path.parent.glob(path.name + ".*")
            if p.name.startswith(path.name + ".bak-") or p.name == path.name + ".rekey"]
