"""援助对象: the certification workflow as a board, one column per stage with its count, most urgent first.

Each column holds at most a page of cases (more on request), and the counts come from one GROUP BY, so the
board stays quick on a large store. Double-click (or Enter) opens the person.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.queries import cases as q
from app.rules import workflow
from ui.context import AppContext
from ui.views import tagged
from ui.views.live import LiveRefresh

PAGE = 100
MORE = "__more__"
MIN_COLUMN = 138  # ten stages side by side at 1366 px; a column widens to its text (StageColumn.fit)
CARD_PADDING = 16  # the item's padding in the style sheet and the delegate's text margins


class StageColumn(QFrame):
    def __init__(self, stage: workflow.Stage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(MIN_COLUMN)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.header = QLabel()
        font = QFont(self.font())
        font.setBold(True)
        self.header.setFont(font)
        self.header.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.header)
        limit = stage.limit_workdays
        self.sub = sub = QLabel(
            self.tr("{step} · 时限 {n} 个工作日").format(step=stage.step, n=limit)
            if limit
            else self.tr("{step}").format(step=stage.step)
        )
        sub.setAlignment(Qt.AlignmentFlag.AlignCenter)
        sub.setStyleSheet("color: #757575;")
        lay.addWidget(sub)
        self.list = QListWidget()
        # Each card line shows whole: the column widens to its text (see fit) rather than wrapping mid-word.
        self.list.setWordWrap(False)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Cards separated by a rule, so two-line entries do not run together.
        self.list.setStyleSheet("QListWidget::item { border-bottom: 1px solid #e0e0e0; padding: 3px 2px; }")
        lay.addWidget(self.list, 1)
        self.count = 0
        self.loaded = 0
        self.fit([])

    def set_count(self, n: int) -> None:
        self.count = n
        self.header.setText(f"{self.stage.name_zh}（{n}）")
        self.fit([])

    def fit(self, lines: list[str]) -> None:
        """Widen the column (never narrow it, so a refresh does not make the board jump) to show its header,
        its step line and every card line given whole; the board scrolls sideways when the columns need more
        than the window has."""
        list_room = (max((self.list.fontMetrics().horizontalAdvance(t) for t in lines), default=0) + CARD_PADDING
                     + 2 * self.list.frameWidth() + self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent))
        labels = max(lb.fontMetrics().horizontalAdvance(lb.text()) + 4 for lb in (self.header, self.sub))
        margins = self.layout().contentsMargins()
        need = max(list_room, labels) + margins.left() + margins.right() + 2 * self.frameWidth()
        if need > self.minimumWidth():
            self.setMinimumWidth(need)


def load_board(col: Any, today: dt.date, community: str | None) -> tuple[Any, ...]:
    """Background job: everything the board shows, read off the GUI thread."""
    counts, rows = q.board(col, today, community, PAGE)
    return q.communities(col), counts, rows


class CasesView(QWidget):
    refreshed = Signal()  # the board shows the store as of the last change

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, today_fn: Callable[[], dt.date] | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today_fn = today_fn or dt.date.today
        lay = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("社区")))
        self.community = QComboBox()
        self.community.setMinimumWidth(220)
        self.community.currentIndexChanged.connect(lambda _i: self.refresh())
        head.addWidget(self.community)
        self.summary = QLabel()
        head.addWidget(self.summary, 1)
        self.refresh_btn = QPushButton(self.tr("刷新"))
        self.refresh_btn.clicked.connect(self.refresh)
        head.addWidget(self.refresh_btn)
        lay.addLayout(head)
        board = QWidget()
        self.board_layout = QHBoxLayout(board)
        self.board_layout.setContentsMargins(0, 0, 0, 0)
        self.board_layout.setSpacing(4)
        self.columns: dict[str, StageColumn] = {}
        for stage in workflow.stages():
            col = StageColumn(stage)
            col.list.itemActivated.connect(lambda item, c=col: self._activated(c, item))
            self.columns[stage.code] = col
            self.board_layout.addWidget(col, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(board)
        lay.addWidget(scroll, 1)
        hint = QLabel(self.tr("双击打开人员详情；每列按办理时限由近到远排列，超期标红"))
        hint.setStyleSheet("color: #757575;")
        lay.addWidget(hint)
        self.live = LiveRefresh(self, ctx, {"assistance_case", "person"}, reload=self.refresh, clear=self.clear,
                                delay_ms=200)
        self.refresh()

    def _fill_communities(self, communities: list[tuple[str, str, int]]) -> None:
        current = self.community.currentData()
        self.community.blockSignals(True)
        self.community.clear()
        self.community.addItem(self.tr("全部社区"), None)
        for code, name, n in communities:
            self.community.addItem(f"{name}（{n}）", code)
        self.community.setCurrentIndex(max(0, self.community.findData(current)))
        self.community.blockSignals(False)

    def refresh(self) -> None:
        """Reload counts and the first page of every column in the background (also after unlocking with
        the same context); ``refreshed`` is emitted when the board shows the result."""
        generation = self.live.loading()
        self.summary.setText(self.tr("　正在读取…"))
        self.ctx.background(
            tagged,
            generation,
            load_board,
            self.ctx.col,
            self.today_fn(),
            self.community.currentData(),
            on_done=self._apply,
            on_error=self._failed,
        )

    def _failed(self, exc: Exception) -> None:
        self.summary.setText(self.tr("　读取失败：{e}").format(e=exc))

    def _apply(self, result: tuple[int, tuple[Any, ...]]) -> None:
        gen, (communities, counts, rows) = result
        if not self.live.current(gen):
            return
        self._fill_communities(communities)
        for code, col in self.columns.items():
            col.set_count(counts.get(code, 0))
            col.list.clear()
            col.loaded = 0
            self._add_rows(col, rows.get(code, []))
        active = sum(n for s, n in counts.items() if s not in workflow.closed_stages())
        self.summary.setText(self.tr("　在办 {a} 人，共 {t} 人").format(a=active, t=sum(counts.values())))
        self.refreshed.emit()

    def _load_page(self, col: StageColumn, today: dt.date) -> None:
        """The next page of one column (a small, limited query: fine on the GUI thread)."""
        self._add_rows(
            col,
            q.cases_in_stage(
                self.ctx.col, col.stage.code, today, self.community.currentData(), PAGE, col.loaded
            ),
        )

    def _add_rows(self, col: StageColumn, rows: list[q.CaseRow]) -> None:
        if col.list.count() and col.list.item(col.list.count() - 1).data(Qt.ItemDataRole.UserRole) == MORE:
            col.list.takeItem(col.list.count() - 1)
        for r in rows:
            lines = [r.name or self.tr("（未知）"), r.category_zh]
            if r.deadline_short:
                lines.append(r.deadline_short)
            item = QListWidgetItem("\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, r.person_id)
            item.setToolTip(r.deadline.text_zh if r.deadline else r.category_zh)
            if r.deadline is not None and r.deadline.overdue:
                item.setForeground(QBrush(QColor("#c62828")))
            elif r.deadline is not None and r.deadline.remaining_workdays <= 2:
                item.setForeground(QBrush(QColor("#ef6c00")))
            col.list.addItem(item)
        col.loaded += len(rows)
        if col.loaded < col.count:
            more = QListWidgetItem(self.tr("显示更多（还有 {n} 人）…").format(n=col.count - col.loaded))
            more.setData(Qt.ItemDataRole.UserRole, MORE)
            more.setForeground(QBrush(QColor("#1565c0")))
            col.list.addItem(more)
        col.fit([line for i in range(col.list.count()) for line in col.list.item(i).text().split("\n")])

    def _activated(self, col: StageColumn, item: QListWidgetItem) -> None:
        pid = item.data(Qt.ItemDataRole.UserRole)
        if pid == MORE:
            self._load_page(col, self.today_fn())
        elif pid:
            self.ctx.open_record.emit("person", pid)

    def clear(self) -> None:
        for col in self.columns.values():
            col.list.clear()
            col.set_count(0)
        self.community.blockSignals(True)
        self.community.clear()
        self.community.blockSignals(False)
        self.summary.setText("")
