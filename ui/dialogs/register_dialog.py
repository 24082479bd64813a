"""新建家庭 / 添加家庭成员: the intake forms. The ID number is read as it is typed (birth date and sex shown from
it); every field's problem is shown beside it; an ID number already registered opens that person instead."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import areas, ops
from app.ops.people import EDUCATIONS, RELATIONS, DuplicatePersonError
from app.rules.idcard import IdNumberError, canonical, parse_id
from ui.context import AppContext
from ui.dialogs import ErrorLabel, button_row, stacked

HEAD, SPOUSE, CHILD = RELATIONS[:3]  # stored values (户主, 配偶, 子女), not UI text



class PersonFields(QGroupBox):
    """Name, ID number (with what it says), relation, education and mobile number of one person."""

    FIELDS = ("name", "id_number", "relation", "education", "phone")

    def __init__(self, title: str, today: dt.date, relation: str = HEAD, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.today = today
        form = QFormLayout(self)
        self.name, self.id_number, self.phone = QLineEdit(), QLineEdit(), QLineEdit()
        self.id_number.setPlaceholderText(self.tr("18 位，旧 15 位号码自动升位"))
        self.phone.setPlaceholderText(self.tr("11 位手机号码，可不填"))
        self.relation, self.education = QComboBox(), QComboBox()
        self.relation.addItems(list(RELATIONS))
        self.relation.setCurrentText(relation)
        self.education.addItem(self.tr("未记录"), "")
        for e in EDUCATIONS:
            self.education.addItem(e, e)
        self.id_info = QLabel()
        self.id_info.setStyleSheet("color: #2e7d32;")
        self.errors = {k: ErrorLabel() for k in self.FIELDS}
        self.id_number.textChanged.connect(self._id_typed)
        form.addRow(self.tr("姓名 *"), stacked(self.name, self.errors["name"]))
        form.addRow(self.tr("身份证号 *"), stacked(self.id_number, self.id_info, self.errors["id_number"]))
        form.addRow(self.tr("与户主关系"), stacked(self.relation, self.errors["relation"]))
        form.addRow(self.tr("文化程度"), stacked(self.education, self.errors["education"]))
        form.addRow(self.tr("手机号码"), stacked(self.phone, self.errors["phone"]))

    def _id_typed(self, text: str) -> None:
        number = canonical(text)
        if len(number) != 18:
            self.id_info.setText("")
            return
        try:
            info = parse_id(number, self.today)
        except IdNumberError:
            self.id_info.setText("")
            return
        self.id_info.setText(self.tr("出生日期 {birth}，{sex}，{age} 周岁").format(
            birth=info.birth_date.isoformat(), sex=info.sex, age=info.age))

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text(), "id_number": self.id_number.text(),
                "relation": self.relation.currentText(), "education": self.education.currentData() or "",
                "phone": self.phone.text()}

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, label in self.errors.items():
            label.show_error(errors.get(key))


class _IntakeDialog(QDialog):
    """What both intake forms share: save on the writer, errors at their fields, a duplicate opens the person."""

    def __init__(self, ctx: AppContext, parent: QWidget | None, today: dt.date | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or dt.date.today()
        self.saved_ids: list[str] = []
        self.open_saved = True  # show the new person on the main window (off inside the visit form)
        self.general = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def _run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self.save_button.setEnabled(False)
        self.ctx.write(fn, *args, on_done=self._saved, on_error=self._failed, **kwargs)

    def _saved(self, result: Any) -> None:
        self.saved_ids = list(result[1]) if isinstance(result, tuple) else [result]
        if self.saved_ids and self.open_saved:
            self.ctx.open_record.emit("person", self.saved_ids[0])
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, DuplicatePersonError):
            self.ctx.status.emit(exc.errors["id_number"])
            self.ctx.open_record.emit("person", exc.existing_id)
            self.saved_ids = [exc.existing_id]
            self.done(QDialog.DialogCode.Accepted)
        elif isinstance(exc, ops.ValidationError):
            self.show_errors(exc.errors)
        else:
            self.general.show_error(self.tr("保存失败：{error}").format(error=exc))

    def show_errors(self, errors: dict[str, str]) -> None:
        raise NotImplementedError

    def save(self) -> None:
        raise NotImplementedError


class NewHouseholdDialog(_IntakeDialog):
    """A new household: community, address, flags, and its members (one block each)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(ctx, parent, today)
        self.setWindowTitle(self.tr("新建家庭"))
        self.resize(620, 700)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.community = QComboBox()
        user_areas = (ctx.col.user or {}).get("areas") or None
        for a in areas.communities(user_areas) or areas.communities():
            self.community.addItem(a.name, a.code)
        self.address = QLineEdit()
        self.address_error = ErrorLabel()
        form.addRow(self.tr("所属社区 *"), self.community)
        form.addRow(self.tr("住址 *"), stacked(self.address, self.address_error))
        lay.addLayout(form)
        self.members: list[PersonFields] = []
        inner = QWidget()
        self.members_layout = QVBoxLayout(inner)
        self.members_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        lay.addWidget(scroll, 1)
        self.add_button = QPushButton(self.tr("添加成员"))
        self.add_button.clicked.connect(lambda: self.add_member())
        self.remove_button = QPushButton(self.tr("删除最后一名成员"))
        self.remove_button.clicked.connect(self.remove_member)
        lay.addLayout(button_row(self.add_button, self.remove_button))
        self.members_error = ErrorLabel()
        lay.addWidget(self.members_error)
        lay.addWidget(self.general)
        lay.addWidget(self.buttons)
        self.add_member(HEAD)

    def add_member(self, relation: str = SPOUSE) -> PersonFields:
        block = PersonFields(self.tr("成员 {n}").format(n=len(self.members) + 1), self.today, relation)
        self.members.append(block)
        self.members_layout.insertWidget(self.members_layout.count() - 1, block)
        self.remove_button.setEnabled(len(self.members) > 1)
        return block

    def remove_member(self) -> None:
        if len(self.members) > 1:
            self.members.pop().deleteLater()
        self.remove_button.setEnabled(len(self.members) > 1)

    def show_errors(self, errors: dict[str, str]) -> None:
        self.address_error.show_error(errors.get("household.address"))
        self.members_error.show_error(errors.get("members"))
        for i, block in enumerate(self.members):
            prefix = f"members.{i}."
            block.show_errors({k[len(prefix):]: v for k, v in errors.items() if k.startswith(prefix)})
        self.general.show_error(errors.get("household.area_code"))

    def save(self) -> None:
        self.general.show_error(None)
        self._run(ops.people.register_household, self.ctx.col, area_code=self.community.currentData() or "",
                  household={"address": self.address.text()}, members=[m.values() for m in self.members],
                  today=self.today)


class AddMemberDialog(_IntakeDialog):
    """A person added to an existing household (household page, visit form)."""

    def __init__(self, ctx: AppContext, household_id: str, parent: QWidget | None = None, *,
                 today: dt.date | None = None, address: str = "") -> None:
        super().__init__(ctx, parent, today)
        self.household_id = household_id
        self.setWindowTitle(self.tr("添加家庭成员"))
        lay = QVBoxLayout(self)
        if address:
            lay.addWidget(QLabel(self.tr("家庭住址：{a}").format(a=address)))
        self.person = PersonFields(self.tr("新成员"), self.today, CHILD)
        lay.addWidget(self.person)
        lay.addWidget(self.general)
        lay.addWidget(self.buttons)

    def show_errors(self, errors: dict[str, str]) -> None:
        self.person.show_errors(errors)
        self.general.show_error(errors.get("household_id"))

    def save(self) -> None:
        self.general.show_error(None)
        self._run(ops.people.register_person, self.ctx.col, household_id=self.household_id,
                  values=self.person.values(), today=self.today)
