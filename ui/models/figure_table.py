"""A table of numbers in the dashboard's figure shape (app.dashboard.model: labelled rows × columns, the 合计
row last) as a read-only table model, with extra rows below it (such as the still-open count of a report)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.dashboard.model import ALL, TOTAL, Column, Figure, Row, fmt_value

_EMPTY = QModelIndex()
_GREY = QBrush(QColor("#666666"))
Index = QModelIndex | QPersistentModelIndex
ROW_LABEL = ""  # key of the first column's header in ``labels``


class FigureTableModel(QAbstractTableModel):
    """Column 0 is the row label, then one column per figure column. ``labels`` (row or column key → text)
    shows the figure's fixed labels (ROW_LABEL: the first column's header; 合计) in the interface language;
    the labels that are data (areas, causes) show as they are."""

    def __init__(self, labels: dict[str, str] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.labels = labels or {}
        self.figure: Figure | None = None
        self._columns: list[Column] = []
        self._rows: list[Row] = []
        self._extra = 0

    def set_figure(self, figure: Figure | None, extra: Sequence[Row] = ()) -> None:
        self.beginResetModel()
        self.figure = figure
        self._columns = list(figure.columns) if figure else []
        self._rows = [*figure.rows, *extra] if figure else []
        self._extra = len(extra) if figure else 0
        self.endResetModel()

    def rowCount(self, parent: Index = _EMPTY) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _EMPTY) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() or self.figure is None else len(self._columns) + 1

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or self.figure is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.labels.get(ROW_LABEL, self.figure.row_label)
            col = self._columns[section - 1]
            return self.labels.get(col.key, col.label)
        if role == Qt.ItemDataRole.ToolTipRole and section > 0:
            return self._columns[section - 1].key  # the area code behind a name
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return self.labels.get(row.key, row.label)
            col = self._columns[index.column() - 1]
            return fmt_value(row.get(col.key), col.fmt)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and (row.key == ALL or self._is_total(index.column())):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and index.row() >= len(self._rows) - self._extra:
            return _GREY  # below the table proper: not part of its totals
        return None

    def _is_total(self, column: int) -> bool:
        return column > 0 and self._columns[column - 1].key == TOTAL
