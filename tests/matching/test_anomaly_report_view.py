"""异常原因统计 on the 数据比对 tab, clicked with pytest-qt over the demo store: the ministry's anomalies (as sync
stores them) corrected through the real dialog and op, counted per cause and area for the chosen period and
level, following corrections as they are recorded; then exported after the not-encrypted warning and the
.xlsx read back with openpyxl."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from app.ops.anomalies import record_correction
from tests.conftest import TODAY
from tests.matching.conftest import open_view

NANLU, DONGGANG = "140105001001", "140105001002"  # the demo worker's communities: 坞城南路社区, 东岗路社区


def _anomaly(col: Any, number: str, area: str, reported: dt.date = dt.date(2026, 10, 12)) -> str:
    return col.records.create("match_anomaly", {"anomaly_no": number, "person_name": "王登记",
                                                "problem": "登记后未按时联系", "reported_on": reported,
                                                "status": "open"}, area_code=area)


@pytest.fixture
def view(col: Any, qtbot: Any) -> Iterator[Any]:
    nov = dt.date(2026, 11, 10)
    for n, (area, cause) in enumerate([(NANLU, "id_typo"), (NANLU, "id_typo"), (DONGGANG, "late_handling")]):
        record_correction(col, _anomaly(col, f"YC{n}", area), cause, "已更正", today=nov)
    record_correction(col, _anomaly(col, "YC-OCT", NANLU), "duplicate", "已合并", today=dt.date(2026, 10, 20))
    _anomaly(col, "YC-OPEN", DONGGANG, reported=dt.date(2026, 11, 20))
    yield from open_view(col, qtbot, "异常待更正 1 条")


def _open_page(view: Any, qtbot: Any) -> Any:
    bar = view.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(3).center())
    page = view.report_page
    assert view.tabs.currentWidget() is page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    return page


def _header(page: Any) -> list[str]:
    m = page.model
    return [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]


def _rows(page: Any) -> dict[str, list[str]]:
    m = page.model
    cells = [[m.index(r, c, QModelIndex()).data() for c in range(m.columnCount())] for r in range(m.rowCount())]
    return {row[0]: row[1:] for row in cells}


def _after(page: Any, qtbot: Any, change: Any) -> None:
    """Make a change on the page and wait for the report it asks for."""
    page.model.set_figure(None)
    change()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)


def test_causes_per_area_follow_period_level_and_corrections(view: Any, qtbot: Any) -> None:
    page = _open_page(view, qtbot)
    assert (page.period()) == (dt.date(2026, 1, 1), TODAY)  # this year up to today by default
    assert _header(page) == ["异常原因", "坞城南路社区", "东岗路社区", "合计"]
    rows = _rows(page)
    assert list(rows)[:2] == ["身份证号录入错误", "姓名与公安数据不一致"]  # every cause, in the list's order
    assert rows["身份证号录入错误"] == ["2", "0", "2"]
    assert rows["重复登记"] == ["1", "0", "1"]
    assert rows["超时限办理"] == ["0", "1", "1"]
    assert rows["其他"] == ["0", "0", "0"]
    assert rows["合计"] == ["3", "1", "4"] and rows["尚未更正"] == ["0", "1", "1"]
    assert "期间已更正 4 条，尚未更正 1 条" in page.status.text() and page.export_btn.isEnabled()

    _after(page, qtbot, lambda: page.start_edit.setDate(dt.date(2026, 11, 1)))
    assert _rows(page)["合计"] == ["2", "1", "3"]  # October's correction is outside the period
    _after(page, qtbot, lambda: page.end_edit.setDate(dt.date(2026, 11, 15)))
    assert _rows(page)["尚未更正"] == ["0", "0", "0"]  # reported on the 20th, after the period

    _after(page, qtbot, lambda: page.level.setCurrentIndex(page.level.findData(9)))
    assert _header(page) == ["异常原因", "坞城街道", "合计"]
    assert _rows(page)["合计"] == ["3", "3"]
    assert page.table.model().headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "140105001"

    # The open anomaly corrected on the 异常反馈 page: the report, hidden meanwhile, counts it when shown again.
    page.end_edit.setDate(TODAY)
    qtbot.waitUntil(lambda: _rows(page).get("尚未更正") == ["1", "1"], timeout=10000)
    view.tabs.setCurrentIndex(2)
    view.anomaly_table.setCurrentCell(0, 0)
    dlg = view.correct()
    dlg.reason.setCurrentIndex(dlg.reason.findData("missing_contact"))
    dlg.correction.setPlainText("已补充联系记录")
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.anomaly_table.rowCount() == 0, timeout=10000)
    assert page.live.stale  # no work while hidden
    view.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: _rows(page).get("尚未更正") == ["0", "0"], timeout=10000)
    assert _rows(page)["登记后未按时联系"] == ["1", "1"] and _rows(page)["合计"] == ["4", "4"]


def test_start_after_end_is_refused(view: Any, qtbot: Any) -> None:
    page = _open_page(view, qtbot)
    page.start_edit.setDate(dt.date(2026, 12, 1))
    qtbot.waitUntil(lambda: page.status.text() == "开始日期不能晚于结束日期", timeout=10000)
    assert page.model.rowCount() == 0 and not page.export_btn.isEnabled()


def test_excel_export_after_the_warning(view: Any, qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "out"  # tmp_path holds the store
    out.mkdir()
    page = _open_page(view, qtbot)
    _after(page, qtbot, lambda: page.start_edit.setDate(dt.date(2026, 11, 1)))
    warned: list[str] = []
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda _p, _t, suggested, _f: asked.append(suggested) or (str(out / "异常原因"), ""))
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _p, _t, text, *_a: warned.append(text) or QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(page.export_btn, Qt.MouseButton.LeftButton)
    assert "不加密" in warned[0] and not asked and not list(out.iterdir())  # declined: nothing written

    monkeypatch.setattr(QMessageBox, "warning", lambda *_a: QMessageBox.StandardButton.Ok)
    qtbot.mouseClick(page.export_btn, Qt.MouseButton.LeftButton)
    assert asked[0].endswith("异常原因统计_20261101_20261125.xlsx")
    page._show(page.report)  # a reload while the file is written does not offer a second export
    assert page.exporting and not page.export_btn.isEnabled()
    qtbot.waitUntil(lambda: "已导出" in page.status.text(), timeout=10000)
    target = out / "异常原因.xlsx"  # the suffix added to the name typed
    assert str(target) in page.status.text() and "不加密" in page.status.text()
    assert page.export_btn.isEnabled()

    ws = load_workbook(target).active
    assert ws.title == "异常原因统计"
    values = [list(r) for r in ws.iter_rows(values_only=True)]
    assert values[0][0] == "部平台异常反馈原因统计"
    assert values[1][0].startswith("更正日期 2026-11-01 至 2026-11-25，按社区统计")
    assert "未加密" in values[2][0]
    assert values[3] == ["异常原因", "坞城南路社区", "东岗路社区", "合计"]
    by_cause = {r[0]: r[1:] for r in values[4:]}
    assert by_cause["身份证号录入错误"] == [2, 0, 2] and by_cause["重复登记"] == [0, 0, 0]
    assert by_cause["合计"] == [2, 1, 3] and by_cause["尚未更正"] == [0, 1, 1]
    assert list(by_cause)[-2:] == ["合计", "尚未更正"]
