"""记录回访 and 期满评估: how the person was reached, whether still employed, difficulties and help given.

A follow-up that reached the person is done and leaves the to-do; one that did not keeps the attempt and stays
due. Still employed while a case is still open asks for the job and proposes the exit, as a visit does. An
evaluation ends in one of the outcomes of resources/rules/followups.toml; an exit outcome asks for the reason
and its evidence. Both run on the writer thread (``ops.followups``) and show the rules' messages inline.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app import ops
from app.queries.exits import employment_asked
from app.queries.person_detail import FOLLOWUP_KINDS
from app.rules import workflow
from app.rules.followups import contact_methods, evaluation_outcomes
from ui.context import AppContext
from ui.dialogs import ErrorLabel, from_qdate, to_qdate
from ui.dialogs.exit_evidence import EvidenceForm


class _ContactDialog(QDialog):
    """The fields a follow-up and an evaluation share, and the save/error handling."""

    def __init__(self, ctx: AppContext, person_id: str, parent: QWidget | None, today: dt.date) -> None:
        super().__init__(parent)
        self.ctx, self.col, self.today, self.person_id = ctx, ctx.col, today, person_id
        self.person = self.col.records.get("person", person_id) or {}
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        self.head = QLabel()
        self.head.setWordWrap(True)
        self.head.setStyleSheet("font-weight: bold;")
        lay.addWidget(self.head)
        self.form = QFormLayout()
        lay.addLayout(self.form)
        self.contact_method = QComboBox()
        self.contact_method.addItem(self.tr("请选择"), None)
        for code, name in contact_methods().items():
            self.contact_method.addItem(name, code)
        self.done_on = QDateEdit(to_qdate(today))
        self.done_on.setCalendarPopup(True)
        self.done_on.setDisplayFormat("yyyy-MM-dd")
        self.difficulties = QLineEdit()
        self.help_given = QLineEdit()
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(70)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox()
        self.ok_btn = self.buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.bottom = lay
        ctx.locking.connect(self.reject)

    def _finish_layout(self) -> None:
        self.bottom.addWidget(self.error)
        self.bottom.addWidget(self.buttons)

    def common_values(self) -> dict[str, Any]:
        return {"contact_method": self.contact_method.currentData(),
                "done_on": from_qdate(self.done_on.date()).isoformat(),
                "difficulties": self.difficulties.text(), "help_given": self.help_given.text(),
                "note": self.note.toPlainText()}

    def save(self) -> None:
        raise NotImplementedError

    def _failed(self, exc: Exception) -> None:
        self.ok_btn.setEnabled(True)
        if isinstance(exc, ops.ValidationError | workflow.WorkflowError):
            self.error.show_error(str(exc))
        else:
            self.error.show_error(self.tr("保存失败：{error}").format(error=exc))


class FollowupDialog(_ContactDialog):
    def __init__(self, ctx: AppContext, followup_id: str, parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> None:
        self.followup = ctx.col.records.get("followup", followup_id) or {}
        super().__init__(ctx, self.followup.get("person_id") or "", parent, today or dt.date.today())
        self.followup_id = followup_id
        self.setWindowTitle(self.tr("记录回访 — {name}").format(name=self.person.get("name", "")))
        due = self.followup.get("due_on")
        kind = FOLLOWUP_KINDS.get(self.followup.get("kind") or "", self.followup.get("kind") or "")
        self.head.setText(self.tr("{kind}　应回访日期 {due}").format(kind=kind, due=due.isoformat() if due else "—"))
        self.contacted = QComboBox()
        self.contacted.addItem(self.tr("请选择"), None)
        self.contacted.addItem(self.tr("已联系上本人"), True)
        self.contacted.addItem(self.tr("未联系上"), False)
        self.still_employed = QComboBox()
        self.still_employed.addItem(self.tr("请选择"), None)
        self.still_employed.addItem(self.tr("仍在岗"), True)
        self.still_employed.addItem(self.tr("已离职"), False)
        self.employment = EvidenceForm("employed")
        self.employment_label = QLabel(self.tr("就业情况 *"))
        self.form.addRow(self.tr("联系方式 *"), self.contact_method)
        self.form.addRow(self.tr("回访日期"), self.done_on)
        self.form.addRow(self.tr("是否联系上 *"), self.contacted)
        self.form.addRow(self.tr("是否仍在岗"), self.still_employed)
        self.form.addRow(self.employment_label, self.employment)
        self.form.addRow(self.tr("困难和问题"), self.difficulties)
        self.form.addRow(self.tr("提供的帮助"), self.help_given)
        self.form.addRow(self.tr("回访情况"), self.note)
        self._finish_layout()
        self.contacted.currentIndexChanged.connect(self._update)
        self.still_employed.currentIndexChanged.connect(self._update)
        self._update()

    def _asks_job(self) -> bool:
        return (self.contacted.currentData() is True and self.still_employed.currentData() is True
                and employment_asked(self.col, self.person_id, "employed"))

    def _update(self) -> None:
        reached = self.contacted.currentData() is True
        for w in (self.still_employed, self.difficulties, self.help_given):
            w.setEnabled(reached)
        asks = self._asks_job()
        self.employment.setVisible(asks)
        self.employment_label.setVisible(asks)

    def save(self) -> None:
        self.error.show_error("")
        values = {**self.common_values(), "contacted": self.contacted.currentData(),
                  "still_employed": self.still_employed.currentData()}
        self.ok_btn.setEnabled(False)
        self.ctx.write(ops.followups.record_followup, self.col, self.followup_id, values, today=self.today,
                       employment=self.employment.values() if self._asks_job() else None,
                       on_done=self._saved, on_error=self._failed)

    def _saved(self, done: bool) -> None:
        self.ctx.status.emit(self.tr("回访已记录") if done else self.tr("已记录未联系上，该回访仍待完成"))
        self.accept()


class EvaluationDialog(_ContactDialog):
    def __init__(self, ctx: AppContext, case_id: str, parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> None:
        self.case = ctx.col.records.get("assistance_case", case_id) or {}
        super().__init__(ctx, self.case.get("person_id") or "", parent, today or dt.date.today())
        self.case_id = case_id
        self.setWindowTitle(self.tr("期满评估 — {name}").format(name=self.person.get("name", "")))
        until = self.case.get("valid_until")
        self.head.setText(self.tr("认定有效期至 {d}：评估就业情况，决定继续帮扶、延长、退出或实现市场化就业")
                          .format(d=until.isoformat() if until else "—"))
        self.outcome = QComboBox()
        self.outcome.addItem(self.tr("请选择"), None)
        for code, name in evaluation_outcomes().items():
            self.outcome.addItem(name, code)
        self.exit_reason = QComboBox()
        self.exit_reason.addItem(self.tr("请选择"), None)
        for r in workflow.exit_reasons():
            self.exit_reason.addItem(r.name_zh, r.code)
        self.exit_label = QLabel(self.tr("退出原因 *"))
        self.evidence = EvidenceForm()
        self.form.addRow(self.tr("联系方式 *"), self.contact_method)
        self.form.addRow(self.tr("评估日期"), self.done_on)
        self.form.addRow(self.tr("评估结论 *"), self.outcome)
        self.form.addRow(self.exit_label, self.exit_reason)
        self.form.addRow(self.evidence)
        self.form.addRow(self.tr("困难和问题"), self.difficulties)
        self.form.addRow(self.tr("提供的帮助"), self.help_given)
        self.form.addRow(self.tr("评估情况"), self.note)
        self._finish_layout()
        self.outcome.currentIndexChanged.connect(self._update)
        self.exit_reason.currentIndexChanged.connect(self._update)
        self._update()

    def _reason(self) -> str | None:
        outcome = self.outcome.currentData()
        return "employed" if outcome == "market_job" else (self.exit_reason.currentData() if outcome == "exit"
                                                            else None)

    def _update(self) -> None:
        exits = self.outcome.currentData() == "exit"
        self.exit_label.setVisible(exits)
        self.exit_reason.setVisible(exits)
        if self.evidence.reason != self._reason():
            self.evidence.set_reason(self._reason())

    def save(self) -> None:
        self.error.show_error("")
        outcome = self.outcome.currentData()
        self.ok_btn.setEnabled(False)
        self.ctx.write(ops.followups.record_evaluation, self.col, self.case_id, outcome, self.common_values(),
                       today=self.today, exit_reason=self.exit_reason.currentData() if outcome == "exit" else None,
                       evidence=self.evidence.values(), on_done=self._saved, on_error=self._failed)

    def _saved(self, _fid: str) -> None:
        self.ctx.status.emit(self.tr("期满评估已记录"))
        self.accept()
