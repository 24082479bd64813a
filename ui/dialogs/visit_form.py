"""The visit form: the four clears (四清), the rest of the visit, services given and document photos.

Everything typed is autosaved as a draft inside the encrypted store (app.ops.drafts) a few seconds after typing,
when the app locks and when the form closes; the next opening offers to restore it. Saving runs
``ops.visits.record_visit`` on the writer thread and deletes the draft.
"""

from __future__ import annotations

import base64
import datetime as dt
import mimetypes
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QCloseEvent, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import ops, vocabulary
from app.collection import Collection
from app.ops import drafts
from app.queries.drafts import Draft, load_draft
from app.queries.exits import employment_asked, proposable_case
from app.queries.person_detail import household_for
from app.rules.idcard import IdNumberError, canonical, parse_id
from app.rules.service_package import service_kinds
from ui import vocab
from ui.context import AppContext
from ui.dialogs import ErrorLabel, button_row, from_qdate, to_qdate, with_error
from ui.dialogs.date_edit import StrictDateEdit
from ui.dialogs.exit_evidence import EvidenceForm
from ui.widgets.fit import fit_to_screen

# Fields chosen in an editable combo from the vocabulary list of the same name (resources/vocabulary.toml).
CHOICE_FIELDS = ("unemployment_reason", "skill_level", "training_wish")
TEXT_FIELDS = ("intended_job", "intended_industry", "intended_area", "intended_wage", "contact_method")
SERVICE_COLUMNS = ("kind", "employer", "post", "wage", "result", "note")
NO_DATE = QDate(2000, 1, 1)  # the "未安排" value of the next-visit date


class VisitForm(QDialog):
    saved = Signal(str)  # the visit id
    AUTOSAVE_MS = 3000

    def __init__(
        self,
        ctx: AppContext,
        person_id: str,
        planned_visit_id: str | None = None,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
        restore: bool | None = None,
    ) -> None:
        """``restore``: None asks whether to restore a pending draft; True/False decide without asking."""
        super().__init__(parent)
        self.ctx, self.col = ctx, ctx.col
        self.person_id, self.planned_visit_id = person_id, planned_visit_id
        self.today = today or dt.date.today()
        self.draft_key = drafts.visit_key(person_id)
        self.person = self.col.records.get("person", person_id) or {}
        self._attachments: list[tuple[str, str, bytes]] = []
        self._dirty = False
        self._loading = True
        self._finished = False  # saved or locked: nothing more to autosave
        self._tried = False  # after a first save attempt, errors update as the fields change
        self._errors: dict[str, ErrorLabel] = {}
        self.setWindowTitle(self.tr("记录走访 — {name}").format(name=self.person.get("name", "")))
        fit_to_screen(self, 1240, 730)
        self._build()
        self._prefill()
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(self.AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_draft)
        ctx.locking.connect(self._on_locking)
        self._loading = False
        self._offer_restore(restore)

    @classmethod
    def from_draft(
        cls, ctx: AppContext, draft: Draft, parent: QWidget | None = None, today: dt.date | None = None
    ) -> VisitForm:
        """Open the form with a pending draft restored (for the shell's startup offer)."""
        return cls(
            ctx,
            draft.data["person_id"],
            draft.data.get("planned_visit_id"),
            parent,
            today=today,
            restore=True,
        )

    # --- building ------------------------------------------------------------------------------------
    def _err(self, key: str) -> ErrorLabel:
        label = ErrorLabel(self)
        self._errors[key] = label
        return label

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        info = household_info_text(self.col, self.person, self.today)
        header = QLabel(info)
        header.setWordWrap(True)
        header.setStyleSheet("font-size: 14px; font-weight: bold;")
        outer.addWidget(header)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        cols = QHBoxLayout(body)
        left, right = QVBoxLayout(), QVBoxLayout()
        cols.addLayout(left, 1)
        cols.addLayout(right, 1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        # 一、人员底数
        box = QGroupBox(self.tr("一、人员底数（核实家庭成员及其就业状态）"))
        lay = QVBoxLayout(box)
        self.members = QTableWidget(0, 5)
        self.members.setHorizontalHeaderLabels(
            [self.tr("姓名"), self.tr("关系"), self.tr("年龄"), self.tr("就业状态"), self.tr("已核实")]
        )
        self.members.verticalHeader().hide()
        self.members.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.members.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.members.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members.setMaximumHeight(140)
        lay.addWidget(self.members)
        self.add_member_button = QPushButton(self.tr("添加家庭成员"))
        self.add_member_button.clicked.connect(self.add_member)
        lay.addWidget(self.add_member_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self._err("members"))
        left.addWidget(box)

        # 二、三、四
        box = QGroupBox(self.tr("二、就业状态　三、就业意愿　四、服务需求"))
        form = QFormLayout(box)
        self.employment_status = QComboBox()
        self.employment_status.addItem(self.tr("请选择"), None)
        vocab.fill_combo(self.employment_status, "employment_status", blank=None)
        form.addRow(
            self.tr("就业状态 *"), with_error(self.employment_status, self._err("employment_status"))
        )
        self.employment_intention = QComboBox()
        self.employment_intention.setEditable(True)
        vocab.fill_combo(self.employment_intention, "intention")
        self.employment_intention.lineEdit().setPlaceholderText(self.tr("选择或填写"))
        form.addRow(
            self.tr("就业意愿 *"), with_error(self.employment_intention, self._err("employment_intention"))
        )
        needs = QWidget()
        grid = QGridLayout(needs)
        grid.setContentsMargins(0, 0, 0, 0)
        self.needs: dict[str, QCheckBox] = {}  # by stored value
        for i, need in enumerate(vocabulary.choices("service_need")):
            cb = QCheckBox(vocab.text(need))
            self.needs[need.value] = cb
            grid.addWidget(cb, i // 4, i % 4)
        form.addRow(self.tr("服务需求 *"), with_error(needs, self._err("service_needs")))
        left.addWidget(box)

        # 其他情况: two fields per row so the whole form fits a 768-pixel-high screen
        box = QGroupBox(self.tr("失业原因与求职意向"))
        grid = QGridLayout(box)
        self.unemployment_reason = _combo("unemployment_reason")
        self.skill_level = _combo("skill_level")
        self.training_wish = _combo("training_wish")
        self.text: dict[str, QLineEdit] = {n: QLineEdit() for n in TEXT_FIELDS}
        self.text["contact_method"].setPlaceholderText(self.tr("手机号，或微信/其他方式"))
        self.text["contact_method"].setCompleter(
            QCompleter([vocab.text(c) for c in vocabulary.choices("contact_method")], self))
        cells = [
            (self.tr("失业原因"), self.unemployment_reason),
            (self.tr("意向岗位"), self.text["intended_job"]),
            (self.tr("意向行业"), self.text["intended_industry"]),
            (self.tr("意向地区"), self.text["intended_area"]),
            (self.tr("期望薪资"), self.text["intended_wage"]),
            (self.tr("技能水平"), self.skill_level),
            (self.tr("培训意愿"), self.training_wish),
        ]
        for i, (label, widget) in enumerate(cells):
            grid.addWidget(QLabel(label), i // 2, (i % 2) * 2)
            grid.addWidget(widget, i // 2, (i % 2) * 2 + 1)
        grid.addWidget(QLabel(self.tr("联系方式")), 4, 0)
        grid.addWidget(with_error(self.text["contact_method"], self._err("contact_method")), 4, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        left.addWidget(box)
        left.addStretch(1)

        # right column: dates, notes, services, photos
        box = QGroupBox(self.tr("走访情况"))
        form = QFormLayout(box)
        self.visited_on = StrictDateEdit(to_qdate(self.today))
        form.addRow(self.tr("走访日期 *"), with_error(self.visited_on, self._err("visited_on")))
        self.next_visit_on = StrictDateEdit()
        self.next_visit_on.setMinimumDate(NO_DATE)
        self.next_visit_on.setSpecialValueText(self.tr("未安排"))
        self.next_visit_on.setDate(NO_DATE)
        form.addRow(self.tr("下次走访日期"), with_error(self.next_visit_on, self._err("next_visit_on")))
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("家庭及就业情况、本人诉求等"))
        self.notes.setMinimumHeight(60)
        self.notes.setMaximumHeight(90)
        form.addRow(self.tr("走访情况"), self.notes)
        right.addWidget(box)

        # 已就业/创业: the job found, which is also the evidence of the exit this visit proposes
        self.employment_box = QGroupBox(self.tr("就业情况（已就业/创业时填写）"))
        lay = QVBoxLayout(self.employment_box)
        self.employment = EvidenceForm("employed")
        self.employment.changed.connect(lambda: self._touched("employment"))
        lay.addWidget(self.employment)
        self.exit_note = QLabel()
        self.exit_note.setWordWrap(True)
        self.exit_note.setStyleSheet("color: #1565c0;")
        lay.addWidget(self.exit_note)
        lay.addWidget(self._err("employment"))
        right.addWidget(self.employment_box)
        self.employment_box.hide()

        box = QGroupBox(self.tr("本次提供的服务"))
        lay = QVBoxLayout(box)
        self.services = QTableWidget(0, len(SERVICE_COLUMNS))
        self.services.setHorizontalHeaderLabels(
            [
                self.tr("服务类型"),
                self.tr("推荐单位"),
                self.tr("推荐岗位"),
                self.tr("岗位薪资"),
                self.tr("结果"),
                self.tr("说明"),
            ]
        )
        self.services.verticalHeader().hide()
        header_view = self.services.horizontalHeader()
        header_view.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header_view.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.services.setMinimumHeight(110)
        lay.addWidget(self.services)
        self.add_service_btn = QPushButton(self.tr("添加服务"))
        self.add_service_btn.clicked.connect(lambda: self.add_service_row())
        self.remove_service_btn = QPushButton(self.tr("删除所选"))
        self.remove_service_btn.clicked.connect(self._remove_service)
        lay.addLayout(button_row(self.add_service_btn, self.remove_service_btn))
        lay.addWidget(self._err("services"))
        right.addWidget(box)

        box = QGroupBox(self.tr("证件照片（加密保存在本机数据文件中）"))
        lay = QVBoxLayout(box)
        self.photos = QListWidget()
        self.photos.setMaximumHeight(60)
        lay.addWidget(self.photos)
        self.add_photo_btn = QPushButton(self.tr("添加照片…"))
        self.add_photo_btn.clicked.connect(self._pick_photos)
        self.remove_photo_btn = QPushButton(self.tr("移除所选"))
        self.remove_photo_btn.clicked.connect(self._remove_photo)
        lay.addLayout(button_row(self.add_photo_btn, self.remove_photo_btn))
        lay.addWidget(self._err("attachments"))
        right.addWidget(box)
        right.addStretch(1)

        bottom = QHBoxLayout()
        self.draft_status = QLabel("")
        self.draft_status.setStyleSheet("color: #666;")
        bottom.addWidget(self.draft_status, 1)
        general = self._err("general")
        bottom.addWidget(general, 2)
        self.save_btn = QPushButton(self.tr("保存走访记录"))
        self.save_btn.setDefault(True)
        self.save_btn.clicked.connect(self.save)
        self.cancel_btn = QPushButton(self.tr("关闭"))
        self.cancel_btn.clicked.connect(self.reject)
        bottom.addWidget(self.save_btn)
        bottom.addWidget(self.cancel_btn)
        outer.addLayout(bottom)

        # Every edit marks the form dirty and (re)arms the autosave.
        self.employment_status.currentIndexChanged.connect(lambda _i: self._touched("employment_status"))
        self.employment_status.currentIndexChanged.connect(lambda _i: self._show_employment())
        self.employment_status.currentIndexChanged.connect(lambda _i: self._status_changed())
        self.employment_intention.currentTextChanged.connect(lambda _t: self._touched("employment_intention"))
        for need, cb in self.needs.items():
            cb.toggled.connect(lambda checked, n=need: self._need_toggled(n, checked))
        self.visited_on.problem_changed.connect(lambda _m: self._touched("visited_on"))
        self.next_visit_on.problem_changed.connect(lambda _m: self._touched("next_visit_on"))
        self.unemployment_reason.currentTextChanged.connect(lambda _t: self._touched())
        self.skill_level.currentTextChanged.connect(lambda _t: self._touched())
        self.training_wish.currentTextChanged.connect(lambda _t: self._touched())
        for name, edit in self.text.items():
            edit.textChanged.connect(lambda _t, n=name: self._touched(n))
        self.visited_on.dateChanged.connect(lambda _d: self._touched("visited_on"))
        self.next_visit_on.dateChanged.connect(lambda _d: self._touched("next_visit_on"))
        self.notes.textChanged.connect(lambda: self._touched())
        self.services.itemChanged.connect(lambda _i: self._touched("services"))
        self.members.itemChanged.connect(lambda _i: self._touched())

    # --- filling and reading ------------------------------------------------------------------------
    def _prefill(self) -> None:
        """Start from what is known about the household and the person (the worker confirms or edits)."""
        hh = household_for(self.col, self.person.get("household_id") or "", self.today)
        members = hh.members if hh else []
        self.set_members(
            [
                {
                    "person_id": m.id,
                    "name": m.name,
                    "relation": m.relation,
                    "age": m.age,
                    "status": m.employment_status,
                    "confirmed": False,
                }
                for m in members
            ]
        )
        p = self.person
        _set_combo_data(self.employment_status, p.get("employment_status"))
        for name, edit in self.text.items():
            edit.setText(p.get(name) or "")
        for name in CHOICE_FIELDS:
            vocab.set_combo_value(getattr(self, name), name, p.get(name))
        if not self.text["contact_method"].text() and p.get("phone"):
            self.text["contact_method"].setText(p["phone"])

    def add_member(self) -> QDialog | None:
        """A member found at the door who is not on record yet (intake, ui/dialogs/register_dialog.py)."""
        from ui.dialogs.register_dialog import AddMemberDialog

        if not self.person.get("household_id"):
            return None
        dlg = AddMemberDialog(self.ctx, self.person["household_id"], self, today=self.today)
        dlg.open_saved = False
        dlg.accepted.connect(lambda: self._member_added(dlg))
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()
        return dlg

    def _member_added(self, dlg: QDialog) -> None:
        values = dlg.person.values()
        try:
            age: int | None = parse_id(canonical(values["id_number"]), self.today).age
        except IdNumberError:
            age = None
        shown = []
        for r in range(self.members.rowCount()):  # as on screen, ages included
            m = dict(self.members.item(r, 0).data(Qt.ItemDataRole.UserRole) or {})
            m["status"] = self.members.cellWidget(r, 3).currentData()
            m["confirmed"] = self.members.item(r, 4).checkState() == Qt.CheckState.Checked
            shown.append(m)
        members = [*shown, {"person_id": dlg.saved_ids[0], "name": values["name"],
                                           "relation": values["relation"], "age": age, "status": "",
                                           "confirmed": True}]
        self.set_members(members)
        self._touched()

    def _need_toggled(self, need: str, checked: bool) -> None:
        """暂无需求 and a need exclude each other: ticking one clears the other."""
        if checked and not self._loading:
            others = [n for n in self.needs if n != ops.visits.NO_NEED] if need == ops.visits.NO_NEED \
                else [ops.visits.NO_NEED]
            for n in others:
                self.needs[n].setChecked(False)
        self._touched("service_needs")

    def _own_row(self) -> int | None:
        for r in range(self.members.rowCount()):
            if (self.members.item(r, 0).data(Qt.ItemDataRole.UserRole) or {}).get("person_id") == self.person_id:
                return r
        return None

    def _status_changed(self) -> None:
        """The visited person's row of 人员底数 follows the main 就业状态."""
        r = self._own_row()
        combo = self.members.cellWidget(r, 3) if r is not None else None
        if combo is not None and combo.currentData() != self.employment_status.currentData():
            combo.blockSignals(True)
            _set_combo_data(combo, self.employment_status.currentData())
            combo.blockSignals(False)

    def _own_member_changed(self, combo: QComboBox) -> None:
        """… and the other way: correcting one's own row of 人员底数 corrects 就业状态."""
        if combo.currentData() is not None and combo.currentData() != self.employment_status.currentData():
            _set_combo_data(self.employment_status, combo.currentData())

    def employment_needed(self) -> bool:
        return employment_asked(self.col, self.person_id, self.employment_status.currentData())

    def _show_employment(self) -> None:
        """Ask for the job when 已就业/创业 is chosen, and say that saving proposes the case's exit."""
        asked = self.employment_needed()
        self.employment_box.setVisible(asked)
        proposes = asked and proposable_case(self.col, self.person_id) is not None
        self.exit_note.setText(self.tr("保存后将按“已就业/创业”提出退出，由督导/审核人员审定；"
                                       "跟踪回访从入职日期起排期。") if proposes else "")

    def employment_values(self) -> dict[str, Any] | None:
        return self.employment.values() if self.employment_needed() else None

    def set_members(self, members: list[dict[str, Any]]) -> None:
        self.members.setRowCount(0)
        for m in members:
            r = self.members.rowCount()
            self.members.insertRow(r)
            item = QTableWidgetItem(m.get("name") or "")
            item.setData(Qt.ItemDataRole.UserRole, m)
            self.members.setItem(r, 0, item)
            self.members.setItem(r, 1, QTableWidgetItem(m.get("relation") or ""))
            self.members.setItem(r, 2, QTableWidgetItem("" if m.get("age") is None else str(m["age"])))
            combo = QComboBox()
            combo.addItem(self.tr("未记录"), None)
            vocab.fill_combo(combo, "employment_status", blank=None)
            _set_combo_data(combo, m.get("status"))
            combo.currentIndexChanged.connect(lambda _i: self._touched())
            if m.get("person_id") == self.person_id:
                combo.currentIndexChanged.connect(lambda _i, c=combo: self._own_member_changed(c))
            self.members.setCellWidget(r, 3, combo)
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Checked if m.get("confirmed") else Qt.CheckState.Unchecked)
            self.members.setItem(r, 4, check)

    def member_values(self, keep_age: bool = False) -> list[dict[str, Any]]:
        """The members as the visit stores them; a draft also keeps their ages (shown, not stored)."""
        out = []
        for r in range(self.members.rowCount()):
            m = dict(self.members.item(r, 0).data(Qt.ItemDataRole.UserRole) or {})
            m["status"] = self.members.cellWidget(r, 3).currentData()
            m["confirmed"] = self.members.item(r, 4).checkState() == Qt.CheckState.Checked
            if not keep_age:
                m.pop("age", None)
            out.append(m)
        return out

    def values(self) -> dict[str, Any]:
        """The visit's fields as ops.visits.record_visit takes them (empty text → None)."""
        nxt = self.next_visit_on.date()
        vals: dict[str, Any] = {
            "visited_on": from_qdate(self.visited_on.date()).isoformat(),
            "members": self.member_values(),
            "employment_status": self.employment_status.currentData(),
            "employment_intention": vocab.combo_value(self.employment_intention, "intention"),
            "service_needs": [n for n, cb in self.needs.items() if cb.isChecked()],
            **{name: vocab.combo_value(getattr(self, name), name) for name in CHOICE_FIELDS},
            "notes": self.notes.toPlainText().strip(),
            "next_visit_on": None if nxt == NO_DATE else from_qdate(nxt).isoformat(),
        }
        vals.update({n: e.text().strip() for n, e in self.text.items()})
        vals["contact_method"] = vocab.value_of("contact_method", vals["contact_method"])  # 微信, not WeChat
        return {k: (None if v == "" else v) for k, v in vals.items()}

    def add_service_row(self, service: dict[str, Any] | None = None) -> int:
        service = service or {}
        r = self.services.rowCount()
        self.services.insertRow(r)
        combo = QComboBox()
        combo.addItem(self.tr("请选择"), None)
        for k in service_kinds():
            combo.addItem(k.name_zh, k.code)
        _set_combo_data(combo, service.get("kind"))
        combo.currentIndexChanged.connect(lambda _i: self._touched("services"))
        self.services.setCellWidget(r, 0, combo)
        for c, name in enumerate(SERVICE_COLUMNS[1:], start=1):
            self.services.setItem(r, c, QTableWidgetItem(service.get(name) or ""))
        self._touched("services")
        return r

    def _remove_service(self) -> None:
        rows = sorted({i.row() for i in self.services.selectedIndexes()}, reverse=True)
        for r in rows or ([self.services.rowCount() - 1] if self.services.rowCount() else []):
            self.services.removeRow(r)
        self._touched("services")

    def service_values(self) -> list[dict[str, Any]]:
        out = []
        for r in range(self.services.rowCount()):
            s: dict[str, Any] = {"kind": self.services.cellWidget(r, 0).currentData()}
            for c, name in enumerate(SERVICE_COLUMNS[1:], start=1):
                item = self.services.item(r, c)
                text = item.text().strip() if item else ""
                if text:
                    s[name] = text
            out.append(s)
        return out

    def add_attachment(self, name: str, mime: str, data: bytes) -> None:
        """Keep a document photo in memory until the visit is saved (then into the encrypted store)."""
        self._attachments.append((name, mime, data))
        text = self.tr("{name}（{kb} KB）").format(name=name, kb=len(data) // 1024 or 1)
        self.photos.addItem(QListWidgetItem(text))
        self._touched("attachments")

    def _pick_photos(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择证件照片"), "", self.tr("图片或 PDF (*.jpg *.jpeg *.png *.pdf);;所有文件 (*)")
        )
        for f in files:
            path = Path(f)
            # Read straight into memory: the file is never copied anywhere else on disk.
            data = path.read_bytes()
            self.add_attachment(
                path.name, mimetypes.guess_type(path.name)[0] or "application/octet-stream", data
            )

    def _remove_photo(self) -> None:
        r = self.photos.currentRow()
        if r < 0 and self._attachments:
            r = len(self._attachments) - 1
        if r >= 0:
            self.photos.takeItem(r)
            del self._attachments[r]
            self._touched("attachments")

    # --- drafts --------------------------------------------------------------------------------------
    def draft_data(self) -> dict[str, Any]:
        return {
            "person_id": self.person_id,
            "planned_visit_id": self.planned_visit_id,
            "title": self.person.get("name", ""),
            "values": {**self.values(), "members": self.member_values(keep_age=True)},
            "services": self.service_values(),
            "employment": self.employment.values(),
            "attachments": [
                {"name": n, "mime": m, "data": base64.b64encode(d).decode()} for n, m, d in self._attachments
            ],
        }

    def load_draft_data(self, data: dict[str, Any]) -> None:
        self._loading = True
        try:
            v = data.get("values") or {}
            if v.get("visited_on"):
                self.visited_on.setDate(to_qdate(dt.date.fromisoformat(v["visited_on"])))
            if v.get("members"):
                self.set_members(v["members"])
            _set_combo_data(self.employment_status, v.get("employment_status"))
            vocab.set_combo_value(self.employment_intention, "intention", v.get("employment_intention"))
            for need, cb in self.needs.items():
                cb.setChecked(need in (v.get("service_needs") or []))
            for name in CHOICE_FIELDS:
                vocab.set_combo_value(getattr(self, name), name, v.get(name))
            for name, edit in self.text.items():
                edit.setText(v.get(name) or "")
            self.notes.setPlainText(v.get("notes") or "")
            nxt = v.get("next_visit_on")
            self.next_visit_on.setDate(to_qdate(dt.date.fromisoformat(nxt)) if nxt else NO_DATE)
            self.employment.set_values(data.get("employment") or {})
            self._show_employment()
            self.services.setRowCount(0)
            for s in data.get("services") or []:
                self.add_service_row(s)
            self._attachments.clear()
            self.photos.clear()
            for a in data.get("attachments") or []:
                self.add_attachment(a["name"], a["mime"], base64.b64decode(a["data"]))
        finally:
            self._loading = False
        self._dirty = True  # restored text is unsaved work until the visit is saved

    def _offer_restore(self, restore: bool | None) -> None:
        pending = load_draft(self.col, self.draft_key)
        if pending is None or restore is False:
            return
        if restore is None:
            answer = QMessageBox.question(
                self,
                self.tr("恢复草稿"),
                self.tr("发现未保存的走访记录草稿（{time}），是否恢复？").format(time=pending.saved_at_text),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.ctx.write_now(drafts.delete_draft, self.col, self.draft_key)
                return
        self.load_draft_data(pending.data)
        self.planned_visit_id = pending.data.get("planned_visit_id") or self.planned_visit_id
        self.draft_status.setText(self.tr("已恢复 {time} 的草稿").format(time=pending.saved_at_text))

    def save_draft(self) -> None:
        """Write the draft now (synchronously: it must be on disk before a lock or a crash)."""
        if self._finished or not self._dirty:
            return
        self._autosave.stop()
        self.ctx.write_now(drafts.save_draft, self.col, self.draft_key, drafts.VISIT_FORM, self.draft_data())
        self._dirty = False
        self.draft_status.setText(
            self.tr("草稿已自动保存（{time}）").format(time=dt.datetime.now().strftime("%H:%M:%S"))
        )

    def _touched(self, field: str | None = None) -> None:
        if self._loading:
            return
        self._dirty = True
        if not self._autosave.isActive():  # at most one save per interval while typing continues
            self._autosave.start()
        if self._tried:
            self.show_errors(self.validate())
        elif field and field in self._errors:
            self._errors[field].show_error("")

    def _on_locking(self) -> None:
        # Before the key is dropped: keep what was typed, then show nothing more.
        if not self._finished:
            self.save_draft()
            self._finished = True
            self.done(QDialog.DialogCode.Rejected)

    def has_unsaved_work(self) -> bool:
        """Open and not saved (the main window asks before closing over it)."""
        return not self._finished

    def reject(self) -> None:
        self.save_draft()
        self._finished = True
        self._disconnect()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.save_draft()
        super().closeEvent(event)

    def _disconnect(self) -> None:
        try:
            self.ctx.locking.disconnect(self._on_locking)
        except (RuntimeError, TypeError):
            pass

    # --- validation and saving -----------------------------------------------------------------------
    def validate(self) -> dict[str, str]:
        errors = ops.visits.validate_visit(self.values(), self.service_values(), self.today, self.person_id)
        for name, edit in (("visited_on", self.visited_on), ("next_visit_on", self.next_visit_on)):
            if edit.problem():
                errors[name] = edit.problem()
        if self.employment_needed():
            errors.update(ops.exits.employment_errors(self.employment.values()))
        for name, _mime, data in self._attachments:
            if len(data) > ops.attachments.MAX_ATTACHMENT_BYTES:
                errors["attachments"] = self.tr("附件“{name}”超过 20 MB，请压缩后再添加").format(name=name)
        return errors

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message next to its field; service errors under the table with their rows marked."""
        service_msgs = [msg for key, msg in sorted(errors.items()) if key.startswith("services.")]
        bad_rows = {int(key.split(".")[1]) for key in errors if key.startswith("services.")}
        for key, label in self._errors.items():
            if key == "services":
                label.show_error("\n".join(service_msgs))
            elif key == "general":
                known = set(self._errors) | {k for k in errors if k.startswith("services.")}
                label.show_error("；".join(m for k, m in errors.items() if k not in known))
            else:
                label.show_error(errors.get(key))
        for r in range(self.services.rowCount()):
            brush = QBrush(QColor("#ffebee")) if r in bad_rows else QBrush()
            for c in range(1, len(SERVICE_COLUMNS)):
                item = self.services.item(r, c)
                if item is not None:
                    self.services.blockSignals(True)
                    item.setBackground(brush)
                    self.services.blockSignals(False)

    def save(self) -> None:
        self._tried = True
        errors = self.validate()
        self.show_errors(errors)
        if errors:
            return
        self.save_draft()  # if the write fails for any reason, the typed form is still kept
        self.save_btn.setEnabled(False)
        self.save_btn.setText(self.tr("正在保存…"))
        self.ctx.write(
            ops.visits.record_visit,
            self.col,
            self.person_id,
            self.values(),
            self.service_values(),
            planned_visit_id=self.planned_visit_id,
            attachments=list(self._attachments),
            today=self.today,
            draft_key=self.draft_key,
            employment=self.employment_values(),
            on_done=self._saved,
            on_error=self._failed,
        )

    def _saved(self, visit_id: str) -> None:
        self._finished = True
        self._disconnect()
        self.ctx.status.emit(self.tr("走访记录已保存，已提出退出，等待督导审核") if self.exit_note.text()
                             else self.tr("走访记录已保存"))
        self.saved.emit(visit_id)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.save_btn.setEnabled(True)
        self.save_btn.setText(self.tr("保存走访记录"))
        if isinstance(exc, ops.ValidationError):
            self.show_errors(exc.errors)
        else:
            self._errors["general"].show_error(self.tr("保存失败：{error}").format(error=exc))


def household_info_text(col: Collection, person: dict[str, Any], today: dt.date) -> str:
    hh = household_for(col, person.get("household_id") or "", today)
    who = person.get("name", "")
    if hh is not None:
        me = next((m for m in hh.members if m.id == person.get("id")), None)
        if me and me.age is not None:
            who += QCoreApplication.translate("VisitForm", "（{sex}，{age}岁）").format(sex=me.sex, age=me.age)
        text = QCoreApplication.translate("VisitForm", "走访对象：{who}　　{area} · {address}")
        return text.format(who=who, area=hh.area_name, address=hh.address)
    return QCoreApplication.translate("VisitForm", "走访对象：{who}").format(who=who)


def open_visit_form(
    ctx: AppContext,
    person_id: str,
    parent: QWidget | None = None,
    today: dt.date | None = None,
    on_saved: Callable[[str], None] | None = None,
) -> VisitForm:
    """Open the form for a person, filling the earliest planned visit due by today when there is one."""
    today = today or dt.date.today()
    planned = [
        v
        for v in ctx.col.records.children("visit", "person_id", person_id)
        if not v.get("visited_on") and v.get("planned_on") and v["planned_on"] <= today
    ]
    planned.sort(key=lambda v: v["planned_on"])
    form = VisitForm(ctx, person_id, planned[0]["id"] if planned else None, parent, today=today)
    form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_saved:
        form.saved.connect(on_saved)
    form.show()
    return form




def _combo(name: str) -> QComboBox:
    """An editable combo offering a vocabulary list (a person may also type something else)."""
    c = QComboBox()
    c.setEditable(True)
    vocab.fill_combo(c, name)
    return c


def _set_combo_data(combo: QComboBox, data: Any) -> None:
    i = combo.findData(data)
    combo.setCurrentIndex(max(i, 0))
