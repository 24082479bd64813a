"""The 公益性岗位 tab and the person-page pane, clicked with pytest-qt over a real encrypted store."""

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.rules.idcard import make_id
from app.welfare.demo import add_demo
from tests.welfare.conftest import certified

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def view(office, qtbot):
    from ui.context import AppContext
    from ui.views.welfare.welfare_view import WelfareView

    counts = add_demo(office, TODAY)
    ctx = AppContext(office)
    w = WelfareView(ctx, today_fn=lambda: TODAY)
    qtbot.addWidget(w)
    w.resize(1366, 700)
    w.show()
    qtbot.waitUntil(lambda: w.ledger is not None, timeout=10000)
    w.demo_counts = counts
    yield w
    ctx.wait_idle()
    ctx._unsubscribe()


def _ok(qtbot, dlg) -> None:
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _select(table, match) -> None:
    for i in range(table.rowCount()):
        if match(table.item(i, 0).data(Qt.ItemDataRole.UserRole)):
            table.setCurrentCell(i, 0)
            return
    raise AssertionError("no such row")


def test_tab_shows_posts_people_claims_and_analysis(view):
    placed = view.demo_counts["placements"]  # two of them leave during the year
    assert view.posts.rowCount() == 4 and view.people.rowCount() == placed
    vacant = 8 - (placed - 2)
    assert f"岗位 4 个，在岗 {placed - 2} 人，空岗 {vacant} 个" in view.summary.text()
    assert view.efficiency.rowCount() == 5 and view.efficiency.item(4, 0).text() == "合计"
    held = [view.claims.item(i, 6).text() for i in range(view.claims.rowCount()) if view.claims.item(i, 5).text() == "暂缓发放"]
    assert "未完成个人纳税情况人工核查" in held and any("未查到社会保险缴费记录" in h for h in held)
    assert "在岗率" in view.cards.text()


def test_export_the_ledger(view, qtbot, tmp_path: Path):
    view.export_to(str(tmp_path / "ledger.xlsx"))
    qtbot.waitUntil(lambda: "已导出" in view.status.text(), timeout=10000)
    from openpyxl import load_workbook

    assert load_workbook(tmp_path / "ledger.xlsx")["动态台账"].max_row == view.people.rowCount() + 1


def test_develop_a_post_and_place_someone(view, qtbot):
    dlg = view._new_post()
    dlg.employer.setText("学府苑社区居委会")
    _ok(qtbot, dlg)
    qtbot.waitUntil(lambda: "请填写岗位名称" in dlg.error.text(), timeout=10000)  # refused inline
    assert dlg.isVisible() and view.posts.rowCount() == 4
    dlg.post_name.setText("文明劝导员")
    with qtbot.waitSignal(view.refreshed, timeout=10000):
        _ok(qtbot, dlg)
    assert view.posts.rowCount() == 5
    with view.ctx.col.records.transaction() as tx:  # someone certified who has never been placed
        home = tx.create("household", {"address": "学府苑 3 号"}, area_code="140105001003")
        newcomer = tx.create("person", {"household_id": home, "name": "新安置",
                                        "id_number": make_id("140105", dt.date(1988, 8, 8), 41)},
                             area_code="140105001003")
        tx.create("assistance_case", {"person_id": newcomer, "category": "long_term", "stage": "certified"},
                  area_code="140105001003")
    _select(view.posts, lambda p: p.post_name == "文明劝导员")
    place = view._place()
    place.search.setText("新安置")
    assert place.people.count() == 1 and place.people.currentItem().data(Qt.ItemDataRole.UserRole) == newcomer
    with qtbot.waitSignal(view.refreshed, timeout=10000):
        _ok(qtbot, place)
    post = next(p for p in view.ledger.posts if p.post_name == "文明劝导员")
    assert post.occupied == 1


def test_tax_check_clears_a_held_claim(view, qtbot):
    _select(view.claims, lambda c: c.hold_reasons == ["未完成个人纳税情况人工核查"])
    claim_id = view.claims.item(view.claims.currentRow(), 0).data(Qt.ItemDataRole.UserRole).id
    dlg = view._tax()
    with qtbot.waitSignal(view.refreshed, timeout=10000):
        _ok(qtbot, dlg)
    claim = next(c for c in view.ledger.claims if c.id == claim_id)
    assert claim.status == "passed" and claim.tax_text.startswith("无异常（赵芳")


def test_history_import_then_cleanup(view, qtbot, tmp_path: Path):
    person = next(p for p in certified(view.ctx.col) if p["id"] not in {r.person_id for r in view.ledger.placements})
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "身份证号", "用人单位", "岗位名称", "上岗时间", "离岗时间", "离岗原因"])
    ws.append([person["name"], person["id_number"], "营盘街道办事处", "公共设施巡查员", "2024.4.1", "2024.9.30", "家里有事"])
    ws.append([])
    wb.save(tmp_path / "old.xlsx")
    view.tabs.setCurrentIndex(4)
    view.check_history(str(tmp_path / "old.xlsx"))
    qtbot.waitUntil(lambda: view.plan is not None, timeout=10000)
    assert view.plan_table.rowCount() == 1 and view.plan_table.item(0, 4).text() == "导入后待核实"
    assert view.apply_btn.isEnabled() and view.report_file_btn.isEnabled()
    view.export_report(str(tmp_path / "report.xlsx"))
    qtbot.waitUntil(lambda: "已导出" in view.status.text(), timeout=10000)
    assert (tmp_path / "report.xlsx").stat().st_size > 0
    with qtbot.waitSignal(view.refreshed, timeout=10000):
        qtbot.mouseClick(view.apply_btn, Qt.MouseButton.LeftButton)
    assert view.cleanup.rowCount() == 1 and "离岗原因“家里有事”无法对应" in view.cleanup.item(0, 5).text()
    view.cleanup.setCurrentCell(0, 0)
    with qtbot.waitSignal(view.refreshed, timeout=10000):
        qtbot.mouseClick(view.confirm_btn, Qt.MouseButton.LeftButton)
    assert view.cleanup.rowCount() == 0


def test_paid_months_import_and_recheck(view, qtbot, tmp_path: Path):
    held = next(c for c in view.ledger.claims if any("未查到社会保险缴费记录" in r for r in c.hold_reasons))
    month = held.months[0]
    number = view.ctx.col.records.get("person", next(p.person_id for p in view.ledger.placements
                                                       if p.id == held.placement_id))["id_number"]
    (tmp_path / "si.csv").write_bytes(f"身份证号,缴费月份\n{number},{month}\n".encode("gbk"))
    view.import_si(str(tmp_path / "si.csv"))
    qtbot.waitUntil(lambda: "新增 1 条" in view.status.text(), timeout=10000)
    _select(view.claims, lambda c: c.id == held.id)
    with qtbot.waitSignal(view.refreshed, timeout=10000):
        qtbot.mouseClick(view.recheck_btn, Qt.MouseButton.LeftButton)
    assert next(c for c in view.ledger.claims if c.id == held.id).status == "passed"


def test_person_pane_shows_the_placement(office, qtbot):
    from ui.context import AppContext
    from ui.views.welfare.person_pane import PersonPlacements

    add_demo(office, TODAY)
    ctx = AppContext(office)
    pane = PersonPlacements(ctx)
    qtbot.addWidget(pane)
    pane.show()
    with office.records.reading() as conn:
        from sqlalchemy import select

        from app.store.tables import TABLES

        person = conn.execute(select(TABLES["welfare_placement"].c.person_id)).scalars().first()
    pane.show_person(person)
    qtbot.waitUntil(lambda: pane.table.rowCount() > 0 or pane.empty.isVisible(), timeout=10000)
    rows = office.records.children("welfare_placement", "person_id", person)
    assert pane.table.rowCount() == len(rows) and rows
    assert pane.table.item(0, 0).text() == rows[0]["employer"]
    ctx.wait_idle()
    ctx._unsubscribe()
    QApplication.processEvents()


def test_worker_sees_the_placement_on_the_person_page(office, qtbot):
    from sqlalchemy import select

    from app.store.tables import TABLES
    from ui.context import AppContext
    from ui.views.person import PersonView

    add_demo(office, TODAY)
    office.set_user({"name": "zhangli", "display_name": "张丽", "role": "worker", "areas": ["140105001001"]})
    with office.records.reading() as conn:
        person = conn.execute(select(TABLES["welfare_placement"].c.person_id)).scalars().first()
    ctx = AppContext(office)
    view = PersonView(ctx, today_fn=lambda: TODAY)
    qtbot.addWidget(view)
    view.show()
    view.show_record("person", person)
    services = view.section("services")  # the placements pane sits under the services tab
    view.tabs.setCurrentWidget(services)
    qtbot.waitUntil(lambda: services.welfare.table.rowCount() > 0, timeout=10000)
    assert services.welfare.table.item(0, 0).text() == office.records.children("welfare_placement", "person_id",
                                                                           person)[0]["employer"]
    ctx.wait_idle()
    ctx._unsubscribe()


def test_withdraw_an_empty_post(view, qtbot):
    post = next(p for p in view.ledger.posts if p.occupied == 0) if any(
        p.occupied == 0 for p in view.ledger.posts) else None
    if post is None:  # every demo post is filled: make an empty one
        dlg = view._new_post()
        dlg.employer.setText("坞城街道办事处")
        dlg.post_name.setText("空岗位")
        with qtbot.waitSignal(view.refreshed, timeout=10000):
            _ok(qtbot, dlg)
        post = next(p for p in view.ledger.posts if p.post_name == "空岗位")
    _select(view.posts, lambda p: p.id == post.id)
    dlg = view._close_post()
    with qtbot.waitSignal(view.refreshed, timeout=10000):
        _ok(qtbot, dlg)
    row = next(i for i in range(view.posts.rowCount())
               if view.posts.item(i, 0).data(Qt.ItemDataRole.UserRole).id == post.id)
    assert view.posts.item(row, 9).text().startswith("已撤销 ") and view.posts.item(row, 7).text() == "0"
