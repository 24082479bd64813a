"""Unlocking a store whose upgrade fails: the worker reads why and that the data is safe; nothing opens."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.fixtures.make_release_stores import release_store
from tests.store.test_upgrade_from_release import PASSPHRASE, inject_failing_migration


def test_failed_upgrade_is_explained_in_the_unlock_dialog(make_shell: Any, qtbot: Any, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "outreach.db"
    shutil.copyfile(release_store("51fd111"), store)
    inject_failing_migration(tmp_path, store, monkeypatch)
    shell = make_shell(store)
    dlg = shell.dialog
    dlg.passphrase.setText(PASSPHRASE)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.busy.isVisible() and "已用升级前的备份恢复" in dlg.message.text(),
                    timeout=20000)
    assert shell.ctx is None and shell.dialog is dlg
    assert str(next(tmp_path.glob("outreach.db.bak-0002-*"))) in dlg.message.text()
