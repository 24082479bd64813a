"""主动发现: people who appear eligible but never applied, and key groups not visited for N days; from the list,
batch-print their policy cards and record a point-to-point push (visit, phone, SMS text, or 三晋通 as CSV),
then confirm it — a confirmed push counts as a 政策咨询.

The list is read off the GUI thread (``app.queries.discovery``); pushes and confirmations run on the writer
(``app.ops.outreach``); the view follows change notifications.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import ops
from app.queries.discovery import ELIGIBLE, UNVISITED, DiscoveryRow, discovery, sanjintong_csv
from app.rules.discovery import default_days, push_channels
from ui.context import AppContext
from ui.unencrypted import ask_export_path, exported
from ui.views import tagged
from ui.views.live import LiveRefresh
from ui.views.person.section import ORANGE, day, fill
from ui.widgets.tables import read_only_table

WATCHED = {"person", "household", "assistance_case", "visit", "policy_push"}


class DiscoveryView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 today_fn: Callable[[], dt.date] | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today_fn = today_fn or dt.date.today
        self.rows: list[DiscoveryRow] = []
        self.loading = False
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.mode = QComboBox()
        self.mode.addItem(self.tr("看起来符合认定条件、尚未申请的人员"), ELIGIBLE)
        self.mode.addItem(self.tr("重点群体中长期未走访的人员"), UNVISITED)
        self.days = QSpinBox()
        self.days.setRange(1, 3650)
        self.days.setValue(default_days())
        self.days.setSuffix(self.tr(" 天内未走访"))
        self.refresh_btn = QPushButton(self.tr("刷新"))
        top.addWidget(QLabel(self.tr("名单")))
        top.addWidget(self.mode)
        top.addWidget(self.days)
        top.addWidget(self.refresh_btn)
        self.summary = QLabel()
        top.addWidget(self.summary, 1)
        lay.addLayout(top)
        self.table = read_only_table([self.tr("姓名"), self.tr("社区"), self.tr("重点群体"), self.tr("可能符合的类别"),
                                      self.tr("最近走访"), self.tr("最近推送"), self.tr("待确认推送")], 3)
        self.table.itemDoubleClicked.connect(lambda _i: self.open_person())
        lay.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.print_btn = QPushButton(self.tr("批量打印政策明白卡"))
        self.channel = QComboBox()
        for code, name in push_channels().items():
            self.channel.addItem(name, code)
        self.push_btn = QPushButton(self.tr("记录推送"))
        self.confirm_btn = QPushButton(self.tr("本人确认收到"))
        self.open_btn = QPushButton(self.tr("打开人员"))
        self.hint = QLabel(self.tr("不选择时对整张名单操作；推送经本人确认后计为一次政策咨询"))
        self.hint.setStyleSheet("color: #757575;")
        for w in (self.print_btn, QLabel(self.tr("推送渠道")), self.channel, self.push_btn, self.confirm_btn,
                  self.open_btn):
            bottom.addWidget(w)
        bottom.addWidget(self.hint, 1)
        lay.addLayout(bottom)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.days.editingFinished.connect(self.refresh)
        self.refresh_btn.clicked.connect(self.refresh)
        self.print_btn.clicked.connect(self.print_cards)
        self.push_btn.clicked.connect(self.push)
        self.confirm_btn.clicked.connect(self.confirm)
        self.open_btn.clicked.connect(self.open_person)
        self.live = LiveRefresh(self, ctx, WATCHED, reload=self.refresh, clear=self.clear)
        self._mode_changed()

    # --- loading ------------------------------------------------------------------------------------
    def _mode_changed(self) -> None:
        self.days.setEnabled(self.mode.currentData() == UNVISITED)
        self.refresh()

    def refresh(self) -> None:
        generation = self.live.loading()
        self.loading = True
        self.summary.setText(self.tr("正在读取…"))
        self.ctx.background(tagged, generation, discovery, self.ctx.col, self.mode.currentData(), self.today_fn(),
                            self.days.value(), on_done=self._loaded, on_error=self._failed)

    def _loaded(self, result: tuple[int, list[DiscoveryRow]]) -> None:
        generation, rows = result
        if not self.live.current(generation):
            return
        self.loading = False
        self.rows = rows
        fill(self.table, [[r.name, r.community, "、".join(r.groups), "、".join(r.categories), day(r.last_visit)
                           or self.tr("从未走访"), day(r.last_push), str(r.push_unconfirmed or "")] for r in rows],
             [ORANGE if r.push_unconfirmed else None for r in rows])
        self.summary.setText(self.tr("共 {n} 人").format(n=len(rows)))

    def _failed(self, exc: Exception) -> None:
        self.loading = False
        self.summary.setText(self.tr("读取失败：{e}").format(e=exc))

    def clear(self) -> None:
        self.rows = []
        self.table.setRowCount(0)
        self.summary.setText("")

    # --- acting on the list -----------------------------------------------------------------------------
    def chosen(self) -> list[str]:
        """The selected people, or the whole list when none is selected."""
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.rows[r].person_id for r in rows] if rows else [r.person_id for r in self.rows]

    def print_cards(self) -> None:
        from ui.print_actions import batch_print

        if self.chosen():
            batch_print(self.ctx, self, "policy-card", self.chosen())

    def push(self) -> None:
        people, channel = self.chosen(), self.channel.currentData()
        if not people:
            return
        path = ""
        if channel == "sanjintong":
            path = self._ask_csv_path()
            if not path:
                return
        self.push_btn.setEnabled(False)
        self.ctx.write(ops.outreach.record_pushes, self.ctx.col, people, channel, today=self.today_fn(),
                       on_done=lambda ids: self._pushed(ids, path), on_error=self._write_failed)

    def _ask_csv_path(self) -> str:
        return ask_export_path(
            self, self.tr("三晋通推送文件含姓名、身份证号和手机号，且不加密。请只交给三晋通推送的经办人员，用后删除。是否继续？"),
            self.tr("导出三晋通推送名单"), self.tr("三晋通推送_{date}").format(date=f"{self.today_fn():%Y%m%d}"), "csv")

    def _pushed(self, ids: list[str], path: str) -> None:
        self.push_btn.setEnabled(True)
        if path:
            self.export_csv(ids, path)
        self.ctx.status.emit(self.tr("已记录 {n} 条推送").format(n=len(ids)))

    def export_csv(self, ids: list[str], path: str) -> None:
        Path(path).write_text(sanjintong_csv(self.ctx.col, ids), encoding="utf-8")
        self.ctx.status.emit(exported(path))

    def confirm(self) -> None:
        people = [r.person_id for r in self.rows if r.push_unconfirmed and r.person_id in set(self.chosen())]
        if people:
            self.ctx.write(ops.outreach.confirm_latest, self.ctx.col, people, today=self.today_fn(),
                           on_done=lambda n: self.ctx.status.emit(self.tr("已确认 {n} 条推送，计入政策咨询").format(n=n)),
                           on_error=self._write_failed)

    def _write_failed(self, exc: Exception) -> None:
        self.push_btn.setEnabled(True)
        QMessageBox.warning(self, self.tr("无法保存"), str(exc))

    def open_person(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        if rows:
            self.ctx.open_record.emit("person", self.rows[rows[0]].person_id)

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_person()
            return
        super().keyPressEvent(event)
