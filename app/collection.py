"""The one entry object to a worker's data (as Anki's ``Collection``): the UI, the CLI and sync all go through it.

A Collection is an unlocked store. Locking drops it (and with it the key); unlocking opens a new one.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app import settings
from app.store import audit
from app.store.engine import (  # the errors are re-exported: callers outside the core meet them here
    DamagedStoreError,
    NotAStoreError,
    Store,
    StoreError,
    StoreNotFoundError,
    WrongPassphraseError,
    classify,
    connect,
    export_copy,
    integrity_errors,
    raw_cursor,
)
from app.store.migrate import upgrade
from app.store.records import Change, Listener, Records, utc_now
from app.store.tables import TABLES, meta

__all__ = ["Change", "Collection", "DamagedStoreError", "Listener", "NotAStoreError", "StoreError",
           "StoreNotFoundError", "WrongPassphraseError"]


class Collection:
    def __init__(self, store: Store, backup: Path | None = None) -> None:
        self.store = store
        self.backup_made = backup  # backup written before a migration on this open, if any
        self.records = Records(store, "")
        self.records.actor = self.user["name"]  # meta is read through records

    # --- opening and closing -------------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path | str, passphrase: str, user: dict[str, Any] | None = None) -> Collection:
        """Make a new store. It is built under a temporary name and renamed into place only when complete,
        so a crash or a closed window never leaves a half-made file under the real name (such a file could
        never be opened again)."""
        path = Path(path)
        if path.is_dir():
            raise StoreError(f"这是一个文件夹，不能用作数据文件：{path}")
        if path.exists():
            raise StoreError(f"文件已存在，不会覆盖：{path}")
        tmp = path.with_name(path.name + ".creating")
        _remove_with_journal(tmp)
        engine = connect(tmp, passphrase, create=True)
        try:
            upgrade(engine, tmp, passphrase)
            col = cls(Store(tmp, engine))
            key = audit.head_key(passphrase)
            col.store.bind_audit_key(key)
            with col.store.lock, col.store.engine.begin() as conn:
                audit.start_head(conn, key)
            col.set_meta(settings.USER.key, {**settings.DEFAULT_USER, **(user or {})})
            col.set_meta(settings.DEVICE_ID.key, settings.DEVICE_ID.default_value())
            col.set_meta(settings.SETTINGS_VERSION.key, settings.CURRENT_VERSION)
            col.store.close()  # checkpoints the WAL: the one file now holds everything
            fd = os.open(tmp, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        except BaseException:
            engine.dispose()
            _remove_with_journal(tmp)
            raise
        os.replace(tmp, path)
        _fsync_dir(path.parent)
        col = cls(Store(path, connect(path, passphrase)))
        col.store.bind_audit_key(key)
        col.records.actor = col.user["name"]
        return col

    @classmethod
    def open(cls, path: Path | str, passphrase: str) -> Collection:
        """Open and migrate; raises a StoreError subclass with a Chinese message on any failure."""
        path = Path(path)
        engine = connect(path, passphrase)
        try:
            backup = upgrade(engine, path, passphrase)
            col = cls(Store(path, engine), backup)
            col._anchor_audit(audit.head_key(passphrase), migrated=backup is not None)
            from app.ops.settings import upgrade as upgrade_settings  # ops import this module

            upgrade_settings(col)
            return col
        except StoreError:
            engine.dispose()
            raise
        except Exception as exc:  # a damaged page met while reading the schema or settings
            engine.dispose()
            raise classify(exc) from None

    def _anchor_audit(self, key: bytes, *, migrated: bool) -> None:
        """Bind the head's key; a store without a head gets one at its present tail. That is expected once,
        when a store from before the head existed is migrated; otherwise the head was removed, and the new
        one says so (``outreach-desk check`` reports it)."""
        self.store.bind_audit_key(key)
        with self.store.lock, self.store.engine.begin() as conn:
            if audit.read_head(conn) is None:
                audit.start_head(conn, key, restarted=None if migrated else utc_now())

    def close(self) -> None:
        self.store.close()

    @property
    def path(self) -> Path:
        return self.store.path

    # --- settings kept inside the encrypted file -----------------------------------------------------
    def get_meta(self, key: str, default: Any = None) -> Any:
        with self.records.reading() as conn:
            value = conn.execute(select(meta.c.value).where(meta.c.key == key)).scalar()
        return default if value is None else json.loads(value)

    def set_meta(self, key: str, value: Any) -> None:
        text = json.dumps(value, ensure_ascii=False)
        stmt = sqlite_insert(meta).values(key=key, value=text)
        stmt = stmt.on_conflict_do_update(index_elements=[meta.c.key], set_={"value": text})
        with self.records.transaction() as tx:  # inside a batch, part of it
            tx.conn.execute(stmt)
        # Settings changes are announced like record changes (kind "meta"), so e.g. the status bar learns
        # of a finished sync without being told by the sync screen.
        self.records.notify(Change({"meta": {key}}))

    @property
    def user(self) -> dict[str, Any]:
        return {**settings.DEFAULT_USER, **settings.USER.get(self)}

    @property
    def actor_name(self) -> str:
        """Who is acting, as people read it: the display name, never only a login (read it before a write
        transaction: settings use their own connection)."""
        user = self.user
        return user.get("display_name") or user.get("name") or ""

    def set_user(self, user: dict[str, Any]) -> None:
        self.set_meta(settings.USER.key, {**settings.DEFAULT_USER, **user})
        self.records.actor = user["name"]

    # --- change notification -------------------------------------------------------------------------
    def subscribe(self, listener: Listener):  # noqa: ANN201 - returns an unsubscribe callable
        return self.records.subscribe(listener)

    # --- integrity and passphrase --------------------------------------------------------------------
    def verify_audit(self) -> list[audit.ChainBreak]:
        with self.records.reading() as conn:
            return audit.verify(conn)

    def check_integrity(self) -> None:
        """Verify every page's HMAC (reads the whole file: seconds on a large store, so on demand only)."""
        with self.store.lock:
            try:
                errors = integrity_errors(self.store.engine)
            except Exception as exc:
                raise classify(exc) from None
        if errors:
            raise DamagedStoreError(f"数据文件已损坏（{len(errors)} 处校验失败）。请联系管理员，用备份恢复。")

    def counts(self) -> dict[str, int]:
        """Live (not deleted) records per kind."""
        out = {}
        with self.records.reading() as conn:
            for name, t in TABLES.items():
                out[name] = int(conn.execute(select(func.count()).select_from(t).where(
                    t.c.deleted.is_(False))).scalar() or 0)
        return out

    def change_passphrase(self, new_passphrase: str) -> None:
        """Re-key by writing a fully encrypted copy under the new key and swapping it in atomically.

        Until the final rename the old file is untouched, so a failure at any point leaves it usable
        with the old passphrase; after the rename the new file is complete.
        """
        path = self.path
        tmp = path.with_name(path.name + ".rekey")
        with self.store.lock:
            export_copy(self.store.engine, tmp, new_passphrase)
            try:
                check = connect(tmp, new_passphrase)
                with raw_cursor(check) as cur:
                    cur.execute("SELECT count(*) FROM meta").fetchone()
                check.dispose()
            except StoreError:
                tmp.unlink(missing_ok=True)
                raise
            self.store.engine.dispose()
            for suffix in ("-wal", "-shm"):
                Path(str(tmp) + suffix).unlink(missing_ok=True)
            os.replace(tmp, path)
            _fsync_dir(path.parent)
            self.store.engine = connect(path, new_passphrase)
            old_key = self.store.audit_key
            self.store.bind_audit_key(audit.head_key(new_passphrase))
            with self.store.engine.begin() as conn:
                audit.rekey_head(conn, old_key, self.store.audit_key)


def _remove_with_journal(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        p.unlink(missing_ok=True)


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
