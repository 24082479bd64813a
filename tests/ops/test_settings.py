"""Typed settings: declared once, read with their type and default, changed through ops, and a file with the
older layout (ui_settings / sync_settings dicts) upgraded when opened."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import ops, settings
from app.collection import Collection


def test_every_setting_is_declared_once_with_a_default_of_its_type() -> None:
    assert len({s.key for s in settings.REGISTRY.values()}) == len(settings.REGISTRY)
    for s in settings.REGISTRY.values():
        assert isinstance(s.default_value(), s.type), s.key
        assert s.doc
    with pytest.raises(ValueError):
        settings.declare("auto_lock_minutes", int, 5, "again")


def test_reads_are_typed_and_bad_stored_values_read_as_the_default(tmp_path: Path) -> None:
    col = Collection.create(tmp_path / "s.db", "settings-pass")
    assert settings.AUTO_LOCK_MINUTES.get(col) == 10 and not settings.AUTO_LOCK_MINUTES.is_set(col)
    assert ops.settings.set_value(col, settings.AUTO_LOCK_MINUTES, "7") == 7
    assert settings.AUTO_LOCK_MINUTES.get(col) == 7
    assert ops.settings.set_value(col, settings.AUTO_LOCK_MINUTES, 999) == 120  # clamped
    col.set_meta(settings.SYNC_AUTO.key, "yes")  # written by something else: not a bool
    assert settings.SYNC_AUTO.get(col) is False
    with pytest.raises(ops.ValidationError):
        ops.settings.set_value(col, settings.SYNC_AUTO, "yes")
    assert settings.SETTINGS_VERSION.get(col) == settings.CURRENT_VERSION
    assert settings.DEVICE_ID.get(col) == settings.DEVICE_ID.get(col)  # made once, with the file
    col.close()


def test_an_older_file_is_upgraded_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    col = Collection.create(path, "settings-pass")
    # the layout before settings were declared one key each
    col.set_meta("settings_version", 0)
    col.set_meta("ui_settings", {"auto_lock_minutes": 3})
    col.set_meta("sync_settings", {"user": "zhangli", "auto": True, "minutes": 30})
    col.close()
    col = Collection.open(path, "settings-pass")
    assert settings.AUTO_LOCK_MINUTES.get(col) == 3
    assert (settings.SYNC_USER.get(col), settings.SYNC_AUTO.get(col), settings.SYNC_MINUTES.get(col)) == (
        "zhangli", True, 30)
    assert col.get_meta("ui_settings") is None and col.get_meta("sync_settings") is None
    assert settings.SETTINGS_VERSION.get(col) == settings.CURRENT_VERSION
    col.close()
    # a second opening has nothing left to do
    col = Collection.open(path, "settings-pass")
    assert ops.settings.upgrade(col) == settings.CURRENT_VERSION
    assert settings.SYNC_MINUTES.get(col) == 30
    col.close()
