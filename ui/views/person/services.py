"""服务: the minimum service package (3+1+1) with progress bars, every service given (in a visit, by phone, at
the office or by a confirmed policy push), and 记录服务 for one given outside a visit."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from app.queries.person_detail import ServicesPart, count_of, person_services, service_zh
from app.rules.service_package import channels
from ui.dialogs import open_dialog
from ui.views.person.section import GREEN, RED, Section, clear_layout, day, fill
from ui.views.welfare.person_pane import PersonPlacements
from ui.widgets.tables import read_only_table


class ServicesSection(Section):
    key = "services"
    kinds = frozenset({"service"})

    def title(self, count: Any) -> str:
        return self.tr("服务（{n}）").format(n=count) if count is not None else self.tr("服务")

    @staticmethod
    def count(col: Any, person_id: str) -> int:
        return count_of(col, "service", person_id)

    def build(self) -> None:
        lay = QVBoxLayout(self)
        box = QGroupBox(self.tr("最低服务包（岗位推荐 ≥3、职业指导 ≥1、政策咨询 ≥1）"))
        self.package_layout = QGridLayout(box)
        self.package_text = QLabel()
        lay.addWidget(box)
        row = QHBoxLayout()
        row.addWidget(self.package_text, 1)
        self.add_btn = QPushButton(self.tr("记录服务"))
        self.add_btn.setToolTip(self.tr("电话或窗口提供的岗位推荐、职业指导、政策咨询等"))
        self.add_btn.clicked.connect(self.record_service)
        row.addWidget(self.add_btn)
        lay.addLayout(row)
        self.services = read_only_table([self.tr("日期"), self.tr("服务类型"), self.tr("方式"), self.tr("推荐单位"),
                                         self.tr("岗位"), self.tr("薪资"), self.tr("结果"), self.tr("服务人"),
                                         self.tr("说明")], 8)
        lay.addWidget(self.services, 1)
        self.welfare = PersonPlacements(self.ctx)  # 公益性岗位 placements (issue 13), read-only
        lay.addWidget(self.welfare)

    @staticmethod
    def load(col: Any, person_id: str, today: dt.date) -> ServicesPart:
        return person_services(col, person_id)

    def clear(self) -> None:
        clear_layout(self.package_layout)
        self.package_text.setText("")
        self.services.setRowCount(0)

    def show_data(self, d: ServicesPart) -> None:
        self.clear()
        if self.person_id:
            self.welfare.show_person(self.person_id)
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
        ways = channels()
        fill(self.services, [[day(s.get("served_on")), service_zh(s.get("kind")),
                              ways.get(s.get("channel") or ("visit" if s.get("visit_id") else ""), ""),
                              s.get("employer") or "",
                              s.get("post") or "", s.get("wage") or "", s.get("result") or "", s.get("by") or "",
                              s.get("note") or ""] for s in d.services])

    def record_service(self) -> None:
        from ui.dialogs.service_dialog import ServiceDialog

        if self.person_id:
            open_dialog(ServiceDialog(self.ctx, self.person_id, self, today=self.page.today_fn()))
