"""异常原因统计, a page of the 数据比对 tab (issue 12 item 5): the causes of the ministry's anomaly feedback
corrected in a period, per community, street or county, with the anomalies still open; exported to Excel after
the not-encrypted warning.

The report is read off the GUI thread when the page is shown, when the period or level changes, and again when
an anomaly changes (a correction recorded on the 异常反馈 page, a pull) — through its own LiveRefresh, so a
hidden page does no work.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.dashboard.model import ALL, TOTAL
from app.matching import cause_report
from app.matching.cause_report import CauseReport
from ui.context import AppContext
from ui.dialogs import from_qdate, to_qdate
from ui.models.figure_table import ROW_LABEL, FigureTableModel
from ui.unencrypted import ask_export_path, exported
from ui.views import tagged
from ui.views.live import LiveRefresh


def load(col: Any, start: dt.date, end: dt.date, digits: int) -> CauseReport:
    with col.records.reading() as conn:
        return cause_report.load(conn, start, end, digits)


class AnomalyReportPage(QWidget):
    """Period (更正日期 from/to, this year by default) and level on top; causes × areas below."""

    def __init__(self, ctx: AppContext, today_fn: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: CauseReport | None = None
        self.exporting = False  # a reload meanwhile must not offer a second export
        today = today_fn()
        self.start_edit = QDateEdit(to_qdate(dt.date(today.year, 1, 1)))
        self.end_edit = QDateEdit(to_qdate(today))
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.level = QComboBox()
        names = {12: self.tr("社区"), 9: self.tr("街道（乡镇）"), 6: self.tr("县（区）")}
        for digits, _zh in cause_report.LEVELS:
            self.level.addItem(names[digits], digits)
        self.export_btn = QPushButton(self.tr("导出 Excel…"))
        self.export_btn.setEnabled(False)
        self.export_btn.clicked.connect(self.ask_export)
        bar = QHBoxLayout()
        for w in (QLabel(self.tr("更正日期")), self.start_edit, QLabel(self.tr("至")), self.end_edit,
                  QLabel(self.tr("统计到")), self.level):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.export_btn)

        self.model = FigureTableModel({ROW_LABEL: self.tr("异常原因"), ALL: self.tr("合计"), TOTAL: self.tr("合计"),
                                       cause_report.OPEN: self.tr("尚未更正")}, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setMinimumSectionSize(90)  # a count column as wide as a short area name
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555555;")
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.note)
        lay.addWidget(self.status)

        self.live = LiveRefresh(self, ctx, {"match_anomaly"}, reload=self.refresh, clear=self.clear)
        self.live.stale = True  # first read when first shown
        self.start_edit.dateChanged.connect(self.live.schedule)
        self.end_edit.dateChanged.connect(self.live.schedule)
        self.level.currentIndexChanged.connect(self.live.schedule)

    def period(self) -> tuple[dt.date, dt.date]:
        return from_qdate(self.start_edit.date()), from_qdate(self.end_edit.date())

    # --- loading --------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        start, end = self.period()
        generation = self.live.loading()
        if start > end:
            self._show(None)
            self.status.setText(self.tr("开始日期不能晚于结束日期"))
            return
        self.status.setText(self.tr("正在统计…"))
        self.ctx.background(tagged, generation, load, self.ctx.col, start, end, self.level.currentData(),
                            on_done=self._apply, on_error=self._failed)

    def _apply(self, result: tuple[int, CauseReport]) -> None:
        generation, report = result
        if not self.live.current(generation):
            return
        self._show(report)
        areas = len(report.figure.columns) - 1
        self.status.setText(self.tr("{n} 个地区；期间已更正 {c} 条，尚未更正 {o} 条").format(
            n=areas, c=report.corrected, o=report.open_total))

    def _show(self, report: CauseReport | None) -> None:
        self.report = report
        self.model.set_figure(report.figure if report else None, [report.still_open] if report else [])
        self._offer_export()
        self.note.setText(self.tr("按更正日期统计各原因的异常条数；“尚未更正”是截至结束日期已反馈、至今仍未更正的异常。")
                          if report else "")

    def clear(self) -> None:
        self._show(None)
        self.status.setText("")

    def _failed(self, exc: Exception) -> None:
        self.status.setText(self.tr("统计失败：{e}").format(e=exc))

    # --- export ---------------------------------------------------------------------------------------------
    def ask_export(self) -> None:
        if self.report is None:
            return
        name = self.tr("异常原因统计_{start}_{end}").format(start=f"{self.report.start:%Y%m%d}",
                                                        end=f"{self.report.end:%Y%m%d}")
        path = ask_export_path(self, self.tr("导出的文件不加密，任何拿到文件的人都能打开。文件只含各地区的统计数字，"
                                             "不含个人信息，但仍请妥善保管、用后删除。是否继续？"),
                               self.tr("导出异常原因统计"), name)
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        if self.report is None:
            return
        self.exporting = True
        self._offer_export()
        self.status.setText(self.tr("正在导出…"))
        self.ctx.background(cause_report.write_xlsx, self.report, path, on_done=self._exported,
                            on_error=self._export_failed)

    def _offer_export(self) -> None:
        self.export_btn.setEnabled(self.report is not None and not self.exporting)

    def _exported(self, path: Any) -> None:
        self.exporting = False
        self._offer_export()
        self.status.setText(exported(path))

    def _export_failed(self, exc: Exception) -> None:
        self.exporting = False
        self._offer_export()
        self.status.setText(self.tr("导出失败：{e}").format(e=exc))
