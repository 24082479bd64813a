"""Pushed unemployment-registration applications: a queue with a working-day countdown from the first day,
accept (linked or created) or refuse with a reason, the first contact within 5 working days; overdue ones
stay on the to-do list."""

from __future__ import annotations

import datetime as dt

import pytest

from app.ops.registrations import accept_application, record_contact, refuse_application
from app.ops.validation import ValidationError
from app.queries.matching import registration_queue
from app.queries.todo import todo
from app.rules.idcard import make_id
from tests.matching.conftest import COMMUNITY, REGISTERED

PUSHED = dt.date(2026, 11, 24)  # a Tuesday: due Friday 11-27 (3 working days)


def _push(col, number: str = "SQ001", id_number: str = REGISTERED, name: str = "王登记") -> str:  # noqa: ANN001
    # As the platform's feed would deliver it (pulled records are written the same way).
    return col.records.create("registration_application", {
        "application_no": number, "person_name": name, "id_number": id_number, "received_on": PUSHED,
        "due_on": dt.date(2026, 11, 27), "status": "pending", "phone": "13912345678"}, area_code=COMMUNITY)


def _items(col, day: dt.date) -> list:  # noqa: ANN001
    return [i for i in todo(col, day) if i.kind == "registration"]


def test_countdown_from_the_first_day_and_overdue_stays(store) -> None:  # noqa: ANN001
    col, _ = store
    app_id = _push(col)
    (first,) = _items(col, PUSHED)
    assert (first.record_id, first.overdue, first.due_on) == (app_id, False, dt.date(2026, 11, 27))
    assert "剩余 3 个工作日" in first.due_text and "SQ001" in first.detail
    (late,) = _items(col, dt.date(2026, 11, 30))
    assert late.overdue and "已超期 1 个工作日" in late.due_text
    with col.records.reading() as conn:
        (q,) = registration_queue(conn, dt.date(2026, 12, 2))
    assert (q.phase, q.overdue, q.remaining_workdays) == ("handle", True, -3)


def test_accept_links_the_known_person_then_contact(store) -> None:  # noqa: ANN001
    col, ids = store
    app_id = _push(col)
    day = dt.date(2026, 11, 25)
    assert accept_application(col, app_id, today=day) == ids["registered"]
    app = col.records.get("registration_application", app_id)
    assert (app["status"], app["handled_on"], app["person_id"]) == ("accepted", day, ids["registered"])
    assert app["contact_due_on"] == dt.date(2026, 12, 2)  # 5 working days after registering
    assert col.records.get("person", ids["registered"])["registered_unemployed_on"] == day
    (item,) = _items(col, day)
    assert "登记后联系" in item.detail and item.person_id == ids["registered"] and not item.overdue
    assert _items(col, dt.date(2026, 12, 3))[0].overdue
    record_contact(col, app_id, dt.date(2026, 11, 26), note="电话联系，约定走访")
    assert _items(col, dt.date(2026, 12, 3)) == []
    with pytest.raises(ValidationError, match="已办结"):
        accept_application(col, app_id, today=day)


def test_accept_without_a_person_creates_one(store) -> None:  # noqa: ANN001
    col, _ = store
    number = make_id("140105", dt.date(1995, 6, 7), 55)
    app_id = _push(col, "SQ002", number, "周新")
    (item,) = _items(col, PUSHED)
    assert item.person_id is None and item.title == "周新"
    pid = accept_application(col, app_id, today=PUSHED)
    person = col.records.get("person", pid)
    assert (person["name"], person["id_number"], person["phone"]) == ("周新", number, "13912345678")
    assert person["area_code"] == COMMUNITY and person["registered_unemployed_on"] == PUSHED
    assert col.records.get("household", person["household_id"]) is not None


def test_accept_refuses_a_person_with_another_id(store) -> None:  # noqa: ANN001
    col, ids = store
    app_id = _push(col)
    with pytest.raises(ValidationError, match="不一致"):
        accept_application(col, app_id, person_id=ids["helping"], today=PUSHED)
    assert col.records.get("registration_application", app_id)["status"] == "pending"


def test_refuse_with_a_reason(store) -> None:  # noqa: ANN001
    col, _ = store
    app_id = _push(col)
    with pytest.raises(ValidationError, match="不予受理原因"):
        refuse_application(col, app_id, "nonsense", today=PUSHED)
    with pytest.raises(ValidationError, match="须填写说明"):
        refuse_application(col, app_id, "other", today=PUSHED)
    refuse_application(col, app_id, "employed", note="已在某公司参保", today=PUSHED)
    app = col.records.get("registration_application", app_id)
    assert (app["status"], app["refuse_reason"], app["handled_by"]) == ("rejected", "employed", "zhangli")
    assert _items(col, dt.date(2026, 12, 3)) == []
