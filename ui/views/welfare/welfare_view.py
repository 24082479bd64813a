"""公益性岗位 tab (office staff and supervisors): posts and their vacancy reports, the people on them, subsidy
claims with their checks, the usage-efficiency analysis, and the history import with its clean-up list.

Everything shown is read off the GUI thread in one load (``app.welfare.ledger.build``); changes run as
``app.ops.welfare_jobs`` operations on the writer thread, and the tab reloads from change notifications.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.ops import welfare_jobs as ops
from app.queries.welfare_jobs import yuan
from app.rules import welfare_jobs as wj
from app.welfare import ledger as wl
from ui.context import AppContext
from ui.dialogs import from_qdate
from ui.print_actions import open_preview, render_bytes
from ui.unencrypted import ask_export_path, exported
from ui.views import tagged
from ui.views.live import LiveRefresh
from ui.views.welfare import dialogs
from ui.widgets.tables import ROW, chosen, fill, read_only_table

WATCHED = {"welfare_post", "welfare_placement", "welfare_vacancy_report", "welfare_claim", "si_paid_month",
           "person", "assistance_case"}


def load(col: Any, today: dt.date, start: dt.date, end: dt.date, group: str) -> tuple[Any, Any]:
    """Background job: the ledger and its analysis."""
    with col.records.reading() as conn:
        ledger = wl.build(conn, today)
    return ledger, wl.analyse(ledger, start, end, group)



def _d(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


class WelfareView(QWidget):
    refreshed = Signal()  # the tab shows the store as of the last change

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 today_fn: Callable[[], dt.date] | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today_fn = today_fn or dt.date.today
        self.ledger: wl.Ledger | None = None
        self.analysis: wl.Analysis | None = None
        self.plan: Any = None  # checked, not yet imported
        self.checked: Any = None  # the last file checked (its report can be saved)
        today = self.today_fn()
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("分析期间")))
        self.start = dialogs.date_edit(dt.date(today.year, 1, 1))
        self.end = dialogs.date_edit(today)
        self.group = QComboBox()
        for key, (label, _fn) in wl.GROUPS.items():
            self.group.addItem(label, key)
        for w in (self.start, QLabel("—"), self.end, QLabel(self.tr("按")), self.group):
            bar.addWidget(w)
        self.start.dateChanged.connect(lambda _d: self.live.schedule())
        self.end.dateChanged.connect(lambda _d: self.live.schedule())
        self.group.currentIndexChanged.connect(lambda _i: self.refresh())
        self.summary = QLabel()
        bar.addWidget(self.summary, 1)
        self.refresh_btn = QPushButton(self.tr("刷新"))
        self.export_btn = QPushButton(self.tr("导出 Excel…"))
        self.print_btn = QPushButton(self.tr("打印台账…"))
        self.refresh_btn.clicked.connect(self.refresh)
        self.export_btn.clicked.connect(self._ask_export)
        self.print_btn.clicked.connect(self.print_ledger)
        for b in (self.refresh_btn, self.export_btn, self.print_btn):
            bar.addWidget(b)
        lay.addLayout(bar)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._posts_page(), self.tr("岗位与空岗"))
        self.tabs.addTab(self._people_page(), self.tr("在岗人员台账"))
        self.tabs.addTab(self._claims_page(), self.tr("补贴申领"))
        self.tabs.addTab(self._analysis_page(), self.tr("使用效率分析"))
        self.tabs.addTab(self._history_page(), self.tr("历史数据清理"))
        lay.addWidget(self.tabs, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.live = LiveRefresh(self, ctx, WATCHED, reload=self.refresh, clear=self.clear, delay_ms=200)
        self.refresh()

    # --- pages ------------------------------------------------------------------------------------------------
    def _buttons(self, lay: QVBoxLayout, *pairs: tuple[QPushButton, Callable[[], None]]) -> None:
        row = QHBoxLayout()
        for b, fn in pairs:
            b.clicked.connect(fn)
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)

    def _posts_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.new_post_btn = QPushButton(self.tr("开发岗位…"))
        self.place_btn = QPushButton(self.tr("安置人员…"))
        self.close_post_btn = QPushButton(self.tr("撤销岗位…"))
        self._buttons(lay, (self.new_post_btn, self._new_post), (self.place_btn, self._place),
                      (self.close_post_btn, self._close_post))
        self.posts = read_only_table([self.tr("所在区域"), self.tr("用人单位"), self.tr("岗位名称"), self.tr("岗位类型"),
                                      self.tr("资金来源"), self.tr("开发岗位数"), self.tr("在岗"), self.tr("空岗"),
                                      self.tr("开发日期"), self.tr("空岗报告")], stretch=9)
        lay.addWidget(self.posts, 3)
        lay.addWidget(QLabel(self.tr("空岗报告（岗位空出后 {n} 个工作日内报告）").format(
            n=wj.vacancy_report_workdays())))
        self.report_btn = QPushButton(self.tr("登记已报告…"))
        self._buttons(lay, (self.report_btn, self._report))
        self.reports = read_only_table([self.tr("用人单位"), self.tr("岗位名称"), self.tr("空岗日期"), self.tr("报告时限"),
                                        self.tr("报告日期"), self.tr("报告人"), self.tr("补岗日期")], stretch=3)
        lay.addWidget(self.reports, 2)
        return page

    def _people_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.end_btn = QPushButton(self.tr("办理离岗…"))
        self.claim_btn = QPushButton(self.tr("申领补贴…"))
        self.active_only = QCheckBox(self.tr("只看在岗"))
        self.active_only.toggled.connect(lambda _c: self._fill_people())
        self._buttons(lay, (self.end_btn, self._end), (self.claim_btn, self._claim))
        lay.itemAt(lay.count() - 1).layout().addWidget(self.active_only)
        self.people = read_only_table([self.tr("姓名"), self.tr("所在社区"), self.tr("困难类别"), self.tr("用人单位"),
                                       self.tr("岗位名称"), self.tr("次数"), self.tr("上岗日期"), self.tr("离岗日期"),
                                       self.tr("离岗原因"), self.tr("补贴期满"), self.tr("已发岗位补贴"),
                                       self.tr("已发社保补贴"), self.tr("暂缓申领")], stretch=4)
        self.people.itemActivated.connect(lambda item: self._open_person(self.people, item.row()))
        lay.addWidget(self.people)
        return page

    def _claims_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.tax_btn = QPushButton(self.tr("登记纳税核查…"))
        self.recheck_btn = QPushButton(self.tr("重新核查"))
        self.si_btn = QPushButton(self.tr("导入社保缴费数据…"))
        self._buttons(lay, (self.tax_btn, self._tax), (self.recheck_btn, self._recheck), (self.si_btn, self._import_si))
        self.claims = read_only_table([self.tr("姓名"), self.tr("岗位"), self.tr("补贴项目"), self.tr("申领月份"),
                                       self.tr("金额（元）"), self.tr("核查状态"), self.tr("暂缓原因"),
                                       self.tr("个人纳税核查")], stretch=6)
        lay.addWidget(self.claims)
        return page

    def _analysis_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.cards = QLabel()
        self.cards.setStyleSheet("font-size: 14px; padding: 6px;")
        lay.addWidget(self.cards)
        self.efficiency = read_only_table([self.tr("分组"), self.tr("岗位数"), self.tr("开发岗位数"), self.tr("在岗率"),
                                           self.tr("空岗天数"), self.tr("在岗人数"), self.tr("离岗人数"),
                                           self.tr("人员流动率"), self.tr("转向市场就业"), self.tr("补贴合计（元）"),
                                           self.tr("人均补贴（元）")], stretch=0)
        lay.addWidget(self.efficiency, 1)
        note = QLabel(self.tr("在岗率 = 在岗人天 ÷ 岗位天数；流动率 = 离岗人数 ÷ 平均在岗人数；人均补贴只计核查通过的申领；"
                              "待清理的历史数据不计入。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #757575;")
        lay.addWidget(note)
        return page

    def _history_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.history_btn = QPushButton(self.tr("选择历史台账文件…"))
        self.apply_btn = QPushButton(self.tr("导入可导入的行"))
        self.apply_btn.setEnabled(False)
        self.report_file_btn = QPushButton(self.tr("导出校验报告…"))
        self.report_file_btn.setEnabled(False)
        self._buttons(lay, (self.history_btn, self._pick_history), (self.apply_btn, self._apply_history),
                      (self.report_file_btn, self._ask_report))
        self.plan_label = QLabel(self.tr("2024年1月以来的历史台账先校验、后导入；同一文件可重复导入，已导入的行会跳过。"))
        self.plan_label.setWordWrap(True)
        lay.addWidget(self.plan_label)
        self.plan_table = read_only_table([self.tr("行号"), self.tr("姓名"), self.tr("用人单位"), self.tr("岗位名称"),
                                           self.tr("校验结果"), self.tr("说明")], stretch=5)
        lay.addWidget(self.plan_table, 2)
        lay.addWidget(QLabel(self.tr("待清理（核实前不计入台账和分析）")))
        self.confirm_btn = QPushButton(self.tr("核实无误"))
        self._buttons(lay, (self.confirm_btn, self._confirm))
        self.cleanup = read_only_table([self.tr("姓名"), self.tr("用人单位"), self.tr("岗位名称"), self.tr("上岗日期"),
                                        self.tr("离岗日期"), self.tr("待核实事项")], stretch=5)
        lay.addWidget(self.cleanup, 1)
        return page

    # --- loading ----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        generation = self.live.loading()
        start, end = from_qdate(self.start.date()), from_qdate(self.end.date())
        if end < start:
            self.summary.setText(self.tr("　结束日期不能早于开始日期"))
            return
        self.summary.setText(self.tr("　正在读取…"))
        self.ctx.background(tagged, generation, load, self.ctx.col, self.today_fn(), start, end,
                            self.group.currentData(), on_done=self._apply, on_error=self._failed)

    def _failed(self, exc: Exception) -> None:
        self.summary.setText(self.tr("　读取失败：{e}").format(e=exc))

    def _apply(self, result: tuple[int, tuple[wl.Ledger, wl.Analysis]]) -> None:
        gen, (ledger, analysis) = result
        if not self.live.current(gen):
            return
        self.ledger, self.analysis = ledger, analysis
        overdue = sum(1 for r in ledger.reports if r.reported_on is None and r.deadline.overdue)
        held = sum(1 for c in ledger.claims if c.status != "passed")
        self.summary.setText(self.tr("　岗位 {p} 个，在岗 {a} 人，空岗 {v} 个；空岗报告超期 {o} 个；暂缓申领 {h} 笔").format(
            p=len(ledger.posts), a=len(ledger.active), v=sum(p.vacancies for p in ledger.posts), o=overdue, h=held))
        closed = self.tr("已撤销 {date}")
        fill(self.posts, [(p.area_name, p.employer, p.post_name, p.post_type_zh, p.funding_zh, p.capacity, p.occupied,
                           p.vacancies, _d(p.developed_on),
                           closed.format(date=_d(p.closed_on)) if p.closed_on
                           else p.open_report.text_zh if p.open_report else "")
                          for p in ledger.posts], ledger.posts,
             lambda p: p.open_report is not None and p.open_report.overdue)
        fill(self.reports, [(r.employer, r.post_name, _d(r.vacant_on),
                             _d(r.deadline.due) if r.reported_on else r.deadline.text_zh, _d(r.reported_on),
                             r.reported_by, _d(r.filled_on)) for r in ledger.reports], ledger.reports,
             lambda r: r.reported_on is None and r.deadline.overdue)
        self._fill_people()
        fill(self.claims, [(c.name, c.post_name, c.subsidy_zh, c.months_text, yuan(c.amount_cents), c.status_zh,
                            "；".join(c.hold_reasons), c.tax_text) for c in ledger.claims], ledger.claims,
             lambda c: c.status != "passed")
        rows = [*analysis.rows, analysis.total]
        fill(self.efficiency, [(e.label, e.posts, e.capacity, f"{e.occupancy:.1%}", e.vacancy_days, e.people, e.exits,
                                f"{e.turnover:.1%}", f"{e.market_exits}（{e.market_share:.0%}）", yuan(e.subsidy_cents),
                                yuan(e.subsidy_per_person_cents)) for e in rows], rows)
        t = analysis.total
        self.cards.setText(self.tr("在岗率 {o}　空岗 {v} 天　流动率 {t}　转向市场就业 {m} 人　人均补贴 {s} 元").format(
            o=f"{t.occupancy:.1%}", v=t.vacancy_days, t=f"{t.turnover:.1%}", m=t.market_exits,
            s=yuan(t.subsidy_per_person_cents)))
        fill(self.cleanup, [(r.name, r.employer, r.post_name, _d(r.started_on), _d(r.ended_on), r.cleanup)
                            for r in ledger.cleanup], ledger.cleanup)
        self.refreshed.emit()

    def _fill_people(self) -> None:
        if self.ledger is None:
            return
        rows = [r for r in self.ledger.placements if r.active or not self.active_only.isChecked()]
        fill(self.people, [(r.name, r.area_name, r.category_zh, r.employer, r.post_name, r.sequence, _d(r.started_on),
                            _d(r.ended_on), r.end_reason_zh, _d(r.subsidy_until),
                            yuan(r.claimed_cents.get("post", 0)), yuan(r.claimed_cents.get("social_insurance", 0)),
                            r.held or "") for r in rows], rows, lambda r: r.held > 0)

    def clear(self) -> None:
        self.ledger = self.analysis = self.plan = self.checked = None
        self.report_file_btn.setEnabled(False)
        for t in (self.posts, self.reports, self.people, self.claims, self.efficiency, self.plan_table, self.cleanup):
            t.setRowCount(0)
        self.summary.setText("")
        self.cards.setText("")
        self.status.setText("")
        self.apply_btn.setEnabled(False)

    # --- actions ----------------------------------------------------------------------------------------------
    def _need(self, table: QTableWidget, what: str) -> Any:
        obj = chosen(table)
        if obj is None:
            self.status.setText(what)
        return obj

    def _run(self, dlg: QDialog) -> QDialog:
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()
        return dlg

    def _new_post(self) -> QDialog:
        return self._run(dialogs.PostDialog(self.ctx, self, self.today_fn()))

    def _place(self) -> QDialog | None:
        post = self._need(self.posts, self.tr("请先在上表选中一个岗位"))
        return self._run(dialogs.PlaceDialog(self.ctx, post, self, self.today_fn())) if post else None

    def _close_post(self) -> QDialog | None:
        post = self._need(self.posts, self.tr("请先在上表选中一个岗位"))
        return self._run(dialogs.ClosePostDialog(self.ctx, post, self, self.today_fn())) if post else None

    def _report(self) -> QDialog | None:
        report = self._need(self.reports, self.tr("请先选中一条空岗报告"))
        return self._run(dialogs.ReportDialog(self.ctx, report, self, self.today_fn())) if report else None

    def _end(self) -> QDialog | None:
        placement = self._need(self.people, self.tr("请先选中一名在岗人员"))
        return self._run(dialogs.EndDialog(self.ctx, placement, self, self.today_fn())) if placement else None

    def _claim(self) -> QDialog | None:
        placement = self._need(self.people, self.tr("请先选中一名人员"))
        return self._run(dialogs.ClaimDialog(self.ctx, placement, self, self.today_fn())) if placement else None

    def _tax(self) -> QDialog | None:
        claim = self._need(self.claims, self.tr("请先选中一笔申领"))
        return self._run(dialogs.TaxCheckDialog(self.ctx, claim, self, self.today_fn())) if claim else None

    def _recheck(self) -> None:
        claim = self._need(self.claims, self.tr("请先选中一笔申领"))
        if claim:
            self.ctx.write(ops.recheck_claim, self.ctx.col, claim.id, today=self.today_fn(),
                           on_error=lambda e: self.status.setText(str(e)))

    def _open_person(self, table: QTableWidget, row: int) -> None:
        item = table.item(row, 0)
        if item is not None and item.data(ROW) is not None:
            self.ctx.open_record.emit("person", item.data(ROW).person_id)

    def _confirm(self) -> None:
        row = self._need(self.cleanup, self.tr("请先选中一条待清理记录"))
        if row:
            self.ctx.write(ops.confirm_cleanup, self.ctx.col, row.id, on_error=lambda e: self.status.setText(str(e)))

    # --- files ------------------------------------------------------------------------------------------------
    def _open_file(self, title: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self, title, str(Path.home()),
                                              self.tr("表格文件 (*.xlsx *.xls *.csv)"))
        return path

    def _import_si(self) -> None:
        path = self._open_file(self.tr("导入社保缴费数据"))
        if path:
            self.import_si(path)

    def import_si(self, path: str) -> None:
        self.status.setText(self.tr("正在导入社保缴费数据…"))
        self.ctx.write(import_si_file, self.ctx.col, path, self.today_fn(), on_done=self._si_done,
                       on_error=lambda e: self.status.setText(self.tr("导入失败：{e}").format(e=e)))

    def _si_done(self, result: dict[str, Any]) -> None:
        self.status.setText(self.tr("社保缴费数据：读入 {rows} 条，新增 {added} 条，人员库中没有的身份证号 {unknown} 个，"
                                    "无法读取的行 {bad} 行。请对暂缓的申领点“重新核查”。").format(
            rows=result["rows"], added=result["added"], unknown=len(result["unknown_ids"]), bad=len(result["problems"])))

    def _pick_history(self) -> None:
        path = self._open_file(self.tr("选择历史台账文件"))
        if path:
            self.check_history(path)

    def check_history(self, path: str) -> None:
        self.plan_label.setText(self.tr("正在校验…"))
        self.apply_btn.setEnabled(False)
        self.ctx.background(plan_file, self.ctx.col, path, self.today_fn(), on_done=self._planned,
                            on_error=lambda e: self.plan_label.setText(self.tr("无法导入：{e}").format(e=e)))

    def _planned(self, plan: Any) -> None:
        from app.welfare.history import STATUS_ZH

        self.plan = self.checked = plan
        self.report_file_btn.setEnabled(True)
        self.plan_label.setText(plan.summary_zh)
        fill(self.plan_table, [(r.line, r.name, r.employer, r.post_name, STATUS_ZH[r.status], "；".join(r.messages))
                               for r in plan.rows], plan.rows, lambda r: r.status in ("error", "needs_person"))
        self.apply_btn.setEnabled(bool(plan.count("imported") or plan.count("cleanup")))

    def _apply_history(self) -> None:
        if self.plan is None:
            return
        self.apply_btn.setEnabled(False)
        self.ctx.write(ops.import_history, self.ctx.col, self.plan, on_done=self._history_done,
                       on_error=lambda e: self.plan_label.setText(self.tr("导入失败：{e}").format(e=e)))

    def _history_done(self, counts: dict[str, int]) -> None:
        self.plan = None
        self.plan_label.setText(self.tr("已导入：新建岗位 {p} 个，安置记录 {n} 条，其中待清理 {c} 条。").format(
            p=counts["posts"], n=counts["placements"], c=counts["cleanup"]))

    def _save_path(self, title: str, name: str) -> str:
        """Where to write an unencrypted Excel file, after the warning; "" when the user declines."""
        return ask_export_path(self, self.tr(
            "导出的文件不加密，含人员姓名和身份证号，任何拿到文件的人都能打开。请妥善保管、用后删除。是否继续？"), title, name)

    def _ask_export(self) -> None:
        path = self._save_path(self.tr("导出台账"),
                               self.tr("公益性岗位台账_{date}").format(date=f"{self.today_fn():%Y%m%d}"))
        if path:
            self.export_to(path)

    def _ask_report(self) -> None:
        path = self._save_path(self.tr("导出校验报告"), self.tr("历史台账校验报告_{date}").format(
            date=f"{self.today_fn():%Y%m%d}"))
        if path:
            self.export_report(path)

    def export_report(self, path: str) -> None:
        if self.checked is None:
            return
        from app.welfare.export_xlsx import write_history_report

        self.ctx.background(write_history_report, self.checked, path, on_done=self._exported,
                            on_error=lambda e: self.status.setText(self.tr("导出失败：{e}").format(e=e)))

    def _exported(self, path: Any) -> None:
        self.status.setText(exported(path))

    def export_to(self, path: str) -> None:
        if self.ledger is None or self.analysis is None:
            return
        from app.welfare.export_xlsx import write_xlsx

        self.ctx.background(write_xlsx, self.ledger, self.analysis, path, on_done=self._exported,
                            on_error=lambda e: self.status.setText(self.tr("导出失败：{e}").format(e=e)))

    def print_ledger(self) -> None:
        title = self.tr("公益性岗位动态管理台账")
        self.ctx.background(render_bytes, self.ctx.col, "welfare-ledger", date=self.today_fn(),
                            on_done=lambda pdf: open_preview(self, pdf, title),
                            on_error=lambda e: self.status.setText(self.tr("无法打印：{e}").format(e=e)))


def import_si_file(col: Any, path: str, today: dt.date) -> dict[str, Any]:
    """Writer-thread job: read a paid-months file and store what matches people in the store."""
    from app.welfare.si_months import read_paid_months

    read = read_paid_months(path)
    result = ops.import_paid_months(col, read.rows, source=Path(path).name, today=today)
    return {**result, "problems": read.problems}


def plan_file(col: Any, path: str, today: dt.date) -> Any:
    from app.welfare.history import plan_history

    with col.records.reading() as conn:
        return plan_history(conn, path, today)
