"""Settings kept inside the encrypted store (meta), and the passphrase that protects it.

These are not records: they are not synced or audited, but a change is announced to listeners like any
other (kind ``meta``), so screens that show a setting follow it.
"""

from __future__ import annotations

from typing import Any

from app.collection import Collection
from app.store.engine import WrongPassphraseError, connect

UI_SETTINGS_KEY = "ui_settings"  # {"auto_lock_minutes"}
SYNC_SERVER_KEY = "sync_server"  # the platform's URL
SYNC_SETTINGS_KEY = "sync_settings"  # {"user", "auto", "minutes"}
SYNC_LOG_KEY = "sync_log"  # the last SYNC_LOG_SIZE run summaries: counts and Chinese messages, no record data
SYNC_LOG_SIZE = 50


def change_passphrase(col: Collection, old: str, new: str) -> None:
    """Prove ``old`` opens the file (a second key derivation), then re-key it to ``new``."""
    try:
        connect(col.path, old).dispose()
    except WrongPassphraseError:
        raise WrongPassphraseError("原密码不正确。") from None
    col.change_passphrase(new)


def set_auto_lock_minutes(col: Collection, minutes: int) -> None:
    value = col.get_meta(UI_SETTINGS_KEY, {}) or {}
    col.set_meta(UI_SETTINGS_KEY, {**(value if isinstance(value, dict) else {}), "auto_lock_minutes": int(minutes)})


def save_sync_settings(col: Collection, server: str, settings: dict[str, Any]) -> None:
    col.set_meta(SYNC_SERVER_KEY, server)
    col.set_meta(SYNC_SETTINGS_KEY, settings)


def remember_server(col: Collection, server: str, *, only_if_unset: bool = False) -> None:
    """The platform given on the command line becomes this file's platform."""
    if only_if_unset and col.get_meta(SYNC_SERVER_KEY):
        return
    col.set_meta(SYNC_SERVER_KEY, server)


def append_sync_log(col: Collection, entry: dict[str, Any]) -> None:
    log = col.get_meta(SYNC_LOG_KEY, []) or []
    col.set_meta(SYNC_LOG_KEY, (log + [entry])[-SYNC_LOG_SIZE:])
