"""The read-only lists of the person page, the sync screen and the office tabs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

ROW = Qt.ItemDataRole.UserRole  # column 0 of a filled row holds the row's object
ALERT = QColor("#c62828")


def read_only_table(headers: list[str], stretch: int | None = None) -> QTableWidget:
    """Whole rows selected, no editing; column ``stretch`` takes the spare width, the others fit their contents."""
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().hide()
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setWordWrap(False)
    header = t.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return t


def fill(table: QTableWidget, rows: Sequence[Sequence[Any]], objects: Sequence[Any],
         alert: Callable[[Any], bool] = lambda _o: False) -> None:
    """Rows of text; the row's object in column 0's user data; alerting rows in red."""
    table.setSortingEnabled(False)
    table.setRowCount(len(rows))
    for i, (cells, obj) in enumerate(zip(rows, objects, strict=True)):
        red = alert(obj)
        for j, v in enumerate(cells):
            item = QTableWidgetItem("" if v is None else str(v))
            if j == 0:
                item.setData(ROW, obj)
            if red:
                item.setForeground(QBrush(ALERT))
            table.setItem(i, j, item)


def chosen(table: QTableWidget) -> Any:
    """The object of the selected row (None when nothing is selected)."""
    item = table.item(table.currentRow(), 0) if table.currentRow() >= 0 else None
    return item.data(ROW) if item is not None else None
