"""A person's 公益性岗位 placements, read-only: what a community worker sees on the person page (the
placement records sync to the person's community; the street's posts do not, so each placement carries its
employer and post name).

    pane = PersonPlacements(ctx); pane.show_person(person_id)
"""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from app.queries import welfare_jobs as q
from ui.context import AppContext
from ui.views import tagged
from ui.views.live import LiveRefresh
from ui.widgets.tables import fill, read_only_table


class PersonPlacements(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("公益性岗位安置"))
        self.ctx = ctx
        self.person_id: str | None = None
        lay = QVBoxLayout(self)
        self.empty = QLabel(self.tr("没有公益性岗位安置记录"))
        self.empty.setStyleSheet("color: #757575;")
        self.empty.hide()  # until the first load answers
        lay.addWidget(self.empty)
        self.table = read_only_table([self.tr("用人单位"), self.tr("岗位名称"), self.tr("上岗日期"), self.tr("离岗日期"),
                                      self.tr("离岗原因"), self.tr("补贴期满"), self.tr("已发补贴（元）")], stretch=1)
        self.table.setMaximumHeight(130)
        lay.addWidget(self.table)
        self.live = LiveRefresh(self, ctx, {"welfare_placement", "welfare_claim"}, reload=self.reload,
                                clear=self.clear)

    def show_person(self, person_id: str) -> None:
        self.person_id = person_id
        self.reload()

    def reload(self) -> None:
        if not self.person_id:
            return
        gen = self.live.loading()
        self.ctx.background(tagged, gen, q.person_placements, self.ctx.col, self.person_id, on_done=self._apply)

    def _apply(self, result: tuple[int, list[q.PlacementRow]]) -> None:
        gen, rows = result
        if not self.live.current(gen):
            return
        fill(self.table, [(r.employer, r.post_name, str(r.started_on), str(r.ended_on or ""), r.end_reason_zh,
                           str(r.subsidy_until or ""), q.yuan(sum(r.claimed_cents.values())))
                          for r in rows], rows)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)

    def clear(self) -> None:
        self.table.setRowCount(0)
