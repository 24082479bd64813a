"""回访: the follow-ups after employment, due, done or late."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QVBoxLayout

from app.queries.person_detail import FOLLOWUP_KINDS, count_of, person_followups
from ui.views.person.section import GREEN, ORANGE, RED, Section, day, fill
from ui.widgets.tables import read_only_table


class FollowupsSection(Section):
    key = "followups"
    kinds = frozenset({"followup"})

    def title(self, count: Any) -> str:
        return self.tr("回访（{n}）").format(n=count) if count is not None else self.tr("回访")

    @staticmethod
    def count(col: Any, person_id: str) -> int:
        return count_of(col, "followup", person_id)

    def build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.followups = read_only_table([self.tr("应回访日期"), self.tr("回访类型"), self.tr("回访日期"),
                                          self.tr("状态"), self.tr("回访情况")], 4)
        lay.addWidget(self.followups)

    @staticmethod
    def load(col: Any, person_id: str, today: dt.date) -> list[dict[str, Any]]:
        return person_followups(col, person_id)

    def clear(self) -> None:
        self.followups.setRowCount(0)

    def show_data(self, followups: list[dict[str, Any]]) -> None:
        today = self.page.today_fn()
        rows, colors = [], []
        for f in followups:
            due = f.get("due_on")
            if f.get("done_on"):
                state, color = self.tr("已回访"), GREEN
            elif due and due < today:
                state, color = self.tr("已逾期 {n} 天").format(n=(today - due).days), RED
            elif due == today:
                state, color = self.tr("今天到期"), ORANGE
            else:
                state, color = self.tr("待回访"), None
            kind = FOLLOWUP_KINDS.get(f.get("kind") or "", f.get("kind") or "")
            rows.append([day(due), kind, day(f.get("done_on")), state, f.get("note") or ""])
            colors.append(color)
        fill(self.followups, rows, colors)
