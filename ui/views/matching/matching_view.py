"""数据比对 tab: import a social-insurance or business-registration file (with a column-mapping step), confirm
or dismiss the hits, handle the ministry-pushed registration applications against their working-day
countdown, record the cause and correction of the ministry's anomaly feedback, and count those causes per
period and area (anomaly_report.py).

Reads run off the GUI thread (``load``); changes run as app.ops operations on the writer thread; the tab
reloads from change notifications, so a pull that brings new hits shows them without being asked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.matching import sources
from app.ops import anomalies as anomaly_ops
from app.ops import matching as match_ops
from app.ops import registrations as reg_ops
from app.queries import matching as q
from ui.context import AppContext
from ui.views import tagged
from ui.views.live import LiveRefresh
from ui.views.matching.anomaly_report import AnomalyReportPage
from ui.views.matching.dialogs import MappingDialog, ReasonDialog
from ui.widgets.tables import chosen, fill, read_only_table

WATCHED = {"match_hit", "registration_application", "match_anomaly", "person"}
KINDS = ("match_hit", "registration_application", "match_anomaly")  # records this tab shows


def load(col: Any, today: dt.date) -> tuple[list[dict], list[q.QueueItem], list[dict]]:
    with col.records.reading() as conn:
        return q.open_hits(conn), q.registration_queue(conn, today), q.open_anomalies(conn)


def file_headers(path: str) -> list[str]:
    """The labels of the file's most label-like row among its first rows (for the mapping step)."""
    from app.tabular import read_rows

    rows = read_rows(path)[:20]
    best = max(rows, key=lambda r: sum(isinstance(v, str) for v in r), default=[])
    return [str(v) for v in best if v is not None]


def _d(day: dt.date | None) -> str:
    return day.isoformat() if day else ""



class MatchingView(QWidget):
    refreshed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 today_fn: Callable[[], dt.date] | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today_fn = today_fn or dt.date.today
        self.hits: list[dict] = []
        self.queue: list[q.QueueItem] = []
        self.anomalies: list[dict] = []
        self._pending_select: tuple[str, str] | None = None
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.import_si_btn = QPushButton(self.tr("导入社保参保数据…"))
        self.import_br_btn = QPushButton(self.tr("导入工商注册数据…"))
        self.import_si_btn.clicked.connect(lambda: self._pick("social_insurance"))
        self.import_br_btn.clicked.connect(lambda: self._pick("business_registration"))
        self.summary = QLabel()
        bar.addWidget(self.import_si_btn)
        bar.addWidget(self.import_br_btn)
        bar.addWidget(self.summary, 1)
        lay.addLayout(bar)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._hits_page(), self.tr("比对结果"))
        self.tabs.addTab(self._queue_page(), self.tr("部推失业登记申请"))
        self.tabs.addTab(self._anomalies_page(), self.tr("异常反馈"))
        self.report_page = AnomalyReportPage(ctx, self.today_fn)
        self.tabs.addTab(self.report_page, self.tr("异常原因统计"))
        lay.addWidget(self.tabs, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.live = LiveRefresh(self, ctx, WATCHED, reload=self.refresh, clear=self.clear, delay_ms=200)
        self.refresh()

    # --- pages ----------------------------------------------------------------------------------------------
    def _page(self, buttons: list[tuple[QPushButton, Callable[[], Any]]], table: QTableWidget) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        row = QHBoxLayout()
        for b, fn in buttons:
            b.clicked.connect(fn)
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(table)
        return page

    def _hits_page(self) -> QWidget:
        self.confirm_btn = QPushButton(self.tr("确认（已就业/创业）"))
        self.dismiss_btn = QPushButton(self.tr("排除…"))
        self.hit_table = read_only_table([self.tr("姓名"), self.tr("来源"), self.tr("单位或市场主体"),
                                          self.tr("统一社会信用代码"), self.tr("参保或成立日期"), self.tr("比对日期")],
                                         stretch=2)
        self.hit_table.itemActivated.connect(lambda _i: self._open_person(chosen(self.hit_table)))
        return self._page([(self.confirm_btn, self.confirm), (self.dismiss_btn, self.dismiss)], self.hit_table)

    def _queue_page(self) -> QWidget:
        self.accept_btn = QPushButton(self.tr("受理"))
        self.refuse_btn = QPushButton(self.tr("不予受理…"))
        self.contact_btn = QPushButton(self.tr("今天已联系"))
        self.queue_table = read_only_table([self.tr("申请编号"), self.tr("姓名"), self.tr("推送日期"), self.tr("环节"),
                                            self.tr("时限"), self.tr("剩余")], stretch=5)
        return self._page([(self.accept_btn, self.accept), (self.refuse_btn, self.refuse),
                           (self.contact_btn, self.contacted)], self.queue_table)

    def _anomalies_page(self) -> QWidget:
        self.correct_btn = QPushButton(self.tr("记录原因与更正…"))
        self.anomaly_table = read_only_table([self.tr("异常编号"), self.tr("姓名"), self.tr("异常描述"),
                                              self.tr("反馈日期")], stretch=2)
        return self._page([(self.correct_btn, self.correct)], self.anomaly_table)

    # --- loading --------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        generation = self.live.loading()
        self.ctx.background(tagged, generation, load, self.ctx.col, self.today_fn(), on_done=self._apply,
                            on_error=lambda e: self.summary.setText(self.tr("读取失败：{e}").format(e=e)))

    def _apply(self, result: tuple[int, tuple[list[dict], list[q.QueueItem], list[dict]]]) -> None:
        gen, (hits, queue, anomalies) = result
        if not self.live.current(gen):
            return
        self.hits, self.queue, self.anomalies = hits, queue, anomalies
        fill(self.hit_table, [(h.get("person_name") or "—", h["source_zh"], h.get("employer"), h.get("credit_code"),
                                _d(h.get("started_on")), _d(h.get("found_on"))) for h in hits], hits)
        fill(self.queue_table, [(i.application_no, i.name, _d(i.received_on), i.phase_zh, _d(i.due_on), i.due_text)
                                 for i in queue], queue, lambda i: i.overdue)
        fill(self.anomaly_table, [(a.get("anomaly_no"), a.get("person_name"), a.get("problem"),
                                    _d(a.get("reported_on"))) for a in anomalies], anomalies)
        overdue = sum(1 for i in queue if i.overdue)
        self.summary.setText(self.tr("　待确认比对 {h} 条；失业登记申请 {a} 件，其中超期 {o} 件；异常待更正 {n} 条").format(
            h=len(hits), a=len(queue), o=overdue, n=len(anomalies)))
        if self._pending_select:
            self.select(*self._pending_select)
        self.refreshed.emit()

    def clear(self) -> None:
        self.hits, self.queue, self.anomalies = [], [], []
        for t in (self.hit_table, self.queue_table, self.anomaly_table):
            t.setRowCount(0)
        self.summary.setText("")
        self.status.setText("")

    def select(self, kind: str, record_id: str) -> None:
        """Show one record (from the to-do list): its page, its row selected."""
        pages = {"match_hit": (0, self.hit_table, self.hits, lambda o: o["id"]),
                 "registration_application": (1, self.queue_table, self.queue, lambda o: o.id),
                 "match_anomaly": (2, self.anomaly_table, self.anomalies, lambda o: o["id"])}
        if kind not in pages:
            return
        index, table, objects, key = pages[kind]
        self.tabs.setCurrentIndex(index)
        for row, obj in enumerate(objects):
            if key(obj) == record_id:
                table.selectRow(row)
                self._pending_select = None
                return
        self._pending_select = (kind, record_id)  # not loaded yet: select when it is

    # --- actions --------------------------------------------------------------------------------------------
    def _need(self, table: QTableWidget, what: str) -> Any:
        obj = chosen(table)
        if obj is None:
            self.status.setText(what)
        return obj

    def _error(self, exc: Exception) -> None:
        self.status.setText(str(exc))

    def _write(self, fn: Callable[..., Any], *args: Any, done: str, **kwargs: Any) -> None:
        self.ctx.write(fn, self.ctx.col, *args, today=self.today_fn(), **kwargs,
                       on_done=lambda _r: self.status.setText(done), on_error=self._error)

    def confirm(self) -> None:
        hit = self._need(self.hit_table, self.tr("请先选中一条比对结果"))
        if hit is None:
            return
        answer = QMessageBox.question(self, self.tr("确认比对结果"), self.tr(
            "确认 {name} 已就业或创业（{what}）？将改为就业状态、安排跟踪回访，并提出退出援助。").format(
            name=hit.get("person_name") or "", what=hit.get("detail") or ""))
        if answer == QMessageBox.StandardButton.Yes:
            self._write(match_ops.confirm_hit, hit["id"], done=self.tr("已确认，已安排跟踪回访并提出退出"))

    def dismiss(self) -> QDialog | None:
        hit = self._need(self.hit_table, self.tr("请先选中一条比对结果"))
        if hit is None:
            return None
        dlg = ReasonDialog(self.tr("排除比对结果"), hit.get("detail") or "", sources.dismiss_reasons(), self)
        dlg.accepted.connect(lambda: self._write(match_ops.dismiss_hit, hit["id"], dlg.values()[0],
                                                 note=dlg.values()[1], done=self.tr("已排除")))
        dlg.open()
        return dlg

    def accept(self) -> None:
        item = self._need(self.queue_table, self.tr("请先选中一件申请"))
        if item is None:
            return
        if item.phase != "handle":
            self.status.setText(self.tr("该申请已受理，请在联系本人后点“今天已联系”"))
            return
        self._write(reg_ops.accept_application, item.id,
                    done=self.tr("已受理并登记失业；请在 5 个工作日内联系本人"))

    def refuse(self) -> QDialog | None:
        item = self._need(self.queue_table, self.tr("请先选中一件申请"))
        if item is None or item.phase != "handle":
            return None
        dlg = ReasonDialog(self.tr("不予受理"), f"{item.application_no}　{item.name}", sources.refuse_reasons(), self)
        dlg.accepted.connect(lambda: self._write(reg_ops.refuse_application, item.id, dlg.values()[0],
                                                 note=dlg.values()[1], done=self.tr("已不予受理")))
        dlg.open()
        return dlg

    def contacted(self) -> None:
        item = self._need(self.queue_table, self.tr("请先选中一件申请"))
        if item is None:
            return
        if item.phase != "contact":
            self.status.setText(self.tr("请先受理该申请"))
            return
        self.ctx.write(reg_ops.record_contact, self.ctx.col, item.id, self.today_fn(),
                       on_done=lambda _r: self.status.setText(self.tr("已记录联系")), on_error=self._error)

    def correct(self) -> QDialog | None:
        a = self._need(self.anomaly_table, self.tr("请先选中一条异常反馈"))
        if a is None:
            return None
        dlg = ReasonDialog(self.tr("异常原因与更正"), a.get("problem") or "", sources.anomaly_causes(), self,
                           with_correction=True)

        def done() -> None:
            cause, note, correction = dlg.values()
            self._write(anomaly_ops.record_correction, a["id"], cause, correction, cause_note=note,
                        done=self.tr("已记录原因与更正"))

        dlg.accepted.connect(done)
        dlg.open()
        return dlg

    def _open_person(self, hit: dict | None) -> None:
        if hit and hit.get("person_id"):
            self.ctx.open_record.emit("person", hit["person_id"])

    # --- import ---------------------------------------------------------------------------------------------
    def _pick(self, source_code: str) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择数据文件"), str(Path.home()),
                                              self.tr("表格文件 (*.xlsx *.xls *.csv)"))
        if path:
            self.import_file(path, source_code)

    def import_file(self, path: str, source_code: str, mapping: dict[str, str] | None = None) -> None:
        self.status.setText(self.tr("正在导入并比对…"))
        self.ctx.write(match_ops.import_source, self.ctx.col, path, source_code, mapping=mapping,
                       today=self.today_fn(), on_done=self._imported,
                       on_error=lambda e: self._import_failed(e, path, source_code))

    def _imported(self, result: match_ops.ImportResult) -> None:
        self.status.setText(result.summary_zh())
        self.tabs.setCurrentIndex(0)

    def _import_failed(self, exc: Exception, path: str, source_code: str) -> QDialog | None:
        from app.matching.reader import HeaderError

        if isinstance(exc, HeaderError):
            src = sources.source(source_code)
            dlg = MappingDialog({f: a[0] for f, a in src.aliases.items()}, file_headers(path), src.required,
                                str(exc), self)
            dlg.accepted.connect(lambda: self.import_file(path, source_code, dlg.mapping()))
            dlg.open()
            self.status.setText(str(exc))
            return dlg
        self.status.setText(self.tr("导入失败，未导入任何数据：{e}").format(e=exc))
        return None
