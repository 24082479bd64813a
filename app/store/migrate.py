"""Bring a store to the head schema with Alembic, backing the file up first when anything will change.

Alembic (≈11 MB and a noticeable import) loads only when a migration is due: an up-to-date store is
recognised by reading its version row against ``HEAD``, which a test keeps equal to Alembic's head.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

from app.store.engine import export_copy

MIGRATIONS = Path(__file__).with_name("migrations")
HEAD = "0005"


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
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    return backup
