"""援助方案 (就业画像) editor: difficulty, strengths, barriers, intentions, measures with owner and target
date, progress. Saved with ``ops.plans.save_help_plan`` on the writer thread (one plan per person)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import ops, vocabulary
from ui import vocab
from ui.context import AppContext
from ui.dialogs import ErrorLabel, button_row, with_error
from ui.widgets.fit import fit_to_screen

TEXT_FIELDS = ("strengths", "barriers", "intentions", "progress")


def validate_plan(values: dict[str, Any]) -> dict[str, str]:
    """The editor's own checks (ops.plans.save_help_plan checks the measures again)."""
    errors: dict[str, str] = {}
    if not (values.get("difficulty_type") or "").strip():
        errors["difficulty_type"] = QCoreApplication.translate("HelpPlanEditor", "请选择或填写困难类型")
    if values.get("difficulty_degree") not in vocabulary.values("difficulty_degree"):
        errors["difficulty_degree"] = QCoreApplication.translate("HelpPlanEditor", "请选择困难程度")
    for i, m in enumerate(values.get("measures") or []):
        if not (m.get("text") or "").strip():
            errors[f"measures.{i}"] = QCoreApplication.translate(
                "HelpPlanEditor", "第 {n} 项措施：请填写措施内容").format(n=i + 1)
        elif m.get("target_on"):
            try:
                dt.date.fromisoformat(m["target_on"])
            except ValueError:
                errors[f"measures.{i}"] = QCoreApplication.translate(
                    "HelpPlanEditor", "第 {n} 项措施：目标日期格式不正确，应为 年-月-日").format(n=i + 1)
    return errors


class HelpPlanEditor(QDialog):
    saved = Signal(str)  # the help plan id

    def __init__(self, ctx: AppContext, person_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.col, self.person_id = ctx, ctx.col, person_id
        person = self.col.records.get("person", person_id) or {}
        plans = self.col.records.children("help_plan", "person_id", person_id)
        self.plan = plans[0] if plans else {}
        self._tried = False
        self.setWindowTitle(self.tr("援助方案 — {name}").format(name=person.get("name", "")))
        fit_to_screen(self, 820, 640)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.errors: dict[str, ErrorLabel] = {
            k: ErrorLabel(self) for k in ("difficulty_type", "difficulty_degree", "measures", "general")
        }
        self.difficulty_type = QComboBox()
        self.difficulty_type.setEditable(True)
        vocab.fill_combo(self.difficulty_type, "difficulty_type")
        vocab.set_combo_value(self.difficulty_type, "difficulty_type", self.plan.get("difficulty_type"))
        form.addRow(self.tr("困难类型 *"), with_error(self.difficulty_type, self.errors["difficulty_type"]))
        self.difficulty_degree = QComboBox()
        vocab.fill_combo(self.difficulty_degree, "difficulty_degree", blank=self.tr("请选择"))
        vocab.set_combo_value(self.difficulty_degree, "difficulty_degree", self.plan.get("difficulty_degree"))
        form.addRow(self.tr("困难程度 *"), with_error(self.difficulty_degree, self.errors["difficulty_degree"]))
        self.text: dict[str, QPlainTextEdit] = {}
        labels = {
            "strengths": self.tr("优势"),
            "barriers": self.tr("就业障碍"),
            "intentions": self.tr("就业意向"),
            "progress": self.tr("进展"),
        }
        for name in TEXT_FIELDS[:3]:
            edit = QPlainTextEdit(self.plan.get(name) or "")
            edit.setMaximumHeight(56)
            self.text[name] = edit
            form.addRow(labels[name], edit)
        lay.addLayout(form)

        lay.addWidget(QLabel(self.tr("帮扶措施")))
        self.measures = QTableWidget(0, 4)
        self.measures.setHorizontalHeaderLabels(
            [self.tr("措施内容"), self.tr("责任人"), self.tr("目标日期"), self.tr("已完成")]
        )
        self.measures.verticalHeader().hide()
        hv = self.measures.horizontalHeader()
        hv.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            hv.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.measures.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        lay.addWidget(self.measures, 1)
        for m in self.plan.get("measures") or []:
            self.add_measure(m)
        self.add_btn = QPushButton(self.tr("添加措施"))
        self.add_btn.clicked.connect(lambda: self.add_measure())
        self.remove_btn = QPushButton(self.tr("删除所选"))
        self.remove_btn.clicked.connect(self._remove_measure)
        lay.addLayout(button_row(self.add_btn, self.remove_btn))
        lay.addWidget(self.errors["measures"])

        form = QFormLayout()
        edit = QPlainTextEdit(self.plan.get("progress") or "")
        edit.setMaximumHeight(56)
        self.text["progress"] = edit
        form.addRow(labels["progress"], edit)
        lay.addLayout(form)
        lay.addWidget(self.errors["general"])
        buttons = QDialogButtonBox()
        self.save_btn = buttons.addButton(self.tr("保存援助方案"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.measures.itemChanged.connect(lambda _i: self._revalidate())
        self.difficulty_type.currentTextChanged.connect(lambda _t: self._revalidate())
        self.difficulty_degree.currentIndexChanged.connect(lambda _i: self._revalidate())
        ctx.locking.connect(self.reject)


    def has_unsaved_work(self) -> bool:
        """Open means being edited (the plan is written only by 保存)."""
        return self.isVisible()
    def add_measure(self, m: dict[str, Any] | None = None) -> int:
        m = m or {"owner": self.col.user.get("display_name") or self.col.user.get("name")}
        r = self.measures.rowCount()
        self.measures.blockSignals(True)  # no re-validation of a half-built row
        self.measures.insertRow(r)
        self.measures.setItem(r, 0, QTableWidgetItem(m.get("text") or ""))
        self.measures.setItem(r, 1, QTableWidgetItem(m.get("owner") or ""))
        target = QTableWidgetItem(m.get("target_on") or "")
        target.setToolTip(self.tr("年-月-日，如 2026-12-31"))
        self.measures.setItem(r, 2, target)
        done = QTableWidgetItem()
        done.setFlags(
            Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        )
        done.setCheckState(Qt.CheckState.Checked if m.get("done") else Qt.CheckState.Unchecked)
        self.measures.setItem(r, 3, done)
        self.measures.blockSignals(False)
        self._revalidate()
        return r

    def _remove_measure(self) -> None:
        rows = sorted({i.row() for i in self.measures.selectedIndexes()}, reverse=True)
        for r in rows:
            self.measures.removeRow(r)
        self._revalidate()

    def values(self) -> dict[str, Any]:
        measures = []
        for r in range(self.measures.rowCount()):
            measures.append(
                {
                    "text": self.measures.item(r, 0).text().strip(),
                    "owner": self.measures.item(r, 1).text().strip(),
                    "target_on": self.measures.item(r, 2).text().strip() or None,
                    "done": self.measures.item(r, 3).checkState() == Qt.CheckState.Checked,
                }
            )
        vals: dict[str, Any] = {
            "difficulty_type": vocab.combo_value(self.difficulty_type, "difficulty_type"),
            "difficulty_degree": self.difficulty_degree.currentData(),
            "measures": measures,
        }
        vals.update({n: e.toPlainText().strip() for n, e in self.text.items()})
        return vals

    def show_errors(self, errors: dict[str, str]) -> None:
        for key in ("difficulty_type", "difficulty_degree"):
            self.errors[key].show_error(errors.get(key))
        self.errors["measures"].show_error(
            "\n".join(m for k, m in sorted(errors.items()) if k.startswith("measures."))
        )
        bad = {int(k.split(".")[1]) for k in errors if k.startswith("measures.")}
        self.measures.blockSignals(True)
        for r in range(self.measures.rowCount()):
            for c in range(3):
                self.measures.item(r, c).setBackground(QBrush(QColor("#ffebee")) if r in bad else QBrush())
        self.measures.blockSignals(False)
        known = {"difficulty_type", "difficulty_degree"}
        self.errors["general"].show_error(
            "；".join(m for k, m in errors.items() if k not in known and not k.startswith("measures."))
        )

    def _revalidate(self) -> None:
        if self._tried:
            self.show_errors(validate_plan(self.values()))

    def save(self) -> None:
        self._tried = True
        values = self.values()
        errors = validate_plan(values)
        self.show_errors(errors)
        if errors:
            return
        self.save_btn.setEnabled(False)
        self.ctx.write(
            ops.plans.save_help_plan, self.col, self.person_id, values, on_done=self._saved, on_error=self._failed
        )

    def _saved(self, plan_id: str) -> None:
        self.saved.emit(plan_id)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.save_btn.setEnabled(True)
        if isinstance(exc, ops.ValidationError):
            self.show_errors(exc.errors)
        else:
            self.errors["general"].show_error(self.tr("保存失败：{error}").format(error=exc))
