"""申请认定 on real widgets: the category the person meets is preselected, another warns; the case starts at
已申请 with the 初审 working-day limit; 提交初审 is refused until every material is ticked or attached."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage

from app import ops
from app.printing.forms import application_form
from app.rules.workdays import add_workdays
from tests.intake.helpers import TODAY, older_woman, person_page, settle, shown_tab


def png_bytes() -> bytes:
    """A small synthetic 'photo of a document' (never a real one)."""
    img = QImage(320, 200, QImage.Format.Format_RGB32)
    img.fill(QColor("#e3f2fd"))
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    return bytes(data.data())


def test_apply_for_older_blocked_until_materials_then_submitted(ctx, qtbot) -> None:
    from ui.dialogs.apply_dialog import ApplyDialog
    from ui.dialogs.workflow_dialog import WorkflowDialog

    _hid, pid = older_woman(ctx.col, ui_contribution_months=8)
    view = person_page(qtbot, ctx, pid)
    overview = shown_tab(qtbot, view, "overview")
    assert overview.stage_label.text() == "尚未申请认定"
    qtbot.mouseClick(overview.findChild(type(view.visit_btn), "action_apply"), Qt.MouseButton.LeftButton)
    dlg = overview.findChild(ApplyDialog)
    assert dlg.category.currentData() == "older" and dlg.warning.text() == ""
    dlg.category.setCurrentIndex(dlg.category.findData("dibao"))
    assert "看起来不符合「低保人员」" in dlg.warning.text()
    dlg.category.setCurrentIndex(dlg.category.findData("older"))
    with qtbot.waitSignal(overview.loaded, timeout=10000):
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    case = ctx.col.records.get("assistance_case", dlg.case_id)
    assert (case["stage"], case["category"], case["applied_on"]) == ("applied", "older", TODAY)
    assert case["due_on"] == add_workdays(TODAY, 7) and case["responsible"] == "张丽"
    assert "已申请" in overview.stage_label.text()
    assert add_workdays(TODAY, 7).isoformat() in overview.deadline_label.text()

    # 提交初审 without the materials: refused, with the missing ones named.
    submit = WorkflowDialog(ctx, case["id"], "submit", today=TODAY)
    qtbot.addWidget(submit)
    submit.show()
    submit.run()
    qtbot.waitUntil(lambda: submit.error.isVisible(), timeout=5000)
    assert "缺少材料" in submit.error.text() and "居民身份证" in submit.error.text()
    assert ctx.col.records.get("assistance_case", case["id"])["stage"] == "applied"

    materials = shown_tab(qtbot, view, "materials")
    assert "缺少" in materials.missing_label.text()
    with qtbot.waitSignal(materials.loaded, timeout=10000):
        materials.attach("id_card", "身份证正面.png", "image/png", png_bytes())
    row = materials.tree.topLevelItem(0)
    assert row.checkState(0) == Qt.CheckState.Checked and row.childCount() == 1
    preview = materials.view(row.child(0))
    qtbot.addWidget(preview)
    assert preview.findChild(type(materials.case_label)).pixmap().width() > 0  # shown from memory
    for i in range(1, materials.tree.topLevelItemCount()):
        with qtbot.waitSignal(materials.loaded, timeout=10000):
            materials.tree.topLevelItem(i).setCheckState(0, Qt.CheckState.Checked)
    assert "材料齐全" in materials.missing_label.text()
    submit.run()
    qtbot.waitUntil(lambda: ctx.col.records.get("assistance_case", case["id"])["stage"] == "community_review",
                    timeout=5000)
    steps = ctx.col.records.children("case_step", "case_id", case["id"])
    assert sorted(s["action"] for s in steps) == ["apply", "submit"]
    assert {s["by"] for s in steps} == {"张丽"}  # names, not login names
    settle(qtbot, view)


def test_the_form_prints_prefilled_from_the_case(col) -> None:
    _hid, pid = older_woman(col, seq=21, ui_contribution_months=8)
    cid = ops.applications.apply(col, pid, category="older", today=TODAY)
    with col.records.reading() as conn:
        data = application_form.load(conn, pid, TODAY)
    assert data["case"]["id"] == cid and data["case"]["category"] == "older"


@pytest.mark.parametrize(("birth", "message"), [(dt.date(2011, 1, 1), "未满 16 周岁"),
                                                (dt.date(1960, 1, 1), "已达法定退休年龄")])
def test_age_outside_working_age_is_refused(col, birth, message) -> None:
    from app.rules.idcard import make_id

    hid, (pid,) = ops.people.register_household(
        col, area_code="140105001001", household={"address": "乙"},
        members=[{"name": "褚一", "id_number": make_id("140105", birth, 11)}], today=TODAY)
    before = col.counts()
    with pytest.raises(ops.ValidationError) as err:
        ops.applications.apply(col, pid, category="long_term", today=TODAY)
    assert message in err.value.errors["id_number"] and col.counts() == before


def test_other_needs_note_and_document_and_one_open_case(col) -> None:
    _hid, pid = older_woman(col, seq=23)
    with pytest.raises(ops.ValidationError) as err:
        ops.applications.apply(col, pid, category="other", other_note="", today=TODAY)
    assert set(err.value.errors) == {"other_note", "other_document"}
    cid = ops.applications.apply(col, pid, category="other", other_note="城市更新拆迁户",
                                 other_document="并政发〔2026〕9号", today=TODAY)
    assert "并政发〔2026〕9号" in col.records.get("assistance_case", cid)["other_category_note"]
    with pytest.raises(ops.ValidationError) as err:
        ops.applications.apply(col, pid, category="older", today=TODAY)
    assert "已有办理中的认定申请" in err.value.errors["case"]


def test_only_a_supervisor_reassigns(col) -> None:
    _hid, pid = older_woman(col, seq=25)
    cid = ops.applications.apply(col, pid, category="long_term", today=TODAY)
    with pytest.raises(ops.ValidationError):
        ops.applications.set_responsible(col, cid, "王强")
    col.set_user({**col.user, "role": "supervisor", "name": "wangqiang", "display_name": "王强"})
    ops.applications.set_responsible(col, cid, "李娜")
    assert col.records.get("assistance_case", cid)["responsible"] == "李娜"


def test_history_and_review_queue_show_names_not_logins(col) -> None:
    from app.queries.person_detail import person_history
    from app.queries.reviews import queue

    _hid, pid = older_woman(col, seq=27)
    assert {e.actor for e in person_history(col, pid)} == {"张丽"}  # written by login zhangli
    workers = {i.worker for i in queue(col, today=TODAY)}
    assert workers and not workers & {"zhangli", "liuqiang"}


def test_printed_forms_show_names(col) -> None:
    from app.printing.api import route_visits
    from app.printing.forms import route, visit_sheet

    _hid, pid = older_woman(col, seq=29)
    hid = col.records.get("person", pid)["household_id"]
    with col.records.transaction() as tx:  # a record written with the login, as older data is
        tx.update("person", pid, {"worker": "zhangli"})
    ops.visits.plan_visit(col, pid, TODAY)
    with col.records.reading() as conn:
        assert visit_sheet.load(conn, hid, TODAY)["members"][0]["worker"] == "张丽"
        if route_visits(conn, TODAY):
            assert "zhangli" not in {v.get("worker") for v in route.load(conn, TODAY, TODAY)["visits"]}
