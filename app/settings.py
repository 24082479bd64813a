"""Every setting kept inside the encrypted file, declared once with its type and default (as MusicBrainz
Picard's option registry), and the upgrade steps that moved older layouts to this one.

Read a setting with ``setting.get(col)``; change it with ``app.ops.settings.set_value(col, setting, value)``.
A stored value of the wrong type (a hand-edited or older file) reads as the default, never as an error.
Sync bookkeeping (cursor, token, last run, refused changes) is not a setting: ``app/store/sync_state.py``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")
_MISSING = object()


@dataclass(frozen=True, eq=False)
class Setting(Generic[T]):
    key: str  # the meta key
    type: type  # int, bool, str, list or dict
    default: T | Callable[[], T]  # a callable makes a fresh default (lists, ids)
    doc: str
    minimum: int | None = None  # ints are clamped into [minimum, maximum]
    maximum: int | None = None
    keys: tuple[str, ...] = field(default=())  # dicts: the keys a value keeps (others are dropped)

    def default_value(self) -> T:
        return self.default() if callable(self.default) else self.default

    def coerce(self, value: Any) -> T:
        """``value`` as this setting's type; raises TypeError/ValueError when it cannot be one."""
        if self.type is bool:
            if not isinstance(value, bool):
                raise TypeError(f"{self.key}: 应为是/否")
            return value  # type: ignore[return-value]
        if self.type is int:
            if isinstance(value, bool):
                raise TypeError(f"{self.key}: 应为整数")
            n = int(value)
            if self.minimum is not None:
                n = max(self.minimum, n)
            if self.maximum is not None:
                n = min(self.maximum, n)
            return n  # type: ignore[return-value]
        if not isinstance(value, self.type):
            raise TypeError(f"{self.key}: 应为 {self.type.__name__}")
        if self.type is dict and self.keys:
            return {k: value[k] for k in self.keys if k in value}  # type: ignore[return-value]
        return value

    def get(self, col: Any) -> T:
        raw = col.get_meta(self.key, _MISSING)
        if raw is _MISSING:
            return self.default_value()
        try:
            return self.coerce(raw)
        except (TypeError, ValueError):
            return self.default_value()

    def is_set(self, col: Any) -> bool:
        return col.get_meta(self.key, _MISSING) is not _MISSING


REGISTRY: dict[str, Setting[Any]] = {}


def declare(key: str, type_: type, default: Any, doc: str, **options: Any) -> Setting[Any]:
    if key in REGISTRY:
        raise ValueError(f"setting {key!r} declared twice")
    setting = Setting(key, type_, default, doc, **options)
    REGISTRY[key] = setting
    return setting


DEFAULT_USER = {"name": "worker", "display_name": "社区专干", "role": "worker", "areas": []}
DEMO_SERVER = "http://127.0.0.1:8765"  # the demo platform (outreach-platform serve --demo)

USER: Setting[dict[str, Any]] = declare(
    "user", dict, lambda: dict(DEFAULT_USER), "who works with this file: name (login), display_name, role, areas")
DEVICE_ID: Setting[str] = declare(
    "device_id", str, lambda: str(uuid.uuid4()), "this laptop's id towards the platform (made when the file is)")
AUTO_LOCK_MINUTES: Setting[int] = declare(
    "auto_lock_minutes", int, 10, "lock after this many idle minutes", minimum=1, maximum=120)
SYNC_SERVER: Setting[str] = declare("sync_server", str, DEMO_SERVER, "the platform's address")
SYNC_USER: Setting[str] = declare("sync_user", str, "", "platform login name (empty: the file's user)")
SYNC_AUTO: Setting[bool] = declare("sync_auto", bool, False, "sync by itself when the platform answers")
SYNC_MINUTES: Setting[int] = declare("sync_minutes", int, 15, "minutes between automatic syncs", minimum=1)
SYNC_LOG: Setting[list[dict[str, Any]]] = declare(
    "sync_log", list, list, "the last SYNC_LOG_SIZE run summaries: counts and Chinese messages, no record data")
SYNC_LOG_SIZE = 50
USER_DIRECTORY: Setting[dict[str, Any]] = declare(
    "user_directory", dict, dict,
    "login → {display_name, role} of the platform users this user may need to name (synced: docs/SYNC.md)")
SETTINGS_VERSION: Setting[int] = declare("settings_version", int, 0, "the layout below; see UPGRADES")


# --- upgrade steps ---------------------------------------------------------------------------------------
def _v1(old: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Before: ``ui_settings`` {auto_lock_minutes} and ``sync_settings`` {user, auto, minutes}; now one key each."""
    ui, sync = old.get("ui_settings") or {}, old.get("sync_settings") or {}
    new = {}
    if isinstance(ui, dict) and "auto_lock_minutes" in ui:
        new["auto_lock_minutes"] = ui["auto_lock_minutes"]
    if isinstance(sync, dict):
        for was, now in (("user", "sync_user"), ("auto", "sync_auto"), ("minutes", "sync_minutes")):
            if sync.get(was) not in (None, ""):
                new[now] = sync[was]
    return new, ["ui_settings", "sync_settings"]


# (version reached, the meta keys it reads, step: old values → (new values, keys to delete))
UPGRADES: list[tuple[int, tuple[str, ...], Callable[[dict[str, Any]], tuple[dict[str, Any], list[str]]]]] = [
    (1, ("ui_settings", "sync_settings"), _v1),
]
CURRENT_VERSION = UPGRADES[-1][0]


def pending_upgrades(version: int) -> list[tuple[int, tuple[str, ...], Callable[..., Any]]]:
    return [u for u in UPGRADES if u[0] > version]
