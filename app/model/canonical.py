"""Canonical form of a record: the one shape used on the wire, in digests and for comparisons.

Both the laptop store and the reference server reduce a record to this form, so a digest computed on
either side over the same data is identical.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from app.model.kinds import Kind


class FieldValueError(ValueError):
    """A value that does not fit its field's type (message in Chinese)."""


def coerce(kind: Kind, name: str, value: Any) -> Any:
    """Coerce one field value to its canonical JSON type; ``None`` stays ``None``."""
    if value is None:
        return None
    ftype = kind.field(name).type
    label = kind.field(name).label or name
    try:
        if ftype == "str":
            return str(value)
        if ftype == "int":
            if isinstance(value, bool):
                raise TypeError
            return int(value)
        if ftype == "bool":
            if isinstance(value, str):
                return value.strip().lower() in ("1", "true", "yes", "是")
            return bool(value)
        if ftype == "date":
            if isinstance(value, dt.datetime):
                return value.date().isoformat()
            if isinstance(value, dt.date):
                return value.isoformat()
            if value == "":
                return None
            return dt.date.fromisoformat(str(value)).isoformat()
        if ftype == "json":
            if isinstance(value, str):
                value = json.loads(value)
            if not isinstance(value, (list, dict)):
                raise TypeError
            return value
    except (TypeError, ValueError):
        raise FieldValueError(f"“{label}”的值不正确：{value!r}") from None
    raise FieldValueError(f"未知的字段类型：{ftype}")


def canonical(kind: Kind, record: Mapping[str, Any]) -> dict[str, Any]:
    """The digest-relevant content: id, area, version, tombstone and every field (missing → None)."""
    out: dict[str, Any] = {
        "id": record["id"],
        "area_code": record.get("area_code"),
        "version": int(record.get("version") or 0),
        "deleted": bool(record.get("deleted")),
    }
    for name in kind.field_names:
        out[name] = coerce(kind, name, record.get(name))
    return out


# One encoder for every call: ``json.dumps`` with options builds a new one each time (a first pull dumps
# hundreds of thousands of values).
dumps = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode


def digest(kind: Kind, records: Iterable[Mapping[str, Any]]) -> tuple[int, str]:
    """(count, sha256 hex) over the canonical records sorted by id."""
    lines = sorted(dumps(canonical(kind, r)) for r in records)
    h = hashlib.sha256()
    for line in lines:
        h.update(line.encode())
        h.update(b"\n")
    return len(lines), h.hexdigest()
