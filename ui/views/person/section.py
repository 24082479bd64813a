"""One section of the person page: a widget that reads its own part of the person off the GUI thread.

A section declares the record kinds it shows (``kinds``), a read (``load``, run on ``ctx.background`` with only
``app.queries``), and how to show the answer (``show_data``) and forget it (``clear``). ``LiveRefresh`` keeps it
current: a change to one of its kinds reloads it if it is on screen, or when it is next shown; a hidden tab
never reads. A tab section may also give a cheap ``count`` for its tab title, read with the page's counts.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLayout, QTableWidget, QTableWidgetItem, QWidget

from ui.views.live import LiveRefresh

if TYPE_CHECKING:
    from ui.views.person.page import PersonView

RED, GREEN, GREY, BLUE, ORANGE = "#c62828", "#2e7d32", "#757575", "#1565c0", "#ef6c00"


class Section(QWidget):
    key: ClassVar[str] = ""  # stable name: PersonView.section(key), tests, saved state
    kinds: ClassVar[frozenset[str]] = frozenset()  # record kinds whose change can alter what it shows
    loaded = Signal()  # a load was shown (or failed)

    def __init__(self, page: PersonView) -> None:
        super().__init__()
        self.page, self.ctx = page, page.ctx
        self.person_id: str | None = None
        self.data: Any = None
        self.pending = False
        self.live = LiveRefresh(self, self.ctx, self.kinds, reload=self.reload, clear=self._forget)
        self.build()
        self.clear()

    # --- what a section defines ---------------------------------------------------------------------
    def build(self) -> None:
        raise NotImplementedError

    @staticmethod
    def load(col: Any, person_id: str, today: dt.date) -> Any:
        """Off the GUI thread: read what the section shows (app.queries only)."""
        raise NotImplementedError

    def show_data(self, data: Any) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def title(self, count: Any) -> str:
        """The tab title, given ``count`` (None until counted)."""
        return ""

    def keeps(self, person_id: str) -> bool:
        """Whether what is shown stays valid, until the new read arrives, when ``person_id`` is shown next."""
        return False

    @staticmethod
    def count(col: Any, person_id: str) -> Any:
        """Off the GUI thread, with the page's counts: what ``title`` needs (None: no count)."""
        return None

    # --- the machinery ------------------------------------------------------------------------------
    def set_person(self, person_id: str | None) -> None:
        """Show ``person_id`` (None: nobody). Reads now if on screen, else when first shown."""
        keep = person_id is not None and self.keeps(person_id)
        self.person_id, self.pending = person_id, False
        self.live.generation += 1  # a read still on its way is for whoever was shown before
        self.live.locked = False  # a person given after a lock is shown again
        if not keep:
            self.data = None
            self.clear()
        if person_id is None:
            self.live.stale = False
        elif self.isVisible():
            self.reload()
        else:
            self.live.stale = True

    def reload(self) -> None:
        if self.person_id is None:
            return
        generation, pid = self.live.loading(), self.person_id
        self.pending = True
        self.ctx.background(self.load, self.ctx.col, pid, self.page.today_fn(),
                            on_done=lambda data: self._loaded(generation, pid, data),
                            on_error=lambda exc: self._failed(generation, exc))

    def _loaded(self, generation: int, person_id: str, data: Any) -> None:
        if not self.live.current(generation) or person_id != self.person_id:
            return
        self.pending = False
        self.data = data
        self.show_data(data)
        self.loaded.emit()

    def _failed(self, generation: int, exc: Exception) -> None:
        if not self.live.current(generation):
            return
        self.pending = False
        self.ctx.status.emit(str(exc))
        self.loaded.emit()

    def _forget(self) -> None:
        self.person_id, self.data, self.pending = None, None, False
        self.clear()


# --- small helpers the sections share ------------------------------------------------------------------
def day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def fill(table: QTableWidget, rows: list[list[str]], colors: list[str | None] | None = None) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if colors and colors[r]:
                item.setForeground(QBrush(QColor(colors[r])))
            table.setItem(r, c, item)


def clear_layout(layout: QLayout) -> None:
    while layout.count():
        w = layout.takeAt(0).widget()
        if w is not None:
            w.deleteLater()
