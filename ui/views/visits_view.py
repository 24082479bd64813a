"""走访记录: visits made and planned in a date range, in a lazy table (a page is read as the user scrolls)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.queries import visits as q
from ui.context import AppContext
from ui.dialogs import from_qdate, to_qdate
from ui.views.live import LiveRefresh
from ui.widgets.fit import fit_columns

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class VisitsModel(QAbstractTableModel):
    """Rows come from app.queries.visits a page at a time (canFetchMore/fetchMore)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = (
            self.tr("日期"),
            self.tr("类型"),
            self.tr("人员"),
            self.tr("社区"),
            self.tr("走访人"),
            self.tr("就业状态"),
            self.tr("就业意愿"),
            self.tr("服务需求"),
            self.tr("走访情况"),
        )
        self.col: Any = None
        self.filters: dict[str, Any] = {}
        self.rows: list[q.VisitRow] = []
        self.total = 0
        self.today = dt.date.today()

    def reset(self, col: Any, today: dt.date, **filters: Any) -> None:
        self.beginResetModel()
        self.col, self.filters, self.today = col, filters, today
        self.rows = []
        self.total = q.count(col, **filters) if col is not None else 0
        self.endResetModel()
        if self.total:
            self.fetchMore(QModelIndex())

    def clear(self) -> None:
        self.beginResetModel()
        self.col, self.rows, self.total = None, [], 0
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.headers)

    def canFetchMore(self, parent: _Index) -> bool:  # noqa: N802 - Qt API
        return not parent.isValid() and self.col is not None and len(self.rows) < self.total

    def fetchMore(self, parent: _Index) -> None:  # noqa: N802 - Qt API
        if not self.canFetchMore(parent):
            return
        more = q.page(self.col, offset=len(self.rows), limit=q.PAGE, **self.filters)
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 - Qt API
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role == PERSON_ID_ROLE:
            return r.person_id
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            kind = self.tr("计划走访") if r.planned else self.tr("已走访")
            if r.planned and r.route_order:
                kind += self.tr("（第 {n} 站）").format(n=r.route_order)
            values = (
                r.on.isoformat() if r.on else "",
                kind,
                r.name,
                r.community,
                r.worker,
                r.status_zh,
                r.intention,
                r.needs,
                r.notes,
            )
            return values[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and r.planned:
            late = r.on is not None and r.on < self.today
            return QBrush(QColor("#c62828" if late else "#1565c0"))
        return None


class VisitsView(QWidget):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, today_fn: Callable[[], dt.date] | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today_fn = today_fn or dt.date.today
        today = self.today_fn()
        lay = QVBoxLayout(self)
        head = QHBoxLayout()
        self.which = QComboBox()
        for code, label in (
            (q.ALL, self.tr("全部")),
            (q.DONE, self.tr("已走访")),
            (q.PLANNED, self.tr("计划走访")),
        ):
            self.which.addItem(label, code)
        head.addWidget(QLabel(self.tr("类型")))
        head.addWidget(self.which)
        self.start = QDateEdit(to_qdate(today - dt.timedelta(days=30)))
        self.end = QDateEdit(to_qdate(today + dt.timedelta(days=14)))
        for w, label in ((self.start, self.tr("从")), (self.end, self.tr("到"))):
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
            head.addWidget(QLabel(label))
            head.addWidget(w)
        self.summary = QLabel()
        head.addWidget(self.summary, 1)
        lay.addLayout(head)
        self.model = VisitsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        hv = self.table.horizontalHeader()
        hv.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hv.setStretchLastSection(True)
        for c, w in enumerate((96, 150, 90, 110, 80, 100, 180, 170)):
            self.table.setColumnWidth(c, w)
        self.table.activated.connect(self._open)  # double-click or Enter
        lay.addWidget(self.table, 1)
        self.live = LiveRefresh(self, ctx, {"visit", "person"}, reload=self.refresh, clear=self.clear)
        self.which.currentIndexChanged.connect(lambda _i: self.refresh())
        self.start.dateChanged.connect(lambda _d: self.live.schedule())
        self.end.dateChanged.connect(lambda _d: self.live.schedule())
        self.refresh()

    def refresh(self) -> None:
        """Re-read the first page for the filters (also after unlocking with the same context)."""
        self.live.loading()
        start, end = from_qdate(self.start.date()), from_qdate(self.end.date())
        self.model.reset(self.ctx.col, self.today_fn(), which=self.which.currentData(), start=start, end=end)
        self.summary.setText(self.tr("　共 {n} 条").format(n=self.model.total))
        fit_columns(self.table)  # dates with their note, 灵活就业 …: shown whole, not elided

    def clear(self) -> None:
        self.model.clear()
        self.summary.setText("")

    def _open(self, index: QModelIndex) -> None:
        pid = self.model.data(index, PERSON_ID_ROLE)
        if pid:
            self.ctx.open_record.emit("person", pid)
