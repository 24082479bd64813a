"""Python's cycle collector runs on the GUI thread only.

The automatic collector runs in whichever thread allocates past its threshold. With Qt that can crash: a
dialog, window or model caught in a reference cycle is then destroyed (C++ destructor, children and all)
on a worker thread that is building the search index or syncing, while the GUI thread uses Qt's shared
widget state. So automatic collection is switched off and a timer on the GUI thread collects instead, by
the same thresholds (pyqtgraph's GarbageCollector does the same for the same reason).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadCollector(QObject):
    def __init__(self, interval_ms: int = 500, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        gc.disable()
        self.timer.start()

    def check(self) -> None:
        """Collect the oldest generation whose threshold is passed, as the automatic collector would."""
        counts, limits = gc.get_count(), gc.get_threshold()
        if counts[0] <= limits[0]:
            return
        generation = 0
        if counts[1] > limits[1]:
            generation = 2 if counts[2] > limits[2] else 1
        gc.collect(generation)

    def stop(self) -> None:
        """Back to automatic collection, after a full collection here on the GUI thread."""
        self.timer.stop()
        gc.collect()
        gc.enable()


_collector: GuiThreadCollector | None = None


def install(app: QObject) -> GuiThreadCollector:
    """Start the application's collector (made once, owned by ``app``)."""
    global _collector
    if _collector is None:
        _collector = GuiThreadCollector(parent=app)
    _collector.start()
    return _collector
