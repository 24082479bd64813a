"""AppContext: writes run in order on one thread, callbacks always arrive, changes reach the GUI thread."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

from app.collection import Collection
from ui.context import AppContext


def test_callbacks_arrive_even_when_the_job_is_not_kept(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    col = Collection.create(tmp_path / "a.db", "context-passphrase-1")
    ctx = AppContext(col)
    got: list[int] = []
    threads: set[int] = set()

    def work(i: int) -> int:
        threads.add(threading.get_ident())
        return i

    for i in range(30):
        ctx.write(work, i, on_done=lambda r: got.append(r))
        gc.collect()
    qtbot.waitUntil(lambda: len(got) == 30, timeout=10000)
    assert got == list(range(30))  # one writer: in submission order
    assert len(threads) == 1 and threading.get_ident() not in threads
    ctx.close()


def test_changes_are_signalled_on_the_gui_thread(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    col = Collection.create(tmp_path / "b.db", "context-passphrase-1")
    ctx = AppContext(col)
    seen: list[tuple[set[str], int]] = []
    ctx.changed.connect(lambda change: seen.append((change.kinds, threading.get_ident())))
    ctx.write(col.records.create, "household", {"address": "测试"}, area_code="140105001001")
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert seen[0] == ({"household"}, threading.get_ident())
    ctx.close()


def test_signal_emits_keep_reference_counts(qtbot) -> None:  # noqa: ANN001
    """PySide6 6.12.0 on Python 3.11 dropped a reference to True/None per emit and aborted long sessions;
    the pinned version must not."""
    import sys

    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication

    class Emitter(QObject):
        ping = Signal(object)

    e = Emitter()
    e.ping.connect(lambda _x: None)
    before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(200):
        e.ping.emit(1)
        QApplication.processEvents()
    assert (sys.getrefcount(True), sys.getrefcount(None)) == before


def test_settings_changes_are_announced(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    col = Collection.create(tmp_path / "c.db", "context-passphrase-1")
    ctx = AppContext(col)
    seen: list[dict] = []
    ctx.changed.connect(lambda change: seen.append(change.ids))
    col.set_meta("sync_log", [{"at": "2026-11-25T04:53:00+00:00", "ok": True}])
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [{"meta": {"sync_log"}}]
    ctx.close()
