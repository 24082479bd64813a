"""记录服务: a job recommendation, career guidance or policy consultation given by phone or at the office.

It counts toward the minimum service package (3+1+1) like a service given during a visit. A refusal without good
reason is a result here too; the third one since certification lists the case under 可提出退出.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app import ops, vocabulary
from app.rules.service_package import channels, results, service_kinds
from ui.context import AppContext
from ui.dialogs import ErrorLabel, from_qdate, to_qdate

OUTSIDE_VISIT = ("phone", "office")  # the channels chosen here (a visit records its own; a push is confirmed)


class ServiceDialog(QDialog):
    def __init__(self, ctx: AppContext, person_id: str, parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.col, self.person_id = ctx, ctx.col, person_id
        self.today = today or dt.date.today()
        person = self.col.records.get("person", person_id) or {}
        self.setWindowTitle(self.tr("记录服务 — {name}").format(name=person.get("name", "")))
        self.setMinimumWidth(480)
        lay = QVBoxLayout(self)
        hint = QLabel(self.tr("电话或窗口提供的服务，与走访中提供的服务一样计入最低服务包（3+1+1）"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #757575;")
        lay.addWidget(hint)
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("请选择"), None)
        for k in service_kinds():
            self.kind.addItem(k.name_zh, k.code)
        self.channel = QComboBox()
        for code in OUTSIDE_VISIT:
            self.channel.addItem(channels()[code], code)
        self.served_on = QDateEdit(to_qdate(self.today))
        self.served_on.setCalendarPopup(True)
        self.served_on.setDisplayFormat("yyyy-MM-dd")
        self.employer, self.post, self.wage = QLineEdit(), QLineEdit(), QLineEdit()
        self.result = QComboBox()
        self.note = QLineEdit()
        form.addRow(self.tr("服务类型 *"), self.kind)
        form.addRow(self.tr("服务方式 *"), self.channel)
        form.addRow(self.tr("服务日期 *"), self.served_on)
        self.job_rows = [(self.tr("推荐单位 *"), self.employer), (self.tr("推荐岗位 *"), self.post),
                         (self.tr("岗位薪资"), self.wage)]
        self.job_labels = []
        for label, widget in self.job_rows:
            lab = QLabel(label)
            self.job_labels.append(lab)
            form.addRow(lab, widget)
        form.addRow(self.tr("结果"), self.result)
        form.addRow(self.tr("说明"), self.note)
        lay.addLayout(form)
        self.error = ErrorLabel(self)
        lay.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.ok_btn = buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        ctx.locking.connect(self.reject)
        self._kind_changed()

    def _kind_changed(self) -> None:
        job = self.kind.currentData() == "job_recommendation"
        for lab, (_t, w) in zip(self.job_labels, self.job_rows, strict=True):
            lab.setVisible(job)
            w.setVisible(job)
        self.result.clear()
        self.result.addItem("", None)
        options = [*vocabulary.values("job_result"), results()["refused"]] if job else list(results().values())
        for text in options:
            self.result.addItem(text, text)

    def values(self) -> dict[str, object]:
        job = self.kind.currentData() == "job_recommendation"
        out: dict[str, object] = {"kind": self.kind.currentData(), "channel": self.channel.currentData(),
                                  "served_on": from_qdate(self.served_on.date()).isoformat(),
                                  "result": self.result.currentData() or "", "note": self.note.text()}
        if job:
            out |= {"employer": self.employer.text(), "post": self.post.text(), "wage": self.wage.text()}
        return out

    def save(self) -> None:
        self.error.show_error("")
        self.ok_btn.setEnabled(False)
        self.ctx.write(ops.services.record_service, self.col, self.person_id, self.values(), today=self.today,
                       on_done=self._saved, on_error=self._failed)

    def _saved(self, _sid: str) -> None:
        self.ctx.status.emit(self.tr("服务已记录"))
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.ok_btn.setEnabled(True)
        self.error.show_error(str(exc) if isinstance(exc, ops.ValidationError)
                              else self.tr("保存失败：{error}").format(error=exc))
