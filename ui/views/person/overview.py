"""概况: the eligibility rules' verdict with reasons, and the case — stage, deadline, materials (ticking one
saves it), the actions the user's role may take, and data-matching hits to check."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import ops
from app.queries.person_detail import CERTIFIED_STAGES, CasePart, person_case
from ui.views.person.section import BLUE, GREEN, GREY, ORANGE, RED, Section, clear_layout, day


class OverviewSection(Section):
    key = "overview"
    kinds = frozenset({"person", "household", "assistance_case", "case_step", "match_hit"})

    def title(self, count: Any) -> str:
        return self.tr("概况")

    def build(self) -> None:
        lay = QHBoxLayout(self)
        elig = QGroupBox(self.tr("认定条件（系统判断，供参考）"))
        el = QVBoxLayout(elig)
        self.eligibility = QTreeWidget()
        self.eligibility.setHeaderHidden(True)
        self.eligibility.setWordWrap(True)
        el.addWidget(self.eligibility)
        lay.addWidget(elig, 1)

        case = QGroupBox(self.tr("认定办理"))
        cl = QVBoxLayout(case)
        self.stage_label, self.deadline_label = QLabel(), QLabel()
        for label in (self.stage_label, self.deadline_label):
            label.setWordWrap(True)
            cl.addWidget(label)
        cl.addWidget(QLabel(self.tr("材料清单（勾选即保存）")))
        self.materials = QListWidget()
        self.materials.setMaximumHeight(150)
        self.materials.itemChanged.connect(self._material_toggled)
        cl.addWidget(self.materials)
        cl.addWidget(QLabel(self.tr("可办理的操作")))
        self.actions_box = QWidget()
        self.actions_layout = QGridLayout(self.actions_box)
        self.actions_layout.setContentsMargins(0, 0, 0, 0)
        self.actions_layout.setColumnStretch(1, 1)
        cl.addWidget(self.actions_box)
        self.match_label = QLabel()
        self.match_label.setWordWrap(True)
        self.match_label.setStyleSheet(f"color: {RED};")
        cl.addWidget(self.match_label)
        cl.addStretch(1)
        lay.addWidget(case, 1)

    @staticmethod
    def load(col: Any, person_id: str, today: dt.date) -> CasePart | None:
        return person_case(col, person_id, today)

    def clear(self) -> None:
        self.eligibility.clear()
        for label in (self.stage_label, self.deadline_label, self.match_label):
            label.setText("")
        self.materials.blockSignals(True)
        self.materials.clear()
        self.materials.blockSignals(False)
        clear_layout(self.actions_layout)

    def show_data(self, d: CasePart | None) -> None:
        self.clear()
        if d is None:
            return
        self._show_eligibility(d)
        self._show_case(d)
        pending = [h for h in d.match_hits if not h.get("confirmed_on")]
        self.match_label.setText("\n".join(
            self.tr("数据比对：{src}　{detail}（请核实后确认）").format(src=h.get("source") or "",
                                                                    detail=h.get("detail") or "")
            for h in pending))

    def _show_eligibility(self, d: CasePart) -> None:
        e = d.eligibility
        verdict = self.tr("看起来符合认定条件") if e.appears_eligible else self.tr("看起来不符合认定条件")
        top = QTreeWidgetItem([verdict])
        top.setForeground(0, QBrush(QColor(GREEN if e.appears_eligible else RED)))
        self.eligibility.addTopLevelItem(top)
        basic = QTreeWidgetItem(
            [self.tr("基本条件：{v}").format(v=self.tr("符合") if e.basic_ok else self.tr("不符合"))])
        basic.setForeground(0, QBrush(QColor(GREEN if e.basic_ok else RED)))
        for reason in e.basic_reasons:
            QTreeWidgetItem(basic, [reason])
        self.eligibility.addTopLevelItem(basic)
        for c in sorted(e.categories, key=lambda c: not c.met):
            item = QTreeWidgetItem([("✓ " if c.met else "✗ ") + c.name])
            item.setForeground(0, QBrush(QColor(GREEN if c.met else GREY)))
            for reason in c.reasons:
                QTreeWidgetItem(item, [reason])
            self.eligibility.addTopLevelItem(item)
            item.setExpanded(c.met)
        basic.setExpanded(True)

    def _show_case(self, d: CasePart) -> None:
        c = d.case
        if c is None:
            self.stage_label.setText(self.tr("尚未申请认定"))
            return
        rec = c.record
        self.stage_label.setText(self.tr("环节：{stage}（{step}）　类别：{cat}　申请日期：{applied}").format(
            stage=c.stage_zh, step=c.step_zh, cat=c.category_zh, applied=day(rec.get("applied_on")) or "—"))
        if c.deadline is not None:
            color = RED if c.deadline.overdue else (BLUE if c.deadline.remaining_workdays > 2 else ORANGE)
            self.deadline_label.setText(f'<b style="color:{color};">{c.deadline.text_zh}</b>')
        elif rec.get("stage") in CERTIFIED_STAGES and rec.get("valid_until"):
            self.deadline_label.setText(self.tr("认定有效期至 {d}").format(d=day(rec["valid_until"])))
        elif rec.get("stage") == "exited":
            self.deadline_label.setText(self.tr("已于 {d} 退出").format(d=day(rec.get("exited_on"))))
        else:
            self.deadline_label.setText(self.tr("本环节无办理时限"))
        self.materials.blockSignals(True)
        for m in c.materials:
            item = QListWidgetItem(m.name + (self.tr("（类别证明）") if m.category_proof else ""))
            item.setData(Qt.ItemDataRole.UserRole, m.code)
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Checked if m.checked else Qt.CheckState.Unchecked)
            self.materials.addItem(item)
        self.materials.blockSignals(False)
        for r, a in enumerate(c.actions):
            btn = QPushButton(a.name)
            btn.setObjectName(f"action_{a.code}")
            btn.clicked.connect(lambda _c=False, code=a.code: self.workflow(code))
            note = QLabel(a.preview)
            note.setWordWrap(True)
            note.setStyleSheet(f"color: {GREY};")
            self.actions_layout.addWidget(btn, r, 0)
            self.actions_layout.addWidget(note, r, 1)
        if not c.actions:
            self.actions_layout.addWidget(QLabel(self.tr("您的角色在此环节没有可办理的操作")), 0, 0, 1, 2)

    # --- actions ------------------------------------------------------------------------------------
    def _material_toggled(self, _item: QListWidgetItem) -> None:
        if self.data is None or self.data.case is None:
            return
        record = self.data.case.record
        materials = dict(record.get("materials") or {})
        for i in range(self.materials.count()):
            it = self.materials.item(i)
            materials[it.data(Qt.ItemDataRole.UserRole)] = it.checkState() == Qt.CheckState.Checked
        record["materials"] = materials
        self.ctx.write(ops.cases.save_materials, self.ctx.col, record["id"], materials)

    def workflow(self, action: str) -> None:
        from ui.dialogs.workflow_dialog import WorkflowDialog

        if self.data is not None and self.data.case is not None:
            dlg = WorkflowDialog(self.ctx, self.data.case.record["id"], action, self, today=self.page.today_fn())
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dlg.show()
