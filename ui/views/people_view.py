"""户与人员: one search box (name, pinyin initials, full pinyin, ID or phone digits), filters and the list.

Right after unlock the first page comes from SQL, so the window is usable at once; the in-memory index
(app.search) is built on a worker thread and takes over when ready (typically a second or two on 100 000
persons). Changes from any source update the index in place. A scanned QR payload (a USB scanner types it
plus Enter into whatever has focus) opens the printed record.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import areas
from app.collection import Change
from app.queries.person_list import category_choices, sql_search, stage_choices
from app.search import Filters, PersonIndex, people_of, read_people
from ui.context import AppContext, Job
from ui.models.person_list import IdRole, PersonListModel
from ui.widgets.fit import fit_columns

WATCHED = {"person", "assistance_case", "service", "household"}
FALLBACK_LIMIT = 500  # rows the SQL fallback lists before the index is ready
REBUILD_ABOVE = 5000  # changed persons above which rebuilding beats updating in place
_COL_WIDTHS = (70, 152, 100, 104, 210, 70, 66, 128, 84, 112, 200)  # fits 1366 px
ADDRESS_COLUMN = 4  # free text: the one column that gives way (elided) so the rest show whole at 1366 px


def parse_scan(text: str) -> tuple[str, str, int] | None:
    """The printing module's QR parser, when it is installed (it is built separately)."""
    try:
        from app.printing.qr_payload import parse_scan as parse
    except ImportError:
        return None
    return parse(text)


class PeopleView(QWidget):
    index_ready = Signal()  # the in-memory index took over (tests and the benchmark wait for it)
    refreshed = Signal()  # the list shows a new result

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: dt.date | None = None,
                 build_index: bool = True) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or dt.date.today()
        self.index: PersonIndex | None = None
        self._job: Job | None = None
        self._pending: dict[str, set[str]] = {}
        self.sort_field: str | None = None
        self.descending = False
        self.last_search_ms = 0.0
        self._closed = False
        self._build()
        self._apply_timer = QTimer(self)
        self._apply_timer.setSingleShot(True)
        self._apply_timer.setInterval(80)  # one index update for a burst of changes
        self._apply_timer.timeout.connect(self._apply_changes)
        self._sql_timer = QTimer(self)
        self._sql_timer.setSingleShot(True)
        self._sql_timer.setInterval(150)  # the SQL fallback is slower: wait for a pause in typing
        self._sql_timer.timeout.connect(self.refresh)
        self._scan_timer = QTimer(self)
        self._scan_timer.setSingleShot(True)
        self._scan_timer.setInterval(400)  # a scanner that sends no Enter
        self._scan_timer.timeout.connect(self.try_scan)
        ctx.changed.connect(self._on_changed)
        ctx.locking.connect(self.clear)
        self.refresh()
        if build_index:
            # Start after the first page has been painted: the build competes for the interpreter.
            QTimer.singleShot(250, self.build_index)

    # --- layout --------------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 4)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("查找：姓名、拼音首字母（如 zs）、身份证号或手机号码（Ctrl+F）"))
        self.search.setMinimumWidth(420)
        self.search.textChanged.connect(self._text_changed)
        self.search.returnPressed.connect(self._return_pressed)
        self.search.installEventFilter(self)
        top.addWidget(self.search, 1)
        self.count_label = QLabel()
        self.count_label.setMinimumWidth(200)
        top.addWidget(self.count_label)
        outer.addLayout(top)

        bar = QHBoxLayout()
        self.community = QComboBox()
        self.community.addItem(self.tr("全部社区"), None)
        user_areas = (self.ctx.col.user or {}).get("areas") or None
        for a in areas.communities(user_areas) or areas.communities():
            self.community.addItem(a.name, a.code)
        self.category = QComboBox()
        self.category.addItem(self.tr("全部类别"), None)
        for code, name in category_choices():
            self.category.addItem(name, code)
        self.stage = QComboBox()
        self.stage.addItem(self.tr("全部环节"), None)
        for code, name in stage_choices():
            self.stage.addItem(name, code)
        self.due = QComboBox()
        self.due.addItem(self.tr("全部时限"), None)
        self.due.addItem(self.tr("3 个工作日内到期"), "soon")
        self.due.addItem(self.tr("已超期"), "overdue")
        self.incomplete = QCheckBox(self.tr("服务包未完成"))
        self.reset_button = QPushButton(self.tr("清除筛选"))
        self.reset_button.clicked.connect(self.reset_filters)
        for label, w in ((self.tr("社区"), self.community), (self.tr("类别"), self.category),
                         (self.tr("环节"), self.stage), (self.tr("时限"), self.due)):
            bar.addWidget(QLabel(label))
            bar.addWidget(w)
            w.currentIndexChanged.connect(self.refresh)
        self.incomplete.toggled.connect(self.refresh)
        bar.addWidget(self.incomplete)
        bar.addStretch(1)
        bar.addWidget(self.reset_button)
        self.new_household_button = QPushButton(self.tr("新建家庭"))
        self.new_household_button.clicked.connect(self.new_household)
        bar.addWidget(self.new_household_button)
        outer.addLayout(bar)

        self.model = PersonListModel(self.ctx, self)
        self.model.today = self.today
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vh = self.table.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring of 100 000 rows
        vh.setDefaultSectionSize(26)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(True)
        hh.setHighlightSections(False)
        for i, w in enumerate(_COL_WIDTHS):
            self.table.setColumnWidth(i, w)
        hh.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # relevance until a header is clicked
        self.table.setSortingEnabled(True)  # (sorts once, before the signal is connected: no extra query)
        self.model.sort_requested.connect(self._sort_requested)
        self.table.doubleClicked.connect(self._activated)
        self.table.installEventFilter(self)
        # Columns widen to what the first screenful shows (时限 with its note, 灵活就业 …), never elided.
        self.model.modelReset.connect(lambda: QTimer.singleShot(0, self.table, lambda: fit_columns(self.table, 30, elastic=ADDRESS_COLUMN)))
        outer.addWidget(self.table, 1)
        self.notice = QLabel()
        self.notice.setStyleSheet("color: #b35c00;")
        self.notice.hide()
        outer.addWidget(self.notice)

    # --- searching -----------------------------------------------------------------------------------
    def filters(self) -> Filters:
        return Filters(community=self.community.currentData(), category=self.category.currentData(),
                       stage=self.stage.currentData(), due=self.due.currentData(),
                       incomplete_package=self.incomplete.isChecked())

    def refresh(self) -> None:
        """Run the current search and filters and show the result."""
        if self._closed:
            return
        text = self.search.text()
        if text.strip().upper().startswith("OD1|"):
            return  # a scan in progress: not a search
        t0 = time.perf_counter()
        if self.index is not None:
            result = self.index.search(text, self.filters(), self.sort_field, self.descending)
            ids: Sequence[str] = result.ids
            total = len(result)
            partial = False
        else:
            ids, total = sql_search(self.ctx.col.records, text, self.filters(), FALLBACK_LIMIT, self.today)
            partial = total is not None and total > len(ids)
        keep = self.current_id()
        self.model.set_ids(ids)
        self.last_search_ms = (time.perf_counter() - t0) * 1000
        if total is None:
            self.count_label.setText(self.tr("正在建立索引，先显示 %1 人").replace("%1", str(len(ids))))
        elif partial:
            self.count_label.setText(self.tr("共 %1 人（正在建立索引，先显示前 %2 人）")
                                     .replace("%1", str(total)).replace("%2", str(len(ids))))
        else:
            self.count_label.setText(self.tr("共 %1 人").replace("%1", str(total)))
        if keep:
            self.select_id(keep, scroll=False)
        self.refreshed.emit()

    def _text_changed(self, text: str) -> None:
        self.notice.hide()
        if text.strip().upper().startswith("OD1|"):
            self._scan_timer.start()
            return
        if self.index is not None:
            self.refresh()  # fast enough to run on every keystroke
        else:
            self._sql_timer.start()

    def _return_pressed(self) -> None:
        if self.try_scan():
            return
        if self._sql_timer.isActive():
            self._sql_timer.stop()
            self.refresh()
        if self.model.rowCount() and self.model.id_at(0):
            self.table.selectRow(0)
            self.open_row(0)

    def _sort_requested(self, field: str, descending: bool) -> None:
        self.sort_field = field or None
        self.descending = descending
        self.refresh()

    def reset_filters(self) -> None:
        for w in (self.community, self.category, self.stage, self.due):
            w.blockSignals(True)
            w.setCurrentIndex(0)
            w.blockSignals(False)
        self.incomplete.blockSignals(True)
        self.incomplete.setChecked(False)
        self.incomplete.blockSignals(False)
        self.sort_field = None
        self.descending = False
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.refresh()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --- scanned QR payloads -------------------------------------------------------------------------
    def try_scan(self) -> bool:
        """Open the record a scanned payload names; True when the text was a payload of ours."""
        self._scan_timer.stop()
        parsed = parse_scan(self.search.text())
        if parsed is None:
            return False
        kind, rid, printed = parsed
        rec = self.ctx.col.records.get(kind, rid)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.refresh()
        if rec is None or rec.get("deleted"):
            self.notice.setText(self.tr("未找到该表对应的记录（可能尚未同步到本机，或已删除）。"))
            self.notice.show()
            return True
        self.ctx.open_record.emit(kind, rid)
        current = int(rec.get("version") or 0)
        if current != printed:
            self.ctx.notice.emit(self.tr("该表打印自旧版本（打印时版本 %1，当前版本 %2）")
                                 .replace("%1", str(printed)).replace("%2", str(current)))
        return True

    # --- opening -------------------------------------------------------------------------------------
    def current_id(self) -> str | None:
        idx = self.table.currentIndex()
        return self.model.data(idx, IdRole) if idx.isValid() else None

    def select_id(self, rid: str, scroll: bool = True) -> bool:
        ids = self.model._ids
        limit = min(len(ids), 2000)  # only look near the top; a far-away row stays unselected
        for row in range(limit):
            if ids[row] == rid:
                self.table.selectRow(row)
                if scroll:
                    self.table.scrollTo(self.model.index(row, 0))
                return True
        return False

    def new_household(self) -> QWidget:
        from ui.dialogs.register_dialog import NewHouseholdDialog

        dlg = NewHouseholdDialog(self.ctx, self, today=self.today)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()
        return dlg

    def open_row(self, row: int) -> None:
        rid = self.model.id_at(row)
        if rid:
            self.ctx.open_record.emit("person", rid)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_row(index.row())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                idx = self.table.currentIndex()
                if idx.isValid():
                    self.open_row(idx.row())
                    return True
            if watched is self.search and key == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus()
                if not self.table.currentIndex().isValid():
                    self.table.selectRow(0)
                return True
        return super().eventFilter(watched, event)

    # --- the index -----------------------------------------------------------------------------------
    def build_index(self) -> None:
        if self._closed or self._job is not None:
            return
        self._job = self.ctx.background(PersonIndex.build, self.ctx.col.records, today=self.today,
                                        on_done=self._index_built, on_error=self._index_failed,
                                        on_progress=lambda *_: None)

    def _index_built(self, index: PersonIndex | None) -> None:
        self._job = None
        if index is None or self._closed:
            return
        self.index = index
        if self._pending:
            self._apply_changes()
        self.refresh()
        self.index_ready.emit()

    def _index_failed(self, exc: Exception) -> None:
        self._job = None  # the SQL fallback keeps working
        self.ctx.status.emit(self.tr("建立查找索引失败：%1").replace("%1", str(exc)))

    def _on_changed(self, change: Change) -> None:
        if not change.kinds & WATCHED:
            return
        for kind in WATCHED:
            if kind in change.ids:
                self._pending.setdefault(kind, set()).update(change.ids[kind])
        self._apply_timer.start()

    def _apply_changes(self) -> None:
        if self._closed or not self._pending:
            return
        if self.index is None and self._job is not None:
            return  # applied when the build finishes (it may have read the rows before they changed)
        pending, self._pending = self._pending, {}
        records = self.ctx.col.records
        pids = set(pending.get("person", ()))
        for kind in ("assistance_case", "service"):
            pids |= people_of(records, kind, pending.get(kind, ()))
        if self.index is not None:
            if len(pids) > REBUILD_ABOVE:
                self.index = None
                self.build_index()
            elif pids:
                people, cases, services = read_people(records, pids)
                self.index.update(people, cases, services)
        self.model.invalidate(None if "household" in pending else pids)
        self.refresh()

    # --- locking -------------------------------------------------------------------------------------
    def clear(self) -> None:
        """Forget every person (on lock): list, index, search text. The view is not used again."""
        self._closed = True
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self._apply_timer.stop()
        self._sql_timer.stop()
        self._scan_timer.stop()
        self._pending = {}
        self.index = None
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.model.clear()
        self.count_label.clear()
        self.notice.hide()

    def stats(self) -> dict[str, Any]:
        return {"rows": self.model.rowCount(), "fetches": self.model.fetches, "indexed": self.index is not None}
