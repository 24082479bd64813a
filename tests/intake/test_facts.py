"""Editing a person's facts on the 基本情况 tab: the 概况 verdict follows; a bad value is refused at its field."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.intake.helpers import older_woman, person_page, settle, shown_tab, verdicts


def test_edit_a_fact_and_see_eligibility_change(ctx, qtbot) -> None:
    _hid, pid = older_woman(ctx.col)
    view = person_page(qtbot, ctx, pid)
    overview = shown_tab(qtbot, view, "overview")
    assert verdicts(overview)["大龄失业人员"] is False
    facts = shown_tab(qtbot, view, "facts")
    assert facts.flags["hukou_in_shanxi"].isChecked()
    facts.edits["ui_contribution_months"].setText("8")
    qtbot.mouseClick(facts.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: facts.saved_label.text() == "已保存", timeout=10000)
    assert ctx.col.records.get("person", pid)["ui_contribution_months"] == 8
    with qtbot.waitSignal(overview.loaded, timeout=10000):  # hidden, it reads again when shown
        view.tabs.setCurrentWidget(overview)
    assert verdicts(overview)["大龄失业人员"] is True
    assert overview.eligibility.topLevelItem(0).text(0) == "看起来符合认定条件"
    settle(qtbot, view)


def test_bad_facts_are_refused_at_their_fields(ctx, qtbot) -> None:
    hid, pid = older_woman(ctx.col, seq=9)
    view = person_page(qtbot, ctx, pid)
    facts = shown_tab(qtbot, view, "facts")
    before = (ctx.col.records.get("person", pid), ctx.col.records.get("household", hid))
    facts.edits["registered_unemployed_on"].setText("2027-01-05")
    facts.edits["graduated_on"].setText("2024-02-30")
    facts.edits["id_number"].setText("140105197804020010")
    facts.flags["zero_employment"].setChecked(True)
    qtbot.mouseClick(facts.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: facts.errors["registered_unemployed_on"].isVisible(), timeout=5000)
    assert facts.errors["registered_unemployed_on"].text() == "失业登记日期不能晚于今天"
    assert "格式不正确" in facts.errors["graduated_on"].text()
    assert "校验码" in facts.errors["id_number"].text()
    assert "认定日期" in facts.errors["zero_flagged_on"].text()
    assert (ctx.col.records.get("person", pid), ctx.col.records.get("household", hid)) == before
    settle(qtbot, view)
