"""The small forms of the 公益性岗位 tab: develop a post, place a person, end a placement, report a vacancy,
claim a subsidy, record the personal-tax check. Each runs one ``app.ops.welfare_jobs`` operation on the
writer thread and shows a ValidationError's Chinese messages inline, keeping what was typed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import areas
from app.ops import ValidationError
from app.ops import welfare_jobs as ops
from app.queries import welfare_jobs as q
from app.rules import welfare_jobs as wj
from ui.context import AppContext
from ui.dialogs import ErrorLabel, from_qdate, to_qdate


def date_edit(day: dt.date, fmt: str = "yyyy-MM-dd") -> QDateEdit:
    w = QDateEdit(to_qdate(day))
    w.setCalendarPopup(True)
    w.setDisplayFormat(fmt)
    return w


def choice_combo(choices: list[wj.Choice]) -> QComboBox:
    box = QComboBox()
    for c in choices:
        box.addItem(c.name, c.code)
    return box


class OpDialog(QDialog):
    """A form whose OK runs ``self.submit()`` — (operation, args, kwargs) — on the writer thread."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or dt.date.today()
        self.result_value: Any = None
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.lay = QVBoxLayout(self)
        self.form = QFormLayout()
        self.lay.addLayout(self.form)
        self.error = ErrorLabel()
        self.lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.lay.addWidget(self.buttons)

    def submit(self) -> tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]:
        raise NotImplementedError

    def _save(self) -> None:
        try:
            fn, args, kwargs = self.submit()
        except ValueError as exc:
            self.error.show_error(str(exc))
            return
        self.buttons.setEnabled(False)
        self.ctx.write(fn, self.ctx.col, *args, **kwargs, on_done=self._done, on_error=self._failed)

    def _done(self, value: Any) -> None:
        self.result_value = value
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.error.show_error("\n".join(exc.errors.values()))
        else:
            self.error.show_error(self.tr("保存失败：{error}").format(error=exc))


class PostDialog(OpDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(ctx, "", parent, today)
        self.setWindowTitle(self.tr("开发公益性岗位"))
        self.employer = QLineEdit()
        self.post_name = QLineEdit()
        self.post_type = choice_combo(wj.post_types())
        self.capacity = QSpinBox()
        self.capacity.setRange(1, 999)
        self.funding = choice_combo(wj.fundings())
        self.developed_on = date_edit(self.today)
        self.area = QComboBox()
        scope = ctx.col.user.get("areas") or []
        for a in sorted(areas.load().values(), key=lambda a: a.code):
            if a.level in ("street", "community") and areas.covers(scope, a.code):
                self.area.addItem(areas.full_name(a.code), a.code)
        for label, w in ((self.tr("用人单位"), self.employer), (self.tr("岗位名称"), self.post_name),
                         (self.tr("岗位类型"), self.post_type), (self.tr("开发岗位数"), self.capacity),
                         (self.tr("资金来源"), self.funding), (self.tr("开发日期"), self.developed_on),
                         (self.tr("所在街道/社区"), self.area)):
            self.form.addRow(label, w)

    def submit(self) -> tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]:
        values = {"employer": self.employer.text().strip(), "post_name": self.post_name.text().strip(),
                  "post_type": self.post_type.currentData(), "capacity": self.capacity.value(),
                  "funding": self.funding.currentData(), "developed_on": from_qdate(self.developed_on.date())}
        return ops.develop_post, (values,), {"area_code": self.area.currentData() or ""}


class ClosePostDialog(OpDialog):
    def __init__(self, ctx: AppContext, post: q.PostRow, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(ctx, "", parent, today)
        self.setWindowTitle(self.tr("撤销岗位 — {post}").format(post=post.post_name))
        self.post = post
        self.closed_on = date_edit(self.today)
        self.form.addRow(self.tr("撤销日期"), self.closed_on)

    def submit(self) -> tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]:
        return ops.close_post, (self.post.id, from_qdate(self.closed_on.date())), {}


class PlaceDialog(OpDialog):
    """Pick a person from the certified list (search by name, initials or ID digits) and a start day."""

    def __init__(self, ctx: AppContext, post: q.PostRow, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(ctx, "", parent, today)
        self.setWindowTitle(self.tr("安置人员 — {post}").format(post=post.post_name))
        self.post = post
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("姓名、拼音首字母或身份证号"))
        self.search.textChanged.connect(self._find)
        self.people = QListWidget()
        self.people.setMinimumHeight(180)
        self.started_on = date_edit(self.today)
        self.form.addRow(self.tr("已认定人员"), self.search)
        self.form.addRow("", self.people)
        self.form.addRow(self.tr("上岗日期"), self.started_on)
        self._find("")

    def _find(self, text: str) -> None:
        self.people.clear()
        for pid, name, community, category in q.candidates(self.ctx.col, text):
            item = QListWidgetItem(f"{name}　{community}　{category}")
            item.setData(Qt.ItemDataRole.UserRole, pid)
            self.people.addItem(item)
        if self.people.count():
            self.people.setCurrentRow(0)

    def submit(self) -> tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]:
        item = self.people.currentItem()
        if item is None:
            raise ValueError(self.tr("请选择要安置的人员"))
        return ops.place_person, (self.post.id, item.data(Qt.ItemDataRole.UserRole),
                                  from_qdate(self.started_on.date())), {}


class EndDialog(OpDialog):
    def __init__(self, ctx: AppContext, placement: q.PlacementRow, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(ctx, "", parent, today)
        self.setWindowTitle(self.tr("办理离岗 — {name}").format(name=placement.name))
        self.placement = placement
        self.ended_on = date_edit(self.today)
        self.reason = choice_combo(wj.end_reasons())
        self.note = QLineEdit()
        self.form.addRow(self.tr("离岗日期"), self.ended_on)
        self.form.addRow(self.tr("离岗原因"), self.reason)
        self.form.addRow(self.tr("说明"), self.note)

    def submit(self) -> tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]:
        return ops.end_placement, (self.placement.id, from_qdate(self.ended_on.date()), self.reason.currentData(),
                                   self.note.text().strip()), {}


class ReportDialog(OpDialog):
    def __init__(self, ctx: AppContext, report: q.ReportRow, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(ctx, "", parent, today)
        self.setWindowTitle(self.tr("登记空岗报告 — {post}").format(post=report.post_name))
        self.report = report
        self.reported_on = date_edit(self.today)
        self.note = QLineEdit()
        self.form.addRow(self.tr("报告日期"), self.reported_on)
        self.form.addRow(self.tr("说明"), self.note)

    def submit(self) -> tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]:
        return ops.report_vacancy, (self.report.id, from_qdate(self.reported_on.date()), self.note.text().strip()), {}


class ClaimDialog(OpDialog):
    def __init__(self, ctx: AppContext, placement: q.PlacementRow, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(ctx, "", parent, today)
        self.setWindowTitle(self.tr("申领补贴 — {name}").format(name=placement.name))
        self.placement = placement
        self.subsidy = choice_combo(wj.subsidy_kinds())
        self.period = choice_combo(wj.claim_periods())
        last = dt.date(self.today.year, self.today.month, 1) - dt.timedelta(days=1)
        self.month = date_edit(last.replace(day=1), "yyyy-MM")
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("元，例如 1880.00"))
        self.form.addRow(self.tr("补贴项目"), self.subsidy)
        self.form.addRow(self.tr("申领周期"), self.period)
        self.form.addRow(self.tr("起始月份"), self.month)
        self.form.addRow(self.tr("申领金额"), self.amount)

    def submit(self) -> tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]:
        first = wj.month_key(from_qdate(self.month.date()))
        return ops.create_claim, (self.placement.id, self.subsidy.currentData(), self.period.currentData(), first,
                                  self.amount.text()), {}


class TaxCheckDialog(OpDialog):
    def __init__(self, ctx: AppContext, claim: q.ClaimRow, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(ctx, "", parent, today)
        self.setWindowTitle(self.tr("个人纳税情况人工核查 — {name}").format(name=claim.name))
        self.claim = claim
        self.result = choice_combo(wj.tax_results())
        self.checked_on = date_edit(self.today)
        self.form.addRow(self.tr("核查结论"), self.result)
        self.form.addRow(self.tr("核查日期"), self.checked_on)

    def submit(self) -> tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]:
        return ops.record_tax_check, (self.claim.id, self.result.currentData(), from_qdate(self.checked_on.date())), {}

