"""走访: planned visits (late ones in red) and visits made, with the four clears and attachments."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QVBoxLayout

from app.queries.person_detail import VisitsPart, count_of, person_visits, status_zh
from ui.views.person.section import BLUE, RED, Section, day, fill
from ui.widgets.tables import read_only_table


class VisitsSection(Section):
    key = "visits"
    kinds = frozenset({"visit", "attachment"})

    def title(self, count: Any) -> str:
        return self.tr("走访（{n}）").format(n=count) if count is not None else self.tr("走访")

    @staticmethod
    def count(col: Any, person_id: str) -> int:
        return count_of(col, "visit", person_id)

    def build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.visits = read_only_table([self.tr("日期"), self.tr("类型"), self.tr("走访人"), self.tr("就业状态"),
                                       self.tr("就业意愿"), self.tr("服务需求"), self.tr("附件"),
                                       self.tr("走访情况")], 7)
        lay.addWidget(self.visits)

    @staticmethod
    def load(col: Any, person_id: str, today: dt.date) -> VisitsPart:
        return person_visits(col, person_id)

    def clear(self) -> None:
        self.visits.setRowCount(0)

    def show_data(self, d: VisitsPart) -> None:
        rows, colors = [], []
        today = self.page.today_fn()
        for v in d.planned:
            late = v["planned_on"] < today
            kind = self.tr("计划走访（已逾期）") if late else self.tr("计划走访")
            rows.append([day(v["planned_on"]), kind, v.get("worker") or "", "", "", "", "", ""])
            colors.append(RED if late else BLUE)
        for v in d.visits:
            rows.append([
                day(v["visited_on"]), self.tr("已走访"), v.get("worker") or "",
                status_zh(v.get("employment_status")) if v.get("employment_status") else "",
                v.get("employment_intention") or "", "、".join(v.get("service_needs") or []),
                str(v["attachments"]) if v.get("attachments") else "", (v.get("notes") or "").replace("\n", " "),
            ])
            colors.append(None)
        fill(self.visits, rows, colors)
