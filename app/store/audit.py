"""Append-only, hash-chained audit log: who changed what, when. Editing or deleting a row breaks the chain;
deleting the newest rows or recomputing the chain no longer matches the MAC'd head (docs/SECURITY.md)."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.model.canonical import dumps
from app.store.tables import audit, meta, record_audit

GENESIS = "0" * 64


def _hash(prev_hash: str, at: str, actor: str, kind: str, record_id: str, action: str, changes: str) -> str:
    payload = dumps([prev_hash, at, actor, kind, record_id, action, changes])
    return hashlib.sha256(payload.encode()).hexdigest()


# The chain's head (newest seq and hash) is kept in meta under a MAC keyed from the store's passphrase, so
# deleting the newest entries, or rewriting entries and recomputing the chain, no longer leaves a chain that
# verifies: the head still names what was there. The key lives on the store's one DBAPI connection
# (``Connection.info``), set by the Collection that opened it.
HEAD_KEY = "audit_head"
KEY_INFO = "outreach.audit_key"
_LABEL = b"outreach-desk audit head v1"


def head_key(passphrase: str) -> bytes:
    """The MAC key of the chain head, derived from the store's passphrase (the value is only ever stored
    inside the encrypted file, so a cheap derivation gives nothing to someone without the passphrase)."""
    return hmac.new(passphrase.encode(), _LABEL, hashlib.sha256).digest()


def _mac(key: bytes, head: dict[str, Any]) -> str:
    text = dumps([head["seq"], head["hash"], head.get("since", 0), head.get("restarted")])
    return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()


def read_head(conn: Connection) -> dict[str, Any] | None:
    value = conn.execute(select(meta.c.value).where(meta.c.key == HEAD_KEY)).scalar()
    return json.loads(value) if value is not None else None


def head_mac_ok(head: dict[str, Any], key: bytes) -> bool:
    return hmac.compare_digest(str(head.get("mac", "")), _mac(key, head))


def write_head(conn: Connection, key: bytes, head: dict[str, Any]) -> None:
    head = {k: v for k, v in head.items() if k != "mac"}
    text = json.dumps({**head, "mac": _mac(key, head)})
    stmt = sqlite_insert(meta).values(key=HEAD_KEY, value=text)
    conn.execute(stmt.on_conflict_do_update(index_elements=[meta.c.key], set_={"value": text}))


def tail(conn: Connection) -> tuple[int, str]:
    """(seq, hash) of the newest entry actually in the table; (0, GENESIS) when empty."""
    row = conn.execute(select(audit.c.seq, audit.c.hash).order_by(audit.c.seq.desc()).limit(1)).first()
    return (int(row.seq), row.hash) if row else (0, GENESIS)


def hash_at(conn: Connection, seq: int) -> str | None:
    """Hash of entry ``seq`` (GENESIS for 0, None if there is no such entry)."""
    if seq == 0:
        return GENESIS
    return conn.execute(select(audit.c.hash).where(audit.c.seq == seq)).scalar()


def start_head(conn: Connection, key: bytes, *, restarted: str | None = None) -> None:
    """Anchor the chain at its present tail (a new store, or a store from before the head existed).
    ``restarted`` (a timestamp) records that a head had existed and was lost: check says so."""
    seq, digest = tail(conn)
    write_head(conn, key, {"seq": seq, "hash": digest, "since": seq, "restarted": restarted})


def rekey_head(conn: Connection, old: bytes, new: bytes) -> None:
    """Carry the head over to a new passphrase — only if it verifies under the old one, so a changed
    passphrase never launders a head that had been tampered with."""
    head = read_head(conn)
    if head is not None and head_mac_ok(head, old):
        write_head(conn, new, head)


def append(conn: Connection, *, at: str, actor: str, kind: str, record_id: str, action: str,
           changes: dict[str, Any]) -> None:
    """Append one entry inside the caller's transaction (the same one that made the change)."""
    append_many(conn, at=at, actor=actor, entries=[(kind, record_id, action, changes)])


def append_many(conn: Connection, *, at: str, actor: str, entries: list[tuple[str, str, str, dict[str, Any]]],
                last: tuple[int, str] | None = None) -> tuple[int, str] | None:
    """Append ``(kind, record_id, action, changes)`` entries in order, each chained to the one before; returns
    the (seq, hash) of the last one. ``last`` is that pair from the caller's previous append in the same
    transaction, which saves reading the table's tail again (a batch of ops writes thousands).

    Sequence numbers continue from the anchored head, not from whatever the table holds, so entries
    deleted at the end leave a gap; each record's latest entry and the head move in the same transaction.
    """
    if not entries:
        return last
    key = conn.info.get(KEY_INFO)
    head = read_head(conn)
    seq, prev = last or tail(conn)
    seq = max(seq, int(head["seq"])) if head else seq
    rows = []
    latest: dict[tuple[str, str], int] = {}
    for kind, record_id, action, changes in entries:
        seq += 1
        text = dumps(lean(changes))
        digest = _hash(prev, at, actor, kind, record_id, action, text)
        rows.append({"seq": seq, "at": at, "actor": actor, "kind": kind, "record_id": record_id,
                     "action": action, "changes": text, "prev_hash": prev, "hash": digest})
        latest[(kind, record_id)] = seq
        prev = digest
    conn.execute(insert(audit), rows)
    stmt = sqlite_insert(record_audit)
    conn.execute(stmt.on_conflict_do_update(index_elements=[record_audit.c.kind, record_audit.c.record_id],
                                            set_={"seq": stmt.excluded.seq}),
                 [{"kind": k, "record_id": r, "seq": n} for (k, r), n in latest.items()])
    if key is not None:
        base = head or {"since": 0, "restarted": None}
        write_head(conn, key, {**base, "seq": seq, "hash": prev})
    return seq, prev


# Entries record what changed, not copies: ``{"set": {field: new value}}``. The value a field had before is
# the one the previous entry of the record set, so storing ``[old, new]`` pairs (the format of stores written
# before issue 16, still read) kept every value twice. ``replay`` gives the pairs back for display.
LEAN = "set"


def lean(diff: dict[str, Any]) -> dict[str, Any]:
    """``{field: [old, new]}`` as stored: ``{"set": {field: new}}``."""
    return {LEAN: {name: change[1] for name, change in diff.items()}}


def new_values(changes: dict[str, Any]) -> dict[str, Any]:
    """``{field: new value}`` of a stored entry, in either format."""
    if set(changes) == {LEAN} and isinstance(changes[LEAN], dict):
        return changes[LEAN]
    return {name: c[1] for name, c in changes.items() if isinstance(c, list) and len(c) == 2}


def replay(entries: list[dict[str, Any]]) -> list[dict[str, list[Any]]]:
    """``{field: [old, new]}`` of each of one record's entries (oldest first), the old values replayed."""
    state: dict[str, Any] = {}
    out = []
    for entry in entries:
        values = new_values(json.loads(entry["changes"]))
        out.append({name: [state.get(name), value] for name, value in values.items()})
        state.update(values)
    return out


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
