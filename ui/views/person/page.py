"""Household & person page: a header with the person and what can be done, the household pane, and one tab per
section (ui/views/person/sections.py). Every part reads off the GUI thread and follows change notifications
through ``LiveRefresh``: what is on screen refreshes, what is hidden waits until it is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import ops
from app.queries.person_detail import PersonHead, person_for, status_zh
from ui.context import AppContext
from ui.dialogs import from_qdate, to_qdate
from ui.views.live import LiveRefresh
from ui.views.person.household import HouseholdSection
from ui.views.person.section import Section
from ui.views.person.sections import tab_classes


class PlanVisitDialog(QDialog):
    def __init__(self, parent: QWidget | None, today: dt.date) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("计划走访"))
        lay = QFormLayout(self)
        self.date = QDateEdit(to_qdate(today + dt.timedelta(days=1)))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMinimumDate(to_qdate(today))
        lay.addRow(self.tr("走访日期"), self.date)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addRow(buttons)

    def chosen(self) -> dt.date:
        return from_qdate(self.date.date())


def _counts(col: Any, person_id: str, sections: list[type[Section]]) -> dict[str, Any]:
    """Off the GUI thread: every tab's count, for the tab titles."""
    return {s.key: s.count(col, person_id) for s in sections}


class PersonView(QWidget):
    refreshed = Signal()  # every read started for the person on screen has been shown

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, today_fn: Callable[[], dt.date] | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today_fn = today_fn or dt.date.today
        self.household_id: str | None = None
        self.person_id: str | None = None
        self._resolving = self._counting = False
        self._open_on: str | None = None  # the section to show once the record is resolved
        self._build()
        kinds = set(self.household.kinds).union(*(s.kinds for s in self.sections.values()))
        self.live = LiveRefresh(self, ctx, kinds, reload=self._load_counts, clear=self.clear)
        self.clear()

    # --- layout --------------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        head = QHBoxLayout()
        names = QVBoxLayout()
        self.name_label = QLabel()
        font = QFont(self.font())
        font.setPointSize(font.pointSize() + 5)
        font.setBold(True)
        self.name_label.setFont(font)
        self.sub_label = QLabel()
        self.sub_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        names.addWidget(self.name_label)
        names.addWidget(self.sub_label)
        head.addLayout(names, 1)
        self.visit_btn = QPushButton(self.tr("记录走访"))
        self.visit_btn.clicked.connect(self.record_visit)
        self.plan_visit_btn = QPushButton(self.tr("计划走访"))
        self.plan_visit_btn.clicked.connect(self.plan_visit)
        self.plan_btn = QPushButton(self.tr("编辑援助方案"))
        self.plan_btn.clicked.connect(self.edit_plan)
        self.print_btn = QPushButton(self.tr("打印"))
        self.print_menu = QMenu(self.print_btn)
        self.print_menu.aboutToShow.connect(self._fill_print_menu)  # the forms for whoever is shown now
        self.print_btn.setMenu(self.print_menu)
        for b in (self.visit_btn, self.plan_visit_btn, self.plan_btn, self.print_btn):
            head.addWidget(b)
        outer.addLayout(head)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.household = HouseholdSection(self)
        self.household.loaded.connect(self._head_loaded)
        self.household.member_chosen.connect(self.set_person)
        split.addWidget(self.household)
        self.tabs = QTabWidget()
        self.sections: dict[str, Section] = {}
        for cls in tab_classes():
            section = cls(self)
            section.loaded.connect(self._maybe_refreshed)
            self.sections[cls.key] = section
            self.tabs.addTab(section, section.title(None))
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([400, 960])
        outer.addWidget(split, 1)

    def section(self, key: str) -> Section:
        return self.household if key == self.household.key else self.sections[key]

    # --- who is shown --------------------------------------------------------------------------------
    def show_record(self, kind: str, record_id: str) -> None:
        """Show the household and person a record belongs to (household, person, visit, case, review…)."""
        generation = self.live.loading()
        self._resolving = True
        # A review (a returned item on the to-do) opens where it can be answered.
        self._open_on = "reviews" if kind == "review" and "reviews" in self.sections else None
        self.ctx.background(person_for, self.ctx.col, kind, record_id,
                            on_done=lambda r: self._resolved(generation, r),
                            on_error=lambda _e: self._resolved(generation, (None, None)))

    def _resolved(self, generation: int, found: tuple[str | None, str | None]) -> None:
        if not self.live.current(generation):
            return
        self._resolving = False
        hh, pid = found
        if pid is None:
            self.clear()
            self.name_label.setText(self.tr("该家庭暂无成员") if hh else self.tr("记录不存在或已删除"))
            self._maybe_refreshed()
            return
        self.household_id = hh
        self.set_person(pid)
        if self._open_on:
            self.tabs.setCurrentWidget(self.sections[self._open_on])

    def set_person(self, person_id: str) -> None:
        self.person_id = person_id
        for section in (self.household, *self.sections.values()):
            section.set_person(person_id)
        self._load_counts()

    def clear(self) -> None:
        """Forget everything shown (on lock, or when the record is gone)."""
        self.household_id = self.person_id = None
        self._resolving = self._counting = False
        self.live.generation += 1  # answers still on their way are dropped
        self.name_label.setText(self.tr("未选择人员"))
        self.sub_label.setText("")
        for section in (self.household, *self.sections.values()):
            section.set_person(None)
        for i, section in enumerate(self.sections.values()):
            self.tabs.setTabText(i, section.title(None))
        for b in (self.visit_btn, self.plan_visit_btn, self.plan_btn):
            b.setEnabled(False)

    @property
    def busy(self) -> bool:
        """A read for the person on screen is still on its way."""
        return (self._resolving or self._counting or self.household.pending
                or any(s.pending for s in self.sections.values()))

    def _maybe_refreshed(self) -> None:
        if not self.busy:
            self.refreshed.emit()

    # --- header and tab titles ---------------------------------------------------------------------------
    def _head_loaded(self) -> None:
        d: PersonHead | None = self.household.data
        if d is None:
            if self.person_id is not None and not self.household.pending:
                self.clear()
                self.name_label.setText(self.tr("该人员已删除"))
            self._maybe_refreshed()
            return
        p, hh, me = d.person, d.household, d.me
        self.household_id = hh.id or None
        self.name_label.setText(p.get("name") or "")
        bits = []
        if me and me.age is not None:
            bits.append(self.tr("{sex}，{age}岁").format(sex=me.sex, age=me.age))
        bits.append(p.get("id_number") or self.tr("无身份证号"))
        if p.get("phone"):
            bits.append(p["phone"])
        bits.append(status_zh(p.get("employment_status")))
        bits.append(hh.area_name)
        self.sub_label.setText("　".join(bits))
        for b in (self.visit_btn, self.plan_visit_btn, self.plan_btn):
            b.setEnabled(True)
        self._maybe_refreshed()

    def _load_counts(self) -> None:
        if self.person_id is None:
            return
        generation, pid = self.live.loading(), self.person_id
        self._counting = True
        classes = [type(s) for s in self.sections.values()]
        self.ctx.background(_counts, self.ctx.col, pid, classes,
                            on_done=lambda c: self._counted(generation, pid, c),
                            on_error=lambda _e: self._counted(generation, pid, {}))

    def _counted(self, generation: int, person_id: str, counts: dict[str, Any]) -> None:
        if not self.live.current(generation) or person_id != self.person_id:
            return
        self._counting = False
        for i, (key, section) in enumerate(self.sections.items()):
            self.tabs.setTabText(i, section.title(counts.get(key)))
        has_plan = bool(counts.get("plan"))
        self.plan_btn.setText(self.tr("编辑援助方案") if has_plan else self.tr("制定援助方案"))
        self._maybe_refreshed()

    # --- actions -------------------------------------------------------------------------------------
    def _fill_print_menu(self) -> None:
        from ui.print_actions import fill_print_menu  # ReportLab loads on first print, not at start-up

        self.print_menu.clear()
        fill_print_menu(self.print_menu, self.ctx, self, household_id=self.household_id, person_id=self.person_id)

    def record_visit(self) -> None:
        from ui.dialogs.visit_form import open_visit_form

        if self.person_id:
            open_visit_form(self.ctx, self.person_id, self, today=self.today_fn())

    def plan_visit(self) -> None:
        if not self.person_id:
            return
        dlg = PlanVisitDialog(self, self.today_fn())
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.ctx.write(ops.visits.plan_visit, self.ctx.col, self.person_id, dlg.chosen())

    def edit_plan(self) -> None:
        from ui.dialogs.help_plan_editor import HelpPlanEditor

        if self.person_id:
            dlg = HelpPlanEditor(self.ctx, self.person_id, self)
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dlg.show()
