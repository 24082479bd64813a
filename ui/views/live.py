"""Keeps a view current from change notifications, so views refresh themselves instead of being poked.

A change to a watched kind reloads the view shortly after (changes arrive in bursts during a pull) if it is
visible, or when it is next shown; locking clears it and ignores changes until it loads again. Each load takes
a generation number, so the answer of a superseded background load is dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from app.collection import Change
from ui.context import AppContext


class LiveRefresh(QObject):
    def __init__(self, view: QWidget, ctx: AppContext, kinds: Iterable[str], *, reload: Callable[[], None],
                 clear: Callable[[], None], delay_ms: int = 150) -> None:
        super().__init__(view)
        self.view = view
        self.kinds = frozenset(kinds)
        self._reload, self._clear = reload, clear
        self.locked = False
        self.stale = False
        self.generation = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(reload)
        ctx.changed.connect(self._on_changed)
        ctx.locking.connect(self._on_locking)
        view.installEventFilter(self)

    def loading(self) -> int:
        """Call at the start of a load: the view shows data again; returns this load's generation."""
        self.locked = self.stale = False
        self.generation += 1
        return self.generation

    def current(self, generation: int) -> bool:
        """Whether a finished load is still the one to show."""
        return generation == self.generation and not self.locked

    def schedule(self) -> None:
        self.timer.start()

    def _on_locking(self) -> None:
        self.locked = True
        self.generation += 1
        self.timer.stop()
        self._clear()

    def _on_changed(self, change: Change) -> None:
        if self.locked or not change.kinds & self.kinds:
            return
        if self.view.isVisible():
            self.timer.start()
        else:
            self.stale = True  # no work for a tab nobody looks at

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if obj is self.view and event.type() == QEvent.Type.Show and self.stale and not self.locked:
            self._reload()
        return False
