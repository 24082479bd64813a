"""Push: apply one op at most once, with field-level merge (docs/SYNC.md "Push").

Every op runs in its own write transaction that first locks the counter row, so ops are applied one at a
time and version numbers are handed out in commit order: a change numbered N commits before N+1 is taken.
"""

from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, insert, select, update

from app.model.canonical import FieldValueError
from app.model.kinds import KINDS
from sync.server.auth import User
from sync.server.db import applied_ops, counter, records, writing
from sync.server.records import check_value, wire
from sync.server.scope import may_write

AREA_CODE = re.compile(r"^\d{12}$")


class Rejected(Exception):
    """The op will never apply; ``reason`` is shown to the user (Chinese)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


# Statements built once: constructing SQLAlchemy expressions per op cost more than running them.
_LOCK = select(counter.c.value).where(counter.c.id == 1).with_for_update()
_NEXT = update(counter).where(counter.c.id == 1).values(value=counter.c.value + 1).returning(counter.c.value)
_PRIOR = select(applied_ops.c.user_name, applied_ops.c.result).where(applied_ops.c.op_id == bindparam("b_op"))
_ROW = select(records).where(records.c.kind == bindparam("b_kind"), records.c.id == bindparam("b_id"))
_INSERT_RECORD = insert(records)
_UPDATE_RECORD = update(records).where(records.c.kind == bindparam("b_kind"), records.c.id == bindparam("b_id"))
_INSERT_OP = insert(applied_ops)


def next_version(conn: Connection) -> int:
    return int(conn.execute(_NEXT).scalar_one())


def apply_op(engine: Engine, user: User, device_id: str, op: dict[str, Any]) -> dict[str, Any]:
    """Apply one op in its own transaction together with its applied_ops row; returns the op's result."""
    with writing(engine) as conn:
        # The lock that serialises writers (a no-op SELECT on SQLite, whose BEGIN IMMEDIATE already did).
        conn.execute(_LOCK).scalar_one()
        prior = conn.execute(_PRIOR, {"b_op": op["op_id"]}).first()
        if prior is not None:
            if prior.user_name != user.name:
                return {"op_id": op["op_id"], "status": "rejected", "reason": "操作编号已被其他用户使用。"}
            result = dict(prior.result)
            result["first_status"] = result["status"]
            result["status"] = "duplicate"
            return result
        try:
            result = _apply(conn, user, device_id, op)
        except Rejected as r:
            result = {"op_id": op["op_id"], "status": "rejected", "reason": r.reason}
        conn.execute(_INSERT_OP, {"op_id": op["op_id"], "user_name": user.name, "result": result,
                                  "applied_at": utc_now()})
        return result


def _changes(op: dict[str, Any]) -> dict[str, Any]:
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


def _apply(conn: Connection, user: User, device_id: str, op: dict[str, Any]) -> dict[str, Any]:
    changes = _changes(op)
    kind_name, rid, base = op["kind"], op["id"], int(op["base_version"])
    row = conn.execute(_ROW, {"b_kind": kind_name, "b_id": rid}).first()
    now = utc_now()

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
        version = next_version(conn)
        data = {n: v for n, v in changes.items() if v is not None}
        stamp = [version, device_id]
        fv = {n: stamp for n in data} | {"area_code": stamp}
        created = {"kind": kind_name, "id": rid, "area_code": area, "version": version, "deleted": deleted,
                   "data": data, "field_versions": fv, "changed_by": user.name, "changed_at": now,
                   "blob_sha256": _blob_of(kind_name, data)}
        conn.execute(_INSERT_RECORD, created)
        return {"op_id": op["op_id"], "status": "applied", "version": version,
                "record": wire(SimpleNamespace(**created))}

    if not user.scope.covers(row.area_code):
        raise Rejected("该记录不在您的辖区内。")
    if "area_code" in changes and not user.scope.covers(changes["area_code"]):
        raise Rejected("不能把记录移到您辖区以外的社区。")
    data = dict(row.data or {})
    current = {**data, "area_code": row.area_code, "deleted": bool(row.deleted)}
    differing = [n for n, v in changes.items() if current.get(n) != v]
    if not may_write(user.role, kind_name, differing, creating=False, deleting="deleted" in differing):
        raise Rejected(f"您的角色不能修改{KINDS[kind_name].label}的这些内容。")

    fv: dict[str, list] = dict(row.field_versions or {})

    def clashes(name: str) -> bool:
        last = fv.get(name)
        return bool(last) and int(last[0]) > base and last[1] != device_id

    applied = {n: changes[n] for n in differing if not clashes(n)}
    conflicts = [n for n in differing if n not in applied]
    if op["op"] == "upsert" and row.deleted and "deleted" not in changes and clashes("deleted"):
        # Edited here, deleted elsewhere meanwhile: the edit is kept in the tombstone and a person decides.
        conflicts.append("deleted")

    version = int(row.version)
    if applied:
        version = next_version(conn)
        for name, value in applied.items():
            fv[name] = [version, device_id]
            if name not in ("area_code", "deleted"):
                if value is None:
                    data.pop(name, None)
                else:
                    data[name] = value
        values = {"area_code": applied.get("area_code", row.area_code),
                  "deleted": bool(applied.get("deleted", row.deleted)), "version": version, "data": data,
                  "field_versions": fv, "changed_by": user.name, "changed_at": now,
                  "blob_sha256": _blob_of(kind_name, data)}
        conn.execute(_UPDATE_RECORD, {"b_kind": kind_name, "b_id": rid, **values})
        after = SimpleNamespace(kind=kind_name, id=rid, **values)
    else:
        after = row
    result: dict[str, Any] = {"op_id": op["op_id"], "status": "conflict" if conflicts else "applied",
                              "version": version, "record": wire(after)}
    if conflicts:
        result["conflicts"] = conflicts
    return result


def _blob_of(kind_name: str, data: dict[str, Any]) -> str | None:
    return data.get("sha256") if kind_name == "attachment" else None
