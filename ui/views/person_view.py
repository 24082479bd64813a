"""Household & person detail: who lives there and what the ID numbers tell, the household's flags, and for
the selected person eligibility with reasons, the case with its deadline and materials, visits, help plan,
services (3+1+1), follow-ups, supervisor reviews (with an answer box) and the audit history.

The view reloads itself from ``AppContext.changed`` and clears itself on ``AppContext.locking``.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import ops
from app.queries.person_detail import (
    FOLLOWUP_KINDS,
    RETURNED,
    PersonDetail,
    household_of,
    person_detail,
    service_zh,
    status_zh,
)
from app.store.records import Change
from ui.context import AppContext
from ui.dialogs import ErrorLabel, from_qdate, to_qdate
from ui.widgets.tables import read_only_table

RED, GREEN, GREY, BLUE = "#c62828", "#2e7d32", "#757575", "#1565c0"
# Kinds whose change can alter what this view shows.
WATCHED = {
    "person",
    "household",
    "assistance_case",
    "case_step",
    "visit",
    "help_plan",
    "service",
    "followup",
    "review",
    "attachment",
    "match_hit",
}


def answer_review(col: Any, review_id: str, answer: str, today: dt.date) -> None:
    """Writer-thread job: the worker's answer to a returned item (reaches the supervisor by sync)."""
    text = answer.strip()
    if not text:
        raise ops.ValidationError({"answer": QCoreApplication.translate("PersonView", "请填写答复内容")})
    col.records.update(
        "review", review_id, {"answer": text, "answered_by": col.user["name"], "answered_on": today}
    )


def save_materials(col: Any, case_id: str, materials: dict[str, bool]) -> None:
    col.records.update("assistance_case", case_id, {"materials": materials})


def _local_time(at: str) -> str:
    try:
        return dt.datetime.fromisoformat(at).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return at


def _d(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _fill(table: QTableWidget, rows: list[list[str]], colors: list[str | None] | None = None) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if colors and colors[r]:
                item.setForeground(QBrush(QColor(colors[r])))
            table.setItem(r, c, item)


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
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addRow(buttons)

    def chosen(self) -> dt.date:
        return from_qdate(self.date.date())


class PersonView(QWidget):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, today_fn: Callable[[], dt.date] | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today_fn = today_fn or dt.date.today
        self.household_id: str | None = None
        self.person_id: str | None = None
        self.detail: PersonDetail | None = None
        self._answers: dict[str, str] = {}  # unsent answer text survives a reload
        self._build()
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(50)  # one reload for a burst of changes
        self._reload_timer.timeout.connect(self.reload)
        ctx.changed.connect(self._on_changed)
        ctx.locking.connect(self.clear)
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
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        hh = QGroupBox(self.tr("家庭"))
        hl = QVBoxLayout(hh)
        self.address_label = QLabel()
        self.address_label.setWordWrap(True)
        self.flags_label = QLabel()
        self.flags_label.setWordWrap(True)
        self.zero_label = QLabel()
        self.zero_label.setWordWrap(True)
        hl.addWidget(self.address_label)
        hl.addWidget(self.flags_label)
        hl.addWidget(self.zero_label)
        ll.addWidget(hh)
        mem = QGroupBox(self.tr("家庭成员（年龄、性别据身份证号）"))
        ml = QVBoxLayout(mem)
        self.members = read_only_table(
            [
                self.tr("姓名"),
                self.tr("关系"),
                self.tr("性别"),
                self.tr("年龄"),
                self.tr("就业状态"),
                self.tr("认定环节"),
            ]
        )
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.members.horizontalHeader().setStretchLastSection(True)
        self.members.itemSelectionChanged.connect(self._member_selected)
        ml.addWidget(self.members)
        self.id_errors = QLabel()
        self.id_errors.setWordWrap(True)
        self.id_errors.setStyleSheet(f"color: {RED};")
        ml.addWidget(self.id_errors)
        ll.addWidget(mem, 1)
        split.addWidget(left)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._overview_tab(), self.tr("概况"))
        self.visits = read_only_table(
            [
                self.tr("日期"),
                self.tr("类型"),
                self.tr("走访人"),
                self.tr("就业状态"),
                self.tr("就业意愿"),
                self.tr("服务需求"),
                self.tr("附件"),
                self.tr("走访情况"),
            ],
            7,
        )
        self.tabs.addTab(self.visits, self.tr("走访"))
        self.tabs.addTab(self._plan_tab(), self.tr("援助方案"))
        self.tabs.addTab(self._services_tab(), self.tr("服务"))
        self.followups = read_only_table(
            [
                self.tr("应回访日期"),
                self.tr("回访类型"),
                self.tr("回访日期"),
                self.tr("状态"),
                self.tr("回访情况"),
            ],
            4,
        )
        self.tabs.addTab(self.followups, self.tr("回访"))
        self.reviews_area = QScrollArea()
        self.reviews_area.setWidgetResizable(True)
        self.tabs.addTab(self.reviews_area, self.tr("审核意见"))
        self.history = QTreeWidget()
        self.history.setHeaderLabels(
            [self.tr("时间"), self.tr("操作人"), self.tr("对象"), self.tr("操作"), self.tr("修改内容")]
        )
        self.history.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history.header().setStretchLastSection(True)
        self.tabs.addTab(self.history, self.tr("修改记录"))
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([400, 960])
        outer.addWidget(split, 1)

    def _overview_tab(self) -> QWidget:
        w = QWidget()
        lay = QHBoxLayout(w)
        elig = QGroupBox(self.tr("认定条件（系统判断，供参考）"))
        el = QVBoxLayout(elig)
        self.eligibility = QTreeWidget()
        self.eligibility.setHeaderHidden(True)
        self.eligibility.setWordWrap(True)
        el.addWidget(self.eligibility)
        lay.addWidget(elig, 1)

        case = QGroupBox(self.tr("认定办理"))
        cl = QVBoxLayout(case)
        self.stage_label = QLabel()
        self.stage_label.setWordWrap(True)
        self.deadline_label = QLabel()
        self.deadline_label.setWordWrap(True)
        cl.addWidget(self.stage_label)
        cl.addWidget(self.deadline_label)
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
        return w

    def _plan_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        form = QFormLayout()
        self.plan_fields: dict[str, QLabel] = {}
        for name, label in (
            ("difficulty", self.tr("困难类型/程度")),
            ("strengths", self.tr("优势")),
            ("barriers", self.tr("就业障碍")),
            ("intentions", self.tr("就业意向")),
            ("progress", self.tr("进展")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            self.plan_fields[name] = value
            form.addRow(label, value)
        lay.addLayout(form)
        self.measures = read_only_table(
            [self.tr("帮扶措施"), self.tr("责任人"), self.tr("目标日期"), self.tr("完成")], 0
        )
        lay.addWidget(self.measures, 1)
        return w

    def _services_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        box = QGroupBox(self.tr("最低服务包（岗位推荐 ≥3、职业指导 ≥1、政策咨询 ≥1）"))
        self.package_layout = QGridLayout(box)
        self.package_text = QLabel()
        lay.addWidget(box)
        lay.addWidget(self.package_text)
        self.services = read_only_table(
            [
                self.tr("日期"),
                self.tr("服务类型"),
                self.tr("推荐单位"),
                self.tr("岗位"),
                self.tr("薪资"),
                self.tr("结果"),
                self.tr("服务人"),
                self.tr("说明"),
            ],
            7,
        )
        lay.addWidget(self.services, 1)
        return w

    # --- data ----------------------------------------------------------------------------------------
    def show_record(self, kind: str, record_id: str) -> None:
        """Show the household and person a record belongs to (household, person, visit, case, review…)."""
        hh, pid = household_of(self.ctx.col, kind, record_id)
        if hh is None and pid is None:
            self.clear()
            self.name_label.setText(self.tr("记录不存在或已删除"))
            return
        self.household_id, self.person_id = hh, pid
        self.reload()

    def reload(self) -> None:
        if not (self.person_id or self.household_id):
            return
        if self.person_id is None:
            members = self.ctx.col.records.children("person", "household_id", self.household_id)
            order = {"户主": 0, "配偶": 1}
            members.sort(key=lambda p: (order.get(p.get("relation") or "", 5), p.get("name") or ""))
            if not members:
                self.clear()
                self.name_label.setText(self.tr("该家庭暂无成员"))
                return
            self.person_id = members[0]["id"]
        self._remember_answers()
        detail = person_detail(self.ctx.col, self.person_id, self.today_fn())
        if detail is None:
            self.clear()
            self.name_label.setText(self.tr("该人员已删除"))
            return
        self.detail = detail
        self.household_id = detail.household.id or None
        self._show(detail)

    def clear(self) -> None:
        """Forget everything shown (on lock, or when the record is gone)."""
        self.detail = None
        self.household_id = self.person_id = None
        self._answers.clear()
        self.name_label.setText(self.tr("未选择人员"))
        for label in (
            self.sub_label,
            self.address_label,
            self.flags_label,
            self.zero_label,
            self.id_errors,
            self.stage_label,
            self.deadline_label,
            self.match_label,
            self.package_text,
        ):
            label.setText("")
        for t in (self.members, self.visits, self.followups, self.measures, self.services):
            t.setRowCount(0)
        self.eligibility.clear()
        self.history.clear()
        self.materials.blockSignals(True)
        self.materials.clear()
        self.materials.blockSignals(False)
        self._clear_layout(self.actions_layout)
        self._clear_layout(self.package_layout)
        for f in self.plan_fields.values():
            f.setText("")
        self.reviews_area.setWidget(QWidget())
        for b in (self.visit_btn, self.plan_visit_btn, self.plan_btn):
            b.setEnabled(False)

    def _on_changed(self, change: Change) -> None:
        if self.person_id and change.kinds & WATCHED:
            self._reload_timer.start()

    def _member_selected(self) -> None:
        rows = self.members.selectionModel().selectedRows()
        if not rows or self.detail is None:
            return
        pid = self.members.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        if pid and pid != self.person_id:
            self.person_id = pid
            self.reload()

    # --- showing -------------------------------------------------------------------------------------
    def _show(self, d: PersonDetail) -> None:
        p, hh = d.person, d.household
        me = next((m for m in hh.members if m.id == p["id"]), None)
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
        self.address_label.setText(self.tr("住址：{address}").format(address=hh.address or self.tr("未记录")))
        chips = " ".join(
            f'<span style="background:#fff3e0;color:#e65100;">&nbsp;{f}&nbsp;</span>' for f in hh.flags
        )
        self.flags_label.setText(chips or self.tr("无特殊家庭标记"))
        if hh.zero is not None:
            color = GREEN if hh.zero.cleared else (RED if hh.zero.is_zero else GREY)
            prefix = self.tr("动态清零：")  # outside the f-string, where lupdate finds it
            self.zero_label.setText(f'<span style="color:{color};">{prefix}{hh.zero.text_zh}</span>')
        else:
            self.zero_label.setText("")
        self._show_members(d)
        self._show_eligibility(d)
        self._show_case(d)
        self._show_visits(d)
        self._show_plan(d)
        self._show_services(d)
        self._show_followups(d)
        self._show_reviews(d)
        self._show_history(d)
        for b in (self.visit_btn, self.plan_visit_btn, self.plan_btn):
            b.setEnabled(True)
        self.tabs.setTabText(1, self.tr("走访（{n}）").format(n=len(d.visits) + len(d.planned)))
        self.tabs.setTabText(3, self.tr("服务（{n}）").format(n=len(d.services)))
        self.tabs.setTabText(4, self.tr("回访（{n}）").format(n=len(d.followups)))
        pending = sum(1 for r in d.reviews if r.get("decision") in RETURNED and not r.get("answer"))
        self.tabs.setTabText(
            5,
            self.tr("审核意见（{n} 待答复）").format(n=pending)
            if pending
            else self.tr("审核意见（{n}）").format(n=len(d.reviews)),
        )

    def _show_members(self, d: PersonDetail) -> None:
        self.members.blockSignals(True)
        self.members.setRowCount(len(d.household.members))
        selected = 0
        for r, m in enumerate(d.household.members):
            cells = [
                m.name,
                m.relation,
                m.sex or "—",
                "" if m.age is None else str(m.age),
                m.status_zh,
                m.stage_zh,
            ]
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
        errs = [f"{m.name}：{m.id_error}" for m in d.household.members if m.id_error]
        self.id_errors.setText("\n".join(errs))

    def _show_eligibility(self, d: PersonDetail) -> None:
        e = d.eligibility
        self.eligibility.clear()
        verdict = self.tr("看起来符合认定条件") if e.appears_eligible else self.tr("看起来不符合认定条件")
        top = QTreeWidgetItem([verdict])
        top.setForeground(0, QBrush(QColor(GREEN if e.appears_eligible else RED)))
        self.eligibility.addTopLevelItem(top)
        basic = QTreeWidgetItem(
            [self.tr("基本条件：{v}").format(v=self.tr("符合") if e.basic_ok else self.tr("不符合"))]
        )
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
        rules = QTreeWidgetItem([self.tr("依据规则版本：{v}").format(v=e.rules_version)])
        rules.setForeground(0, QBrush(QColor(GREY)))
        self.eligibility.addTopLevelItem(rules)

    def _show_case(self, d: PersonDetail) -> None:
        self._clear_layout(self.actions_layout)
        self.materials.blockSignals(True)
        self.materials.clear()
        c = d.case
        if c is None:
            self.stage_label.setText(self.tr("尚未申请认定"))
            self.deadline_label.setText("")
            self.materials.blockSignals(False)
        else:
            rec = c.record
            self.stage_label.setText(
                self.tr("环节：{stage}（{step}）　类别：{cat}　申请日期：{applied}").format(
                    stage=c.stage_zh,
                    step=c.step_zh,
                    cat=c.category_zh,
                    applied=_d(rec.get("applied_on")) or "—",
                )
            )
            if c.deadline is not None:
                color = (
                    RED if c.deadline.overdue else (BLUE if c.deadline.remaining_workdays > 2 else "#ef6c00")
                )
                rules = self.tr("（依据规则版本 {v}）").format(v=c.deadline.rules)
                self.deadline_label.setText(f'<b style="color:{color};">{c.deadline.text_zh}</b>'
                                            f'<span style="color:{GREY};">{html.escape(rules)}</span>')
            elif rec.get("stage") in ("certified", "helping") and rec.get("valid_until"):
                self.deadline_label.setText(self.tr("认定有效期至 {d}").format(d=_d(rec["valid_until"])))
            elif rec.get("stage") == "exited":
                self.deadline_label.setText(self.tr("已于 {d} 退出").format(d=_d(rec.get("exited_on"))))
            else:
                self.deadline_label.setText(self.tr("本环节无办理时限"))
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
        pending = [h for h in d.match_hits if not h.get("confirmed_on")]
        self.match_label.setText(
            "\n".join(
                self.tr("数据比对：{src}　{detail}（请核实后确认）").format(
                    src=h.get("source") or "", detail=h.get("detail") or ""
                )
                for h in pending
            )
        )

    def _show_visits(self, d: PersonDetail) -> None:
        rows, colors = [], []
        today = self.today_fn()
        for v in d.planned:
            late = v["planned_on"] < today
            rows.append(
                [
                    _d(v["planned_on"]),
                    self.tr("计划走访（已逾期）") if late else self.tr("计划走访"),
                    v.get("worker") or "",
                    "",
                    "",
                    "",
                    "",
                    "",
                ]
            )
            colors.append(RED if late else BLUE)
        for v in d.visits:
            rows.append(
                [
                    _d(v["visited_on"]),
                    self.tr("已走访"),
                    v.get("worker") or "",
                    status_zh(v.get("employment_status")) if v.get("employment_status") else "",
                    v.get("employment_intention") or "",
                    "、".join(v.get("service_needs") or []),
                    str(v["attachments"]) if v.get("attachments") else "",
                    (v.get("notes") or "").replace("\n", " "),
                ]
            )
            colors.append(None)
        _fill(self.visits, rows, colors)

    def _show_plan(self, d: PersonDetail) -> None:
        p = d.help_plan or {}
        self.plan_btn.setText(self.tr("编辑援助方案") if p else self.tr("制定援助方案"))
        if not p:
            for f in self.plan_fields.values():
                f.setText("")
            self.plan_fields["difficulty"].setText(self.tr("尚未制定援助方案"))
            self.measures.setRowCount(0)
            return
        self.plan_fields["difficulty"].setText(
            " / ".join(x for x in (p.get("difficulty_type"), p.get("difficulty_degree")) if x)
        )
        for name in ("strengths", "barriers", "intentions", "progress"):
            self.plan_fields[name].setText(p.get(name) or "")
        today = self.today_fn()
        rows, colors = [], []
        for m in p.get("measures") or []:
            late = not m.get("done") and m.get("target_on") and m["target_on"] < today.isoformat()
            rows.append(
                [
                    m.get("text") or "",
                    m.get("owner") or "",
                    m.get("target_on") or "",
                    self.tr("已完成")
                    if m.get("done")
                    else (self.tr("已逾期") if late else self.tr("进行中")),
                ]
            )
            colors.append(GREEN if m.get("done") else (RED if late else None))
        _fill(self.measures, rows, colors)

    def _show_services(self, d: PersonDetail) -> None:
        self._clear_layout(self.package_layout)
        for r, req in enumerate(d.package.requirements):
            self.package_layout.addWidget(QLabel(req.name_zh), r, 0)
            bar = QProgressBar()
            bar.setRange(0, req.required)
            bar.setValue(min(req.done, req.required))
            bar.setFormat(f"{req.done}/{req.required}")
            self.package_layout.addWidget(bar, r, 1)
            mark = QLabel(self.tr("已完成") if req.met else self.tr("还差 {n} 次").format(n=req.missing))
            mark.setStyleSheet(f"color: {GREEN if req.met else RED};")
            self.package_layout.addWidget(mark, r, 2)
        self.package_text.setText(d.package.text_zh)
        self.package_text.setStyleSheet(f"color: {GREEN if d.package.complete else RED}; font-weight: bold;")
        _fill(
            self.services,
            [
                [
                    _d(s.get("served_on")),
                    service_zh(s.get("kind")),
                    s.get("employer") or "",
                    s.get("post") or "",
                    s.get("wage") or "",
                    s.get("result") or "",
                    s.get("by") or "",
                    s.get("note") or "",
                ]
                for s in d.services
            ],
        )

    def _show_followups(self, d: PersonDetail) -> None:
        today = self.today_fn()
        rows, colors = [], []
        for f in d.followups:
            due = f.get("due_on")
            if f.get("done_on"):
                state, color = self.tr("已回访"), GREEN
            elif due and due < today:
                state, color = self.tr("已逾期 {n} 天").format(n=(today - due).days), RED
            elif due == today:
                state, color = self.tr("今天到期"), "#ef6c00"
            else:
                state, color = self.tr("待回访"), None
            kind = FOLLOWUP_KINDS.get(f.get("kind") or "", f.get("kind") or "")
            rows.append([_d(due), kind, _d(f.get("done_on")), state, f.get("note") or ""])
            colors.append(color)
        _fill(self.followups, rows, colors)

    def _show_reviews(self, d: PersonDetail) -> None:
        box = QWidget()
        lay = QVBoxLayout(box)
        if not d.reviews:
            lay.addWidget(QLabel(self.tr("暂无审核意见")))
        self.answer_edits: dict[str, QPlainTextEdit] = {}
        for r in d.reviews:
            frame = QFrame()
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            fl = QVBoxLayout(frame)
            returned = r.get("decision") in RETURNED
            verdict = (
                self.tr("退回")
                if returned
                else (
                    self.tr("通过") if r.get("decision") in ("approved", "通过") else r.get("decision") or ""
                )
            )
            head = QLabel(
                self.tr("<b style='color:{c};'>{v}</b>　{who}　{on}").format(
                    c=RED if returned else GREEN,
                    v=verdict,
                    who=r.get("reviewer") or "",
                    on=_d(r.get("decided_on")),
                )
            )
            fl.addWidget(head)
            comment = QLabel(self.tr("审核意见：{c}").format(c=r.get("comment") or self.tr("（无）")))
            comment.setWordWrap(True)
            fl.addWidget(comment)
            if r.get("answer"):
                ans = QLabel(
                    self.tr("答复（{who}，{on}）：{a}").format(
                        who=r.get("answered_by") or "", on=_d(r.get("answered_on")), a=r["answer"]
                    )
                )
                ans.setWordWrap(True)
                fl.addWidget(ans)
            elif returned:
                edit = QPlainTextEdit(self._answers.get(r["id"], ""))
                edit.setPlaceholderText(self.tr("填写整改情况或答复"))
                edit.setMaximumHeight(70)
                self.answer_edits[r["id"]] = edit
                fl.addWidget(edit)
                err = ErrorLabel(frame)
                fl.addWidget(err)
                btn = QPushButton(self.tr("提交答复"))
                btn.setObjectName(f"answer_{r['id']}")
                btn.clicked.connect(lambda _c=False, rid=r["id"], e=edit, el=err: self._answer(rid, e, el))
                row = QHBoxLayout()
                row.addStretch(1)
                row.addWidget(btn)
                fl.addLayout(row)
            lay.addWidget(frame)
        lay.addStretch(1)
        self.reviews_area.setWidget(box)

    def _show_history(self, d: PersonDetail) -> None:
        self.history.clear()
        for e in d.history:
            summary = "、".join(label for label, _o, _n in e.changes[:6]) + (
                "…" if len(e.changes) > 6 else ""
            )
            item = QTreeWidgetItem([_local_time(e.at), e.actor, e.kind_label, e.action_zh, summary])
            for label, old, new in e.changes:
                text = f"{old} → {new}" if old else new
                QTreeWidgetItem(item, ["", "", "", label, text])
            self.history.addTopLevelItem(item)

    @staticmethod
    def _clear_layout(layout: Any) -> None:
        while layout.count():
            w = layout.takeAt(0).widget()
            if w is not None:
                w.deleteLater()

    # --- actions -------------------------------------------------------------------------------------
    def _remember_answers(self) -> None:
        for rid, edit in getattr(self, "answer_edits", {}).items():
            try:
                self._answers[rid] = edit.toPlainText()
            except RuntimeError:  # already deleted with the old page
                pass

    def _answer(self, review_id: str, edit: QPlainTextEdit, error: ErrorLabel) -> None:
        text = edit.toPlainText()
        if not text.strip():
            error.show_error(self.tr("请填写答复内容"))
            return

        def done(_r: object) -> None:
            self._answers.pop(review_id, None)
            self.ctx.status.emit(self.tr("答复已保存，将在同步时送达审核人"))

        self.ctx.write(
            answer_review,
            self.ctx.col,
            review_id,
            text,
            self.today_fn(),
            on_done=done,
            on_error=lambda exc: error.show_error(str(exc)),
        )

    def _material_toggled(self, item: QListWidgetItem) -> None:
        if self.detail is None or self.detail.case is None:
            return
        materials = dict(self.detail.case.record.get("materials") or {})
        for i in range(self.materials.count()):
            it = self.materials.item(i)
            materials[it.data(Qt.ItemDataRole.UserRole)] = it.checkState() == Qt.CheckState.Checked
        self.detail.case.record["materials"] = materials
        self.ctx.write(save_materials, self.ctx.col, self.detail.case.record["id"], materials)

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
            self.ctx.write(ops.plan_visit, self.ctx.col, self.person_id, dlg.chosen())

    def edit_plan(self) -> None:
        from ui.dialogs.help_plan_editor import HelpPlanEditor

        if self.person_id:
            dlg = HelpPlanEditor(self.ctx, self.person_id, self)
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dlg.show()

    def workflow(self, action: str) -> None:
        from ui.dialogs.workflow_dialog import WorkflowDialog

        if self.detail and self.detail.case:
            dlg = WorkflowDialog(self.ctx, self.detail.case.record["id"], action, self, today=self.today_fn())
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dlg.show()
