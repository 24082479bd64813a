"""Two laptops editing the same household offline converge through the server (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from app.ops.conflicts import Value, resolve_conflict
from app.queries.conflicts import list_conflicts
from tests.sync.support import add_household, assert_converged


def _two(any_server, laptops, second_user: str = "zhangli"):
    a = laptops("a", any_server.url)
    b = laptops("b", any_server.url, user=second_user)
    hh, persons = add_household(a.col)
    assert a.sync().ok
    assert b.sync().ok
    assert b.col.records.get("household", hh) is not None
    return a, b, hh, persons


@pytest.mark.parametrize("second_user", ["zhangli", "wangjun"])
def test_different_fields_merge(any_server, laptops, second_user) -> None:
    a, b, hh, persons = _two(any_server, laptops, second_user)
    a.col.records.update("household", hh, {"address": "新地址 8 号"})
    b.col.records.update("household", hh, {"note": "已走访"})
    b.col.records.update("person", persons[1], {"phone": "13912345678"})
    ra = a.sync()
    rb = b.sync()
    assert ra.ok and rb.ok
    assert rb.conflict == 0 and rb.applied == 2
    # b's push answer already carries a's address (the server merged field by field).
    assert b.col.records.get("household", hh)["address"] == "新地址 8 号"
    assert a.sync().ok
    rec = a.col.records.get("household", hh)
    assert (rec["address"], rec["note"]) == ("新地址 8 号", "已走访")
    assert a.col.records.get("person", persons[1])["phone"] == "13912345678"
    assert_converged(any_server.url, a, b)


@pytest.mark.parametrize("choice", ["local", "server", Value("第三种说法")])
def test_same_field_conflict_keeps_both_until_resolved(any_server, laptops, choice) -> None:
    a, b, hh, _ = _two(any_server, laptops)
    a.col.records.update("household", hh, {"note": "A 的备注", "dibao": True})
    b.col.records.update("household", hh, {"note": "B 的备注", "zero_employment": True})
    assert a.sync().ok
    rb = b.sync()
    assert rb.ok and rb.conflict == 1 and rb.conflicts == 1

    # Both values kept: the row shows B's own value, the conflict row has A's; other fields merged.
    rec = b.col.records.get("household", hh)
    assert rec["note"] == "B 的备注" and rec["conflict"] is True
    assert rec["dibao"] is True and rec["zero_employment"] is True
    [c] = list_conflicts(b.col)
    assert (c["field"], c["local_value"], c["server_value"]) == ("note", "B 的备注", "A 的备注")
    assert b.pending() == 0
    # A pull meanwhile does not overwrite the kept local value.
    assert b.sync().ok
    assert b.col.records.get("household", hh)["note"] == "B 的备注"

    written = resolve_conflict(b.col, "household", hh, "note", choice)
    expected = {"local": "B 的备注", "server": "A 的备注"}.get(choice, getattr(choice, "value", None))
    assert written == expected
    assert list_conflicts(b.col) == []
    assert b.col.records.get("household", hh)["conflict"] is False
    assert b.pending() == 1
    rb = b.sync()
    assert rb.ok and rb.conflict == 0, rb
    assert a.sync().ok
    assert a.col.records.get("household", hh)["note"] == expected
    assert b.col.records.get("household", hh)["note"] == expected
    assert_converged(any_server.url, a, b)


def test_delete_on_one_laptop_edit_on_other(any_server, laptops) -> None:
    a, b, hh, persons = _two(any_server, laptops)
    a.col.records.delete("person", persons[1])
    b.col.records.update("person", persons[0], {"phone": "13800001111"})
    assert a.sync().ok and b.sync().ok and a.sync().ok
    assert b.col.records.get("person", persons[1])["deleted"] is True
    assert_converged(any_server.url, a, b)


def test_edit_here_deleted_there_is_a_conflict(any_server, laptops) -> None:
    a, b, hh, persons = _two(any_server, laptops)
    a.col.records.delete("person", persons[1])
    b.col.records.update("person", persons[1], {"phone": "13800002222"})
    assert a.sync().ok
    rb = b.sync()
    assert rb.ok and rb.conflict == 1
    [c] = list_conflicts(b.col)
    assert (c["field"], c["local_value"], c["server_value"]) == ("deleted", False, True)
    resolve_conflict(b.col, "person", persons[1], "deleted", "local")  # keep the person
    assert b.sync().ok and a.sync().ok
    assert a.col.records.get("person", persons[1])["deleted"] is False
    assert a.col.records.get("person", persons[1])["phone"] == "13800002222"
    assert_converged(any_server.url, a, b)


def test_conflict_closes_itself_when_the_platform_reaches_the_same_value(any_server, laptops) -> None:
    """Issue 15 item 2: once both sides hold the same value there is nothing left for a person to choose."""
    a, b, hh, persons = _two(any_server, laptops)
    a.col.records.update("household", hh, {"note": "A 的备注"})
    a.col.records.update("person", persons[1], {"phone": "13911112222"})
    b.col.records.update("household", hh, {"note": "B 的备注"})
    b.col.records.update("person", persons[1], {"phone": "13933334444"})
    assert a.sync().ok
    rb = b.sync()
    assert rb.ok and rb.conflict == 2 and len(list_conflicts(b.col)) == 2
    # On the platform side the note is changed to B's value: that conflict closes, the phone one stays.
    a.col.records.update("household", hh, {"note": "B 的备注"})
    assert a.sync().ok
    rb = b.sync()
    assert rb.ok and rb.conflicts == 1, rb
    assert [c["field"] for c in list_conflicts(b.col)] == ["phone"]
    assert b.col.records.get("household", hh)["conflict"] is False
    assert b.col.records.get("person", persons[1])["conflict"] is True
    # The phone too: nothing open, nothing to push, every copy the same.
    a.col.records.update("person", persons[1], {"phone": "13933334444"})
    assert a.sync().ok
    rb = b.sync()
    assert rb.ok and rb.conflicts == 0 and list_conflicts(b.col) == []
    assert b.col.records.get("person", persons[1])["conflict"] is False
    assert b.pending() == 0
    assert a.sync().ok
    assert_converged(any_server.url, a, b)
