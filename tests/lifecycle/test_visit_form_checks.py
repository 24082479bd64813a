"""pytest-qt: the visit form stops contradictions and a restored draft restores every field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDateEdit, QLineEdit

from app.ops import ValidationError, drafts
from app.ops.visits import record_visit, validate_visit
from app.queries.drafts import load_draft
from tests.conftest import TODAY
from tests.ui.test_records_support import ctx, snapshot, type_text, unemployed_person  # noqa: F401
from ui.dialogs.visit_form import VisitForm


def _form(qtbot, ctx, person, restore=False) -> VisitForm:  # noqa: F811
    form = VisitForm(ctx, person["id"], today=TODAY, restore=restore)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitExposed(form)
    return form


def _type_date(qtbot, edit: QDateEdit, text: str, leave_to) -> None:  # noqa: ANN001
    """Type over the year (selected on focus-in), then leave the field as a user does (focus elsewhere)."""
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus, timeout=5000)
    qtbot.wait(50)  # focus-in selects the first section, the year
    assert edit.currentSection() == QDateEdit.Section.YearSection
    QTest.keyClicks(edit, text)
    leave_to.setFocus()
    qtbot.waitUntil(lambda: not edit.hasFocus(), timeout=5000)


def _own_combo(form: VisitForm):
    return form.members.cellWidget(form._own_row(), 3)


def test_no_need_excludes_other_needs(qtbot, ctx, col) -> None:  # noqa: F811
    form = _form(qtbot, ctx, unemployed_person(col))
    for need in ("岗位推荐", "政策咨询", "暂无需求"):
        form.needs[need].click()
    assert [n for n, cb in form.needs.items() if cb.isChecked()] == ["暂无需求"]
    form.needs["职业指导"].click()
    assert [n for n, cb in form.needs.items() if cb.isChecked()] == ["职业指导"]
    # The rule holds without the form too.
    values = {"visited_on": TODAY, "employment_status": "unemployed", "employment_intention": "有意愿",
              "service_needs": ["暂无需求", "岗位推荐"]}
    assert validate_visit(values, [], TODAY)["service_needs"] == "“暂无需求”不能与其他服务需求同时选择"


def test_own_member_status_follows_main_status(qtbot, ctx, col) -> None:  # noqa: F811
    person = unemployed_person(col)
    form = _form(qtbot, ctx, person)
    form.employment_status.setCurrentIndex(form.employment_status.findData("self_employed"))
    assert _own_combo(form).currentData() == "self_employed"
    _own_combo(form).setCurrentIndex(_own_combo(form).findData("unemployed"))
    assert form.employment_status.currentData() == "unemployed"
    # A contradiction that reaches the operation (an old draft, another client) is refused, nothing stored.
    members = [{"person_id": person["id"], "status": "employed"}]
    values = {"visited_on": TODAY, "employment_status": "unemployed", "employment_intention": "有意愿",
              "service_needs": ["岗位推荐"], "members": members}
    before = snapshot(col)
    try:
        record_visit(col, person["id"], values, [], today=TODAY)
        raise AssertionError("contradiction accepted")
    except ValidationError as err:
        assert "本人的就业状态" in err.errors["members"]
    assert snapshot(col) == before


def test_typed_year_is_never_silently_changed(qtbot, ctx, col) -> None:  # noqa: F811
    person = unemployed_person(col)
    form = _form(qtbot, ctx, person)
    _type_date(qtbot, form.visited_on, "25", form.notes)  # meant 2025, Qt keeps 2026 when focus leaves
    assert "“25-" in form.visited_on.problem()
    before = snapshot(col)
    qtbot.mouseClick(form.save_btn, Qt.MouseButton.LeftButton)
    assert "无效" in form._errors["visited_on"].text()
    ctx.wait_idle()
    assert snapshot(col)["visit"] == before["visit"]
    # Typing a whole date clears the message.
    _type_date(qtbot, form.visited_on, "2026", form.notes)
    assert form.visited_on.problem() == ""
    # Next visit: a year before the minimum would silently become 未安排.
    _type_date(qtbot, form.next_visit_on, "1999", form.notes)
    assert form.next_visit_on.problem() and "next_visit_on" in form.validate()


def test_restored_draft_restores_every_field_with_ages(qtbot, ctx, col) -> None:  # noqa: F811
    person = unemployed_person(col)
    form = _form(qtbot, ctx, person)
    ages = [form.members.item(r, 2).text() for r in range(form.members.rowCount())]
    assert any(ages)
    form.employment_status.setCurrentIndex(form.employment_status.findData("employed"))
    type_text(form.employment_intention.lineEdit(), "已找到工作")
    qtbot.mouseClick(form.needs["政策咨询"], Qt.MouseButton.LeftButton)
    form.unemployment_reason.setCurrentText("合同到期")
    form.skill_level.setCurrentText("中级工")
    form.training_wish.setCurrentText("视情况")
    for name, edit in form.text.items():
        edit.setText(f"{name}-值" if name != "contact_method" else "13912345678")
    type_text(form.notes, "草稿里的走访情况")
    for key, text in (("employer", "某公司"), ("post", "文员"), ("started_on", "2026-11-20")):
        form.employment.edits[key].setText(text)
    form.members.item(0, 4).setCheckState(Qt.CheckState.Checked)
    form.add_service_row({"kind": "policy_consultation", "note": "讲解补贴"})
    before = form.draft_data()
    form.save_draft()
    form.close()
    assert load_draft(col, drafts.visit_key(person["id"])) is not None
    again = _form(qtbot, ctx, person, restore=True)
    assert [again.members.item(r, 2).text() for r in range(again.members.rowCount())] == ages
    after = again.draft_data()
    assert after["values"] == before["values"] and after["services"] == before["services"]
    assert after["employment"] == before["employment"] and again.employment_box.isVisible()
    assert isinstance(again.text["contact_method"], QLineEdit)
