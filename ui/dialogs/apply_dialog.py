"""申请认定: start a 就业困难人员认定 application from the eligibility panel. The category the person appears to
meet is preselected; choosing another shows why the rules think it is not met (a person may still decide so);
其他 asks for the situation and the deciding document."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app import ops
from app.rules.eligibility import Eligibility
from app.rules.workdays import add_workdays
from app.rules.workflow import stage
from ui.context import AppContext
from ui.dialogs import ErrorLabel, stacked

WARN_STYLE = "color: #ef6c00;"


class ApplyDialog(QDialog):
    def __init__(self, ctx: AppContext, person_id: str, eligibility: Eligibility, parent: QWidget | None = None,
                 *, today: dt.date | None = None, person_name: str = "") -> None:
        super().__init__(parent)
        self.ctx, self.person_id, self.eligibility = ctx, person_id, eligibility
        self.today = today or dt.date.today()
        self.case_id: str | None = None
        self.setWindowTitle(self.tr("申请就业困难人员认定"))
        self.resize(560, 380)
        lay = QVBoxLayout(self)
        if person_name:
            lay.addWidget(QLabel(self.tr("申请人：{name}").format(name=person_name)))
        form = QFormLayout()
        self.category = QComboBox()
        for c in eligibility.categories:
            self.category.addItem(("✓ " if c.met else "　 ") + c.name, c.code)
        met = eligibility.met_categories
        if met:
            self.category.setCurrentIndex(self.category.findData(met[0].code))
        self.category.currentIndexChanged.connect(self._category_changed)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARN_STYLE)
        self.other_note, self.other_document = QLineEdit(), QLineEdit()
        self.other_note.setPlaceholderText(self.tr("市政府确定的具体情形"))
        self.other_document.setPlaceholderText(self.tr("决定文件名称及文号"))
        self.errors = {k: ErrorLabel() for k in ("category", "other_note", "other_document", "general")}
        form.addRow(self.tr("认定类别 *"), stacked(self.category, self.warning, self.errors["category"]))
        form.addRow(self.tr("其他情形说明"), stacked(self.other_note, self.errors["other_note"]))
        form.addRow(self.tr("决定文件"), stacked(self.other_document, self.errors["other_document"]))
        name = ctx.col.user.get("display_name") or ctx.col.user.get("name", "")
        form.addRow(self.tr("责任人"), QLabel(name))
        limit = stage("community_review").limit_workdays or 0
        form.addRow(self.tr("办理时限"), QLabel(self.tr("社区初审须在 {n} 个工作日内完成（{d} 前）").format(
            n=limit, d=add_workdays(self.today, limit).isoformat())))
        lay.addLayout(form)
        if not eligibility.basic_ok:
            basic = QLabel(self.tr("基本条件看起来不满足：{why}").format(
                why="；".join(eligibility.basic_reasons)))
            basic.setWordWrap(True)
            basic.setStyleSheet(WARN_STYLE)
            lay.addWidget(basic)
        lay.addWidget(self.errors["general"])
        lay.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("提交申请"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self._category_changed()

    def _category_changed(self, *_args: Any) -> None:
        code = self.category.currentData()
        other = code == "other"
        self.other_note.setEnabled(other)
        self.other_document.setEnabled(other)
        result = self.eligibility.category(code)
        if result.met or other:
            self.warning.setText("")
        else:
            self.warning.setText(self.tr("注意：系统判断该人员看起来不符合「{cat}」（{why}），请核实后再申请").format(
                cat=result.name, why="；".join(result.reasons)))

    def save(self) -> None:
        for e in self.errors.values():
            e.show_error(None)
        self.ok_button.setEnabled(False)
        self.ctx.write(ops.applications.apply, self.ctx.col, self.person_id, category=self.category.currentData(),
                       other_note=self.other_note.text(), other_document=self.other_document.text(),
                       today=self.today, on_done=self._saved, on_error=self._failed)

    def _saved(self, case_id: str) -> None:
        self.case_id = case_id
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(exc, ops.ValidationError):
            known = {"category", "other_note", "other_document"}
            for key in known:
                self.errors[key].show_error(exc.errors.get(key))
            self.errors["general"].show_error("；".join(v for k, v in exc.errors.items() if k not in known))
        else:
            self.errors["general"].show_error(self.tr("申请失败：{error}").format(error=exc))
