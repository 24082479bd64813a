"""The evidence an exit reason asks for (resources/rules/workflow.toml), as a small form.

Used by the workflow dialog (提出退出), the visit form and the follow-up dialog (the job found: 就业单位、岗位、
入职日期, or 营业执照 for a business). Fields ending in ``_on`` are dates typed as YYYY-MM-DD and checked by the
rules, never silently corrected; a list (the refusals behind 拒绝服务) is shown read-only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from app.rules import workflow
from ui.dialogs import ErrorLabel


class EvidenceForm(QWidget):
    changed = Signal()

    def __init__(self, reason: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.edits: dict[str, QLineEdit] = {}
        self.fixed: dict[str, Any] = {}  # evidence given by the caller and shown read-only (refusal list)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #757575;")
        self.error = ErrorLabel(self)
        self.reason: str | None = None
        self.set_reason(reason)

    def set_reason(self, reason: str | None, values: dict[str, Any] | None = None) -> None:
        """Show the fields of ``reason`` (None: nothing), keeping what was typed in fields still shown."""
        kept = {**self.values(), **(values or {})}
        while self.form.rowCount():
            self.form.removeRow(0)
        self.edits, self.fixed, self.reason = {}, {}, reason
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #757575;")
        self.error = ErrorLabel(self)
        groups = workflow.exit_reason(reason).evidence if reason else ()
        if not groups:
            self.setVisible(False)
            return
        labels = workflow.evidence_fields()
        order = [k for g in groups for k in g]
        for key in dict.fromkeys(order):
            value = kept.get(key)
            if isinstance(value, list):
                self.fixed[key] = value
                shown = QLabel("\n".join(str(v) for v in value) or "—")
                shown.setWordWrap(True)
                self.form.addRow(labels.get(key, key), shown)
                continue
            edit = QLineEdit("" if value is None else str(value))
            edit.setObjectName(f"evidence_{key}")
            if key.endswith("_on"):
                edit.setPlaceholderText("YYYY-MM-DD")
            edit.textChanged.connect(lambda _t: self.changed.emit())
            self.edits[key] = edit
            self.form.addRow(labels.get(key, key), edit)
        if len(groups) > 1:
            alternatives = self.tr("；或").join("、".join(labels.get(k, k) for k in g) for g in groups)
            self.hint.setText(self.tr("填写其中一组即可：{groups}").format(groups=alternatives))
            self.form.addRow(self.hint)
        self.form.addRow(self.error)
        self.setVisible(True)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = dict(self.fixed)
        out.update({k: e.text().strip() for k, e in self.edits.items() if e.text().strip()})
        return out

    def set_values(self, values: dict[str, Any]) -> None:
        for key, value in values.items():
            if key in self.edits:
                self.edits[key].setText("" if value is None else str(value))

    def problems(self) -> str:
        """What the rules say about the evidence now ("" = complete)."""
        if not self.reason:
            return ""
        return "；".join(workflow.evidence_errors(self.reason, self.values()).values())
