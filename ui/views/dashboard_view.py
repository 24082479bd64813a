"""统计 tab (supervisor/admin): cards, charts and tables per community; every number drills down to its records.

Figures are computed off the GUI thread (``app.dashboard.compute``) and recomputed, debounced, when synced or
local changes arrive. Clicking a card, a bar, a pie slice or a table cell lists the records behind it; a row of
that list opens the person.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import areas
from app.dashboard import ALL, TOTAL, Dashboard, Figure, Ref, compute, drill
from app.dashboard.commands import export
from app.dashboard.model import fmt_value
from app.rules._data import load
from ui.context import AppContext
from ui.unencrypted import ask_export_path, exported
from ui.views.live import LiveRefresh
from ui.widgets.fit import fit_to_screen

WATCHED = {"person", "assistance_case", "case_step", "visit", "help_plan", "service", "followup", "household",
           "review"}
PALETTE = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47", "#264478", "#9E480E", "#636363",
           "#997300"]
CELL_ROLE = Qt.ItemDataRole.UserRole + 1


class Card(QFrame):
    """A figure in large type; clicking it drills down."""

    clicked = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setObjectName("card")
        self.setStyleSheet("#card { background: #FFFFFF; border: 1px solid #D0D7E2; border-radius: 6px; }")
        self.title = QLabel(title)
        self.title.setStyleSheet("color: #555555;")
        self.value = QLabel("—")
        font = QFont(self.value.font())
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        self.value.setFont(font)
        self.sub = QLabel()
        self.sub.setStyleSheet("color: #777777;")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.setSpacing(0)
        lay.addWidget(self.title)
        lay.addWidget(self.value)
        lay.addWidget(self.sub)

    def set(self, value: str, sub: str = "", alert: bool = False) -> None:
        self.value.setText(value)
        self.value.setStyleSheet("color: #B00020;" if alert else "color: #1F3864;")
        self.sub.setText(sub)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class DrillDialog(QDialog):
    """The records behind one number; double-click (or Enter) opens the person."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.refs: list[Ref] = []
        fit_to_screen(self, 620, 480)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("记录"), self.tr("类型")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.cellActivated.connect(lambda row, _c: self.open_row(row))
        self.table.cellDoubleClicked.connect(lambda row, _c: self.open_row(row))
        hint = QLabel(self.tr("双击一行打开该人员。"))
        hint.setStyleSheet("color: #777777;")
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.table, 1)
        lay.addLayout(bottom)

    def show_refs(self, title: str, refs: list[Ref]) -> None:
        from app.model.kinds import KINDS

        self.refs = refs
        self.setWindowTitle(self.tr("明细：%1").replace("%1", title))
        self.heading.setText(self.tr("%1　共 %2 条").replace("%1", title).replace("%2", str(len(refs))))
        self.table.setRowCount(len(refs))
        for i, ref in enumerate(refs):
            self.table.setItem(i, 0, QTableWidgetItem(ref.label))
            self.table.setItem(i, 1, QTableWidgetItem(KINDS[ref.kind].label if ref.kind in KINDS else ref.kind))
        self.show()
        self.raise_()

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self.refs) and self.refs[row].person_id:
            self.ctx.open_record.emit("person", self.refs[row].person_id)


class DashboardView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dashboard: Dashboard | None = None
        self._busy = False
        self._again = False
        self._drill_title = ""
        self._fixed_today = today  # tests pin the date; the app counts as of today
        self.today = today or dt.date.today()

        # Top bar: area, refresh, export (with the not-encrypted warning next to the buttons).
        self.area = QComboBox()
        self.area.setMinimumWidth(260)
        self._fill_areas()
        self.area.currentIndexChanged.connect(lambda _i: self.reload())
        self.status = QLabel()
        self.status.setStyleSheet("color: #777777;")
        refresh = QPushButton(self.tr("刷新"))
        refresh.clicked.connect(self.reload)
        warn = QLabel(self.tr("导出的文件不加密"))
        warn.setStyleSheet("color: #B00020;")
        self.xlsx_button = QPushButton(self.tr("导出 Excel"))
        self.pdf_button = QPushButton(self.tr("导出 PDF"))
        self.xlsx_button.clicked.connect(lambda: self._ask_export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self._ask_export("pdf"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("区域：")))
        top.addWidget(self.area)
        top.addWidget(refresh)
        top.addWidget(self.status, 1)
        top.addWidget(warn)
        top.addWidget(self.xlsx_button)
        top.addWidget(self.pdf_button)

        # Cards: (title, figure, column, sub-text maker).
        self.cards: dict[str, Card] = {}
        self._card_cells: dict[str, tuple[str, str]] = {}
        specs = [
            ("persons", self.tr("援助对象"), "stage", TOTAL),
            ("helping", self.tr("帮扶中"), "compliance", TOTAL),
            ("compliance", self.tr("服务包达标率"), "compliance", "met"),
            ("overdue", self.tr("环节已超期"), "deadlines", "overdue"),
            ("due_soon", self.tr("即将到期"), "deadlines", "due_soon"),
            ("followups", self.tr("回访逾期未做"), "followups", "overdue"),
            ("zero", self.tr("零就业未清零（户）"), "zero", "open"),
            ("reviews", self.tr("待审核"), "reviews", "waiting"),
        ]
        cards = QHBoxLayout()
        cards.setSpacing(8)
        for key, title, fig, col in specs:
            card = Card(title)
            card.clicked.connect(lambda k=key: self.drill_card(k))
            self.cards[key] = card
            self._card_cells[key] = (fig, col)
            cards.addWidget(card)

        # Overview charts + one tab per figure table.
        self.tabs = QTabWidget()
        overview = QWidget()
        grid = QGridLayout(overview)
        grid.setContentsMargins(0, 0, 0, 0)
        self.charts: dict[str, QChartView] = {}
        for i, key in enumerate(("stage", "category", "compliance", "visits")):
            view = QChartView()
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(200)
            self.charts[key] = view
            grid.addWidget(view, i // 2, i % 2)
        self.tabs.addTab(overview, self.tr("概览"))
        self.tables: dict[str, QTableWidget] = {}
        self.notes: dict[str, QLabel] = {}

        self.drill_dialog = DrillDialog(ctx, self)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(cards)
        layout.addWidget(self.tabs, 1)
        # A big county store takes seconds to count: wait for a sync's pages to settle, skip hidden tabs.
        self.live = LiveRefresh(self, ctx, WATCHED, reload=self.reload, clear=self.clear, delay_ms=800)
        self.reload()

    # --- areas --------------------------------------------------------------------------------------------
    def _fill_areas(self) -> None:
        """全部辖区, then each street the user covers and the communities in scope under it."""
        scope = list(self.ctx.col.user.get("areas") or [])
        self.area.addItem(self.tr("全部辖区"), None)
        streets = sorted((a for a in areas.load().values() if a.level == "street"), key=lambda a: a.code)
        for street in streets:
            inside = [c for c in areas.communities([street.code]) if not scope or areas.covers(scope, c.code)]
            if not scope or areas.covers(scope, street.code):
                self.area.addItem(street.name, street.code)
            for c in inside:
                self.area.addItem("　" + c.name, c.code)

    @property
    def area_code(self) -> str | None:
        return self.area.currentData()

    # --- computing ----------------------------------------------------------------------------------------
    def reload(self) -> None:
        if self._busy:
            self._again = True
            return
        self._busy = True
        self.live.loading()
        self.status.setText(self.tr("正在统计…"))
        self.today = self._fixed_today or dt.date.today()
        self.ctx.background(compute, self.ctx.col, self.today, self.area_code, on_done=self._computed,
                            on_error=self._failed)

    def clear(self) -> None:
        """On lock: nothing of the area's data stays on screen."""
        self.dashboard = None
        self.drill_dialog.hide()
        for card in self.cards.values():
            card.set("—")
        for view in self.charts.values():
            view.setChart(QChart())
        for table in self.tables.values():
            table.setRowCount(0)
        self.status.setText("")

    def _failed(self, exc: Exception) -> None:
        self._busy = False
        self.status.setText(self.tr("统计失败：%1").replace("%1", str(exc)))

    def _computed(self, db: Dashboard) -> None:
        self._busy = False
        if self.live.locked:
            return
        if self._again:
            self._again = False
            self.reload()
            return
        self.dashboard = db
        self.status.setText(self.tr("统计日期 %1，用时 %2 秒").replace("%1", db.today.isoformat())
                            .replace("%2", f"{db.elapsed:.2f}"))
        self._fill_cards(db)
        self._fill_charts(db)
        self._fill_tables(db)

    def _fill_cards(self, db: Dashboard) -> None:
        total = {k: f.total_row for k, f in db.figures.items()}
        self.cards["persons"].set(fmt_value(total["stage"].get(TOTAL), "int"))
        self.cards["helping"].set(fmt_value(total["compliance"].get(TOTAL), "int"))
        ratio = total["compliance"].get("ratio")
        self.cards["compliance"].set(fmt_value(ratio, "pct"), self.tr("达标 %1 人").replace(
            "%1", fmt_value(total["compliance"].get("met"), "int")), alert=ratio < 0.6)
        over = total["deadlines"].get("overdue")
        self.cards["overdue"].set(fmt_value(over, "int"), alert=over > 0)
        self.cards["due_soon"].set(fmt_value(total["deadlines"].get("due_soon"), "int"),
                                   self.tr("%1 个工作日内").replace("%1", str(load("review")["dashboard"]["due_soon_workdays"])))
        late = total["followups"].get("overdue")
        self.cards["followups"].set(fmt_value(late, "int"), alert=late > 0)
        self.cards["zero"].set(fmt_value(total["zero"].get("open"), "int"), self.tr("最长 %1 天").replace(
            "%1", fmt_value(total["zero"].get("max_days"), "int")))
        rev = total["reviews"]
        self.cards["reviews"].set(fmt_value(rev.get("waiting"), "int"), self.tr("超期 %1").replace(
            "%1", fmt_value(rev.get("overdue"), "int")), alert=rev.get("overdue") > 0)

    # --- charts -------------------------------------------------------------------------------------------
    def _chart(self, key: str, title: str) -> QChart:
        chart = QChart()
        chart.setTitle(title)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        chart.setMargins(chart.margins() * 0)
        old = self.charts[key].chart()
        self.charts[key].setChart(chart)
        if old is not None:
            old.deleteLater()
        return chart

    def _axes(self, chart: QChart, series: Any, categories: list[str], top: float) -> None:
        x = QBarCategoryAxis()
        x.append(categories)
        font = x.labelsFont()
        font.setPointSize(max(7, font.pointSize() - 2))
        x.setLabelsFont(font)
        y = QValueAxis()
        y.setRange(0, max(4.0, top * 1.15))
        y.applyNiceNumbers()
        y.setLabelFormat("%d")
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)

    def _fill_charts(self, db: Dashboard) -> None:
        # Stage distribution: one bar per stage (whole area).
        fig = db["stage"]
        cols = [c for c in fig.columns if c.key != TOTAL]
        chart = self._chart("stage", self.tr("各环节人数（点击柱子查看明细）"))
        bars = QBarSet(self.tr("人数"))
        bars.append([float(fig.total_row.get(c.key)) for c in cols])
        bars.setColor(QColor(PALETTE[0]))
        series = QBarSeries()
        series.append(bars)
        bars.clicked.connect(lambda i, keys=[c.key for c in cols]: self.open_drill("stage", ALL, keys[i]))
        chart.addSeries(series)
        chart.legend().hide()
        self._axes(chart, series, [c.label for c in cols], max((fig.total_row.get(c.key) for c in cols), default=0))
        bars.setLabelColor(QColor("#1F3864"))
        series.setLabelsFormat("@value")
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsVisible(True)

        # Category: pie of the whole area.
        fig = db["category"]
        chart = self._chart("category", self.tr("在册援助对象困难类别"))
        pie = QPieSeries()
        for i, c in enumerate(c for c in fig.columns if c.key != TOTAL):
            n = fig.total_row.get(c.key)
            if n:
                s = pie.append(f"{c.label} {int(n)}", float(n))
                s.setColor(QColor(PALETTE[i % len(PALETTE)]))
                s.clicked.connect(lambda key=c.key: self.open_drill("category", ALL, key))
        pie.setPieSize(0.75)
        chart.addSeries(pie)

        # Compliance per community: met / not met stacked, ratio in the category label.
        fig = db["compliance"]
        rows = [r for r in fig.rows if r.key != ALL]
        chart = self._chart("compliance", self.tr("各社区最低服务包达标情况"))
        met, not_met = QBarSet(self.tr("达标")), QBarSet(self.tr("未达标"))
        met.append([float(r.get("met")) for r in rows])
        not_met.append([float(r.get("not_met")) for r in rows])
        met.setColor(QColor("#70AD47"))
        not_met.setColor(QColor("#ED7D31"))
        keys = [r.key for r in rows]
        met.clicked.connect(lambda i: self.open_drill("compliance", keys[i], "met"))
        not_met.clicked.connect(lambda i: self.open_drill("compliance", keys[i], "not_met"))
        stacked = QStackedBarSeries()
        stacked.append(met)
        stacked.append(not_met)
        chart.addSeries(stacked)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        self._axes(chart, stacked, [f"{r.label}\n{fmt_value(r.get('ratio'), 'pct')}" for r in rows],
                   max((r.get(TOTAL) for r in rows), default=0))

        # Visits per worker per week: one bar set per worker.
        fig = db["visits"]
        weeks = [c for c in fig.columns if c.key != TOTAL]
        chart = self._chart("visits", fig.title)
        series = QBarSeries()
        top = 0.0
        for i, r in enumerate(x for x in fig.rows if x.key != ALL):
            s = QBarSet(r.label)
            s.append([float(r.get(c.key)) for c in weeks])
            s.setColor(QColor(PALETTE[i % len(PALETTE)]))
            s.clicked.connect(lambda idx, w=r.key: self.open_drill("visits", w, weeks[idx].key))
            series.append(s)
            top = max(top, *(r.get(c.key) for c in weeks))
        chart.addSeries(series)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        self._axes(chart, series, [c.label.split("（")[0] for c in weeks], top)

    # --- tables -------------------------------------------------------------------------------------------
    def _fill_tables(self, db: Dashboard) -> None:
        for fig in db.figures.values():
            table = self.tables.get(fig.key)
            if table is None:
                table = QTableWidget()
                table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
                table.verticalHeader().hide()
                table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
                table.cellClicked.connect(lambda r, c, k=fig.key: self._table_clicked(k, r, c))
                note = QLabel()
                note.setWordWrap(True)
                note.setStyleSheet("color: #555555;")
                page = QWidget()
                lay = QVBoxLayout(page)
                lay.addWidget(table, 1)
                lay.addWidget(note)
                self.tables[fig.key], self.notes[fig.key] = table, note
                self.tabs.addTab(page, fig.title.split("（")[0])
            self._fill_table(table, fig)
            self.notes[fig.key].setText(fig.note + "　" + self.tr("点击数字查看明细。") + "　"
                                        + self.tr("规则版本：%1").replace("%1", fig.rules))

    def _fill_table(self, table: QTableWidget, fig: Figure) -> None:
        table.clear()
        table.setColumnCount(len(fig.columns) + 1)
        table.setRowCount(len(fig.rows))
        table.setHorizontalHeaderLabels([fig.row_label, *(c.label for c in fig.columns)])
        bold = QFont(table.font())
        bold.setBold(True)
        for i, row in enumerate(fig.rows):
            head = QTableWidgetItem(row.label)
            if row.key == ALL:
                head.setFont(bold)
            table.setItem(i, 0, head)
            for j, col in enumerate(fig.columns, 1):
                item = QTableWidgetItem(fmt_value(row.get(col.key), col.fmt))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setData(CELL_ROLE, (row.key, col.key) if col.drill else None)
                if col.drill and row.get(col.key):
                    item.setForeground(QBrush(QColor("#1F4E9A")))
                if row.key == ALL:
                    item.setFont(bold)
                table.setItem(i, j, item)
        header = table.horizontalHeader()
        header.setMinimumSectionSize(72)  # short numbers still get a column you can hit with the mouse
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _table_clicked(self, key: str, row: int, column: int) -> None:
        item = self.tables[key].item(row, column)
        cell = item.data(CELL_ROLE) if item is not None else None
        if cell:
            self.open_drill(key, *cell)

    # --- drill-down ---------------------------------------------------------------------------------------
    def drill_card(self, key: str) -> None:
        fig, col = self._card_cells[key]
        self.open_drill(fig, ALL, col)

    def cell_title(self, figure_key: str, row: str, column: str) -> str:
        if self.dashboard is None or figure_key not in self.dashboard.figures:
            return figure_key
        fig = self.dashboard[figure_key]
        try:
            row_label, col_label = fig.row(row).label, fig.column(column).label
        except KeyError:
            row_label, col_label = row, column
        if column == TOTAL and col_label == column:
            col_label = self.tr("合计")
        return f"{fig.title} · {row_label} · {col_label}"

    def open_drill(self, figure_key: str, row: str, column: str) -> None:
        self._drill_title = self.cell_title(figure_key, row, column)
        # Bound methods (not lambdas) as slots: Qt then delivers the result on the GUI thread.
        self.ctx.background(drill, self.ctx.col, figure_key, (row, column), self.today, self.area_code,
                            on_done=self._drilled, on_error=self._failed)

    def _drilled(self, refs: list[Ref]) -> None:
        self.drill_dialog.show_refs(self._drill_title, refs)

    # --- export -------------------------------------------------------------------------------------------
    def _ask_export(self, fmt: str) -> None:
        path = ask_export_path(self, self.tr("导出的文件不加密，任何拿到文件的人都能打开。文件只含统计数字和专干姓名，"
                                             "但仍请妥善保管、用后删除。是否继续？"), self.tr("导出统计"),
                               self.tr("就业援助统计_{date}").format(date=f"{dt.date.today():%Y%m%d}"), fmt)
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        self.status.setText(self.tr("正在导出…"))
        self.ctx.background(export, self.ctx.col, path, self.area_code, self.today,
                            on_done=self._exported, on_error=self._failed)

    def _exported(self, path: Any) -> None:
        msg = exported(path)
        self.status.setText(msg)
        self.ctx.status.emit(msg)
