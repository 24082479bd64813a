"""Shared fixtures for the shell tests: one offscreen QApplication (pytest-qt's ``qapp``) with the bundled
CJK font, an AppContext over a copy of the small demo store (tests/conftest.py: 30 households, seed 3,
today 2026-11-25), and a Shell driving the real dialogs and main window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

PASSPHRASE = "test-passphrase-2026"  # as tests/conftest.py makes the demo store
TODAY = dt.date(2026, 11, 25)


@pytest.fixture(autouse=True)
def _cjk_font(qapp: Any) -> None:
    from ui import fonts

    fonts.install(qapp)


@pytest.fixture
def ctx(col: Any, qtbot: Any) -> Iterator[Any]:
    from ui.context import AppContext

    c = AppContext(col)
    yield c
    c.wait_idle()
    c._unsubscribe()


@pytest.fixture
def make_shell(qapp: Any, qtbot: Any) -> Iterator[Any]:
    """``make_shell(path, **kw)`` → a started Shell; closed (and its store with it) after the test."""
    from ui.main import Shell

    shells: list[Shell] = []

    def make(path: Path, **kw: Any) -> Shell:
        kw.setdefault("delays", (0, 1, 2, 4))
        kw.setdefault("start_server", False)
        shell = Shell(qapp, path, **kw)
        shell._dialog_rejected = lambda: None  # closing a dialog must not quit the test's QApplication
        shells.append(shell)
        shell.start()
        return shell

    yield make
    for s in shells:
        s.shutdown()
        if s.window is not None:
            s.window.close()
            s.window.deleteLater()
        if s.dialog is not None:
            s.dialog.close()


def unlock(qtbot: Any, shell: Any, secret: str = PASSPHRASE) -> None:
    """Type the passphrase into the shell's unlock dialog and wait for the main window."""
    from PySide6.QtCore import Qt

    dlg = shell.dialog
    dlg.passphrase.setText(secret)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.ctx is not None and shell.window is not None and shell.window.isVisible(),
                    timeout=10000)
    from PySide6.QtWidgets import QApplication

    shell.window.activateWindow()  # shortcuts need an active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shell.window, timeout=5000)


def people_view(qtbot: Any, shell: Any, indexed: bool = True) -> Any:
    view = shell.window.show_tab("people")
    if indexed:
        qtbot.waitUntil(lambda: view.index is not None, timeout=10000)
    return view
