"""援助方案: the help plan — difficulty, strengths, barriers, intentions, progress — and its measures."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout

from app.queries.person_detail import count_of, person_plan
from ui.views.person.section import GREEN, RED, Section, fill
from ui.widgets.tables import read_only_table


class PlanSection(Section):
    key = "plan"
    kinds = frozenset({"help_plan"})

    def title(self, count: Any) -> str:
        return self.tr("援助方案")

    @staticmethod
    def count(col: Any, person_id: str) -> int:
        return count_of(col, "help_plan", person_id)  # the page's 制定/编辑 button reads it

    def build(self) -> None:
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.plan_fields: dict[str, QLabel] = {}
        for name, label in (("difficulty", self.tr("困难类型/程度")), ("strengths", self.tr("优势")),
                            ("barriers", self.tr("就业障碍")), ("intentions", self.tr("就业意向")),
                            ("progress", self.tr("进展"))):
            value = QLabel()
            value.setWordWrap(True)
            self.plan_fields[name] = value
            form.addRow(label, value)
        lay.addLayout(form)
        self.measures = read_only_table([self.tr("帮扶措施"), self.tr("责任人"), self.tr("目标日期"),
                                         self.tr("完成")], 0)
        lay.addWidget(self.measures, 1)

    @staticmethod
    def load(col: Any, person_id: str, today: dt.date) -> dict[str, Any] | None:
        return person_plan(col, person_id)

    def clear(self) -> None:
        for f in self.plan_fields.values():
            f.setText("")
        self.measures.setRowCount(0)

    def show_data(self, p: dict[str, Any] | None) -> None:
        self.clear()
        if not p:
            self.plan_fields["difficulty"].setText(self.tr("尚未制定援助方案"))
            return
        self.plan_fields["difficulty"].setText(
            " / ".join(x for x in (p.get("difficulty_type"), p.get("difficulty_degree")) if x))
        for name in ("strengths", "barriers", "intentions", "progress"):
            self.plan_fields[name].setText(p.get(name) or "")
        today = self.page.today_fn().isoformat()
        rows, colors = [], []
        for m in p.get("measures") or []:
            late = not m.get("done") and m.get("target_on") and m["target_on"] < today
            state = self.tr("已完成") if m.get("done") else (self.tr("已逾期") if late else self.tr("进行中"))
            rows.append([m.get("text") or "", m.get("owner") or "", m.get("target_on") or "", state])
            colors.append(GREEN if m.get("done") else (RED if late else None))
        fill(self.measures, rows, colors)
