"""Registering households and people: IDs checked and normalised, duplicates refused, bad input stores nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from app import ops
from app.ops.people import DuplicatePersonError
from app.rules.idcard import make_id

TODAY = dt.date(2026, 11, 25)
AREA = "140105001001"


def _id(year: int, seq: int, region: str = "140105") -> str:
    return make_id(region, dt.date(year, 5, 6), seq)


def _hh(col, members: list[dict]) -> tuple[str, list[str]]:
    return ops.people.register_household(col, area_code=AREA, household={"address": "坞城南路 8 号 3 单元"},
                                         members=members, today=TODAY)


def test_household_with_members_normalises_ids(col) -> None:
    full_width = _id(1980, 101).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    old = _id(1975, 202)
    old15 = old[:6] + old[8:17]  # the 15-digit form of a number from before 1999
    x_id = next(i for i in (_id(1990, s) for s in range(300, 400)) if i.endswith("X"))
    hid, pids = _hh(col, [
        {"name": "赵一", "id_number": full_width, "relation": "户主", "phone": "13912345678"},
        {"name": "钱二", "id_number": old15, "relation": "配偶"},
        {"name": "孙三", "id_number": x_id.lower(), "relation": "子女"},
    ])
    got = [col.records.get("person", p) for p in pids]
    assert [p["id_number"] for p in got] == [_id(1980, 101), old, x_id]
    assert all(p["household_id"] == hid and p["area_code"] == AREA for p in got)
    assert got[0]["worker"] == "张丽"  # the responsible worker by name, not login


def test_bad_member_stores_nothing(col) -> None:
    before = col.counts()
    bad = _id(1980, 101)[:-1] + ("0" if _id(1980, 101)[-1] != "0" else "1")
    with pytest.raises(ops.ValidationError) as err:
        _hh(col, [{"name": "赵一", "id_number": _id(1980, 111)},
                  {"name": "钱二", "id_number": bad, "phone": "1234"},
                  {"name": "", "id_number": _id(1981, 5)}])
    assert "校验码不符" in err.value.errors["members.1.id_number"]
    assert "手机号码" in err.value.errors["members.1.phone"]
    assert err.value.errors["members.2.name"] == "请填写姓名"
    assert col.counts() == before


def test_duplicate_id_names_the_existing_person(col) -> None:
    hid, (pid,) = _hh(col, [{"name": "赵一", "id_number": _id(1980, 121)}])
    with pytest.raises(DuplicatePersonError) as err:
        ops.people.register_person(col, household_id=hid, values={"name": "赵一一", "id_number": _id(1980, 121)},
                                   today=TODAY)
    assert err.value.existing_id == pid and "赵一" in err.value.errors["id_number"]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("registered_unemployed_on", dt.date(2026, 12, 1), "失业登记日期不能晚于今天"),
    ("registered_unemployed_on", "2026-02-30", "格式不正确"),
    ("graduated_on", dt.date(1900, 1, 1), "毕业日期不合理"),
    ("ui_contribution_months", "十二", "须为整数"),
    ("ui_contribution_months", -1, "0–600"),
    ("id_number", "140105198013326710", "出生日期无效"),
    ("employment_status", "在家", "请选择就业状态"),
    ("phone", "1391234567", "应为11位"),
])
def test_bad_fact_is_refused_and_nothing_changes(col, field, value, message) -> None:
    _hid, (pid,) = _hh(col, [{"name": "赵一", "id_number": _id(1980, 131)}])
    before = col.records.get("person", pid)
    with pytest.raises(ops.ValidationError) as err:
        ops.people.update_person(col, pid, {field: value}, today=TODAY)
    assert message in err.value.errors[field]
    assert col.records.get("person", pid) == before


def test_edit_facts_and_household_flags(col) -> None:
    hid, (pid,) = _hh(col, [{"name": "赵一", "id_number": _id(1970, 141)}])
    ops.people.update_person(col, pid, {"hukou_in_shanxi": True, "registered_unemployed_on": "2025-01-02",
                                        "ui_contribution_months": "8"}, today=TODAY)
    p = col.records.get("person", pid)
    assert p["registered_unemployed_on"] == dt.date(2025, 1, 2) and p["ui_contribution_months"] == 8
    with pytest.raises(ops.ValidationError) as err:
        ops.people.update_household(col, hid, {"zero_employment": True, "zero_flagged_on": None}, today=TODAY)
    assert "认定日期" in err.value.errors["zero_flagged_on"]
    ops.people.update_household(col, hid, {"zero_employment": True, "zero_flagged_on": "2026-10-08"}, today=TODAY)
    assert col.records.get("household", hid)["zero_flagged_on"] == dt.date(2026, 10, 8)
