"""Every change to a synced record goes through here: the row, its audit entry and its outbox entry are
written in one transaction (BRIEF §3), and listeners hear about it once the transaction has committed.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import orjson
from sqlalchemy import Connection, Row, bindparam, func, insert, select, update

from app.model.canonical import FieldValueError, coerce, dumps
from app.model.kinds import KINDS
from app.model.kinds import kind as get_kind
from app.store import audit
from app.store.engine import Store
from app.store.tables import TABLES, among, outbox


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass
class Change:
    """What one committed transaction touched: kind → record ids. ``source`` is "local" or "sync"."""

    ids: dict[str, set[str]] = field(default_factory=dict)
    source: str = "local"

    def add(self, kind: str, record_id: str) -> None:
        self.ids.setdefault(kind, set()).add(record_id)

    @property
    def kinds(self) -> set[str]:
        return set(self.ids)


Listener = Callable[[Change], None]


def to_db(kind_name: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """Field values in their column types (date objects, JSON text)."""
    k = get_kind(kind_name)
    out: dict[str, Any] = {}
    for name, value in values.items():
        if name in ("id", "area_code", "version", "deleted", "changed_by", "changed_at", "conflict"):
            out[name] = value
            continue
        v = coerce(k, name, value)
        ftype = k.field(name).type
        if v is not None and ftype == "date":
            v = dt.date.fromisoformat(v)
        elif v is not None and ftype == "json":
            v = dumps(v)
        out[name] = v
    return out


def from_db(kind_name: str, row: Row | Mapping[str, Any]) -> dict[str, Any]:
    """A row as a plain dict: JSON fields parsed, dates as ``datetime.date``."""
    rec = dict(row._mapping) if isinstance(row, Row) else dict(row)
    for f in KINDS[kind_name].fields:
        if f.type == "json" and isinstance(rec.get(f.name), str):
            rec[f.name] = json.loads(rec[f.name])
    return rec


def _wire(kind_name: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """Values in canonical JSON form (what an outbox op carries)."""
    k = get_kind(kind_name)
    return {n: (v if n == "area_code" else coerce(k, n, v)) for n, v in values.items()}


def _json_text(value: Any) -> str:
    """``dumps`` through orjson, ten times faster, falling back to ``dumps`` for what orjson refuses. The same
    text for what records hold (text, whole numbers, lists, objects); a float in exponent form is written
    ``1e-7`` instead of ``1e-07``, which at worst makes a later comparison see a change and write it again."""
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()
    except TypeError:
        return dumps(value)


# Per field type: the Python types already canonical (exactly: a bool is not an int), and how the column stores
# a canonical value when not as it is. A date has no such type: its text is checked (``_iso_date``, else
# ``coerce``) and stored as it is.
_STORED: dict[str, tuple[frozenset[type], Callable[[Any], Any] | None]] = {
    "str": (frozenset({str}), None), "int": (frozenset({int}), None), "bool": (frozenset({bool}), int),
    "json": (frozenset({list, dict}), _json_text), "date": (frozenset(), None),
}


def _iso_date(value: Any) -> str | None:
    """``value`` if it is a date's canonical text (YYYY-MM-DD, a real day), else None (``coerce`` decides)."""
    if type(value) is str and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return None
        return value
    return None


@cache
def _field_storage(kind_name: str) -> dict[str, tuple[frozenset[type], Callable[[Any], Any] | None]]:
    return {f.name: _STORED[f.type] for f in KINDS[kind_name].fields}


def _wire_and_raw(kind_name: str, values: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(canonical values, values as the columns store them) of the kind's fields in ``values``, in one pass,
    skipping ``coerce`` for values already in canonical form (server copies nearly always are). The stored
    form is what the driver takes as it is: a date's ISO text, JSON text, 0/1 for a flag."""
    k = KINDS[kind_name]
    storage = _field_storage(kind_name)
    wire: dict[str, Any] = {}
    row: dict[str, Any] = {}
    for name, v in values.items():
        spec = storage.get(name)
        if spec is None:
            continue
        if v is None:
            wire[name] = row[name] = None
            continue
        plain, store = spec
        # Only a date has no plain type: its canonical text is checked here, anything else goes to ``coerce``.
        if type(v) not in plain and (plain or _iso_date(v) is None):
            v = coerce(k, name, v)
        wire[name] = v
        row[name] = store(v) if store is not None and v is not None else v
    return wire, row


def derive(kind_name: str, values: dict[str, Any]) -> None:
    """Fill local-only derived columns (search keys) from the values being written."""
    if kind_name == "person" and "name" in values:
        from app.search_keys import pinyin_keys  # pypinyin is heavy: only loaded when a name is written

        values["name_pinyin"], values["name_initials"] = pinyin_keys(values["name"] or "")


class Tx:
    """One transaction's worth of changes by one actor."""

    def __init__(self, conn: Connection, actor: str) -> None:
        self.conn = conn
        self.actor = actor
        self.at = utc_now()
        self.change = Change()
        self._chain: tuple[int, str] | None = None  # last audit (seq, hash) this transaction wrote

    def append_audit(self, actor: str, entries: list[audit.Entry]) -> None:
        self._chain = audit.append_many(self.conn, at=self.at, actor=actor, entries=entries, last=self._chain)

    def _validate(self, kind_name: str, values: Mapping[str, Any]) -> None:
        k = get_kind(kind_name)
        unknown = set(values) - set(k.field_names)
        if unknown:
            raise FieldValueError(f"{k.label}没有这些字段：{', '.join(sorted(unknown))}")

    def _row(self, kind_name: str, record_id: str) -> Row | None:
        t = TABLES[kind_name]
        return self.conn.execute(select(t).where(t.c.id == record_id)).first()

    def create(self, kind_name: str, values: Mapping[str, Any], *, area_code: str,
               record_id: str | None = None) -> str:
        self._validate(kind_name, values)
        rid = record_id or str(uuid.uuid4())
        wire = {n: v for n, v in _wire(kind_name, values).items() if v is not None}
        row = to_db(kind_name, wire)
        derive(kind_name, row)
        row.update(id=rid, area_code=area_code, version=0, deleted=False, changed_by=self.actor,
                   changed_at=self.at, conflict=False)
        # Values as parameters, not in the statement: the compiled INSERT is cached per set of columns.
        self.conn.execute(insert(TABLES[kind_name]), row)
        self._log(kind_name, rid, "create", {n: [None, v] for n, v in wire.items()})
        self._enqueue(kind_name, rid, 0, "upsert", {"area_code": area_code, **wire})
        return rid

    def create_many(self, kind_name: str, rows: list[tuple[str, str, Mapping[str, Any]]]) -> None:
        """Bulk create (demo data, imports): ``(record_id, area_code, values)`` triples, the same rows, audit
        entries and outbox ops as ``create`` would write, in three executemany statements."""
        for _rid, _area, values in rows:
            self._validate(kind_name, values)
        t = TABLES[kind_name]
        db_rows, log_rows, ops = [], [], []
        for rid, area, values in rows:
            wire = {n: v for n, v in _wire(kind_name, values).items() if v is not None}
            row = dict.fromkeys(c.name for c in t.c)
            row.update(to_db(kind_name, wire))
            derive(kind_name, row)
            row.update(id=rid, area_code=area, version=0, deleted=False, changed_by=self.actor,
                       changed_at=self.at, conflict=False)
            db_rows.append(row)
            log_rows.append((kind_name, rid, "create", audit.entry({n: [None, v] for n, v in wire.items()})))
            ops.append({"op_id": str(uuid.uuid4()), "kind": kind_name, "record_id": rid, "base_version": 0,
                        "op": "upsert", "fields": dumps({"area_code": area, **wire}), "created_at": self.at,
                        "attempts": 0})
            self.change.add(kind_name, rid)
        if not rows:
            return
        self.conn.execute(insert(t), db_rows)
        self.append_audit(self.actor, log_rows)
        self.conn.execute(insert(outbox), ops)

    def update(self, kind_name: str, record_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        """Apply ``changes``; only fields whose value really changes are written. Returns the diff."""
        self._validate(kind_name, changes)
        current = self._row(kind_name, record_id)
        if current is None or current.deleted:
            raise LookupError(f"记录不存在或已删除：{record_id}")
        k = get_kind(kind_name)
        old = {n: coerce(k, n, getattr(current, n)) for n in changes}
        new = _wire(kind_name, changes)
        diff = {n: [old[n], new[n]] for n in changes if old[n] != new[n]}
        if not diff:
            return {}
        row = to_db(kind_name, {n: new[n] for n in diff})
        derive(kind_name, row)
        row.update(changed_by=self.actor, changed_at=self.at)
        t = TABLES[kind_name]
        stmt = update(t).where(t.c.id == bindparam("p_id")).values({n: bindparam(f"p_{n}") for n in row})
        self.conn.execute(stmt, {"p_id": record_id, **{f"p_{n}": v for n, v in row.items()}})
        self._log(kind_name, record_id, "update", diff)
        self._enqueue(kind_name, record_id, current.version, "upsert", {n: d[1] for n, d in diff.items()})
        return diff

    def delete(self, kind_name: str, record_id: str) -> None:
        current = self._row(kind_name, record_id)
        if current is None or current.deleted:
            return
        t = TABLES[kind_name]
        self.conn.execute(update(t).where(t.c.id == record_id).values(
            deleted=True, changed_by=self.actor, changed_at=self.at))
        self._log(kind_name, record_id, "delete", {"deleted": [False, True]})
        self._enqueue(kind_name, record_id, current.version, "delete", {})

    def resolve(self, kind_name: str, record_id: str, values: Mapping[str, Any], *, base_version: int) -> None:
        """Write a person's choice for fields in conflict and queue it with ``base_version`` (the server version
        the conflict was raised against), even when the row already holds the chosen value: the server still
        holds the other one. ``values`` may include ``deleted`` and ``area_code`` (edited here, deleted or
        moved elsewhere).
        """
        common = {n: values[n] for n in ("deleted", "area_code") if n in values}
        fields = {n: v for n, v in values.items() if n not in common}
        self._validate(kind_name, fields)
        current = self._row(kind_name, record_id)
        if current is None:
            raise LookupError(f"记录不存在：{record_id}")
        k = get_kind(kind_name)
        new = _wire(kind_name, fields)
        if "deleted" in common:
            common["deleted"] = bool(common["deleted"])
        row = to_db(kind_name, new)
        derive(kind_name, row)
        row.update(common, changed_by=self.actor, changed_at=self.at)
        t = TABLES[kind_name]
        self.conn.execute(update(t).where(t.c.id == record_id).values(**row))
        diff = {n: [coerce(k, n, getattr(current, n)), v] for n, v in new.items()}
        diff.update({n: [getattr(current, n), v] for n, v in common.items()})
        self._log(kind_name, record_id, "resolve", diff)
        self._enqueue(kind_name, record_id, base_version, "upsert", {**common, **new})

    def apply_server(self, kind_name: str, state: Mapping[str, Any], *, conflict: bool | None = None) -> None:
        """Write the server's copy of a record (sync only): no outbox entry, audited as "sync".

        ``state`` holds id, version, deleted, area_code, changed_by/at and any fields to set.
        """
        self.apply_server_many(kind_name, [state if conflict is None else {**state, "conflict": conflict}])

    def apply_server_many(self, kind_name: str, states: list[Mapping[str, Any]],
                          current: Mapping[str, Row] | None = None) -> None:
        """``apply_server`` for many records of one kind (one state per id; a ``conflict`` key sets the flag).

        Same rows and audit entries as calling it per state, in bulk: one read of the rows already here, one
        executemany of plain driver statements per column set, the audit chain appended in runs. The records
        new to this store are audited together, by a digest of each one's values (``audit.copies_entry``): a
        first pull of a county's hundreds of thousands of records stays within seconds per page.
        """
        if not states:
            return
        k = get_kind(kind_name)
        t = TABLES[kind_name]
        if current is None:  # the caller may have read them already (sync's merge does)
            current = existing_rows(self.conn, kind_name, [s["id"] for s in states])
        insert_sql = _insert_sql(kind_name)[1]
        inserts: list[tuple[Any, ...]] = []
        updates: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
        entries: list[tuple[str, audit.Entry]] = []
        copies: dict[str, dict[str, str]] = {}  # who last changed it on the platform → {id: digest}
        for state in states:
            rid = state["id"]
            cur = current.get(rid)
            if cur is None:
                values, actor, digest = first_copy(kind_name, state)
                inserts.append(values)
                copies.setdefault(actor, {})[rid] = digest
            else:
                wire, row = _server_row(kind_name, state)
                diff = {}
                for n, v in wire.items():
                    old = coerce(k, n, getattr(cur, n))
                    if old != v:
                        diff[n] = [old, v]
                if "deleted" in state and bool(state["deleted"]) != bool(cur.deleted):
                    diff["deleted"] = [bool(cur.deleted), bool(state["deleted"])]
                names = tuple(sorted(row))
                updates.setdefault(names, []).append((*(row[n] for n in names), rid))
                if diff:  # the echo of our own change only moves the version: nothing to audit
                    entries.append((str(state.get("changed_by") or "platform"),
                                    (kind_name, rid, "sync", audit.entry(diff))))
            self.change.add(kind_name, rid)
        if inserts:
            inserts.sort()  # by id (the first column): the primary key's pages are filled in order
            self.conn.exec_driver_sql(insert_sql, inserts)
        for names, params in updates.items():
            sets = ", ".join(f'"{n}" = ?' for n in names)
            self.conn.exec_driver_sql(f'UPDATE "{t.name}" SET {sets} WHERE id = ?', params)
        if copies:
            self.append_audit("platform", [audit.copies_entry(kind_name, copies)])
        # The chain is appended in order; one insert per run of entries by the same actor.
        run: list[audit.Entry] = []
        actor = entries[0][0] if entries else ""
        for who, entry in entries:
            if who != actor:
                self.append_audit(actor, run)
                run, actor = [], who
            run.append(entry)
        if run:
            self.append_audit(actor, run)
        self.change.source = "sync"

    def _log(self, kind_name: str, rid: str, action: str, diff: dict[str, Any], actor: str | None = None) -> None:
        self.append_audit(actor or self.actor, [(kind_name, rid, action, audit.entry(diff))])
        self.change.add(kind_name, rid)

    def _enqueue(self, kind_name: str, rid: str, base_version: int, op: str, fields: dict[str, Any]) -> None:
        self.conn.execute(insert(outbox), {
            "op_id": str(uuid.uuid4()), "kind": kind_name, "record_id": rid, "base_version": base_version,
            "op": op, "fields": dumps(fields), "created_at": self.at, "attempts": 0,
        })


_SERVER_COLUMNS = ("area_code", "version", "deleted", "changed_by", "changed_at", "conflict")


def _server_row(kind_name: str, state: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(canonical field values, columns to write) of a server copy's ``state``."""
    wire, row = _wire_and_raw(kind_name, state)
    derive(kind_name, row)
    for n in _SERVER_COLUMNS:
        if n in state:
            row[n] = int(bool(state[n])) if n in ("deleted", "conflict") else state[n]
    return wire, row


def first_copy(kind_name: str, state: Mapping[str, Any]) -> tuple[tuple[Any, ...], str, str]:
    """A server copy of a record new to this store: (its row, in the table's column order; who last changed it
    on the platform; the digest its page's audit entry holds for it). A pure function of the copy: a first
    pull runs it in worker processes (sync/client/staging.py)."""
    wire, row = _server_row(kind_name, state)
    row.update(id=state["id"], deleted=row.get("deleted", 0), conflict=row.get("conflict", 0))
    return (tuple(map(row.get, insert_columns(kind_name))), str(state.get("changed_by") or "platform"),
            audit.digest(wire))


@cache
def field_types(kind_name: str) -> dict[str, str]:
    return {f.name: f.type for f in KINDS[kind_name].fields}


@cache
def _insert_sql(kind_name: str) -> tuple[tuple[str, ...], str]:
    """(columns, INSERT of all of them) of a record table, for rows given as tuples in that order."""
    columns = tuple(c.name for c in TABLES[kind_name].columns)
    names = ", ".join(f'"{c}"' for c in columns)
    return columns, f'INSERT INTO "{kind_name}" ({names}) VALUES ({", ".join("?" * len(columns))})'


def insert_columns(kind_name: str) -> tuple[str, ...]:
    """The columns of a record table, in the order ``first_copy`` gives a row's values."""
    return _insert_sql(kind_name)[0]


def existing_rows(conn: Connection, kind_name: str, ids: list[str]) -> dict[str, Row]:
    """id → row of those of ``ids`` already in the store (in a first pull, none)."""
    t = TABLES[kind_name]
    return {row.id: row for row in conn.execute(select(t).where(among(t.c.id, ids)))}


class Records:
    """Reads and writes of synced records over the store's single connection."""

    def __init__(self, store: Store, actor: str) -> None:
        self.store = store
        self.actor = actor
        self._listeners: list[Listener] = []
        self._batch: tuple[int, Tx] | None = None  # (thread, open transaction) while batch() runs

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _open_batch(self) -> Tx | None:
        batch = self._batch
        return batch[1] if batch is not None and batch[0] == threading.get_ident() else None

    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        """All changes made through the yielded Tx commit together, or none do.

        Inside ``batch()`` (same thread) this is the batch's transaction: the operation's changes join it, made
        by the current actor, and commit with it."""
        if (tx := self._open_batch()) is not None:
            tx.actor = self.actor
            yield tx
            return
        with self.store.lock, self.store.engine.begin() as conn:
            tx = Tx(conn, self.actor)
            yield tx
        if tx.change.ids:
            self.notify(tx.change)

    @contextmanager
    def batch(self) -> Iterator[Tx]:
        """Run many operations as one transaction (demo data, bulk imports): every ``transaction()`` and
        ``reading()`` on this thread uses it, so the operations run unchanged — same checks, same rows, audit
        entries and outbox ops — with one commit and one change notification. An error rolls all of it back."""
        if self._open_batch() is not None:
            raise RuntimeError("batch() does not nest")
        with self.store.lock, self.store.engine.begin() as conn:
            tx = Tx(conn, self.actor)
            self._batch = (threading.get_ident(), tx)
            try:
                yield tx
            finally:
                self._batch = None
        if tx.change.ids:
            self.notify(tx.change)

    def notify(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        if (tx := self._open_batch()) is not None:
            yield tx.conn  # sees the batch's own uncommitted changes
            return
        with self.store.lock, self.store.engine.connect() as conn:
            yield conn

    def create(self, kind_name: str, values: Mapping[str, Any], *, area_code: str) -> str:
        with self.transaction() as tx:
            return tx.create(kind_name, values, area_code=area_code)

    def update(self, kind_name: str, record_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        with self.transaction() as tx:
            return tx.update(kind_name, record_id, changes)

    def delete(self, kind_name: str, record_id: str) -> None:
        with self.transaction() as tx:
            tx.delete(kind_name, record_id)

    def get(self, kind_name: str, record_id: str) -> dict[str, Any] | None:
        t = TABLES[kind_name]
        with self.reading() as conn:
            row = conn.execute(select(t).where(t.c.id == record_id)).first()
        return from_db(kind_name, row) if row is not None else None

    def children(self, kind_name: str, parent_field: str, parent_id: str) -> list[dict[str, Any]]:
        """Live (not deleted) records of a kind whose ``parent_field`` is ``parent_id``."""
        t = TABLES[kind_name]
        with self.reading() as conn:
            rows = conn.execute(select(t).where(t.c[parent_field] == parent_id, t.c.deleted.is_(False)))
            return [from_db(kind_name, r) for r in rows]

    def pending_count(self) -> int:
        with self.reading() as conn:
            return int(conn.execute(select(func.count()).select_from(outbox)).scalar() or 0)

