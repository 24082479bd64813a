"""Services given by phone or at the office count toward the minimum service package."""

from __future__ import annotations

import datetime as dt

import pytest

from app.ops import ValidationError
from app.ops.services import record_service
from app.queries.person_detail import person_services
from tests.conftest import TODAY
from tests.lifecycle.conftest import case_in


def test_service_by_phone_counts_toward_package(col):
    case = case_in(col, "helping")
    pid = case["person_id"]
    before = {r.service: r.done for r in person_services(col, pid).package.requirements}
    sid = record_service(col, pid, {"kind": "job_recommendation", "channel": "phone", "served_on": TODAY,
                                    "employer": "某超市", "post": "理货员", "result": "已推荐，待面试"}, today=TODAY)
    s = col.records.get("service", sid)
    assert (s["channel"], s["visit_id"], s["by"]) == ("phone", None, col.user["display_name"])
    after = {r.service: r.done for r in person_services(col, pid).package.requirements}
    assert after["job_recommendation"] == before["job_recommendation"] + 1
    with pytest.raises(ValidationError) as err:
        record_service(col, pid, {"kind": "job_recommendation", "channel": "fax", "served_on": TODAY + dt.timedelta(1)},
                       today=TODAY)
    assert set(err.value.errors) == {"kind", "channel", "served_on"}


def test_record_service_from_person_page(qtbot, col) -> None:
    from PySide6.QtCore import Qt

    from tests.ui.test_records_support import type_text
    from ui.context import AppContext
    from ui.dialogs.service_dialog import ServiceDialog
    from ui.views.person.page import PersonView

    ctx = AppContext(col)
    try:
        case = case_in(col, "helping")
        view = PersonView(ctx, today_fn=lambda: TODAY)
        qtbot.addWidget(view)
        view.show()
        with qtbot.waitSignal(view.refreshed, timeout=10000):
            view.show_record("person", case["person_id"])
        section = view.section("services")
        view.tabs.setCurrentWidget(section)
        qtbot.waitUntil(lambda: section.data is not None, timeout=10000)
        rows = section.services.rowCount()
        qtbot.mouseClick(section.add_btn, Qt.MouseButton.LeftButton)
        dlg = next(w for w in section.findChildren(ServiceDialog))
        dlg.kind.setCurrentIndex(dlg.kind.findData("job_recommendation"))
        qtbot.mouseClick(dlg.ok_btn, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "推荐单位和岗位" in dlg.error.text(), timeout=10000)
        type_text(dlg.employer, "某超市")
        type_text(dlg.post, "理货员")
        dlg.channel.setCurrentIndex(dlg.channel.findData("office"))
        with qtbot.waitSignal(dlg.accepted, timeout=10000):
            qtbot.mouseClick(dlg.ok_btn, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: section.services.rowCount() == rows + 1, timeout=10000)
        shown = [[section.services.item(r, c).text() for c in range(4)] for r in range(section.services.rowCount())]
        assert [TODAY.isoformat(), "职业介绍/岗位推荐", "窗口/办公室", "某超市"] in shown
    finally:
        ctx.wait_idle()
        ctx.close()
