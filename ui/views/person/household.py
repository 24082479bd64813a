"""The household pane: address, flags (零就业 with its 动态清零 state), and the members with age and sex from
their ID numbers. Choosing a member shows that member."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.queries.person_detail import PersonHead, person_head
from ui.views.person.section import GREEN, GREY, RED, Section
from ui.widgets.tables import read_only_table


class HouseholdSection(Section):
    key = "household"
    kinds = frozenset({"person", "household", "assistance_case"})
    member_chosen = Signal(str)  # a person id

    def build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        hh = QGroupBox(self.tr("家庭"))
        hl = QVBoxLayout(hh)
        self.address_label, self.flags_label, self.zero_label = QLabel(), QLabel(), QLabel()
        for label in (self.address_label, self.flags_label, self.zero_label):
            label.setWordWrap(True)
            hl.addWidget(label)
        lay.addWidget(hh)
        mem = QGroupBox(self.tr("家庭成员（年龄、性别据身份证号）"))
        ml = QVBoxLayout(mem)
        self.members = read_only_table([self.tr("姓名"), self.tr("关系"), self.tr("性别"), self.tr("年龄"),
                                        self.tr("就业状态"), self.tr("认定环节")])
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.members.horizontalHeader().setStretchLastSection(True)
        self.members.itemSelectionChanged.connect(self._member_selected)
        ml.addWidget(self.members)
        self.id_errors = QLabel()
        self.id_errors.setWordWrap(True)
        self.id_errors.setStyleSheet(f"color: {RED};")
        ml.addWidget(self.id_errors)
        self.add_member_button = QPushButton(self.tr("添加家庭成员"))
        self.add_member_button.clicked.connect(self.add_member)
        ml.addWidget(self.add_member_button)
        lay.addWidget(mem, 1)

    @staticmethod
    def load(col: Any, person_id: str, today: dt.date) -> PersonHead | None:
        return person_head(col, person_id, today)

    def keeps(self, person_id: str) -> bool:
        return self.data is not None and any(m.id == person_id for m in self.data.household.members)

    def clear(self) -> None:
        for label in (self.address_label, self.flags_label, self.zero_label, self.id_errors):
            label.setText("")
        self.members.setRowCount(0)

    def show_data(self, d: PersonHead | None) -> None:
        if d is None:
            self.clear()
            return
        hh = d.household
        self.address_label.setText(self.tr("住址：{address}").format(address=hh.address or self.tr("未记录")))
        chips = " ".join(f'<span style="background:#fff3e0;color:#e65100;">&nbsp;{f}&nbsp;</span>'
                         for f in hh.flags)
        self.flags_label.setText(chips or self.tr("无特殊家庭标记"))
        if hh.zero is not None:
            color = GREEN if hh.zero.cleared else (RED if hh.zero.is_zero else GREY)
            prefix = self.tr("动态清零：")  # outside the f-string, where lupdate finds it
            self.zero_label.setText(f'<span style="color:{color};">{prefix}{hh.zero.text_zh}</span>')
        else:
            self.zero_label.setText("")
        self.members.blockSignals(True)
        self.members.setRowCount(len(hh.members))
        selected = 0
        for r, m in enumerate(hh.members):
            cells = [m.name, m.relation, m.sex or "—", "" if m.age is None else str(m.age), m.status_zh, m.stage_zh]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, m.id)
                if m.id_error:
                    item.setToolTip(m.id_error)
                self.members.setItem(r, c, item)
            if m.id == d.person["id"]:
                selected = r
        self.members.selectRow(selected)
        self.members.blockSignals(False)
        self.id_errors.setText("\n".join(f"{m.name}：{m.id_error}" for m in hh.members if m.id_error))

    def _member_selected(self) -> None:
        rows = self.members.selectionModel().selectedRows()
        if not rows or self.data is None:
            return
        pid = self.members.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        if pid and pid != self.person_id:
            self.member_chosen.emit(pid)

    def add_member(self) -> QDialog | None:
        from ui.dialogs.register_dialog import AddMemberDialog

        if self.data is None or not self.data.household.id:
            return None
        hh = self.data.household
        dlg = AddMemberDialog(self.ctx, hh.id, self, today=self.page.today_fn(), address=hh.address)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()
        return dlg
