"""One workflow step on a case (submit, review steps, certify, help, exit), as the user's role allows.

The dialog shows the working-day deadline the step starts, checks the step as the rules will (permission,
公示 minimum, exit reason and its evidence, note) while the user fills it in, and runs the operation on the
writer thread — ``ops.exits`` for proposing and deciding an exit, ``ops.cases.workflow_action`` otherwise; a
WorkflowError's message is shown inline.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app import ops
from app.queries.person_detail import action_preview, category_zh
from app.rules import workflow
from ui.context import AppContext
from ui.dialogs import ErrorLabel
from ui.dialogs.exit_evidence import EvidenceForm


class WorkflowDialog(QDialog):
    applied = Signal(object)  # the workflow.Transition

    def __init__(
        self,
        ctx: AppContext,
        case_id: str,
        action: str | None = None,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
        exit_reason: str | None = None,
        evidence: dict[str, Any] | None = None,
    ) -> None:
        """``action`` preselects a step; a step the role may not take is still shown, with the reason.
        ``exit_reason`` and ``evidence`` prefill an exit proposal (from an exit signal of the to-do)."""
        super().__init__(parent)
        self.ctx, self.col, self.case_id = ctx, ctx.col, case_id
        self.today = today or dt.date.today()
        self.case = self.col.records.get("assistance_case", case_id) or {}
        self.role = self.col.user.get("role", "worker")
        person = self.col.records.get("person", self.case.get("person_id") or "") or {}
        self.setWindowTitle(self.tr("认定办理 — {name}").format(name=person.get("name", "")))
        self.setMinimumWidth(560)
        stage = workflow.stage(self.case["stage"])
        self.edges = workflow.allowed_actions(stage.code, self.role)
        if action and action not in {e.code for e in self.edges}:
            # Shown so the user learns why it is not possible (the check below explains it).
            others = [a for a in workflow.actions() if a.code == action and a.from_stage == stage.code]
            self.edges += others[:1] or [a for a in workflow.actions() if a.code == action][:1]

        lay = QVBoxLayout(self)
        head = QFormLayout()
        deadline = (
            workflow.stage_deadline(stage.code, self.case["stage_started_on"], self.today)
            if self.case.get("stage_started_on")
            else None
        )
        self.stage_label = QLabel(
            f"{stage.name_zh}（{stage.step}）" + (f"　{deadline.text_zh}" if deadline else "")
        )
        self.stage_label.setWordWrap(True)
        head.addRow(self.tr("当前环节"), self.stage_label)
        head.addRow(self.tr("认定类别"), QLabel(category_zh(self.case.get("category"))))
        head.addRow(self.tr("您的角色"), QLabel(workflow.role_name(self.role)))
        self.action = QComboBox()
        for e in self.edges:
            self.action.addItem(e.name_zh, e.code)
        head.addRow(self.tr("办理操作"), self.action)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setStyleSheet("color: #1565c0;")
        head.addRow(self.tr("办理时限"), self.preview)
        self.exit_reason = QComboBox()
        self.exit_reason.addItem(self.tr("请选择"), None)
        for r in workflow.exit_reasons():
            self.exit_reason.addItem(r.name_zh, r.code)
        self.exit_label = QLabel(self.tr("退出原因 *"))
        head.addRow(self.exit_label, self.exit_reason)
        self.evidence = EvidenceForm()
        self.evidence_label = QLabel(self.tr("退出佐证 *"))
        head.addRow(self.evidence_label, self.evidence)
        self.proposal_label = QLabel(_proposal_text(self.case))
        self.proposal_label.setWordWrap(True)
        if self.proposal_label.text():
            head.addRow(self.tr("退出申请"), self.proposal_label)
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(90)
        self.note_label = QLabel(self.tr("意见/说明"))
        head.addRow(self.note_label, self.note)
        lay.addLayout(head)
        self.error = ErrorLabel(self)
        lay.addWidget(self.error)
        if not self.edges:
            self.error.show_error(
                self.tr("{role}在「{stage}」环节没有可办理的操作").format(
                    role=workflow.role_name(self.role), stage=stage.name_zh
                )
            )
        buttons = QDialogButtonBox()
        self.ok_btn = buttons.addButton(self.tr("确定办理"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.run)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

        self.action.currentIndexChanged.connect(self._reason_changed)
        self.exit_reason.currentIndexChanged.connect(self._reason_changed)
        self.evidence.changed.connect(self._update)
        self.note.textChanged.connect(self._update)
        ctx.locking.connect(self.reject)
        if action:
            self.action.setCurrentIndex(max(0, self.action.findData(action)))
        if exit_reason:
            self.exit_reason.setCurrentIndex(max(0, self.exit_reason.findData(exit_reason)))
        self._reason_changed()
        if evidence:
            self.evidence.set_reason(self.exit_reason.currentData(), evidence)
        self._update()

    def _reason_changed(self) -> None:
        edge = self._edge()
        self.evidence.set_reason(self.exit_reason.currentData() if edge and edge.needs_evidence else None)
        self._update()

    def _edge(self) -> workflow.Action | None:
        i = self.action.currentIndex()
        return self.edges[i] if 0 <= i < len(self.edges) else None

    def check(self) -> str:
        """What the rules would say about the step as filled in now ("" = it can be done)."""
        edge = self._edge()
        if edge is None:
            return self.error.text()
        publicity = self.case.get("stage_started_on") if self.case.get("stage") == "publicity" else None
        try:
            workflow.apply_action(
                self.case["stage"],
                edge.code,
                self.role,
                self.today,
                exit_reason=self.exit_reason.currentData() if edge.needs_exit_reason else None,
                note=self.note.toPlainText(),
                publicity_started_on=publicity,
                previous_stage=self.case.get("exit_from_stage"),
                evidence=self.evidence.values(),
            )
        except workflow.WorkflowError as exc:
            return str(exc)
        return ""

    def _update(self) -> None:
        edge = self._edge()
        if edge is None:
            self.ok_btn.setEnabled(False)
            return
        self.preview.setText(action_preview(edge, self.today))
        self.exit_label.setVisible(edge.needs_exit_reason)
        self.exit_reason.setVisible(edge.needs_exit_reason)
        shows_evidence = edge.needs_evidence and self.evidence.reason is not None and self.evidence.isVisibleTo(self)
        self.evidence_label.setVisible(shows_evidence)
        reason = {r.code: r for r in workflow.exit_reasons()}.get(self.exit_reason.currentData())
        note_required = edge.needs_note or (
            edge.needs_exit_reason and reason is not None and reason.needs_note
        )
        self.note_label.setText(self.tr("意见/说明 *") if note_required else self.tr("意见/说明"))
        msg = self.check()
        # Missing input is said once the user tries; permission and timing problems are said at once.
        permanent = (
            msg
            and not (note_required and not self.note.toPlainText().strip())
            and not (edge.needs_exit_reason and reason is None)
            and not (edge.needs_evidence and self.evidence.problems())
        )
        self.error.show_error(msg if permanent else "")
        self.ok_btn.setEnabled(not permanent)

    def run(self) -> None:
        edge = self._edge()
        if edge is None:
            return
        msg = self.check()
        if msg:
            self.error.show_error(msg)
            return
        self.ok_btn.setEnabled(False)
        note, actor = self.note.toPlainText().strip(), self.col.user.get("display_name") or self.col.user["name"]
        if edge.code == ops.exits.PROPOSE:
            self.ctx.write(ops.exits.propose_exit, self.col, self.case_id, self.exit_reason.currentData(),
                           self.evidence.values(), actor=actor, today=self.today, note=note,
                           on_done=lambda _r: self._done(None), on_error=self._failed)
            return
        if edge.code in (ops.exits.APPROVE, ops.exits.REFUSE):
            self.ctx.write(ops.exits.decide_exit, self.col, self.case_id, edge.code == ops.exits.APPROVE,
                           actor=actor, today=self.today, note=note,
                           on_done=lambda _r: self._done(None), on_error=self._failed)
            return
        self.ctx.write(
            ops.cases.workflow_action,
            self.col,
            self.case_id,
            edge.code,
            today=self.today,
            exit_reason=self.exit_reason.currentData() if edge.needs_exit_reason else None,
            note=self.note.toPlainText().strip(),
            on_done=self._done,
            on_error=self._failed,
        )

    def _done(self, transition: workflow.Transition | None) -> None:
        self.applied.emit(transition)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.ok_btn.setEnabled(True)
        self.error.show_error(
            str(exc)
            if isinstance(exc, (workflow.WorkflowError, ops.ValidationError))
            else self.tr("办理失败：{error}").format(error=exc)
        )


def _proposal_text(case: dict[str, Any]) -> str:
    """For a case waiting for an exit decision: who proposed which reason, with the evidence."""
    if case.get("stage") not in workflow.exit_pending_stages() or not case.get("exit_reason"):
        return ""
    summary = ops.exits.evidence_summary(case["exit_reason"], case.get("exit_evidence") or {})
    by = case.get("exit_proposed_by") or ""
    on = case["exit_proposed_on"].isoformat() if case.get("exit_proposed_on") else ""
    note = f"\n{case['exit_note']}" if case.get("exit_note") else ""
    proposed = QCoreApplication.translate("WorkflowDialog", "{by} {on} 提出").format(by=by, on=on)
    return f"{summary}\n{proposed}{note}"
