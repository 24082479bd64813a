"""The person list as a table model over a sequence of record ids.

The ids come from app.search (or the SQL fallback); display values are fetched by id a page at a time when
the view first asks for a row, and cached. Nothing forces all 100 000 rows to load: sorting is done by the
index (the model passes header clicks on as ``sort_requested``), not by a proxy that would read every row.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from app.queries.person_list import COLUMNS, fetch_rows
from ui.context import AppContext

IdRole = Qt.ItemDataRole.UserRole + 1  # the person's record id
HouseholdRole = Qt.ItemDataRole.UserRole + 2  # the household's record id
SortFieldRole = Qt.ItemDataRole.UserRole + 3  # header: the app.search sort field of a column, or None

_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
                    IdRole, HouseholdRole})
PAGE = 40  # about two screens of rows: one short query per scroll step
CACHE_ROWS = 3000
_RED = QColor("#c62828")
_ORANGE = QColor("#b35c00")
_EMPTY = QModelIndex()

_HEADERS = (  # for lupdate; COLUMNS holds the same Chinese source text
    QCoreApplication.translate("PersonListModel", "姓名"),
    QCoreApplication.translate("PersonListModel", "身份证号"),
    QCoreApplication.translate("PersonListModel", "联系电话"),
    QCoreApplication.translate("PersonListModel", "社区"),
    QCoreApplication.translate("PersonListModel", "住址"),
    QCoreApplication.translate("PersonListModel", "与户主关系"),
    QCoreApplication.translate("PersonListModel", "就业状态"),
    QCoreApplication.translate("PersonListModel", "援助类别"),
    QCoreApplication.translate("PersonListModel", "办理环节"),
    QCoreApplication.translate("PersonListModel", "办理时限"),
    QCoreApplication.translate("PersonListModel", "最低服务包"),
)


class PersonListModel(QAbstractTableModel):
    sort_requested = Signal(str, bool)  # app.search sort field ("" = relevance), descending

    def __init__(self, ctx: AppContext | None, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._ids: Sequence[str] = ()
        self._rows: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self.fetches = 0  # pages read (tests and the benchmark look at it)
        self.today = None

    # --- contents ------------------------------------------------------------------------------------
    def set_ids(self, ids: Sequence[str]) -> None:
        self.beginResetModel()
        self._ids = ids
        self.endResetModel()

    def clear(self) -> None:
        """Forget everything (on lock)."""
        self.beginResetModel()
        self._ids = ()
        self._rows.clear()
        self.endResetModel()

    def detach(self) -> None:
        self.clear()
        self.ctx = None

    def invalidate(self, ids: set[str] | None = None) -> None:
        """Re-read rows (all when ``ids`` is None) the next time they are shown."""
        if ids is None:
            self._rows.clear()
        else:
            for i in ids:
                self._rows.pop(i, None)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_values(self, row: int) -> dict[str, Any] | None:
        rid = self.id_at(row)
        if rid is None:
            return None
        rec = self._rows.get(rid)
        if rec is None:
            self._fetch_page(row)
            rec = self._rows.get(rid)
        else:
            self._rows.move_to_end(rid)
        return rec

    def _fetch_page(self, row: int) -> None:
        if self.ctx is None:
            return
        start = row - row % PAGE
        page = [i for i in self._ids[start:start + PAGE] if i not in self._rows]
        if not page:
            return
        fetched = fetch_rows(self.ctx.col.records, page, self.today)
        self.fetches += 1
        for rid in page:
            self._rows[rid] = fetched.get(rid) or {"id": rid, "name": QCoreApplication.translate(
                "PersonListModel", "（已删除）")}
        while len(self._rows) > CACHE_ROWS:
            self._rows.popitem(last=False)

    # --- Qt model API --------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _EMPTY) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _EMPTY) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("PersonListModel", COLUMNS[section][1])
        if role == SortFieldRole:
            return COLUMNS[section][2]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks for about a dozen roles per cell and paint: answer the unused ones first and cheaply.
        if role not in _ROLES or not index.isValid():
            return None
        row = index.row()
        if role == IdRole:
            return self.id_at(row)
        rec = self.row_values(row)
        if rec is None:
            return None
        if role == HouseholdRole:
            return rec.get("household_id")
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "due_on" and rec.get("overdue"):
                return QBrush(_RED)
            if key == "package" and rec.get("package_missing"):
                return QBrush(_ORANGE)
            return None
        value = rec.get(key, "")
        if key == "due_on" and value and rec.get("overdue"):
            value = QCoreApplication.translate("PersonListModel", "%1（已超期）").replace("%1", value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return value if key in ("address", "package", "community", "category") and value else None
        return value

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            self.sort_requested.emit("", False)
            return
        field = COLUMNS[column][2]
        if field is None:
            return
        self.sort_requested.emit(field, order == Qt.SortOrder.DescendingOrder)
