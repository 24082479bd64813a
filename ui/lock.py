"""Auto-lock after a period without user input.

An application-wide event filter notes the time of every key press, click, wheel turn or touch; a coarse
timer compares it with the limit. (Restarting a timer on every mouse move would cost more than it saves.)
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from app.settings import AUTO_LOCK_MINUTES

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.MouseMove, QEvent.Type.TabletPress,
})
DEFAULT_MINUTES = AUTO_LOCK_MINUTES.default_value()  # until the unlocked file's own setting is read


class IdleLock(QObject):
    idle = Signal()  # the limit passed without input: lock now

    def __init__(self, app: QApplication, minutes: float = DEFAULT_MINUTES, check_ms: int = 5000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.limit_s = minutes * 60
        self.last_input = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(self._check)
        app.installEventFilter(self)

    def set_minutes(self, minutes: float) -> None:
        self.limit_s = max(0.0, minutes) * 60

    def start(self) -> None:
        self.last_input = time.monotonic()
        if self.limit_s > 0:
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in INPUT_EVENTS:
            self.last_input = time.monotonic()
        return False

    def _check(self) -> None:
        if self.limit_s > 0 and time.monotonic() - self.last_input >= self.limit_s:
            self._timer.stop()
            self.idle.emit()

    def dispose(self) -> None:
        self._timer.stop()
        self.app.removeEventFilter(self)
