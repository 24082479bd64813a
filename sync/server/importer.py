"""Bulk-load records the platform already holds (it is the system of record): ``outreach-platform import``.

Each chunk of records is one write transaction holding the counter lock, like a push batch, so imported
records take versions in commit order and laptops receive them by their ordinary pull. An imported record
replaces the stored copy (the wire form always carries every field); one equal to the stored copy takes no
new version, so running the same import again changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import IO, Any

from sqlalchemy import Engine, insert

from sync.server.db import area_moves, record_history, writing
from sync.server.ops import (
    INSERT_RECORD,
    LOCK_COUNTER,
    SET_COUNTER,
    UPDATE_RECORD,
    Rejected,
    blob_of,
    canonical_changes,
    load_rows,
    moved,
    row_params,
    utc_now,
)

IMPORT_DEVICE = "platform-import"  # the "device" of imported changes: a laptop's later edit never matches it


class ImportFailed(ValueError):
    """A record that cannot be imported (Chinese message naming its position)."""


def import_records(engine: Engine, records: Iterable[Mapping[str, Any]], by: str, *,
                   chunk: int = 5000) -> dict[str, int]:
    """Import wire-form records (``kind``, ``id``, ``area_code``, ``deleted``, ``fields``; version and
    ``changed_*`` are ignored) as changes made by ``by``. Returns ``{"inserted", "updated", "unchanged"}``.

    Each chunk commits on its own: a bad record stops the import with ImportFailed and leaves the chunks
    before it imported (running the corrected file again skips them as unchanged).
    """
    counts = {"inserted": 0, "updated": 0, "unchanged": 0}
    it = iter(records)
    done = 0
    while True:
        part = list(islice(it, chunk))
        if not part:
            return counts
        prepared = [_check(rec, done + i + 1) for i, rec in enumerate(part)]
        with writing(engine) as conn:
            top = version = int(conn.execute(LOCK_COUNTER).scalar_one())
            rows = load_rows(conn, {(kind, rid) for kind, rid, _ in prepared})
            now = utc_now()
            inserts: dict[tuple[str, str], dict[str, Any]] = {}
            updates: dict[tuple[str, str], dict[str, Any]] = {}
            history: list[dict[str, Any]] = []
            moves: list[dict[str, Any]] = []
            for kind, rid, changes in prepared:
                key = (kind, rid)
                area, deleted = changes.pop("area_code"), bool(changes.pop("deleted", False))
                data = {n: v for n, v in changes.items() if v is not None}
                old = rows.get(key)
                if old is None:
                    version += 1
                    stamp = [version, IMPORT_DEVICE]
                    fv = {n: stamp for n in data} | {"area_code": stamp}
                    changed = [*fv, *(["deleted"] if deleted else [])]
                    counts["inserted"] += 1
                else:
                    old_data = old["data"] or {}
                    changed = [n for n in data.keys() | old_data.keys() if data.get(n) != old_data.get(n)]
                    changed += [n for n, a, b in (("area_code", area, old["area_code"]),
                                                  ("deleted", deleted, bool(old["deleted"]))) if a != b]
                    if not changed:
                        counts["unchanged"] += 1
                        continue
                    version += 1
                    fv = dict(old["field_versions"] or {}) | {n: [version, IMPORT_DEVICE] for n in changed}
                    counts["updated"] += 1
                row = {"kind": kind, "id": rid, "area_code": area, "version": version, "deleted": deleted,
                       "data": data, "field_versions": fv, "changed_by": by, "changed_at": now,
                       "blob_sha256": blob_of(kind, data)}
                moves += moved(old, row)
                if old is None or key in inserts:
                    inserts[key] = row  # a record twice in one chunk: the last copy wins
                else:
                    updates[key] = row
                rows[key] = row
                history.append({"version": version, "kind": kind, "record_id": rid, "area_code": area,
                                "user_name": by, "device_id": IMPORT_DEVICE, "at": now, "fields": sorted(changed)})
            if inserts:
                # In key order: neighbouring index pages, not random ones (versions still follow the file).
                conn.execute(INSERT_RECORD, [inserts[k] for k in sorted(inserts)])
            if updates:
                conn.execute(UPDATE_RECORD, [row_params(r) for r in updates.values()])
            if history:
                conn.execute(insert(record_history), history)
            if moves:
                conn.execute(insert(area_moves), moves)
            if version > top:
                conn.execute(SET_COUNTER, {"b_value": version})
        done += len(part)


def _check(rec: Mapping[str, Any], n: int) -> tuple[str, str, dict[str, Any]]:
    """(kind, id, canonical changes incl. area_code and deleted) of one record, or ImportFailed."""
    if not isinstance(rec, Mapping):
        raise ImportFailed(f"第 {n} 条记录不是 JSON 对象。")
    kind, rid = rec.get("kind"), rec.get("id")
    if not isinstance(kind, str) or not isinstance(rid, str) or not 0 < len(rid) <= 64:
        raise ImportFailed(f"第 {n} 条记录缺少 kind 或 id（id 最长 64 个字符）。")
    fields = rec.get("fields")
    if fields is not None and not isinstance(fields, Mapping):
        raise ImportFailed(f"第 {n} 条记录的 fields 应为 JSON 对象。")
    op = {"kind": kind, "op": "upsert",
          "fields": {**(fields or {}), "area_code": rec.get("area_code"), "deleted": bool(rec.get("deleted"))}}
    try:
        return kind, rid, canonical_changes(op)
    except Rejected as r:
        raise ImportFailed(f"第 {n} 条记录（{kind} {rid}）：{r.reason}") from None


def read_jsonl(stream: IO[str]) -> Iterator[dict[str, Any]]:
    """Records from JSON Lines (one wire record per line; blank lines skipped)."""
    for n, line in enumerate(stream, 1):
        if line.strip():
            try:
                yield json.loads(line)
            except json.JSONDecodeError as e:
                raise ImportFailed(f"第 {n} 行不是有效的 JSON：{e.msg}") from None
