"""Append-only, hash-chained audit log: who changed what, when. Editing or deleting a row breaks the chain;
deleting the newest rows or recomputing the chain no longer matches the MAC'd head (docs/SECURITY.md)."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from json.encoder import encode_basestring
from typing import Any

import orjson
from sqlalchemy import Connection, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.model.canonical import dumps
from app.store.tables import among, audit, meta

GENESIS = "0" * 64


def _hash(prev_hash: str, at: str, actor: str, kind: str, record_id: str, action: str, changes: str) -> str:
    # ``dumps`` of the list of strings, written out: the same text, without the encoder's walk per entry.
    items = (prev_hash, at, actor, kind, record_id, action, changes)
    payload = "[" + ",".join(map(encode_basestring, items)) + "]"
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


# (kind, record id, action, changes in stored form: a dict, or its text)
Entry = tuple[str, str, str, dict[str, Any] | str]


def append_many(conn: Connection, *, at: str, actor: str, entries: list[Entry],
                last: tuple[int, str] | None = None) -> tuple[int, str] | None:
    """Append ``(kind, record_id, action, changes)`` entries in order, each chained to the one before; returns
    the (seq, hash) of the last one. ``changes`` is in stored form (``entry``, or the text ``copies_entry`` makes).
    ``last`` is that pair from the caller's previous append in the same transaction, which saves reading the
    table's tail again (a pulled page writes thousands).

    Sequence numbers continue from the anchored head, not from whatever the table holds, so entries
    deleted at the end leave a gap; each record's latest entry and the head move in the same transaction
    (a page entry, ``copies_entry``, names no record of its own and moves no record's pointer).
    Plain driver statements: a first pull appends thousands of entries.
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
        text = changes if isinstance(changes, str) else dumps(changes)
        digest = _hash(prev, at, actor, kind, record_id, action, text)
        rows.append((seq, at, actor, kind, record_id, action, text, prev, digest))
        if record_id != PAGE:
            latest[(kind, record_id)] = seq
        prev = digest
    conn.exec_driver_sql(_INSERT_AUDIT, rows)
    if latest:
        conn.exec_driver_sql(_UPSERT_LATEST, [(k, r, n) for (k, r), n in latest.items()])
    if key is not None:
        base = head or {"since": 0, "restarted": None}
        write_head(conn, key, {**base, "seq": seq, "hash": prev})
    return seq, prev


# Rows are tuples in the tables' column order.
_INSERT_AUDIT = f"INSERT INTO audit ({', '.join(c.name for c in audit.columns)}) VALUES ({', '.join('?' * 9)})"
_UPSERT_LATEST = ("INSERT INTO record_audit (kind, record_id, seq) VALUES (?, ?, ?) "
                  "ON CONFLICT (kind, record_id) DO UPDATE SET seq = excluded.seq")

# Entries record what changed, not copies: ``{"set": {field: new value}, "was": {field: old value}}``, the old
# values only where they were not empty (a new record's entry has no "was"). A record's first copy pulled from
# the platform is recorded by a digest of its values: the platform keeps every accepted change (issue 16), and
# storing the values again would double the store. The copies one pulled page brings of one kind share one
# entry, ``{"copies": {actor: {record id: digest}}}`` (the actor: who last changed the record on the platform),
# named by no record (``PAGE``) — an entry per record would cost more than the record. ``outreach-desk check``
# verifies both: values set later are compared directly, the rest against the copy's digest (with the "was"
# values of the fields set since). Earlier stores hold ``{field: [old, new]}`` pairs, ``{"set": …}`` alone, or
# a per-record ``{"copy": digest}``; all are still read.
SET, WAS, COPY, COPIES = "set", "was", "copy", "copies"
PAGE = ""  # the record id of a page's entry of copies


def entry(diff: dict[str, Any]) -> dict[str, Any]:
    """``{field: [old, new]}`` in stored form."""
    out: dict[str, Any] = {SET: {name: change[1] for name, change in diff.items()}}
    was = {name: change[0] for name, change in diff.items() if change[0] is not None}
    if was:
        out[WAS] = was
    return out


def digest(values: dict[str, Any]) -> str:
    """Of a record's field values in canonical form, empty ones left out (keys sorted, compact UTF-8 JSON)."""
    data = orjson.dumps({name: v for name, v in values.items() if v is not None}, option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(data).hexdigest()[:32]


def copy_entry(digest_: str) -> str:
    """The stored text of one record's first copy (``dumps({"copy": digest})``, written out)."""
    return f'{{"{COPY}":"{digest_}"}}'


def copies_entry(kind: str, copies: dict[str, dict[str, str]]) -> Entry:
    """One page's first copies of one kind, ``{actor: {record id: digest}}``, as one entry."""
    return kind, PAGE, "sync", orjson.dumps({COPIES: copies}, option=orjson.OPT_SORT_KEYS).decode()


def page_copies(changes: str) -> dict[str, dict[str, str]]:
    """``{actor: {record id: digest}}`` of a page entry's stored text."""
    return orjson.loads(changes)[COPIES]


def parts(changes: dict[str, Any]) -> tuple[str | None, dict[str, Any], dict[str, Any]]:
    """(copy digest or None, new values, old values) of a stored entry, in any of its formats."""
    if set(changes) == {COPY}:
        return str(changes[COPY]), {}, {}
    if isinstance(changes.get(SET), dict) and set(changes) <= {SET, WAS}:
        return None, changes[SET], changes.get(WAS) or {}
    pairs = {name: c for name, c in changes.items() if isinstance(c, list) and len(c) == 2}
    return None, {name: c[1] for name, c in pairs.items()}, {name: c[0] for name, c in pairs.items()}


def replay(entries: list[dict[str, Any]]) -> list[dict[str, list[Any]] | None]:
    """``{field: [old, new]}`` of each of one record's entries (oldest first), old values from the entry or
    replayed; None for a pulled copy (its values are known by digest only)."""
    state: dict[str, Any] = {}
    out: list[dict[str, list[Any]] | None] = []
    for row in entries:
        copy, new, was = parts(json.loads(row["changes"]))
        if copy is not None:
            state = {}
            out.append(None)
            continue
        out.append({name: [was.get(name, state.get(name)), value] for name, value in new.items()})
        state.update(new)
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
    """One record's entries, oldest first (see ``histories``)."""
    return histories(conn, [(None, record_id)])[record_id]


def histories(conn: Connection, records: list[tuple[str | None, str]]) -> dict[str, list[dict[str, Any]]]:
    """Each (kind, id) record's entries, oldest first, by id: its own, and for each first copy a pulled page
    recorded of it, that page entry as if it were the record's own (``{"copy": digest}``, by its actor).

    The page entries of the kinds asked for (all, where a kind is None) are read whole (a county's store holds
    a few hundred); only those whose text names one of the records are parsed.
    """
    out: dict[str, list[dict[str, Any]]] = {rid: [] for _, rid in records}
    for r in conn.execute(select(audit).where(among(audit.c.record_id, list(out)))):
        out[r.record_id].append(dict(r._mapping))
    kinds = {kind for kind, _ in records}
    pages = select(audit).where(audit.c.record_id == PAGE)
    if None not in kinds:
        pages = pages.where(audit.c.kind.in_(kinds))
    for r in conn.execute(pages):
        named = [rid for kind, rid in records if kind in (r.kind, None) and rid in r.changes]
        if not named:
            continue
        for actor, digests in page_copies(r.changes).items():
            for rid in named:
                if rid in digests:
                    out[rid].append({**r._mapping, "record_id": rid, "actor": actor,
                                     "changes": copy_entry(digests[rid])})
    for rows in out.values():
        rows.sort(key=lambda row: row["seq"])
    return out
