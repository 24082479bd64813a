"""Push: apply each op at most once, with field-level merge (docs/SYNC.md "Push").

A push batch is applied in ONE write transaction that locks the counter row once, so writers are serialised
and version numbers are handed out in commit order: a batch numbered N..M commits before M+1 is taken.
Inside it the ops are applied in order against an in-memory copy of the batch's records (read with one
SELECT), and the rows, the counter and the ``applied_ops`` entries are written with a few bulk statements.
Rejections are decided in Python before anything is written, so they never need a rollback. Should the
database refuse a write anyway (a value the backend cannot store), the bulk attempt rolls back and the batch
is applied again in a new transaction with one SAVEPOINT per op, so the failing op alone is rejected. (A
SAVEPOINT around every op on the common path would add two round trips per op for a case that almost never
happens.)
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, insert, select, update
from sqlalchemy.exc import DataError, IntegrityError

from app.model.canonical import FieldValueError
from app.model.kinds import KINDS
from sync.server.auth import User
from sync.server.db import applied_ops, area_moves, counter, record_history, records, writing
from sync.server.records import check_value, wire
from sync.server.scope import may_write

log = logging.getLogger("outreach.platform")

AREA_CODE = re.compile(r"^\d{12}$")
_RECORD_COLUMNS = tuple(c.name for c in records.c)
# Errors that say "this value cannot be stored", not "the database is unwell": the op is rejected alone.
_BAD_DATA = (DataError, IntegrityError)


class Rejected(Exception):
    """The op will never apply; ``reason`` is shown to the user (Chinese)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


# Statements built once: constructing SQLAlchemy expressions per call cost more than running them.
LOCK_COUNTER = select(counter.c.value).where(counter.c.id == 1).with_for_update()
SET_COUNTER = update(counter).where(counter.c.id == 1).values(value=bindparam("b_value"))
_PRIORS = select(applied_ops.c.op_id, applied_ops.c.user_name, applied_ops.c.result).where(
    applied_ops.c.op_id.in_(bindparam("b_ops", expanding=True)))
# Per kind: SQLite plans ``(kind, id) IN (VALUES …)`` as a scan of the whole table, ``kind = ? AND id IN``
# as primary-key look-ups.
_ROWS = select(records).where(records.c.kind == bindparam("b_kind"),
                              records.c.id.in_(bindparam("b_ids", expanding=True)))
INSERT_RECORD = insert(records)
UPDATE_RECORD = update(records).where(records.c.kind == bindparam("b_kind"), records.c.id == bindparam("b_id"))
_INSERT_OP = insert(applied_ops)

Key = tuple[str, str]
Row = dict[str, Any]  # a records row as a plain dict (never mutated in place: each change makes a new one)


def apply_ops(engine: Engine, user: User, device_id: str, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Apply a push batch in one transaction; one result per op, in order (docs/SYNC.md "Push")."""
    if not ops:
        return []
    # Validation needs no database: done before the lock, so the lock is held only for the writing.
    prepared = [_prepare(op) for op in ops]
    try:
        return _apply_batch(engine, user, device_id, ops, prepared, per_op=False)
    except _BAD_DATA as exc:
        # Rare: the whole attempt rolled back; again from the start, each op in its own SAVEPOINT.
        log.warning("push user=%s: bulk write refused (%s); retrying op by op", user.name, type(exc).__name__)
    return _apply_batch(engine, user, device_id, ops, prepared, per_op=True)


def _apply_batch(engine: Engine, user: User, device_id: str, ops: list[dict[str, Any]],
                 prepared: list[dict[str, Any] | Rejected], *, per_op: bool) -> list[dict[str, Any]]:
    with writing(engine) as conn:
        # The lock that serialises writers (on SQLite BEGIN IMMEDIATE already holds it).
        top = int(conn.execute(LOCK_COUNTER).scalar_one())
        priors = _priors(conn, {op["op_id"] for op in ops})
        keys = {(op["kind"], op["id"]) for op, p in zip(ops, prepared, strict=True)
                if not isinstance(p, Rejected) and op["op_id"] not in priors}
        batch = _Batch(conn, user, device_id, top, priors, load_rows(conn, keys))
        return batch.run(ops, prepared, per_op=per_op)


def moved(old: Row | None, new: Row) -> list[dict[str, Any]]:
    """The area_moves row of a change that moved a record to another area (none otherwise)."""
    if old is None or old["area_code"] == new["area_code"]:
        return []
    return [{"version": int(new["version"]), "kind": new["kind"], "id": new["id"], "from_area": old["area_code"]}]


def apply_op(engine: Engine, user: User, device_id: str, op: dict[str, Any]) -> dict[str, Any]:
    """One op in its own transaction (a batch of one)."""
    return apply_ops(engine, user, device_id, [op])[0]


def _priors(conn: Connection, op_ids: set[str]) -> dict[str, tuple[str, dict[str, Any]]]:
    if not op_ids:
        return {}
    return {r.op_id: (r.user_name, dict(r.result)) for r in conn.execute(_PRIORS, {"b_ops": sorted(op_ids)})}


def load_rows(conn: Connection, keys: Iterable[Key]) -> dict[Key, Row]:
    """The stored rows of these (kind, id) keys, read with one statement per kind (and 500 ids)."""
    by_kind: dict[str, list[str]] = {}
    for kind, rid in sorted(keys):
        by_kind.setdefault(kind, []).append(rid)
    out: dict[Key, Row] = {}
    for kind, ids in by_kind.items():
        for i in range(0, len(ids), 500):
            for r in conn.execute(_ROWS, {"b_kind": kind, "b_ids": ids[i:i + 500]}):
                row = dict(r._mapping)
                out[(row["kind"], row["id"])] = row
    return out


class _Batch:
    """One push batch inside the open transaction: the ops applied in order to in-memory rows, then written.

    ``per_op=False`` collects every write and issues them in bulk at the end; ``per_op=True`` writes each op
    at once inside its own SAVEPOINT and rejects an op whose write the database refuses.
    """

    def __init__(self, conn: Connection, user: User, device_id: str, top: int,
                 priors: dict[str, tuple[str, dict[str, Any]]], loaded: dict[Key, Row]) -> None:
        self.conn = conn
        self.user = user
        self.device_id = device_id
        self.version = top  # the last version handed out
        self.top = top
        self.rows = dict(loaded)
        self.seen = dict(priors)  # op_id → (user, stored result), this batch's ops included
        self.now = utc_now()
        self.inserts: dict[Key, Row] = {}
        self.updates: dict[Key, Row] = {}
        self.stored: list[dict[str, Any]] = []  # applied_ops rows
        self.history: list[dict[str, Any]] = []  # record_history rows
        self.fields: list[str] = []  # the fields the op being planned changes
        self.moves: list[dict[str, Any]] = []  # area_moves rows

    def run(self, ops: list[dict[str, Any]], prepared: list[dict[str, Any] | Rejected], *,
            per_op: bool) -> list[dict[str, Any]]:
        self.per_op = per_op
        results = []
        for op, changes in zip(ops, prepared, strict=True):
            prior = self.seen.get(op["op_id"])
            if prior is not None:
                results.append(_repeat(op, self.user, *prior))
                continue
            if isinstance(changes, Rejected):
                result, new = _rejected(op, changes), None
            else:
                try:
                    result, new = self._plan(op, changes)
                except Rejected as r:
                    result, new = _rejected(op, r), None
            if per_op:
                result, new = self._write_one(op, result, new)
            self._commit(op, result, new)
            results.append(result)
        if not per_op:
            self._write_bulk()
        if self.version > self.top:
            self.conn.execute(SET_COUNTER, {"b_value": self.version})
        return results

    def _commit(self, op: dict[str, Any], result: dict[str, Any], new: Row | None) -> None:
        """Make an op's outcome visible to the later ops of the batch."""
        self.seen[op["op_id"]] = (self.user.name, result)
        self.stored.append({"op_id": op["op_id"], "user_name": self.user.name, "result": result,
                            "applied_at": self.now})
        if new is None:
            return
        key = (new["kind"], new["id"])
        self.version = int(new["version"])
        if not self.per_op:
            self.moves += moved(self.rows.get(key), new)
            self.history.append(self._history(new))
        if key in self.inserts or key not in self.rows:
            self.inserts[key] = new  # created in this batch: one INSERT with the final values
        else:
            self.updates[key] = new
        self.rows[key] = new

    def _history(self, new: Row) -> dict[str, Any]:
        return {"version": int(new["version"]), "kind": new["kind"], "record_id": new["id"],
                "area_code": new["area_code"], "user_name": self.user.name, "device_id": self.device_id,
                "at": self.now, "fields": sorted(self.fields)}

    def _write_bulk(self) -> None:
        if self.inserts:
            self.conn.execute(INSERT_RECORD, list(self.inserts.values()))
        if self.updates:
            self.conn.execute(UPDATE_RECORD, [row_params(r) for r in self.updates.values()])
        if self.stored:
            self.conn.execute(_INSERT_OP, self.stored)
        if self.history:
            self.conn.execute(insert(record_history), self.history)
        if self.moves:
            self.conn.execute(insert(area_moves), self.moves)

    def _write_one(self, op: dict[str, Any], result: dict[str, Any],
                   new: Row | None) -> tuple[dict[str, Any], Row | None]:
        """Write one op's changes in its own SAVEPOINT; a refused write rejects the op alone."""
        key = (new["kind"], new["id"]) if new is not None else None
        entry = {"op_id": op["op_id"], "user_name": self.user.name, "result": result, "applied_at": self.now}
        try:
            with self.conn.begin_nested():
                if new is not None and key not in self.rows:
                    self.conn.execute(INSERT_RECORD, new)
                elif new is not None:
                    self.conn.execute(UPDATE_RECORD, row_params(new))
                    for move in moved(self.rows.get(key), new):
                        self.conn.execute(insert(area_moves), move)
                if new is not None:
                    self.conn.execute(insert(record_history), self._history(new))
                self.conn.execute(_INSERT_OP, entry)
        except _BAD_DATA as exc:
            log.warning("push user=%s: op refused by the database (%s)", self.user.name, type(exc).__name__)
            result = _rejected(op, Rejected("平台数据库无法保存这条修改（其中有数据库不接受的内容）。"))
            try:
                with self.conn.begin_nested():
                    self.conn.execute(_INSERT_OP, {**entry, "result": result})
            except _BAD_DATA:
                pass  # not even the op id can be stored: answer without remembering
            return result, None
        return result, new

    def _plan(self, op: dict[str, Any], changes: dict[str, Any]) -> tuple[dict[str, Any], Row | None]:
        """The op's result and the record's new row (None when nothing changes); Rejected if it may not apply."""
        user, device_id = self.user, self.device_id
        kind_name, rid, base = op["kind"], op["id"], int(op["base_version"])
        row = self.rows.get((kind_name, rid))
        changes = dict(changes)

        if row is None:
            if op["op"] == "delete":
                raise Rejected("记录不存在，无法删除。")
            area = changes.pop("area_code", None)
            if area is None:
                raise Rejected("新建记录缺少所属社区（area_code）。")
            if not user.scope.covers(area):
                raise Rejected("所属社区不在您的辖区内。")
            if not may_write(user.role, kind_name, changes, creating=True, deleting=False):
                raise Rejected(f"您的角色不能新建{KINDS[kind_name].label}。")
            deleted = bool(changes.pop("deleted", False))
            version = self.version + 1
            data = {n: v for n, v in changes.items() if v is not None}
            stamp = [version, device_id]
            fv = {n: stamp for n in data} | {"area_code": stamp}
            self.fields = [*fv, *(["deleted"] if deleted else [])]
            created = {"kind": kind_name, "id": rid, "area_code": area, "version": version, "deleted": deleted,
                       "data": data, "field_versions": fv, "changed_by": user.name, "changed_at": self.now,
                       "blob_sha256": blob_of(kind_name, data)}
            return _result(op, "applied", version, created), created

        if not user.scope.covers(row["area_code"]):
            raise Rejected("该记录不在您的辖区内。")
        if "area_code" in changes and not user.scope.covers(changes["area_code"]):
            raise Rejected("不能把记录移到您辖区以外的社区。")
        data = dict(row["data"] or {})
        current = {**data, "area_code": row["area_code"], "deleted": bool(row["deleted"])}
        differing = [n for n, v in changes.items() if current.get(n) != v]
        if not may_write(user.role, kind_name, differing, creating=False, deleting="deleted" in differing):
            raise Rejected(f"您的角色不能修改{KINDS[kind_name].label}的这些内容。")

        fv: dict[str, list] = dict(row["field_versions"] or {})

        def clashes(name: str) -> bool:
            last = fv.get(name)
            return bool(last) and int(last[0]) > base and last[1] != device_id

        applied = {n: changes[n] for n in differing if not clashes(n)}
        conflicts = [n for n in differing if n not in applied]
        if op["op"] == "upsert" and row["deleted"] and "deleted" not in changes and clashes("deleted"):
            # Edited here, deleted elsewhere meanwhile: the edit is kept in the tombstone and a person decides.
            conflicts.append("deleted")

        new: Row | None = None
        after = row
        if applied:
            version = self.version + 1
            self.fields = list(applied)
            for name, value in applied.items():
                fv[name] = [version, device_id]
                if name not in ("area_code", "deleted"):
                    if value is None:
                        data.pop(name, None)
                    else:
                        data[name] = value
            new = after = {
                "kind": kind_name, "id": rid, "area_code": applied.get("area_code", row["area_code"]),
                "deleted": bool(applied.get("deleted", row["deleted"])), "version": version, "data": data,
                "field_versions": fv, "changed_by": user.name, "changed_at": self.now,
                "blob_sha256": blob_of(kind_name, data)}
        result = _result(op, "conflict" if conflicts else "applied", int(after["version"]), after)
        if conflicts:
            result["conflicts"] = conflicts
        return result, new


def _prepare(op: dict[str, Any]) -> dict[str, Any] | Rejected:
    try:
        return canonical_changes(op)
    except Rejected as r:
        return r


def canonical_changes(op: dict[str, Any]) -> dict[str, Any]:
    """The op's canonical field values, ``area_code`` and ``deleted`` included; Rejected if any is bad."""
    kind = KINDS.get(op["kind"])
    if kind is None:
        raise Rejected(f"未知的记录类型：{op['kind']}")
    if op["op"] == "delete":
        return {"deleted": True}
    fields = dict(op.get("fields") or {})
    out: dict[str, Any] = {}
    if "area_code" in fields:
        area = fields.pop("area_code")
        if not isinstance(area, str) or not AREA_CODE.match(area):
            raise Rejected("所属社区代码（area_code）应为 12 位数字。")
        out["area_code"] = area
    if "deleted" in fields:
        flag = fields.pop("deleted")
        if not isinstance(flag, bool):
            raise Rejected("“deleted”应为 true 或 false。")
        out["deleted"] = flag
    unknown = sorted(set(fields) - set(kind.field_names))
    if unknown:
        raise Rejected(f"{kind.label}没有这些字段：{'、'.join(unknown)}")
    for name, value in fields.items():
        try:
            out[name] = check_value(kind, name, value)
        except FieldValueError as e:
            raise Rejected(str(e)) from None
    return out


def _result(op: dict[str, Any], status: str, version: int, row: Row) -> dict[str, Any]:
    return {"op_id": op["op_id"], "status": status, "version": version, "record": wire(SimpleNamespace(**row))}


def _rejected(op: dict[str, Any], r: Rejected) -> dict[str, Any]:
    return {"op_id": op["op_id"], "status": "rejected", "reason": r.reason}


def _repeat(op: dict[str, Any], user: User, owner: str, stored: dict[str, Any]) -> dict[str, Any]:
    """The answer to an op id seen before: its stored result as ``duplicate``, or rejected if not ours."""
    if owner != user.name:
        return {"op_id": op["op_id"], "status": "rejected", "reason": "操作编号已被其他用户使用。"}
    result = dict(stored)
    result["first_status"] = result["status"]
    result["status"] = "duplicate"
    return result


def row_params(row: Row) -> dict[str, Any]:
    return {"b_kind": row["kind"], "b_id": row["id"],
            **{c: row[c] for c in _RECORD_COLUMNS if c not in ("kind", "id")}}


def blob_of(kind_name: str, data: dict[str, Any]) -> str | None:
    return data.get("sha256") if kind_name == "attachment" else None
