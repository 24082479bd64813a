"""Attachments: content-addressed, resumable uploads (one chunk row per PUT), verified on completion.

Each user uploads into a private slot (``upload_key``); HEAD, PUT and GET answer only about blobs the asker
may read or their own unfinished upload, so nobody learns that someone else's document exists.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, and_, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from sync.server.auth import User
from sync.server.db import blob_chunks, blobs, reading, records, writing
from sync.server.errors import ApiError
from sync.server.ops import utc_now

MAX_CHUNK = 16 * 1024 * 1024  # bytes per PUT
MAX_BLOB = 256 * 1024 * 1024


@dataclass(frozen=True)
class BlobState:
    stored: int
    complete: bool


def upload_key(user: User, sha256: str) -> str:
    """Where ``user``'s unfinished upload of ``sha256`` lives (in the same tables, under its own key).

    An unfinished upload belongs to its uploader: nobody else can see it, resume it or append to it. Only
    a complete, verified blob lives under its own sha256, shared by everyone who may read it.
    """
    return hashlib.sha256(f"upload\0{user.name}\0{sha256}".encode()).hexdigest()


def state(engine: Engine, user: User, sha256: str) -> BlobState | None:
    """What ``user`` may know about ``sha256``: the complete blob if they may read it, else their own
    unfinished upload, else nothing (None, answered 404 — the same as for a blob that does not exist)."""
    if complete_size(engine, sha256) is not None and may_read(engine, user, sha256):
        row = _row(engine, sha256)
        return BlobState(int(row.stored), True)
    row = _row(engine, upload_key(user, sha256))
    return BlobState(int(row.stored), False) if row is not None else None


def _row(engine: Engine, key: str):  # noqa: ANN202
    with reading(engine) as conn:
        return conn.execute(select(blobs.c.stored, blobs.c.complete).where(blobs.c.sha256 == key)).first()


def _mismatch(stored: int) -> ApiError:
    return ApiError(409, "offset_mismatch", f"上传位置不对，服务器已有 {stored} 字节，请从该位置继续。",
                    {"Upload-Offset": str(stored)})


def append(engine: Engine, user: User, sha256: str, offset: int, chunk: bytes, complete: bool) -> BlobState:
    """Append ``chunk`` at ``offset`` of the user's own upload; on ``complete`` verify the hash (422 and
    discard on mismatch) and make it the shared blob (or drop it, when that blob already exists)."""
    if offset + len(chunk) > MAX_BLOB:
        raise ApiError(413, "too_large", "附件过大。")
    if complete_size(engine, sha256) is not None and may_read(engine, user, sha256):
        # A repeated final PUT whose answer was lost, or content the user may already read: done.
        return BlobState(int(_row(engine, sha256).stored), True)
    key = upload_key(user, sha256)
    try:
        with writing(engine) as conn:
            row = conn.execute(select(blobs).where(blobs.c.sha256 == key).with_for_update()).first()
            stored = int(row.stored) if row is not None else 0
            if offset != stored:
                raise _mismatch(stored)
            if row is None:
                conn.execute(insert(blobs).values(sha256=key, stored=0, complete=False, created_by=user.name,
                                                  created_at=utc_now()))
            if chunk:
                conn.execute(insert(blob_chunks).values(sha256=key, pos=offset, data=chunk))
            stored = offset + len(chunk)
            # Conditional on the length we checked, so two racing PUTs at one offset cannot both succeed.
            done = conn.execute(update(blobs).where(and_(blobs.c.sha256 == key, blobs.c.stored == offset))
                                .values(stored=stored)).rowcount
            if done != 1:
                raise _mismatch(stored)
            if not complete:
                return BlobState(stored, False)
            h = hashlib.sha256()
            for part in conn.execute(select(blob_chunks.c.data).where(blob_chunks.c.sha256 == key)
                                     .order_by(blob_chunks.c.pos)).scalars():
                h.update(part)
            verified = h.hexdigest() == sha256
            if verified:
                _publish(conn, user, sha256, key, stored)
            else:
                conn.execute(delete(blob_chunks).where(blob_chunks.c.sha256 == key))
                conn.execute(delete(blobs).where(blobs.c.sha256 == key))
    except IntegrityError:
        # The same user's other upload of the same blob started or appended at the same moment.
        now = _row(engine, key)
        raise _mismatch(now.stored if now else 0) from None
    if not verified:
        raise ApiError(422, "hash_mismatch", "附件内容与摘要不符，上传已作废，请重新上传。")
    return BlobState(stored, True)


def _publish(conn: Connection, user: User, sha256: str, key: str, size: int) -> None:
    """A verified upload becomes the blob under its own sha256 (if another user's copy got there first,
    the content is the same: this one is dropped)."""
    shared = conn.execute(select(blobs.c.complete).where(blobs.c.sha256 == sha256).with_for_update()).first()
    if shared is not None and shared.complete:
        conn.execute(delete(blob_chunks).where(blob_chunks.c.sha256 == key))
    else:
        if shared is not None:  # an unfinished upload kept under the blob's own key by an older server
            conn.execute(delete(blob_chunks).where(blob_chunks.c.sha256 == sha256))
            conn.execute(delete(blobs).where(blobs.c.sha256 == sha256))
        conn.execute(insert(blobs).values(sha256=sha256, stored=size, size=size, complete=True,
                                          created_by=user.name, created_at=utc_now()))
        conn.execute(update(blob_chunks).where(blob_chunks.c.sha256 == key).values(sha256=sha256))
    conn.execute(delete(blobs).where(blobs.c.sha256 == key))


def may_read(engine: Engine, user: User, sha256: str) -> bool:
    """A user may fetch a blob they uploaded, or one named by an attachment record in their scope."""
    with reading(engine) as conn:
        if conn.execute(select(blobs.c.created_by).where(blobs.c.sha256 == sha256)).scalar() == user.name:
            return True
        areas = conn.execute(select(records.c.area_code).where(records.c.blob_sha256 == sha256)).scalars()
        return any(user.scope.covers(a) for a in areas)


def read(engine: Engine, sha256: str, start: int, end: int) -> Iterator[bytes]:
    """Bytes ``start``..``end`` (inclusive) of a complete blob, chunk by chunk."""
    with reading(engine) as conn:
        rows = conn.execute(
            select(blob_chunks.c.pos, blob_chunks.c.data)
            .where(blob_chunks.c.sha256 == sha256, blob_chunks.c.pos <= end)
            .order_by(blob_chunks.c.pos)
        ).all()
    for pos, data in rows:
        lo, hi = max(start - pos, 0), min(end - pos + 1, len(data))
        if lo < hi:
            yield bytes(data[lo:hi])


def complete_size(engine: Engine, sha256: str) -> int | None:
    with reading(engine) as conn:
        row = conn.execute(select(blobs.c.size, blobs.c.complete).where(blobs.c.sha256 == sha256)).first()
    return int(row.size) if row is not None and row.complete else None


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """``bytes=a-b`` / ``bytes=a-`` / ``bytes=-n`` → (start, end inclusive); None = whole; 416 if unsatisfiable."""
    if not header:
        return None
    unit, _, spec = header.partition("=")
    bad = ApiError(416, "range_not_satisfiable", "请求的字节范围不正确。", {"Content-Range": f"bytes */{size}"})
    if unit.strip().lower() != "bytes" or "," in spec:
        raise bad
    first, _, last = spec.strip().partition("-")
    try:
        if first == "":
            n = int(last)
            if n <= 0:
                raise bad
            start, end = max(size - n, 0), size - 1
        else:
            start = int(first)
            end = int(last) if last else size - 1
    except ValueError:
        raise bad from None
    end = min(end, size - 1)
    if start < 0 or start > end or start >= size:
        raise bad
    return start, end
