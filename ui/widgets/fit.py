"""Sizes that fit the screen the app runs on (the target laptop is 1366×768 with a task bar) and table columns
wide enough to show their text whole."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QWidget

FRAME_H = 40  # title bar and borders the window manager adds around a window
FRAME_W = 16
CELL_PADDING = 18  # the style's cell margins and a little air
LAST_RESERVE = 200  # at most this much is kept on screen for a stretching last column


def available(w: QWidget) -> QRect | None:
    """The screen area windows may use (without the task bar); tests put a 1366×768 laptop here."""
    screen = w.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def fit_to_screen(w: QWidget, width: int, height: int) -> None:
    """Resize ``w`` to ``width``×``height``, or less where the available screen is smaller."""
    area = available(w)
    if area is None:
        w.resize(width, height)
        return
    w.resize(min(width, area.width() - FRAME_W), min(height, area.height() - FRAME_H))


def fit_columns(view: QAbstractItemView, rows: int = 60, *, skip_last: bool = True, elastic: int | None = None,
                elastic_min: int = 140) -> None:
    """Widen each column to show its header and the first ``rows`` rows un-elided (never narrows: a column
    the user widened stays). The last column usually stretches and is left alone. ``elastic`` names a free-text
    column (an address) that gives back width, down to ``elastic_min``, so the table still fits its viewport."""
    model = view.model()
    header = view.horizontalHeader() if hasattr(view, "horizontalHeader") else view.header()
    if model is None:
        return
    fm = view.fontMetrics()
    hfm = header.fontMetrics()
    columns = model.columnCount(QModelIndex())

    def needed(c: int) -> int:
        need = hfm.horizontalAdvance(str(model.headerData(c, Qt.Orientation.Horizontal) or "")) + CELL_PADDING
        for r in range(min(rows, model.rowCount(QModelIndex()))):
            text = model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole)
            if text:
                need = max(need, fm.horizontalAdvance(str(text)) + CELL_PADDING)
        return need

    for c in range(columns - 1 if skip_last else columns):
        if header.isSectionHidden(c):
            continue
        need = needed(c)
        if header.sectionSize(c) < need:
            header.resizeSection(c, need)
    if elastic is not None:
        last = columns - 1
        others = sum(header.sectionSize(c) for c in range(columns) if c not in (elastic, last))
        # The stretching last column gets room for its start (its long text is in its tooltip, if any).
        room = view.viewport().width() - others - min(needed(last), LAST_RESERVE)
        header.resizeSection(elastic, max(elastic_min, min(header.sectionSize(elastic), room)))
