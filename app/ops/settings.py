"""Changing settings kept inside the encrypted file (declared in ``app/settings.py``), running their upgrade
steps, and changing the passphrase that protects the file.

Settings are not records: they are not synced or audited, but a change is announced to listeners like any
other (kind ``meta``), so screens that show a setting follow it.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app import settings as s
from app.ops.validation import ValidationError
from app.store.engine import WrongPassphraseError, connect
from app.store.records import Change
from app.store.tables import meta

if TYPE_CHECKING:
    from app.collection import Collection

T = TypeVar("T")


def set_value(col: Collection, setting: s.Setting[T], value: Any) -> T:
    """Store ``value`` (converted to the setting's type; clamped for numbers); returns what was stored."""
    try:
        stored = setting.coerce(value)
    except (TypeError, ValueError):
        raise ValidationError({setting.key: f"设置值不正确：{value!r}"}) from None
    col.set_meta(setting.key, stored)
    return stored


def save_sync_settings(col: Collection, server: str, user: str, auto: bool, minutes: int) -> None:
    for setting, value in ((s.SYNC_SERVER, server), (s.SYNC_USER, user), (s.SYNC_AUTO, auto),
                           (s.SYNC_MINUTES, minutes)):
        set_value(col, setting, value)


def remember_server(col: Collection, server: str, *, only_if_unset: bool = False) -> None:
    """The platform given on the command line becomes this file's platform."""
    if not (only_if_unset and s.SYNC_SERVER.is_set(col)):
        set_value(col, s.SYNC_SERVER, server)


def append_sync_log(col: Collection, entry: dict[str, Any]) -> None:
    set_value(col, s.SYNC_LOG, (s.SYNC_LOG.get(col) + [entry])[-s.SYNC_LOG_SIZE:])


def change_passphrase(col: Collection, old: str, new: str) -> None:
    """Prove ``old`` opens the file (a second key derivation), then re-key it to ``new``."""
    try:
        connect(col.path, old).dispose()
    except WrongPassphraseError:
        raise WrongPassphraseError("原密码不正确。") from None
    col.change_passphrase(new)


def upgrade(col: Collection) -> int:
    """Run the settings' upgrade steps this file has not had, in one transaction; returns the version now."""
    version = s.SETTINGS_VERSION.get(col)
    steps = s.pending_upgrades(version)
    if not steps:
        return version
    changed: set[str] = set()
    with col.store.lock, col.store.engine.begin() as conn:
        for reached, reads, step in steps:
            rows = conn.execute(select(meta.c.key, meta.c.value).where(meta.c.key.in_(reads)))
            new, dropped = step({k: json.loads(v) for k, v in rows if v is not None})
            for key, value in {**new, s.SETTINGS_VERSION.key: reached}.items():
                text = json.dumps(s.REGISTRY[key].coerce(value), ensure_ascii=False)
                conn.execute(sqlite_insert(meta).values(key=key, value=text).on_conflict_do_update(
                    index_elements=[meta.c.key], set_={"value": text}))
            conn.execute(delete(meta).where(meta.c.key.in_(dropped)))
            changed |= set(new) | set(dropped)
            version = reached
    col.records.notify(Change({"meta": changed | {s.SETTINGS_VERSION.key}}))
    return version
