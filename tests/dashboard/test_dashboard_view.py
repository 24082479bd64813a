"""pytest-qt: the 统计 tab's cards, charts and table cells drill down to records that open the person."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.dashboard import ALL
from tests.dashboard.fixture import TODAY, A, build
from ui.context import AppContext
from ui.views.dashboard_view import CELL_ROLE, DashboardView


@pytest.fixture
def view(qtbot, tmp_path):
    col, ids = build(tmp_path / "hand.db")
    ctx = AppContext(col)
    v = DashboardView(ctx, today=TODAY)
    v.ids = ids
    qtbot.addWidget(v)
    v.resize(1366, 768)
    v.show()
    qtbot.waitUntil(lambda: v.dashboard is not None, timeout=10000)
    yield v
    v.drill_dialog.close()
    ctx.close()


def _cell(table, row_key, col_key):
    for r in range(table.rowCount()):
        for c in range(table.columnCount()):
            item = table.item(r, c)
            if item is not None and item.data(CELL_ROLE) == (row_key, col_key):
                return r, c
    raise AssertionError((row_key, col_key))


def test_cards_show_the_totals(view):
    assert view.cards["persons"].value.text() == "9"
    assert view.cards["compliance"].value.text() == "33.3%"
    assert view.cards["overdue"].value.text() == "1"
    assert view.cards["zero"].value.text() == "3"


def test_table_cell_drills_down_and_row_opens_person(qtbot, view):
    view.tabs.setCurrentIndex(3)  # 最低服务包
    table = view.tables["compliance"]
    r, c = _cell(table, A, "not_met")
    rect = table.visualItemRect(table.item(r, c))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = view.drill_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.table.rowCount() == 1, timeout=10000)
    assert "甲二" in dialog.table.item(0, 0).text()
    with qtbot.waitSignal(view.ctx.open_record) as sig:
        rect = dialog.table.visualItemRect(dialog.table.item(0, 0))
        qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # press first
        qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sig.args == ["person", view.ids["p2"]]


def test_card_and_chart_bar_drill_down(qtbot, view):
    qtbot.mouseClick(view.cards["overdue"], Qt.MouseButton.LeftButton)
    dialog = view.drill_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.table.rowCount() == 1, timeout=10000)
    assert dialog.refs[0].person_id == view.ids["p4"]
    series = view.charts["stage"].chart().series()[0]
    stages = [c.key for c in view.dashboard["stage"].columns]
    series.barSets()[0].clicked.emit(stages.index("helping"))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3, timeout=10000)
    assert "帮扶中" in dialog.heading.text() and ALL not in dialog.heading.text()


def test_area_selector_and_export(qtbot, view, tmp_path):
    idx = view.area.findData(A)
    assert idx > 0
    view.area.setCurrentIndex(idx)
    qtbot.waitUntil(lambda: view.dashboard is not None and view.dashboard.area == A, timeout=10000)
    assert view.cards["persons"].value.text() == "7"
    out = tmp_path / "out.xlsx"
    view.export_to(str(out))
    qtbot.waitUntil(lambda: "已导出" in view.status.text(), timeout=20000)
    assert out.exists()
