"""Small dialogs of the matching tab: a reason from a list with a note, an anomaly's cause and correction,
and the column-mapping step of a file import (remembered per source by app.ops.matching)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class ReasonDialog(QDialog):
    """Pick a reason (code, name) and write a note; ``values()`` → (code, note)."""

    def __init__(self, title: str, prompt: str, choices: Sequence[Any], parent: QWidget | None = None,
                 *, with_correction: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(prompt))
        form = QFormLayout()
        self.reason = QComboBox()
        for c in choices:
            self.reason.addItem(c.name, c.code)
        form.addRow(self.tr("原因"), self.reason)
        self.note = QLineEdit()
        form.addRow(self.tr("说明"), self.note)
        self.correction: QPlainTextEdit | None = None
        if with_correction:
            self.correction = QPlainTextEdit()
            self.correction.setFixedHeight(70)
            form.addRow(self.tr("更正情况"), self.correction)
        lay.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

    def values(self) -> tuple[str, str, str]:
        correction = self.correction.toPlainText() if self.correction is not None else ""
        return self.reason.currentData(), self.note.text(), correction


class MappingDialog(QDialog):
    """Which column of the file holds each field; ``mapping()`` → {field: header label}."""

    def __init__(self, fields: dict[str, str], headers: Sequence[str], required: Sequence[str],
                 problem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("对应表头"))
        lay = QVBoxLayout(self)
        note = QLabel(self.tr("文件的表头与常见写法不同（{p}）。请为每一项选择文件中的列，下次导入同一来源时沿用。")
                      .format(p=problem))
        note.setWordWrap(True)
        lay.addWidget(note)
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for field, label in fields.items():
            combo = QComboBox()
            combo.addItem(self.tr("（无此列）"), "")
            for h in headers:
                combo.addItem(h, h)
            self.combos[field] = combo
            form.addRow(label + (" *" if field in required else ""), combo)
        lay.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

    def mapping(self) -> dict[str, str]:
        return {f: c.currentData() for f, c in self.combos.items() if c.currentData()}
