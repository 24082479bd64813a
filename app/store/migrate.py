"""Bring a store to the head schema with Alembic, backing the file up first when anything will change.

A migration that fails puts the backup back in place of the store (see ``_restore``), so an upgrade of the
app never leaves a worker with a half-migrated file: the older release still opens it.

Alembic (≈11 MB and a noticeable import) loads only when a migration is due: an up-to-date store is
recognised by reading its version row against ``HEAD``, which a test keeps equal to Alembic's head.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

from app.store.engine import StoreError, export_copy

MIGRATIONS = Path(__file__).with_name("migrations")
HEAD = "0005"


class MigrationError(StoreError):
    """A migration failed; the store file is back to its state before the attempt."""


def _config() -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    """Alembic's own idea of the head (tests compare it with ``HEAD``)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        exists = conn.execute(text(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")).first()
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar() if exists else None


def upgrade(engine: Engine, path: Path, passphrase: str, target: str = "head") -> Path | None:
    """Migrate to ``target``; returns the backup made before migrating an existing store, if any."""
    current = current_revision(engine)
    if current == (HEAD if target == "head" else target):
        return None
    from alembic import command

    backup = None
    if current is not None:
        stamp = dt.datetime.now().strftime("%Y%m%d%H%M%S")
        backup = Path(f"{path}.bak-{current}-{stamp}")
        export_copy(engine, backup, passphrase)
    cfg = _config()
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
    except Exception as exc:
        if backup is None:  # a brand-new store: nothing to keep
            raise
        engine.dispose()
        _restore(backup, path)
        raise MigrationError(
            f"数据文件升级失败（版本 {current} → {target}），已用升级前的备份恢复，数据没有改动。"
            f"请联系管理员。备份：{backup}；原因：{exc}") from exc
    return backup


def _restore(backup: Path, path: Path) -> None:
    """Put ``backup`` in place of the store at ``path`` (the engine on it must be disposed already).

    The rollback of the failed transaction normally leaves the file as it was; the copy also covers a step
    that changed the file outside the transaction. A leftover WAL would be replayed onto the restored file,
    so it goes first; the copy replaces the store in one rename, never leaving a half-written file.
    """
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    tmp = Path(f"{path}.restoring")
    shutil.copyfile(backup, tmp)
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
