"""基本情况: every fact the eligibility rules read, editable — the person's (户籍, 失业登记, ability and
willingness, unemployment insurance, former enterprise, 低保, disability, veteran, land, education) and the
household's flags (零就业家庭 with the date found, 低保, 脱贫/监测). Saving changes only what was changed; a
problem is shown beside its field and nothing is stored; the 概况 tab's verdict follows the saved facts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import ops
from app.ops.people import EDUCATIONS
from app.queries.people import MergeCandidate, merge_candidates, same_id_as
from app.queries.person_detail import PersonHead, person_head
from ui import vocab
from ui.dialogs import ErrorLabel, stacked
from ui.views.person.section import GREEN, Section

PERSON_TEXT = ("name", "id_number", "phone", "registered_unemployed_on", "ui_contribution_months", "graduated_on")
PERSON_FLAGS = ("hukou_in_shanxi", "able_to_work", "willing_to_work", "state_or_collective_enterprise",
                "dibao_urban", "disability_cert", "veteran", "land_fully_requisitioned", "college_fulltime",
                "family_dibao", "family_poverty_lifted")
HOUSEHOLD_FLAGS = ("zero_employment", "dibao", "poverty_lifted")
# Flags a new record leaves empty that the rules read as "yes" (app/rules/facts.py).
_DEFAULT_TRUE = ("able_to_work", "willing_to_work")


@dataclass(slots=True)
class FactsPart:
    head: PersonHead
    duplicates: list[MergeCandidate]  # this person first, then the others with the same ID number (if any)


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


class FactsSection(Section):
    key = "facts"
    kinds = frozenset({"person", "household"})

    def title(self, count: Any) -> str:
        return self.tr("基本情况")

    def build(self) -> None:
        outer = QVBoxLayout(self)
        dup = QHBoxLayout()
        self.duplicate_label = QLabel()
        self.duplicate_label.setWordWrap(True)
        self.duplicate_label.setStyleSheet("color: #c62828;")
        self.merge_button = QPushButton(self.tr("对比并合并…"))
        self.merge_button.clicked.connect(self.open_merge)
        dup.addWidget(self.duplicate_label, 1)
        dup.addWidget(self.merge_button)
        outer.addLayout(dup)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        grid = QGridLayout(inner)
        scroll.setWidget(inner)
        outer.addWidget(scroll, 1)
        self.edits: dict[str, QLineEdit] = {}
        self.flags: dict[str, QCheckBox] = {}
        self.errors: dict[str, ErrorLabel] = {}
        labels = {
            "name": self.tr("姓名"), "id_number": self.tr("身份证号"), "phone": self.tr("手机号码"),
            "registered_unemployed_on": self.tr("失业登记日期"), "ui_contribution_months": self.tr("失业保险缴费月数"),
            "graduated_on": self.tr("毕业日期"), "hukou_in_shanxi": self.tr("本省户籍"),
            "able_to_work": self.tr("有劳动能力"), "willing_to_work": self.tr("有就业意愿"),
            "state_or_collective_enterprise": self.tr("原国有/集体企业职工"), "dibao_urban": self.tr("享受城镇低保"),
            "disability_cert": self.tr("持残疾人证/残疾军人证"), "veteran": self.tr("退役军人"),
            "land_fully_requisitioned": self.tr("承包土地全部被征收"),
            "college_fulltime": self.tr("全日制大专及以上学历"), "family_dibao": self.tr("城乡低保家庭"),
            "family_poverty_lifted": self.tr("脱贫家庭（含监测户）"), "zero_employment": self.tr("城镇零就业家庭"),
            "dibao": self.tr("低保家庭"), "poverty_lifted": self.tr("脱贫（监测）户"),
        }

        who = QGroupBox(self.tr("本人"))
        wf = QFormLayout(who)
        for name in PERSON_TEXT:
            self.edits[name] = QLineEdit()
            self.edits[name].setObjectName(f"fact_{name}")
            if name.endswith("_on"):
                self.edits[name].setPlaceholderText(self.tr("年-月-日，如 2025-03-01"))
        self.employment_status = QComboBox()
        self.employment_status.addItem(self.tr("未记录"), "")
        vocab.fill_combo(self.employment_status, "employment_status", blank=None)
        self.education = QComboBox()
        self.education.addItem(self.tr("未记录"), "")
        for e in EDUCATIONS:
            self.education.addItem(e, e)
        for name in PERSON_FLAGS + HOUSEHOLD_FLAGS:
            self.flags[name] = QCheckBox(labels[name])
            self.flags[name].setObjectName(f"fact_{name}")
        for name in (*PERSON_TEXT, "employment_status", "education", "zero_flagged_on", "address"):
            self.errors[name] = ErrorLabel()
        for name in ("name", "id_number", "phone"):
            wf.addRow(labels[name], self._with_error(self.edits[name], name))
        wf.addRow(self.flags["hukou_in_shanxi"])
        wf.addRow(self.flags["able_to_work"])
        wf.addRow(self.flags["willing_to_work"])
        wf.addRow(self.tr("就业状态"), self._with_error(self.employment_status, "employment_status"))
        wf.addRow(labels["registered_unemployed_on"], self._with_error(self.edits["registered_unemployed_on"],
                                                                       "registered_unemployed_on"))
        grid.addWidget(who, 0, 0)

        basis = QGroupBox(self.tr("认定类别相关情况"))
        bf = QFormLayout(basis)
        bf.addRow(labels["ui_contribution_months"], self._with_error(self.edits["ui_contribution_months"],
                                                                     "ui_contribution_months"))
        for name in ("state_or_collective_enterprise", "dibao_urban", "disability_cert", "veteran",
                     "land_fully_requisitioned"):
            bf.addRow(self.flags[name])
        bf.addRow(self.tr("文化程度"), self._with_error(self.education, "education"))
        bf.addRow(self.flags["college_fulltime"])
        bf.addRow(labels["graduated_on"], self._with_error(self.edits["graduated_on"], "graduated_on"))
        bf.addRow(self.flags["family_dibao"])
        bf.addRow(self.flags["family_poverty_lifted"])
        grid.addWidget(basis, 0, 1)

        hh = QGroupBox(self.tr("家庭"))
        hf = QFormLayout(hh)
        self.address, self.zero_flagged_on = QLineEdit(), QLineEdit()
        self.zero_flagged_on.setObjectName("fact_zero_flagged_on")
        self.zero_flagged_on.setPlaceholderText(self.tr("认定为零就业家庭的日期"))
        hf.addRow(self.tr("住址"), self._with_error(self.address, "address"))
        zero = QHBoxLayout()
        zero.addWidget(self.flags["zero_employment"])
        zero.addWidget(self.zero_flagged_on, 1)
        hf.addRow(zero)
        hf.addRow(self.errors["zero_flagged_on"])
        hf.addRow(self.flags["dibao"])
        hf.addRow(self.flags["poverty_lifted"])
        grid.addWidget(hh, 1, 0, 1, 2)

        bar = QHBoxLayout()
        self.general = ErrorLabel()
        self.saved_label = QLabel()
        self.saved_label.setStyleSheet(f"color: {GREEN};")
        self.save_button = QPushButton(self.tr("保存基本情况"))
        self.save_button.clicked.connect(self.save)
        bar.addWidget(self.general, 1)
        bar.addWidget(self.saved_label)
        bar.addWidget(self.save_button)
        outer.addLayout(bar)

    def _with_error(self, field: QWidget, name: str) -> QWidget:
        return stacked(field, self.errors[name])

    @staticmethod
    def load(col: Any, person_id: str, today: dt.date) -> FactsPart | None:
        head = person_head(col, person_id, today)
        if head is None:
            return None
        others = same_id_as(col, person_id)
        return FactsPart(head, merge_candidates(col, [person_id, *others]) if others else [])

    def clear(self) -> None:
        for e in (*self.edits.values(), self.address, self.zero_flagged_on):
            e.clear()
        for f in self.flags.values():
            f.setChecked(False)
        self.show_errors({})
        self.saved_label.setText("")
        self.save_button.setEnabled(False)
        self.duplicate_label.setText("")
        self.duplicate_label.hide()
        self.merge_button.hide()

    def show_data(self, part: FactsPart | None) -> None:
        self.clear()
        if part is None:
            return
        p, hh = part.head.person, part.head.household.record
        dups = part.duplicates
        if dups:
            self.duplicate_label.setText(self.tr("身份证号码与另一条人员记录相同（{names}），可能是同一人在两台电脑上分别登记，"
                                                 "请对比后合并。").format(names="、".join(
                                                     c.person.get("name") or "" for c in dups[1:])))
            self.duplicate_label.show()
            self.merge_button.show()
        for name, edit in self.edits.items():
            edit.setText(_text(p.get(name)))
        for name in PERSON_FLAGS:
            value = p.get(name)
            self.flags[name].setChecked(name in _DEFAULT_TRUE if value is None else bool(value))
        for name in HOUSEHOLD_FLAGS:
            self.flags[name].setChecked(bool(hh.get(name)))
        self.address.setText(hh.get("address") or "")
        self.zero_flagged_on.setText(_text(hh.get("zero_flagged_on")))
        self.employment_status.setCurrentIndex(max(0, self.employment_status.findData(
            p.get("employment_status") or "")))
        self.education.setCurrentIndex(max(0, self.education.findData(p.get("education") or "")))
        self.save_button.setEnabled(True)

    # --- saving -------------------------------------------------------------------------------------
    def changes(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """What the form changes: (person fields, household fields), as typed (the op checks them)."""
        if self.data is None:
            return {}, {}
        p, hh = self.data.head.person, self.data.head.household.record
        person: dict[str, Any] = {}
        for name, edit in self.edits.items():
            if edit.text().strip() != _text(p.get(name)):
                person[name] = edit.text().strip() or None
        for name in PERSON_FLAGS:
            value = p.get(name)
            was = name in _DEFAULT_TRUE if value is None else bool(value)
            if self.flags[name].isChecked() != was:
                person[name] = self.flags[name].isChecked()
        for name, box in (("employment_status", self.employment_status), ("education", self.education)):
            if (box.currentData() or "") != (p.get(name) or ""):
                person[name] = box.currentData() or ""
        if "name" in person and person["name"] is None:
            person["name"] = ""
        if "id_number" in person and person["id_number"] is None:
            person["id_number"] = ""
        household: dict[str, Any] = {}
        if hh:
            for name in HOUSEHOLD_FLAGS:
                if self.flags[name].isChecked() != bool(hh.get(name)):
                    household[name] = self.flags[name].isChecked()
            if self.address.text().strip() != (hh.get("address") or ""):
                household["address"] = self.address.text()
            flagged = self.zero_flagged_on.text().strip()
            if flagged != _text(hh.get("zero_flagged_on")) or "zero_employment" in household:
                household["zero_flagged_on"] = flagged or None
        return person, household

    def save(self) -> None:
        if self.person_id is None:
            return
        person, household = self.changes()
        self.show_errors({})
        if not person and not household:
            self.saved_label.setText(self.tr("没有修改"))
            return
        self.save_button.setEnabled(False)
        self.ctx.write(ops.people.update_facts, self.ctx.col, self.person_id, person, household,
                       today=self.page.today_fn(), on_done=self._saved, on_error=self._failed)

    def _saved(self, _result: Any) -> None:
        self.save_button.setEnabled(True)
        self.saved_label.setText(self.tr("已保存"))

    def _failed(self, exc: Exception) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ops.ValidationError):
            self.show_errors(exc.errors)
        else:
            self.general.show_error(self.tr("保存失败：{error}").format(error=exc))

    def show_errors(self, errors: dict[str, str]) -> None:
        known = set()
        for name, label in self.errors.items():
            key = f"household.{name}" if name in ("zero_flagged_on", "address") else name
            known.add(key)
            label.show_error(errors.get(key))
        self.general.show_error("；".join(v for k, v in errors.items() if k not in known))

    def open_merge(self) -> QWidget | None:
        from PySide6.QtCore import Qt

        from ui.dialogs.merge_dialog import MergeDialog

        dups = self.data.duplicates if self.data is not None else []
        if len(dups) < 2:
            return None
        dlg = MergeDialog(self.ctx, dups, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()
        return dlg
