"""Item 1: creating the store is atomic, Enter never quits, and a file that cannot be opened offers a new one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

SECRET = "Gaotie-2026-taiyuan"


def _fill(dlg: Any) -> None:
    dlg.display_name.setText("张丽")
    dlg.account.setText("zhangli")
    dlg.passphrase.setText(SECRET)
    dlg.confirm.setText(SECRET)


def test_enter_in_the_create_dialog_creates_and_does_not_quit(qtbot: Any, make_shell: Any, tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    shell = make_shell(path)
    dlg = shell.dialog
    rejected: list[bool] = []
    dlg.rejected.connect(lambda: rejected.append(True))
    _fill(dlg)
    dlg.confirm.setFocus()
    QTest.keyClick(dlg.confirm, Qt.Key.Key_Return)
    QTest.keyClick(dlg.focusWidget() or dlg, Qt.Key.Key_Return)  # impatient second Enter while it works
    qtbot.waitUntil(lambda: shell.ctx is not None or bool(rejected), timeout=15000)
    assert not rejected and shell.ctx is not None
    assert shell.ctx.col.user["display_name"] == "张丽"


def test_only_the_primary_button_answers_enter(qtbot: Any, tmp_path: Path) -> None:
    """Any button but the primary one must not become the default when focus lands on it (autoDefault)."""
    from ui.unlock import CreateDialog, UnlockDialog

    for dlg in (CreateDialog(tmp_path / "a.db"), UnlockDialog(tmp_path / "a.db")):
        qtbot.addWidget(dlg)
        for b in dlg.findChildren(QPushButton):
            assert b is dlg.ok_button or not (b.autoDefault() or b.isDefault()), b.text()
        dlg.set_busy(True, "…")
        assert not dlg.quit_button.isEnabled()
        dlg.reject()  # Esc / closing while the file is being written is refused
        assert dlg.result() == 0 and not dlg.isHidden() or not dlg.isVisible()
        dlg.set_busy(False)


def test_a_failed_create_leaves_no_file_under_the_real_name(tmp_path: Path, monkeypatch: Any) -> None:
    from app import collection
    from app.collection import Collection

    path = tmp_path / "new.db"

    def broken(*_a: Any, **_k: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(collection, "upgrade", broken)
    with pytest.raises(RuntimeError):
        Collection.create(path, SECRET, {"name": "zhangli", "display_name": "张丽"})
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []  # no half-made file anywhere
    monkeypatch.undo()
    col = Collection.create(path, SECRET, {"name": "zhangli", "display_name": "张丽"})
    col.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.db"]
    Collection.open(path, SECRET).close()


@pytest.mark.parametrize("size", [0, 4096])
def test_a_file_that_cannot_be_opened_offers_a_new_one_elsewhere(qtbot: Any, make_shell: Any, tmp_path: Path,
                                                                monkeypatch: Any, size: int) -> None:
    from PySide6.QtWidgets import QFileDialog

    from ui.unlock import CreateDialog

    bad = tmp_path / "outreach.db"
    if size:  # a first page written, the rest never: an encrypted database that is not ours
        from app.store.engine import _engine, raw_cursor

        eng = _engine(bad, SECRET)
        with raw_cursor(eng) as cur:
            cur.execute("CREATE TABLE t (x)")
        eng.dispose()
    else:
        bad.touch()
    before = bad.read_bytes()
    shell = make_shell(bad)
    dlg = shell.dialog
    dlg.passphrase.setText(SECRET)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dlg.message.text()) and not dlg.busy.isVisible(), timeout=10000)
    assert "不是走访台的数据文件" in dlg.message.text()
    assert dlg.new_button.isVisibleTo(dlg)
    fresh = tmp_path / "elsewhere" / "mine.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(fresh), "")))
    qtbot.mouseClick(dlg.new_button, Qt.MouseButton.LeftButton)
    create = shell.dialog
    assert isinstance(create, CreateDialog) and create.path == fresh
    _fill(create)
    qtbot.mouseClick(create.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.ctx is not None, timeout=15000)
    assert shell.ctx.col.path == fresh and bad.read_bytes() == before  # the bad file is left alone
    from ui.main import store_path

    assert store_path(False, None) == fresh.resolve()  # the next start opens the new file
