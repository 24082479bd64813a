"""A first pull's pages converted to stored rows in worker processes (issue 16: a county in ≤ 30 s).

Turning a pulled record into its row — its values checked, its digest, the search keys of a name — and binding
its 27 values through the driver costs tens of microseconds of Python a record; SQLite copies a row from one
attached database to another in a few. So while the sync thread applies one page, worker processes convert the
next ones (``stage_page``), each into a database file of its own, and the sync thread copies the rows in with
one INSERT … SELECT per kind (``app/store/bulk.take_staged``), the page's audit entry and its cursor in the same
transaction as before.

A staged file holds personal data: it is encrypted like the store, under a random key that exists only in the
memory of the two processes, sits next to the store, and is deleted once applied (or when the pull ends or
stops; what a killed process left, at the next first pull's start). Only a first pull into an empty store
stages, and only pages of ``STAGE_MIN`` records or more: the records of such a page are nearly all new here. Whatever the worker did not stage (a record seen twice, a value
that needs a closer look) and whatever turns out to be here already goes through the ordinary merge; a worker
that fails leaves its page to the ordinary path too.
"""

from __future__ import annotations

import logging
import multiprocessing
import secrets
import uuid
from collections.abc import Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

log = logging.getLogger(__name__)

STAGE_MIN = 2_000  # records in a page before it is worth a worker's time
WORKERS = 2


@dataclass
class Staged:
    """What a worker wrote for one page (all of it picklable: it crosses back from the worker)."""

    path: str
    key: str  # 64 hex digits: a raw SQLCipher key, no key derivation on either side
    kinds: list[str] = field(default_factory=list)  # kinds with rows in the file
    copies: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)  # kind → actor → {id: digest}
    blobs: dict[str, str] = field(default_factory=dict)  # attachment id → sha256 of a file to download
    skipped: list[int] = field(default_factory=list)  # positions in the page's changes left to the merge


def flat(record: Any, rid: str | None, version: Any) -> dict[str, Any] | None:
    """A wire record with its ``fields`` lifted to the top (the record's own ``kind`` key is dropped: a
    service's or follow-up's ``kind`` is a field)."""
    if not isinstance(record, Mapping):
        return None
    out = dict(record)
    fields = out.pop("fields", None)
    out.pop("kind", None)
    if fields:
        out.update(fields)
    out.setdefault("id", rid)
    if out.get("version") is None:
        out["version"] = version
    return out


def stage_page(raw: bytes, path: str, key: str) -> Staged:
    """Write the first copies of a pulled page (its JSON body) to a new encrypted file (runs in a worker)."""
    import sqlcipher3.dbapi2 as sqlcipher

    from app.model.kinds import KINDS
    from app.store.records import first_copy, insert_columns

    changes = orjson.loads(raw)["changes"]
    staged = Staged(path, key)
    rows: dict[str, list[tuple[Any, ...]]] = {}
    seen: set[tuple[str, str]] = set()
    for i, rec in enumerate(changes):
        kind = rec.get("kind")
        if kind not in KINDS:
            continue  # the sync thread warns about it
        rid = rec.get("id")
        state = flat(rec, rid, rec.get("version"))
        if (kind, rid) in seen or state is None or not isinstance(rid, str):
            staged.skipped.append(i)
            continue
        try:
            values, actor, digest = first_copy(kind, state)
        except Exception:  # noqa: BLE001 — the merge reports it as it always has
            staged.skipped.append(i)
            continue
        seen.add((kind, rid))
        rows.setdefault(kind, []).append(values)
        staged.copies.setdefault(kind, {}).setdefault(actor, {})[rid] = digest
        if kind == "attachment" and not state.get("deleted") and state.get("sha256"):
            staged.blobs[rid] = state["sha256"]
    db = sqlcipher.connect(path, isolation_level=None)
    try:
        db.execute(f"PRAGMA key = \"x'{key}'\"")
        db.execute("PRAGMA journal_mode = OFF")  # a scratch file: written once, thrown away
        db.execute("PRAGMA synchronous = OFF")
        db.execute("BEGIN")
        for kind, values in rows.items():
            columns = insert_columns(kind)
            names = ", ".join(f'"{c}"' for c in columns)
            db.execute(f'CREATE TABLE "{kind}" ({names})')
            values.sort()  # by id: the store's key index is filled in order
            db.executemany(f'INSERT INTO "{kind}" VALUES ({", ".join("?" * len(columns))})', values)
            staged.kinds.append(kind)
        db.execute("COMMIT")
    finally:
        db.close()
    return staged


class Stager:
    """The worker processes of one pull, started at its first large page; ``close`` stops them and deletes every
    staged file, applied or not."""

    def __init__(self, store: Path, enabled: bool, *, min_records: int = STAGE_MIN, workers: int = WORKERS) -> None:
        self.folder = store.parent
        self.prefix = f".{store.name}.stage-"  # next to the store it fills, named after it
        self.enabled = enabled
        self.min_records = min_records
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._paths: list[Path] = []
        if enabled:  # what a pull of this store left when its process was killed: unreadable, but disk space
            for orphan in self.folder.glob(self.prefix + "*"):
                orphan.unlink(missing_ok=True)

    def depth(self, group: int) -> int:
        """Pages to keep in hand: a group being applied, and one converting in each worker."""
        return group + self.workers if self._pool is not None else 1

    def submit(self, raw: bytes, count: int) -> Future[Staged] | None:
        if not self.enabled or count < self.min_records:
            return None
        if self._pool is None:
            # "spawn": a fresh interpreter, never a fork of a process with Qt and sync threads running.
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
        path = self.folder / f"{self.prefix}{uuid.uuid4().hex}.db"
        self._paths.append(path)
        return self._pool.submit(stage_page, raw, str(path), secrets.token_hex(32))

    def result(self, future: Future[Staged] | None) -> Staged | None:
        """The staged page, or None for the ordinary path (no worker, or the worker failed)."""
        if future is None:
            return None
        try:
            return future.result()
        except Exception:  # noqa: BLE001 — a broken worker costs speed, never records
            log.exception("sync: a staging worker failed; its page is applied the ordinary way")
            self.enabled = False
            return None

    def done(self, staged: Staged) -> None:
        _unlink(Path(staged.path))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        for path in self._paths:
            _unlink(path)
        self._paths.clear()


def _unlink(path: Path) -> None:
    for p in (path, path.with_name(path.name + "-journal")):
        p.unlink(missing_ok=True)
