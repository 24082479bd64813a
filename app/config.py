"""Where things live on the device, and the app's settings registry (typed, with defaults)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "OutreachDesk"


def data_dir() -> Path:
    """Per-user data folder; ``OUTREACH_DATA_DIR`` overrides it (tests, portable installs)."""
    override = os.environ.get("OUTREACH_DATA_DIR")
    return Path(override) if override else user_data_path(APP_NAME, appauthor=False)


def default_store_path() -> Path:
    return data_dir() / "outreach.db"


def demo_store_path() -> Path:
    return data_dir() / "demo" / "demo.db"
