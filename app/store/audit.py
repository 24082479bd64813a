"""Append-only, hash-chained audit log: who changed what, when. Editing or deleting a row breaks the chain."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select

from app.model.canonical import dumps
from app.store.tables import audit

GENESIS = "0" * 64


def _hash(prev_hash: str, at: str, actor: str, kind: str, record_id: str, action: str, changes: str) -> str:
    payload = dumps([prev_hash, at, actor, kind, record_id, action, changes])
    return hashlib.sha256(payload.encode()).hexdigest()


def append(conn: Connection, *, at: str, actor: str, kind: str, record_id: str, action: str,
           changes: dict[str, Any]) -> None:
    """Append one entry inside the caller's transaction (the same one that made the change)."""
    append_many(conn, at=at, actor=actor, entries=[(kind, record_id, action, changes)])


def append_many(conn: Connection, *, at: str, actor: str, entries: list[tuple[str, str, str, dict[str, Any]]],
                prev: str | None = None) -> str:
    """Append ``(kind, record_id, action, changes)`` entries in order, each chained to the one before; returns
    the last hash. ``prev`` is the chain's last hash when the caller knows it (its own transaction wrote it)."""
    if prev is None:
        prev = conn.execute(select(audit.c.hash).order_by(audit.c.seq.desc()).limit(1)).scalar() or GENESIS
    rows = []
    for kind, record_id, action, changes in entries:
        text = dumps(changes)
        digest = _hash(prev, at, actor, kind, record_id, action, text)
        rows.append({"at": at, "actor": actor, "kind": kind, "record_id": record_id, "action": action,
                     "changes": text, "prev_hash": prev, "hash": digest})
        prev = digest
    conn.execute(insert(audit), rows)
    return prev


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    reason: str


def verify(conn: Connection) -> list[ChainBreak]:
    """Walk the whole chain; return where it breaks (empty = intact)."""
    breaks: list[ChainBreak] = []
    prev = GENESIS
    expected_seq = None
    for row in conn.execute(select(audit).order_by(audit.c.seq)):
        if expected_seq is not None and row.seq != expected_seq:
            breaks.append(ChainBreak(row.seq, f"第 {expected_seq} 至 {row.seq - 1} 条审计记录被删除"))
        if row.prev_hash != prev:
            breaks.append(ChainBreak(row.seq, f"第 {row.seq} 条审计记录与前一条不相连"))
        if _hash(row.prev_hash, row.at, row.actor, row.kind, row.record_id, row.action, row.changes) != row.hash:
            breaks.append(ChainBreak(row.seq, f"第 {row.seq} 条审计记录内容被改动"))
        prev = row.hash
        expected_seq = row.seq + 1
    return breaks


def history(conn: Connection, record_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(select(audit).where(audit.c.record_id == record_id).order_by(audit.c.seq))
    return [dict(r._mapping) for r in rows]
