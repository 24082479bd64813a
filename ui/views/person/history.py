"""修改记录: the audit trail of the person, their household, case and help plan, newest first."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from app.queries.person_detail import HistoryEntry, person_history
from ui.views.person.section import Section


def _local_time(at: str) -> str:
    try:
        return dt.datetime.fromisoformat(at).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return at


class HistorySection(Section):
    key = "history"
    kinds = frozenset({"person", "household", "assistance_case", "help_plan"})

    def title(self, count: Any) -> str:
        return self.tr("修改记录")

    def build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.history = QTreeWidget()
        self.history.setHeaderLabels([self.tr("时间"), self.tr("操作人"), self.tr("对象"), self.tr("操作"),
                                      self.tr("修改内容")])
        self.history.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history.header().setStretchLastSection(True)
        lay.addWidget(self.history)

    @staticmethod
    def load(col: Any, person_id: str, today: dt.date) -> list[HistoryEntry]:
        return person_history(col, person_id)

    def clear(self) -> None:
        self.history.clear()

    def show_data(self, entries: list[HistoryEntry]) -> None:
        self.history.clear()
        for e in entries:
            summary = "、".join(label for label, _o, _n in e.changes[:6]) + ("…" if len(e.changes) > 6 else "")
            item = QTreeWidgetItem([_local_time(e.at), e.actor, e.kind_label, e.action_zh, summary])
            for label, old, new in e.changes:
                QTreeWidgetItem(item, ["", "", "", label, f"{old} → {new}" if old else new])
            self.history.addTopLevelItem(item)
