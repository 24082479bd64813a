"""回访: the follow-ups after employment (due, done, missed or late), 记录回访 and 期满评估, and the exit
conditions met (拒绝服务、失联) that can be proposed from here."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from app.queries.followups import FollowupsPart, contact_zh, followups_part, outcome_zh
from app.queries.person_detail import FOLLOWUP_KINDS, count_of
from ui.dialogs import open_dialog
from ui.views.person.section import GREEN, GREY, ORANGE, RED, Section, day, fill
from ui.widgets.tables import read_only_table


class FollowupsSection(Section):
    key = "followups"
    kinds = frozenset({"followup", "assistance_case", "service", "visit", "policy_push"})

    def title(self, count: Any) -> str:
        return self.tr("回访（{n}）").format(n=count) if count is not None else self.tr("回访")

    @staticmethod
    def count(col: Any, person_id: str) -> int:
        return count_of(col, "followup", person_id)

    def build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.signals = QLabel()
        self.signals.setWordWrap(True)
        self.signals.setStyleSheet(f"color: {ORANGE};")
        lay.addWidget(self.signals)
        self.followups = read_only_table([self.tr("应回访日期"), self.tr("回访类型"), self.tr("回访日期"),
                                          self.tr("状态"), self.tr("联系方式"), self.tr("仍在岗"),
                                          self.tr("困难和帮助"), self.tr("回访情况")], 7)
        self.followups.itemSelectionChanged.connect(self._selection)
        self.followups.itemDoubleClicked.connect(lambda _i: self.record_followup())
        lay.addWidget(self.followups)
        row = QHBoxLayout()
        self.record_btn = QPushButton(self.tr("记录回访"))
        self.record_btn.clicked.connect(self.record_followup)
        self.evaluate_btn = QPushButton(self.tr("期满评估"))
        self.evaluate_btn.clicked.connect(self.record_evaluation)
        self.exit_btn = QPushButton(self.tr("提出退出…"))
        self.exit_btn.clicked.connect(self.propose_exit)
        self.evaluation_label = QLabel()
        self.evaluation_label.setStyleSheet(f"color: {GREY};")
        for w in (self.record_btn, self.evaluate_btn, self.exit_btn):
            row.addWidget(w)
        row.addWidget(self.evaluation_label, 1)
        lay.addLayout(row)

    @staticmethod
    def load(col: Any, person_id: str, today: dt.date) -> FollowupsPart:
        return followups_part(col, person_id, today)

    def clear(self) -> None:
        self.followups.setRowCount(0)
        self.signals.setText("")
        self.evaluation_label.setText("")
        for b in (self.record_btn, self.evaluate_btn, self.exit_btn):
            b.setEnabled(False)

    def show_data(self, d: FollowupsPart) -> None:
        today = self.page.today_fn()
        rows, colors = [], []
        for f in d.followups:
            due = f.get("due_on")
            if f.get("done_on"):
                state, color = self.tr("已回访"), GREEN
            elif due and due < today:
                state, color = self.tr("已逾期 {n} 天").format(n=(today - due).days), RED
            elif due == today:
                state, color = self.tr("今天到期"), ORANGE
            else:
                state, color = self.tr("待回访"), None
            kind = FOLLOWUP_KINDS.get(f.get("kind") or "", f.get("kind") or "")
            if f.get("outcome"):
                kind += f"：{outcome_zh(f['outcome'])}"
            employed = {True: self.tr("是"), False: self.tr("否")}.get(f.get("still_employed"), "")
            helped = "；".join(x for x in (f.get("difficulties"), f.get("help_given")) if x)
            rows.append([day(due), kind, day(f.get("done_on")), state, contact_zh(f.get("contact_method")),
                         employed, helped, f.get("note") or ""])
            colors.append(color)
        fill(self.followups, rows, colors)
        self.signals.setText("\n".join(s.detail for s in d.signals))
        self.exit_btn.setEnabled(bool(d.signals))
        self.evaluate_btn.setEnabled(d.evaluation_case is not None)
        if d.evaluation_case and d.valid_until:
            self.evaluation_label.setText(self.tr("认定有效期至 {until}，{on} 前完成期满评估").format(
                until=day(d.valid_until), on=day(d.evaluation_on)))
        self._selection()

    def _selected(self) -> dict[str, Any] | None:
        rows = {i.row() for i in self.followups.selectedIndexes()}
        if self.data is None or len(rows) != 1:
            return None
        f = self.data.followups[rows.pop()]
        return f if not f.get("done_on") and f.get("kind") != "evaluation" else None

    def _selection(self) -> None:
        self.record_btn.setEnabled(self._selected() is not None)

    def record_followup(self) -> None:
        from ui.dialogs.followup_dialog import FollowupDialog

        f = self._selected()
        if f is not None:
            open_dialog(FollowupDialog(self.ctx, f["id"], self, today=self.page.today_fn()))

    def record_evaluation(self) -> None:
        from ui.dialogs.followup_dialog import EvaluationDialog

        if self.data is not None and self.data.evaluation_case:
            open_dialog(EvaluationDialog(self.ctx, self.data.evaluation_case, self, today=self.page.today_fn()))

    def propose_exit(self) -> None:
        from ui.dialogs.workflow_dialog import WorkflowDialog

        if self.data is not None and self.data.signals:
            s = self.data.signals[0]
            open_dialog(WorkflowDialog(self.ctx, s.case_id, "propose_exit", self, today=self.page.today_fn(),
                                       exit_reason=s.reason, evidence=s.evidence))
