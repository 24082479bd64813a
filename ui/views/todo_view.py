"""今日待办: today's work grouped (returned items, visits, follow-ups, deadlines, evaluations, exits that can be
proposed, pushed applications, data-matching hits) with counts; double-click or Enter opens the person, 办理
records a follow-up or an evaluation, or proposes an exit, right from the list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.queries.exit_signals import exit_signals
from app.queries.todo import GROUPS, TodoItem, counts, todo
from ui.context import AppContext
from ui.dialogs import open_dialog
from ui.views import tagged
from ui.views.live import LiveRefresh

# Kinds whose change can add or remove a to-do item.
WATCHED = {
    "visit",
    "followup",
    "assistance_case",
    "review",
    "registration_application",
    "match_hit",
    "person",
    "service",
    "policy_push",
}
# To-do groups 办理 acts on directly (the rest open the person).
ACTIONABLE = {"followup", "evaluation", "exit"}
ITEM_ROLE = Qt.ItemDataRole.UserRole


class TodoView(QWidget):
    refreshed = Signal()  # the list shows the store as of the last change

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, today_fn: Callable[[], dt.date] | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today_fn = today_fn or dt.date.today
        self.items: list[TodoItem] = []
        self._shown_day: dt.date | None = None
        lay = QVBoxLayout(self)
        head = QHBoxLayout()
        self.title = QLabel()
        font = QFont(self.font())
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.title.setFont(font)
        head.addWidget(self.title)
        self.summary = QLabel()
        head.addWidget(self.summary, 1)
        # Office staff print the day's route and a pre-filled sheet per household before the workers go out.
        self.sheets_btn = QPushButton(self.tr("打印今日走访表"))
        self.sheets_btn.clicked.connect(self.print_sheets)
        self.route_btn = QPushButton(self.tr("打印路线单"))
        self.route_btn.clicked.connect(self.print_route)
        self.act_btn = QPushButton(self.tr("办理所选"))
        self.act_btn.setToolTip(self.tr("记录回访、期满评估或提出退出"))
        self.act_btn.clicked.connect(self.act_on_current)
        self.refresh_btn = QPushButton(self.tr("刷新"))
        self.refresh_btn.clicked.connect(self.refresh)
        for b in (self.act_btn, self.sheets_btn, self.route_btn, self.refresh_btn):
            head.addWidget(b)
        lay.addLayout(head)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("人员"), self.tr("事项"), self.tr("期限"), self.tr("状态")])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        hv = self.tree.header()
        hv.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        hv.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        hv.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        hv.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        hv.setStretchLastSection(False)
        self.tree.setColumnWidth(0, 150)
        self.tree.itemActivated.connect(self._activated)
        self.tree.currentItemChanged.connect(lambda _c, _p: self._update_act())
        lay.addWidget(self.tree, 1)
        self.hint = QLabel(self.tr("双击或按回车打开人员详情"))
        self.hint.setStyleSheet("color: #757575;")
        lay.addWidget(self.hint)

        # After midnight "today" changes: check once a minute (cheap) rather than trusting a long timer.
        self._day_timer = QTimer(self)
        self._day_timer.setInterval(60_000)
        self._day_timer.timeout.connect(self._check_day)
        self._day_timer.start()
        self.live = LiveRefresh(self, ctx, WATCHED, reload=self.refresh, clear=self.clear, delay_ms=100)
        self.refresh()

    def print_sheets(self) -> None:
        from ui.print_actions import batch_print

        batch_print(self.ctx, self, "visit-sheet", self.today_fn())

    def print_route(self) -> None:
        from ui.print_actions import preview

        preview(self.ctx, self, "route", date=self.today_fn())

    def refresh(self) -> None:
        """Reload in the background (also what the shell calls after unlocking with the same context);
        ``refreshed`` is emitted when the list shows the result."""
        generation = self.live.loading()
        self._loading_day = self.today_fn()
        self.ctx.background(
            tagged,
            generation,
            todo,
            self.ctx.col,
            self._loading_day,
            on_done=self._apply,
            on_error=self._failed,
        )

    def _failed(self, exc: Exception) -> None:
        self.summary.setText(self.tr("读取失败：{e}").format(e=exc))

    def _apply(self, result: tuple[int, list[TodoItem]]) -> None:
        gen, items = result
        if not self.live.current(gen):
            return
        today = self._loading_day
        self._shown_day = today
        self.items = items
        self._populate(today)
        self.refreshed.emit()

    def clear(self) -> None:
        self.items = []
        self.tree.clear()
        self.summary.setText("")
        self.title.setText(self.tr("今日待办"))

    def _check_day(self) -> None:
        if not self.live.locked and self.today_fn() != self._shown_day:
            self.refresh()

    def _populate(self, today: dt.date) -> None:
        expanded = {
            self.tree.topLevelItem(i).data(0, ITEM_ROLE): self.tree.topLevelItem(i).isExpanded()
            for i in range(self.tree.topLevelItemCount())
        }
        self.tree.clear()
        n = counts(self.items)
        overdue = sum(1 for i in self.items if i.overdue)
        self.title.setText(self.tr("今日待办（{d}）").format(d=today.isoformat()))
        self.summary.setText(self.tr("共 {n} 项，其中超期 {o} 项").format(n=len(self.items), o=overdue))
        groups: dict[str, QTreeWidgetItem] = {}
        bold = QFont(self.font())
        bold.setBold(True)
        for kind, label in GROUPS.items():
            group = QTreeWidgetItem([f"{label}（{n[kind]}）"])
            group.setData(0, ITEM_ROLE, kind)
            group.setFirstColumnSpanned(True)
            group.setFont(0, bold)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if not n[kind]:
                group.setForeground(0, QBrush(QColor("#9e9e9e")))
            self.tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            groups[kind] = group
        for idx, item in enumerate(self.items):
            row = QTreeWidgetItem(
                [item.title, item.detail, item.due_on.isoformat() if item.due_on else "", item.due_text]
            )
            row.setData(0, ITEM_ROLE, idx)
            row.setToolTip(1, item.detail)
            if item.overdue:
                for c in (0, 2, 3):
                    row.setForeground(c, QBrush(QColor("#c62828")))
            groups[item.kind].addChild(row)
        for kind, group in groups.items():
            group.setExpanded(expanded.get(kind, True) if n[kind] else False)
        self._update_act()

    def _activated(self, row: QTreeWidgetItem, _column: int) -> None:
        idx = row.data(0, ITEM_ROLE)
        if row.parent() is None or not isinstance(idx, int) or idx >= len(self.items):
            return
        self.open_item(self.items[idx])

    def current_item(self) -> TodoItem | None:
        row = self.tree.currentItem()
        idx = row.data(0, ITEM_ROLE) if row is not None and row.parent() is not None else None
        return self.items[idx] if isinstance(idx, int) and idx < len(self.items) else None

    def _update_act(self) -> None:
        item = self.current_item()
        self.act_btn.setEnabled(item is not None and item.kind in ACTIONABLE)

    def act_on_current(self) -> QDialog | None:
        """记录回访 / 期满评估 / 提出退出 for the selected item; returns the dialog opened."""
        from ui.dialogs.followup_dialog import EvaluationDialog, FollowupDialog
        from ui.dialogs.workflow_dialog import WorkflowDialog

        item, today = self.current_item(), self.today_fn()
        if item is None or item.kind not in ACTIONABLE:
            return None
        if item.kind == "followup":
            return open_dialog(FollowupDialog(self.ctx, item.record_id, self, today=today))
        if item.kind == "evaluation":
            return open_dialog(EvaluationDialog(self.ctx, item.record_id, self, today=today))
        signal = next((s for s in exit_signals(self.ctx.col, today, item.person_id)
                       if s.case_id == item.record_id), None)
        return open_dialog(WorkflowDialog(self.ctx, item.record_id, "propose_exit", self, today=today,
                                          exit_reason=signal.reason if signal else None,
                                          evidence=signal.evidence if signal else None))

    def open_item(self, item: TodoItem) -> None:
        if item.kind == "returned":  # the person page opens on the 审核意见 tab, at this review
            self.ctx.open_record.emit(item.record_kind, item.record_id)
        elif item.record_kind == "registration_application" or not item.person_id:
            # Pushed applications are handled on the matching tab (a person may not exist here yet).
            self.ctx.open_record.emit(item.record_kind, item.record_id)
        else:
            self.ctx.open_record.emit("person", item.person_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.tree.currentItem() is not None:
            self._activated(self.tree.currentItem(), 0)
            return
        super().keyPressEvent(event)
