"""Stored records ↔ the canonical form (app.model.canonical) and the wire form of docs/SYNC.md."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import orjson
from sqlalchemy import ColumnElement, Connection, Text, and_, cast, not_, select

from app.model.canonical import FieldValueError, coerce
from app.model.kinds import KINDS, Kind
from sync.server.db import area_moves, is_sqlite, records

if TYPE_CHECKING:
    from sync.server.auth import User

_SCALAR_TYPES = {"str", "int", "bool", "date"}


def check_value(kind: Kind, name: str, value: Any) -> Any:
    """The canonical value of one field, or FieldValueError (Chinese message).

    Stricter than ``coerce`` where coercion would silently mangle: a list or object for a scalar field,
    a fraction for an integer.
    """
    ftype = kind.field(name).type
    label = kind.field(name).label or name
    if ftype in _SCALAR_TYPES and isinstance(value, (list, dict)):
        raise FieldValueError(f"“{label}”的值类型不正确")
    if ftype == "int" and isinstance(value, float) and not value.is_integer():
        raise FieldValueError(f"“{label}”应为整数")
    return coerce(kind, name, value)


def canonical_row(row: Any) -> dict[str, Any]:
    """A stored row as the canonical dict ``app.model.canonical.canonical`` expects (fields flat)."""
    data: Mapping[str, Any] = row.data or {}
    out: dict[str, Any] = {"id": row.id, "area_code": row.area_code, "version": int(row.version),
                           "deleted": bool(row.deleted)}
    for name in KINDS[row.kind].field_names:
        out[name] = data.get(name)
    return out


def wire(row: Any) -> dict[str, Any]:
    """A stored row as a wire record: common columns plus ``fields`` (every field of the kind, null if unset)."""
    return _wire(row.kind, row.id, row.area_code, row.version, row.deleted, row.data, row.changed_by,
                 row.changed_at)


def _wire(kind: str, id_: str, area_code: str, version: int, deleted: Any, data: Mapping[str, Any] | None,
          changed_by: str | None, changed_at: str | None) -> dict[str, Any]:
    names = _FIELD_NAMES[kind]
    # Every field of the kind, null where ``data`` leaves it out (a client clears those); a stored key that is
    # no longer a field of the kind is not sent. ``update`` keeps the order of ``names``, so the rebuild is
    # needed only when ``data`` held such a key.
    fields = dict.fromkeys(names)
    if data:
        fields.update(data)
        if len(fields) != len(names):
            fields = {name: fields[name] for name in names}
    return {"kind": kind, "id": id_, "area_code": area_code, "version": int(version), "deleted": bool(deleted),
            "changed_by": changed_by, "changed_at": changed_at, "fields": fields}


# ``Kind.field_names`` builds its tuple on every call; a pull page asks it thousands of times.
_FIELD_NAMES = {name: kind.field_names for name, kind in KINDS.items()}


# What a pull reads: everything ``wire`` needs and not the merge state (``field_versions``), which would be
# parsed for nothing. ``data`` comes as its JSON text (a cast: psycopg would parse json itself) and is parsed
# with orjson in ``pull_page``, the same on every backend and whatever the engine's JSON settings.
_PULL_COLUMNS = (records.c.kind, records.c.id, records.c.area_code, records.c.version, records.c.deleted,
                 cast(records.c.data, Text), records.c.changed_by, records.c.changed_at)


def pull_page(conn: Connection, in_scope: ColumnElement[bool], cursor: int, limit: int) -> list[dict[str, Any]]:
    """Wire records of the first ``limit`` changes after ``cursor`` that ``in_scope`` admits, in version order."""
    page = select(records.c.version).where(records.c.version > cursor, in_scope).order_by(records.c.version)
    if is_sqlite(conn):
        # SQLite serves a scope from ix_records_area_version and sorts what it finds: asked for whole rows, it
        # reads the row of every record in scope after the cursor to keep the first ``limit``, on every page.
        # The versions alone are in that index, so the page is chosen from the index and only its rows are read.
        q = (select(*_PULL_COLUMNS).where(records.c.version.in_(page.limit(limit)))
             .order_by(records.c.version))
    else:
        q = page.with_only_columns(*_PULL_COLUMNS).limit(limit)
    loads = orjson.loads
    return [_wire(kind, id_, area, version, deleted, loads(data) if data else None, by, at)
            for kind, id_, area, version, deleted, data, by, at in conn.execute(q)]


def scope_exits(conn: Connection, user: User, after: int, upto: int) -> list[dict[str, Any]]:
    """Records that were moved out of ``user``'s scope by a change in (after, upto] and are outside it now:
    the laptop removes its copy (issue 15). A record moved out and back again is not listed."""
    if upto <= after:
        return []
    q = (select(area_moves.c.kind, area_moves.c.id, area_moves.c.version)
         .join(records, and_(records.c.kind == area_moves.c.kind, records.c.id == area_moves.c.id))
         .where(area_moves.c.version > after, area_moves.c.version <= upto, user.scope.where(area_moves.c.from_area),
                not_(user.scope.where(records.c.area_code)))
         .order_by(area_moves.c.version))
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for r in conn.execute(q):
        out[(r.kind, r.id)] = {"kind": r.kind, "id": r.id, "version": int(r.version)}
    return list(out.values())
