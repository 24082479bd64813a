"""合并重复人员: two records with one ID number (the same person registered on two laptops offline), side by side.
Where they differ a person chooses the value to keep; everything either record holds (visits, services, plans,
cases, follow-ups) moves to the record kept, and the other is deleted — nothing is dropped silently."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import ops
from app.model.kinds import KINDS
from app.queries.people import MergeCandidate
from app.queries.person_detail import status_zh
from ui.context import AppContext
from ui.dialogs import ErrorLabel

# Fields that say nothing to compare (ids, derived or bookkeeping values).
_SKIP = {"household_id"}


def _text(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return QCoreApplication.translate("MergeDialog", "是") if value else QCoreApplication.translate(
            "MergeDialog", "否")
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


class MergeDialog(QDialog):
    def __init__(self, ctx: AppContext, candidates: list[MergeCandidate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.keep, self.other = candidates[0], candidates[1]
        self.setWindowTitle(self.tr("合并重复人员"))
        self.resize(900, 640)
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("以下两条记录的身份证号码相同，应为同一人。请核对后合并：两条记录的走访、服务、援助方案、"
                               "认定和回访都会保留在合并后的记录中。值不同的项请选择要保留的一方。"))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        fields = [f for f in KINDS["person"].fields if f.name not in _SKIP]
        self.table = QTableWidget(len(fields) + 2, 3)
        self.table.setHorizontalHeaderLabels([self.tr("项目"), self.tr("记录一（保留）"), self.tr("记录二")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setColumnWidth(0, 160)
        self.table.setColumnWidth(1, 340)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.groups: dict[str, QButtonGroup] = {}
        a, b = self.keep.person, self.other.person
        rows = [(self.tr("家庭住址"), self.keep.address, self.other.address, None),
                (self.tr("已有记录"), self._counts(self.keep), self._counts(self.other), None)]
        rows += [(f.label, self._shown(f.name, a), self._shown(f.name, b), f.name) for f in fields]
        for r, (label, left, right, name) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(label))
            differ = name is not None and left != right and left != "—" and right != "—"
            if differ:
                group = QButtonGroup(self)
                for c, text in ((1, left), (2, right)):
                    radio = QRadioButton(text)
                    radio.setStyleSheet("color: #c62828;")
                    group.addButton(radio, c)
                    self.table.setCellWidget(r, c, radio)
                group.button(1).setChecked(True)
                self.groups[name] = group
            else:
                for c, text in ((1, left), (2, right)):
                    self.table.setItem(r, c, QTableWidgetItem(text))
        lay.addWidget(self.table, 1)
        self.error = ErrorLabel()
        lay.addWidget(self.error)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("{n} 项不同，需选择").format(n=len(self.groups))), 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("合并"))
        self.buttons.accepted.connect(self.merge)
        self.buttons.rejected.connect(self.reject)
        bottom.addWidget(self.buttons)
        lay.addLayout(bottom)

    @staticmethod
    def _shown(name: str, person: dict[str, Any]) -> str:
        value = person.get(name)
        if name == "employment_status" and value:
            return status_zh(value)
        return _text(value)

    def _counts(self, c: MergeCandidate) -> str:
        return "、".join(f"{k} {n}" for k, n in c.counts.items()) or self.tr("无")

    def choose(self, field: str, side: int) -> None:
        """Keep record one's (1) or record two's (2) value of ``field``."""
        self.groups[field].button(side).setChecked(True)

    def chosen(self) -> dict[str, Any]:
        return {name: self.other.person[name] for name, g in self.groups.items() if g.checkedId() == 2}

    def merge(self) -> None:
        self.ok_button.setEnabled(False)
        self.ctx.write(ops.people.merge_persons, self.ctx.col, self.keep.person["id"], self.other.person["id"],
                       chosen=self.chosen(), on_done=lambda _r: self._merged(), on_error=self._failed)

    def _merged(self) -> None:
        self.ctx.open_record.emit("person", self.keep.person["id"])
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.ok_button.setEnabled(True)
        self.error.show_error(str(exc) if isinstance(exc, ops.ValidationError)
                              else self.tr("合并失败：{error}").format(error=exc))
