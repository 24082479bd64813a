"""Two records with one ID number (as a sync brings them from two laptops): the 基本情况 tab says so, the merge
dialog shows them side by side, and merging keeps what both hold."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app import ops
from tests.intake.helpers import AREA, TODAY, older_woman, person_page, settle, shown_tab


def test_merge_two_records_side_by_side(ctx, qtbot) -> None:
    from ui.dialogs.merge_dialog import MergeDialog

    hid, pid = older_woman(ctx.col, seq=31, phone="13911110000")
    number = ctx.col.records.get("person", pid)["id_number"]
    with ctx.col.records.transaction() as tx:  # what a pull from the other laptop writes (no intake check)
        other = tx.create("person", {"household_id": hid, "name": "冯桂兰", "id_number": number,
                                     "phone": "13755556666", "worker": "刘强"}, area_code=AREA)
        tx.create("service", {"person_id": other, "kind": "career_guidance", "served_on": TODAY}, area_code=AREA)
    with pytest.raises(ops.people.DuplicatePersonError):  # intake itself never makes a second one
        ops.people.register_person(ctx.col, household_id=hid, values={"name": "冯桂兰", "id_number": number},
                                   today=TODAY)
    view = person_page(qtbot, ctx, pid)
    facts = shown_tab(qtbot, view, "facts")
    assert facts.merge_button.isVisible() and "另一条人员记录相同" in facts.duplicate_label.text()
    qtbot.mouseClick(facts.merge_button, Qt.MouseButton.LeftButton)
    dlg = facts.findChild(MergeDialog)
    assert "phone" in dlg.groups and "worker" in dlg.groups
    dlg.choose("phone", 2)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ctx.col.records.get("person", other)["deleted"], timeout=5000)
    kept = ctx.col.records.get("person", pid)
    assert kept["phone"] == "13755556666" and kept["worker"] == "张丽"
    assert [s["kind"] for s in ctx.col.records.children("service", "person_id", pid)] == ["career_guidance"]
    settle(qtbot, view)
