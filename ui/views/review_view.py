"""审核 tab (supervisor/admin): the queue of synced work waiting for review, its detail, 通过 / 退回.

The queue is read off the GUI thread; a decision runs ``ops.reviews.approve`` / ``return_`` on the writer thread
and the view reloads when ``ctx.changed`` reports reviews or reviewable records. A step proposing an exit is
decided here too: 同意退出 / 不同意退出 run ``ops.exits.decide_exit``, which also settles its review.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import ops
from app.queries import reviews
from app.queries.exits import pending_exit_case
from app.queries.reviews import ReviewItem
from ui.context import AppContext
from ui.views.live import LiveRefresh

WATCHED = {"visit", "help_plan", "case_step", "review", "person", "assistance_case"}
OVERDUE_BG = QColor("#FDE2E1")
OVERDUE_FG = QColor("#B00020")
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class QueueModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[ReviewItem] = []
        self.headers = [self.tr("类型"), self.tr("人员"), self.tr("专干"), self.tr("日期"), self.tr("审核期限"),
                        self.tr("状态")]

    def set_items(self, items: list[ReviewItem]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def _deadline_text(self, item: ReviewItem) -> str:
        if item.deadline is None:
            return "—"
        if item.overdue:
            return self.tr("%1（超期 %2 个工作日）").replace("%1", item.deadline.isoformat()).replace(
                "%2", str(-(item.remaining_workdays or 0)))
        if item.remaining_workdays == 0:
            return self.tr("%1（今天到期）").replace("%1", item.deadline.isoformat())
        return self.tr("%1（剩 %2 个工作日）").replace("%1", item.deadline.isoformat()).replace(
            "%2", str(item.remaining_workdays))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return item.kind_label
            if col == 1:
                return item.person_name or "—"
            if col == 2:
                return item.worker or "—"
            if col == 3:
                return item.item_date.isoformat() if item.item_date else "—"
            if col == 4:
                return self._deadline_text(item)
            if col == 5:
                if item.resubmitted:
                    return self.tr("已答复，待再审")
                return self.tr("超期") if item.overdue else self.tr("待审核")
        if role == SORT_ROLE:
            keys = (item.kind_label, item.person_name, item.worker, item.item_date or dt.date.max,
                    item.deadline or dt.date.max, (not item.overdue, not item.resubmitted))
            value = keys[col]
            return value.isoformat() if isinstance(value, dt.date) else str(value)
        if role == ITEM_ROLE:
            return item
        if item.overdue and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(OVERDUE_BG)
        if item.overdue and role == Qt.ItemDataRole.ForegroundRole and col in (4, 5):
            return QBrush(OVERDUE_FG)
        return None


class QueueProxy(QSortFilterProxyModel):
    """Sorts by SORT_ROLE and keeps the items matching every criterion set (type, worker, community, overdue,
    a name fragment). Generic over item types: the type list is whatever kinds the queue holds."""

    only_overdue = False
    kind = ""  # "" = any
    worker = ""
    area = ""
    name = ""

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        item: ReviewItem = self.sourceModel().items[source_row]  # type: ignore[attr-defined]
        return ((not self.only_overdue or bool(item.overdue))
                and (not self.kind or item.kind == self.kind)
                and (not self.worker or item.worker == self.worker)
                and (not self.area or (item.area_code or "").startswith(self.area))
                and (not self.name or self.name in (item.person_name or "")))


class ReviewView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._fixed_today = today  # tests pin the date; the app reviews as of today
        self.current: ReviewItem | None = None
        self._loading = False
        self._reload_again = False

        self.summary = QLabel()
        self.only_overdue = QCheckBox(self.tr("只看超期"))
        self.only_overdue.toggled.connect(self._apply_filter)
        refresh = QPushButton(self.tr("刷新"))
        refresh.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(refresh)
        # A long queue (hundreds of items) is worked through by type, worker or community, or by a name.
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("按姓名查找"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_filter)
        self.kind_filter = QComboBox()
        self.worker_filter = QComboBox()
        self.area_filter = QComboBox()
        for combo in (self.kind_filter, self.worker_filter, self.area_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._apply_filter)
        self.shown = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.worker_filter)
        filters.addWidget(self.area_filter)
        filters.addWidget(self.only_overdue)
        filters.addWidget(self.shown)

        self.model = QueueModel(self)
        self.proxy = QueueProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.doubleClicked.connect(lambda _i: self._open_person())

        # Detail of the selected item.
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        self.title.setFont(font)
        self.deadline_label = QLabel()
        self.fields = QFormLayout()
        self.fields.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        fields_box = QWidget()
        fields_box.setLayout(self.fields)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(fields_box)
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.PlainText)

        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText(self.tr("审核意见（退回时必填，专干会在今日待办中看到）"))
        self.comment.setMaximumHeight(80)
        self.error = QLabel()
        self.error.setStyleSheet("color: #B00020;")
        self.error.setWordWrap(True)
        self.approve_button = QPushButton(self.tr("通过"))
        self.return_button = QPushButton(self.tr("退回"))
        self.person_button = QPushButton(self.tr("打开人员"))
        self.approve_button.clicked.connect(self.approve)
        self.return_button.clicked.connect(self.return_)
        self.person_button.clicked.connect(self._open_person)
        buttons = QHBoxLayout()
        buttons.addWidget(self.person_button)
        buttons.addStretch(1)
        buttons.addWidget(self.return_button)
        buttons.addWidget(self.approve_button)

        decide = QGroupBox(self.tr("审核决定"))
        dl = QVBoxLayout(decide)
        dl.addWidget(self.comment)
        dl.addWidget(self.error)
        dl.addLayout(buttons)

        detail = QWidget()
        right = QVBoxLayout(detail)
        right.setContentsMargins(6, 0, 0, 0)
        right.addWidget(self.title)
        right.addWidget(self.deadline_label)
        right.addWidget(scroll, 1)
        right.addWidget(self.history)
        right.addWidget(decide)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([760, 560])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(split, 1)

        self._show_item(None)
        self.live = LiveRefresh(self, ctx, WATCHED, reload=self.reload, clear=self.clear)
        self.reload()

    @property
    def today(self) -> dt.date:
        return self._fixed_today or dt.date.today()

    # --- loading ------------------------------------------------------------------------------------------
    def reload(self) -> None:
        if self._loading:  # a change arrived while loading: load once more afterwards
            self._reload_again = True
            return
        self._loading = True
        self.live.loading()
        self.ctx.background(reviews.queue, self.ctx.col, self.today, on_done=self._loaded,
                            on_error=self._load_failed)

    def _loaded(self, items: list[ReviewItem]) -> None:
        self._loading = False
        if self.live.locked:
            return
        keep = self.current.id if self.current else None
        self.model.set_items(items)
        self.proxy.sort(self.proxy.sortColumn(), self.proxy.sortOrder())
        self._update_summary()
        self._fill_filters(items)
        self._apply_filter()
        if not (keep and self.select(keep)):
            self._show_item(None)
            if self.proxy.rowCount():
                self.table.selectRow(0)
        if self._reload_again:
            self._reload_again = False
            self.reload()

    def _load_failed(self, exc: Exception) -> None:
        self._loading = False
        self.summary.setText(self.tr("读取审核队列失败：%1").replace("%1", str(exc)))

    def _update_summary(self) -> None:
        items = self.model.items
        late = sum(i.overdue for i in items)
        back = sum(i.resubmitted for i in items)
        self.summary.setText(self.tr("待审核 %1 项，其中超期 %2 项，专干已答复待再审 %3 项")
                             .replace("%1", str(len(items))).replace("%2", str(late)).replace("%3", str(back)))

    def _fill_filters(self, items: list[ReviewItem]) -> None:
        """Each list offers what the queue holds, keeping the current choice when it is still there."""
        from app import areas

        kinds = {i.kind: i.kind_label for i in items}
        workers = {i.worker: i.worker for i in items if i.worker}
        communities = {i.area_code: areas.name_of(i.area_code) for i in items if i.area_code}
        for combo, everything, choices in (
                (self.kind_filter, self.tr("全部类型"), kinds),
                (self.worker_filter, self.tr("全部专干"), workers),
                (self.area_filter, self.tr("全部社区"), communities)):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, "")
            for value, label in sorted(choices.items(), key=lambda kv: kv[1]):
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(keep)))
            combo.blockSignals(False)

    def _apply_filter(self) -> None:
        self.proxy.only_overdue = self.only_overdue.isChecked()
        self.proxy.kind = self.kind_filter.currentData() or ""
        self.proxy.worker = self.worker_filter.currentData() or ""
        self.proxy.area = self.area_filter.currentData() or ""
        self.proxy.name = self.search.text().strip()
        self.proxy.invalidate()
        total = len(self.model.items)
        shown = self.proxy.rowCount()
        self.shown.setText(self.tr("显示 %1 / %2 项").replace("%1", str(shown)).replace("%2", str(total))
                           if shown != total else "")

    def clear(self) -> None:
        self.model.set_items([])
        self._show_item(None)
        self.summary.setText("")

    def select(self, record_id: str) -> bool:
        for row in range(self.proxy.rowCount()):
            item = self.proxy.index(row, 0).data(ITEM_ROLE)
            if item.id == record_id:
                self.table.selectRow(row)
                return True
        return False

    # --- detail -------------------------------------------------------------------------------------------
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_item(current.data(ITEM_ROLE) if current.isValid() else None)

    def _clear_fields(self) -> None:
        while self.fields.rowCount():
            self.fields.removeRow(0)

    def _show_item(self, item: ReviewItem | None) -> None:
        self.current = item
        self.exit_case = pending_exit_case(self.ctx.col, item.id) if item and item.kind == "case_step" else None
        self.approve_button.setText(self.tr("同意退出") if self.exit_case else self.tr("通过"))
        self.return_button.setText(self.tr("不同意退出") if self.exit_case else self.tr("退回"))
        self.error.clear()
        self._clear_fields()
        enabled = item is not None
        for w in (self.approve_button, self.return_button, self.person_button, self.comment):
            w.setEnabled(enabled)
        if item is None:
            self.title.setText(self.tr("请选择左侧待审核事项"))
            self.deadline_label.clear()
            self.history.clear()
            return
        self.comment.clear()
        self.title.setText(f"{item.kind_label}　{item.person_name or '—'}")
        self.deadline_label.setText(self.model._deadline_text(item))
        self.deadline_label.setStyleSheet("color: #B00020;" if item.overdue else "")
        for label, value in reviews.describe(self.ctx.col, item.kind, item.id):
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields.addRow(label + "：", text)
        lines = []
        for r in reviews.reviews_of(self.ctx.col, item.id):
            verdict = reviews.DECISION_ZH.get(r["decision"], r["decision"] or "")
            line = self.tr("%1 %2 %3：%4").replace("%1", str(r["decided_on"] or "")).replace(
                "%2", r["reviewer"] or "").replace("%3", verdict).replace("%4", r["comment"] or "—")
            if r.get("answer"):
                line += "\n" + self.tr("　专干答复（%1）：%2").replace("%1", str(r["answered_on"] or "")).replace(
                    "%2", r["answer"])
            lines.append(line)
        self.history.setText(self.tr("审核记录：") + "\n" + "\n".join(lines) if lines else "")

    def _open_person(self) -> None:
        if self.current and self.current.person_id:
            self.ctx.open_record.emit("person", self.current.person_id)

    # --- decisions ----------------------------------------------------------------------------------------
    def approve(self) -> None:
        if self.exit_case:
            self._decide_exit(True)
            return
        self._decide(ops.reviews.approve)

    def return_(self) -> None:
        if self.exit_case:
            if not self.comment.toPlainText().strip():
                self.error.setText(self.tr("不同意退出须填写意见，专干会在今日待办中看到。"))
                self.comment.setFocus()
                return
            self._decide_exit(False)
            return
        if not self.comment.toPlainText().strip():
            self.error.setText(self.tr("退回必须填写审核意见，说明需要专干补正的内容。"))
            self.comment.setFocus()
            return
        self._decide(ops.reviews.return_)

    def _decide(self, fn: Any) -> None:
        item = self.current
        if item is None:
            return
        self.error.clear()
        self.approve_button.setEnabled(False)
        self.return_button.setEnabled(False)
        text = self.comment.toPlainText().strip()
        self.ctx.write(fn, self.ctx.col, item.kind, item.id, text, today=self.today, on_done=self._decided,
                       on_error=self._failed)

    def _decide_exit(self, approve: bool) -> None:
        self.error.clear()
        self.approve_button.setEnabled(False)
        self.return_button.setEnabled(False)
        user = self.ctx.col.user
        self.ctx.write(ops.exits.decide_exit, self.ctx.col, self.exit_case, approve,
                       actor=user.get("display_name") or user["name"], today=self.today,
                       note=self.comment.toPlainText().strip(), on_done=self._decided, on_error=self._failed)

    def _decided(self, _review_id: str | None) -> None:
        self.comment.clear()
        self.ctx.status.emit(self.tr("审核结论已保存，将在下次同步时发送给专干。"))

    def _failed(self, exc: Exception) -> None:
        self.approve_button.setEnabled(True)
        self.return_button.setEnabled(True)
        self.error.setText(str(exc))
