"""Shared fixtures: real SQLCipher stores in a temporary folder, never the user's data folder."""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "test-passphrase-2026"
TODAY = dt.date(2026, 11, 25)
WORKER = {"name": "zhangli", "display_name": "张丽", "role": "worker", "areas": ["140105001001", "140105001002"]}


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OUTREACH_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("OUTREACH_PASSPHRASE", raising=False)


@pytest.fixture(autouse=True)
def _no_unattended_question(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Qt test's widgets are closed by pytest-qt after the test; the main window then asks "退出走访台？"
    when changes are not uploaded, and a modal question nobody answers would hang the run. Unattended, it is
    answered Yes; tests about a question replace this with their own answer."""
    if "qapp" not in request.fixturenames:
        return
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Yes))


@pytest.fixture(autouse=True)
def _gui_thread_gc(request: pytest.FixtureRequest) -> Iterator[None]:
    """Qt tests collect garbage on the GUI thread only, as the app does (ui/gui_gc.py); afterwards a full
    collection there, so no widget of this test is left for a later test's worker thread to destroy."""
    if "qapp" not in request.fixturenames:
        yield
        return
    from ui import gui_gc

    collector = gui_gc.install(request.getfixturevalue("qapp"))
    yield
    collector.stop()
    gc.freeze()  # what survived stays: later full collections need not walk it again (faster tests)


@pytest.fixture(scope="session")
def demo_store_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo store made once per session; tests copy it."""
    from app.collection import Collection
    from app.demo import generate

    path = tmp_path_factory.mktemp("template") / "demo.db"
    col = Collection.create(path, PASSPHRASE, WORKER)
    generate(col, 45, seed=3, today=TODAY)  # every stage a test opens, at the smallest size that has them
    col.close()
    return path


@pytest.fixture
def demo_store(demo_store_template: Path, tmp_path: Path) -> Path:
    import shutil

    dst = tmp_path / "demo.db"
    shutil.copyfile(demo_store_template, dst)
    return dst


@pytest.fixture
def col(demo_store: Path):  # noqa: ANN201
    from app.collection import Collection

    c = Collection.open(demo_store, PASSPHRASE)
    yield c
    c.close()


@pytest.fixture(autouse=True)
def _shipped_rules() -> Iterator[None]:
    """Each test starts and ends with the shipped rule set in force (app.rules.active), whatever it installed."""
    yield
    from app.rules.active import install

    install(None)
