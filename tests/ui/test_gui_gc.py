"""A widget caught in a reference cycle is destroyed on the GUI thread, never on a busy worker thread."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout


def test_cyclic_widgets_are_collected_on_the_gui_thread(qtbot: Any) -> None:
    freed_in: list[str] = []

    class Cyclic(QDialog):
        def __init__(self) -> None:
            super().__init__()
            QVBoxLayout(self).addWidget(QLabel("x"))
            self.me = self  # only the cycle collector can free it

        def __del__(self) -> None:
            freed_in.append(threading.current_thread().name)

    dlg = Cyclic()
    dlg.show()
    dlg.close()
    del dlg

    def allocate() -> None:  # enough new containers to pass the collector's threshold many times over
        junk = []
        for _ in range(50_000):
            cell: list[Any] = []
            cell.append(cell)
            junk.append(cell)

    worker = threading.Thread(target=allocate, name="index-build")
    worker.start()
    worker.join()
    assert freed_in == []  # the worker allocated past every threshold without collecting
    qtbot.waitUntil(lambda: bool(freed_in), timeout=5000)
    assert freed_in == ["MainThread"]
