"""The sync client's bookkeeping in the local store: outbox, conflicts, blobs and sync meta.

Every function takes a Connection and runs inside the caller's transaction, so the sync engine can settle a
whole push batch or pull page (records, outbox, conflicts, cursor) in one commit. Queries are keyed by
outbox seq, record id or sha256, never a scan of a records table: sync cost follows the number of changes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.model.canonical import dumps
from app.store.tables import among, blob, conflict, meta, outbox

# Meta keys owned by the sync client.
CURSOR_KEY = "sync_cursor"  # {"server", "user", "cursor"}
REJECTED_KEY = "sync_rejected"  # [{op…, "reason", "at"}] ops the server refused for good
WANTED_KEY = "sync_blobs_wanted"  # [sha256] attachment contents still to download
TOKEN_KEY = "sync_token"  # {"server", "user", "token", "expires_at"}
LAST_KEY = "sync_last"  # summary of the last sync run


def utc_now() -> str:
    import datetime as dt

    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


# --- meta ---------------------------------------------------------------------------------------------
def get_meta(conn: Connection, key: str, default: Any = None) -> Any:
    value = conn.execute(select(meta.c.value).where(meta.c.key == key)).scalar()
    return default if value is None else json.loads(value)


def set_meta(conn: Connection, key: str, value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False)
    stmt = sqlite_insert(meta).values(key=key, value=text)
    conn.execute(stmt.on_conflict_do_update(index_elements=[meta.c.key], set_={"value": text}))


def get_cursor(conn: Connection, server: str, user: str) -> int:
    """The pull cursor for this server and user; 0 when the store last synced elsewhere (new scope)."""
    c = get_meta(conn, CURSOR_KEY) or {}
    if c.get("server") != server or c.get("user") != user:
        return 0
    return int(c.get("cursor") or 0)


def set_cursor(conn: Connection, server: str, user: str, cursor: int) -> None:
    set_meta(conn, CURSOR_KEY, {"server": server, "user": user, "cursor": int(cursor)})


# --- outbox -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Op:
    seq: int
    op_id: str
    kind: str
    record_id: str
    base_version: int
    op: str
    fields: dict[str, Any]

    def wire(self) -> dict[str, Any]:
        return {"op_id": self.op_id, "kind": self.kind, "id": self.record_id,
                "base_version": self.base_version, "op": self.op, "fields": self.fields}

    @property
    def touched(self) -> set[str]:
        """Fields this op sets locally (a delete sets the tombstone)."""
        return {"deleted"} if self.op == "delete" else set(self.fields)


def _op(row: Any) -> Op:
    return Op(row.seq, row.op_id, row.kind, row.record_id, row.base_version, row.op, json.loads(row.fields))


def pending_ops(conn: Connection, limit: int, after_seq: int = 0) -> list[Op]:
    rows = conn.execute(select(outbox).where(outbox.c.seq > after_seq).order_by(outbox.c.seq).limit(limit))
    return [_op(r) for r in rows]


COMPACT_PAGES = 64  # free pages (256 KiB at 4 KiB pages) worth returning


def compact(conn: Connection) -> int:
    """Give the pages freed by acknowledged outbox entries back to the file system; the number returned.

    Stores made since issue 16 use incremental auto-vacuum, so this moves only the free pages, in the
    caller's transaction; older stores keep their free pages for reuse (only a full VACUUM would shrink them).
    """
    free = int(conn.exec_driver_sql("PRAGMA freelist_count").scalar() or 0)
    if free < COMPACT_PAGES or int(conn.exec_driver_sql("PRAGMA auto_vacuum").scalar() or 0) != 2:
        return 0
    cur = conn.connection.cursor()  # the driver steps the pragma one page at a time: read it to the end
    try:
        cur.execute("PRAGMA incremental_vacuum").fetchall()
    finally:
        cur.close()
    return free


def outbox_count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(outbox)).scalar() or 0)


def bump_attempts(conn: Connection, op_ids: Iterable[str]) -> None:
    ids = list(op_ids)
    if ids:
        conn.execute(update(outbox).where(outbox.c.op_id.in_(ids)).values(attempts=outbox.c.attempts + 1))


def list_rejected(conn: Connection) -> list[dict[str, Any]]:
    return get_meta(conn, REJECTED_KEY, [])


def clear_rejected(conn: Connection, op_ids: Iterable[str] | None = None) -> None:
    """Forget rejected ops once a person has seen them (all, or the given op ids)."""
    if op_ids is None:
        set_meta(conn, REJECTED_KEY, [])
        return
    drop = set(op_ids)
    set_meta(conn, REJECTED_KEY, [r for r in list_rejected(conn) if r["op_id"] not in drop])


# --- conflicts ----------------------------------------------------------------------------------------
def conflicts_for(conn: Connection, record_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """record id → {field: conflict row} of unresolved conflicts."""
    out: dict[str, dict[str, Any]] = {}
    for row in conn.execute(select(conflict).where(among(conflict.c.record_id, set(record_ids)),
                                                   conflict.c.resolved.is_(False))):
        out.setdefault(row.record_id, {})[row.field] = row
    return out


def put_conflict(conn: Connection, kind: str, record_id: str, field: str, local_value: Any,
                 server_value: Any, server_version: int) -> None:
    """Record (or refresh) the unresolved conflict of one field: both values are kept."""
    existing = conn.execute(select(conflict.c.id).where(
        conflict.c.record_id == record_id, conflict.c.field == field, conflict.c.resolved.is_(False))).scalar()
    values = {"local_value": dumps(local_value), "server_value": dumps(server_value),
              "server_version": int(server_version)}
    if existing is None:
        conn.execute(insert(conflict).values(kind=kind, record_id=record_id, field=field, created_at=utc_now(),
                                             resolved=False, **values))
    else:
        conn.execute(update(conflict).where(conflict.c.id == existing).values(**values))


def refresh_conflict_server(conn: Connection, row_id: int, server_value: Any, server_version: int) -> None:
    """A newer server copy arrived for a field in conflict: the person should choose against it."""
    conn.execute(update(conflict).where(conflict.c.id == row_id).values(
        server_value=dumps(server_value), server_version=int(server_version)))


def list_conflicts(conn: Connection) -> list[dict[str, Any]]:
    rows = conn.execute(select(conflict).where(conflict.c.resolved.is_(False)).order_by(conflict.c.id))
    return [{"id": r.id, "kind": r.kind, "record_id": r.record_id, "field": r.field,
             "local_value": json.loads(r.local_value) if r.local_value is not None else None,
             "server_value": json.loads(r.server_value) if r.server_value is not None else None,
             "server_version": r.server_version, "created_at": r.created_at} for r in rows]


def get_conflict(conn: Connection, kind: str, record_id: str, field: str) -> Any:
    return conn.execute(select(conflict).where(
        conflict.c.kind == kind, conflict.c.record_id == record_id, conflict.c.field == field,
        conflict.c.resolved.is_(False))).first()


def resolve_conflict_row(conn: Connection, row_id: int) -> None:
    conn.execute(update(conflict).where(conflict.c.id == row_id).values(resolved=True))


def unresolved_count(conn: Connection, record_id: str | None = None) -> int:
    q = select(func.count()).select_from(conflict).where(conflict.c.resolved.is_(False))
    if record_id is not None:
        q = q.where(conflict.c.record_id == record_id)
    return int(conn.execute(q).scalar() or 0)


# --- blobs --------------------------------------------------------------------------------------------
def put_blob(conn: Connection, data: bytes, *, uploaded: bool = False) -> str:
    """Store attachment bytes content-addressed; returns the sha256 (storing twice is a no-op)."""
    sha = hashlib.sha256(data).hexdigest()
    stmt = sqlite_insert(blob).values(sha256=sha, data=data, size=len(data), uploaded=uploaded)
    if uploaded:
        conn.execute(stmt.on_conflict_do_update(index_elements=[blob.c.sha256], set_={"uploaded": True}))
    else:
        conn.execute(stmt.on_conflict_do_nothing(index_elements=[blob.c.sha256]))
    return sha


def has_blob(conn: Connection, sha: str) -> bool:
    return conn.execute(select(blob.c.sha256).where(blob.c.sha256 == sha)).first() is not None


def get_blob(conn: Connection, sha: str) -> bytes | None:
    return conn.execute(select(blob.c.data).where(blob.c.sha256 == sha)).scalar()


def blob_size(conn: Connection, sha: str) -> int | None:
    return conn.execute(select(blob.c.size).where(blob.c.sha256 == sha)).scalar()


def blob_chunk(conn: Connection, sha: str, offset: int, length: int) -> bytes:
    # substr on a BLOB counts bytes (1-based), so a chunk is read without loading the whole photo.
    return bytes(conn.execute(select(func.substr(blob.c.data, offset + 1, length))
                              .where(blob.c.sha256 == sha)).scalar() or b"")


def blobs_to_upload(conn: Connection) -> list[str]:
    """Not-yet-uploaded blobs named by queued attachment ops (upload precedes the record that names them)."""
    shas: list[str] = []
    for row in conn.execute(select(outbox.c.fields).where(outbox.c.kind == "attachment").order_by(outbox.c.seq)):
        sha = json.loads(row.fields).get("sha256")
        if sha and sha not in shas:
            shas.append(sha)
    if not shas:
        return []
    done = set(conn.execute(select(blob.c.sha256).where(blob.c.sha256.in_(shas), blob.c.uploaded.is_(True)))
               .scalars())
    present = set(conn.execute(select(blob.c.sha256).where(blob.c.sha256.in_(shas))).scalars())
    return [s for s in shas if s in present and s not in done]


def mark_uploaded(conn: Connection, sha: str) -> None:
    conn.execute(update(blob).where(blob.c.sha256 == sha).values(uploaded=True))


def want_blobs(conn: Connection, shas: Iterable[str]) -> None:
    new = [s for s in shas if s and not has_blob(conn, s)]
    if new:
        wanted = get_meta(conn, WANTED_KEY, [])
        set_meta(conn, WANTED_KEY, wanted + [s for s in dict.fromkeys(new) if s not in wanted])


def wanted_blobs(conn: Connection) -> list[str]:
    return [s for s in get_meta(conn, WANTED_KEY, []) if not has_blob(conn, s)]


def store_downloaded(conn: Connection, sha: str, data: bytes) -> None:
    if hashlib.sha256(data).hexdigest() != sha:  # callers verify first; never store unverified bytes
        raise ValueError("附件内容与摘要不符")
    put_blob(conn, data, uploaded=True)
    set_meta(conn, WANTED_KEY, [s for s in get_meta(conn, WANTED_KEY, []) if s != sha])
