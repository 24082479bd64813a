"""The intake forms on real widgets: a household of three where one ID number is refused and then corrected;
an ID number already in the store opens the person who has it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from app.rules.idcard import make_id

TODAY = dt.date(2026, 11, 25)


def _id(year: int, seq: int) -> str:
    return make_id("140105", dt.date(year, 3, 9), seq)


def _type(qtbot, widget, text: str) -> None:
    """Type ASCII as key clicks; Chinese arrives through the input method, i.e. as inserted text."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)


def _persons(col) -> int:
    return col.counts()["person"]


def test_household_of_three_one_id_refused_then_corrected(ctx, qtbot) -> None:
    from ui.dialogs.register_dialog import NewHouseholdDialog

    opened: list[tuple[str, str]] = []
    ctx.open_record.connect(lambda k, r: opened.append((k, r)))
    dlg = NewHouseholdDialog(ctx, today=TODAY)
    qtbot.addWidget(dlg)
    dlg.show()
    _type(qtbot, dlg.address, "坞城南路 12 号 2 单元 301")
    head = dlg.members[0]
    _type(qtbot, head.name, "周建国")
    _type(qtbot, head.id_number, _id(1972, 111))
    assert "1972-03-09" in head.id_info.text() and "男" in head.id_info.text()
    qtbot.mouseClick(dlg.add_button, Qt.MouseButton.LeftButton)
    spouse = dlg.members[1]
    _type(qtbot, spouse.name, "吴秀英")
    wrong = _id(1974, 222)[:-1] + ("1" if _id(1974, 222)[-1] != "1" else "2")
    _type(qtbot, spouse.id_number, wrong)
    _type(qtbot, spouse.phone, "13812345678")
    child = dlg.add_member("子女")
    _type(qtbot, child.name, "周小明")
    _type(qtbot, child.id_number, _id(2001, 333).lower())
    before = _persons(ctx.col)
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: spouse.errors["id_number"].isVisible(), timeout=5000)
    assert "校验码不符" in spouse.errors["id_number"].text()
    assert not head.errors["id_number"].isVisible() and _persons(ctx.col) == before
    spouse.id_number.setText(_id(1974, 222))
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.result() == dlg.DialogCode.Accepted, timeout=5000)
    assert _persons(ctx.col) == before + 3
    people = [ctx.col.records.get("person", p) for p in dlg.saved_ids]
    assert [p["name"] for p in people] == ["周建国", "吴秀英", "周小明"]
    assert len({p["household_id"] for p in people}) == 1
    assert opened == [("person", dlg.saved_ids[0])]


def test_duplicate_id_opens_the_existing_person(ctx, qtbot) -> None:
    from app import ops
    from ui.dialogs.register_dialog import AddMemberDialog

    hid, (pid,) = ops.people.register_household(ctx.col, area_code="140105001001", household={"address": "甲"},
                                                members=[{"name": "郑一", "id_number": _id(1980, 5)}], today=TODAY)
    opened: list[tuple[str, str]] = []
    ctx.open_record.connect(lambda k, r: opened.append((k, r)))
    dlg = AddMemberDialog(ctx, hid, today=TODAY)
    qtbot.addWidget(dlg)
    dlg.show()
    _type(qtbot, dlg.person.name, "郑一")
    _type(qtbot, dlg.person.id_number, _id(1980, 5)[:6] + _id(1980, 5)[8:17])  # the old 15-digit form
    before = _persons(ctx.col)
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: opened == [("person", pid)], timeout=5000)
    assert _persons(ctx.col) == before and dlg.saved_ids == [pid]


def test_member_added_from_the_visit_form(ctx, qtbot) -> None:
    from tests.intake.helpers import older_woman
    from ui.dialogs.register_dialog import AddMemberDialog
    from ui.dialogs.visit_form import VisitForm

    hid, pid = older_woman(ctx.col, seq=41)
    opened: list[tuple[str, str]] = []
    ctx.open_record.connect(lambda k, r: opened.append((k, r)))
    form = VisitForm(ctx, pid, today=TODAY, restore=False)
    qtbot.addWidget(form)
    form.show()
    rows = form.members.rowCount()
    qtbot.mouseClick(form.add_member_button, Qt.MouseButton.LeftButton)
    dlg = form.findChild(AddMemberDialog)
    _type(qtbot, dlg.person.name, "冯小军")
    _type(qtbot, dlg.person.id_number, _id(2004, 51))
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.members.rowCount() == rows + 1, timeout=5000)
    new = form.members.item(rows, 0).data(Qt.ItemDataRole.UserRole)
    assert ctx.col.records.get("person", new["person_id"])["household_id"] == hid
    assert form.members.item(rows, 2).text() == "22" and opened == []  # the form stays where it is
    form.reject()
