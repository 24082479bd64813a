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
    """The store to open: the one the user last made elsewhere (recorded in the data folder), else the default."""
    chosen = data_dir() / "store-path.txt"
    if chosen.exists():
        text = chosen.read_text(encoding="utf-8").strip()
        if text:
            return Path(text)
    return data_dir() / "outreach.db"


def remember_store_path(path: Path) -> None:
    """Open ``path`` from now on (a new store made because the default one could not be opened)."""
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / "store-path.txt.tmp"
    tmp.write_text(str(Path(path).resolve()), encoding="utf-8")
    os.replace(tmp, folder / "store-path.txt")


def demo_store_path() -> Path:
    return data_dir() / "demo" / "demo.db"
