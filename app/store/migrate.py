"""Bring a store to the head schema with Alembic, backing the file up first when anything will change."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from app.store.engine import export_copy

MIGRATIONS = Path(__file__).with_name("migrations")


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, path: Path, passphrase: str, target: str = "head") -> Path | None:
    """Migrate to ``target``; returns the backup made before migrating an existing store, if any."""
    cfg = _config()
    current = current_revision(engine)
    wanted = head_revision() if target == "head" else target
    if current == wanted:
        return None
    backup = None
    if current is not None:
        stamp = dt.datetime.now().strftime("%Y%m%d%H%M%S")
        backup = Path(f"{path}.bak-{current}-{stamp}")
        export_copy(engine, backup, passphrase)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    return backup
