"""app.search: matching by name, pinyin initials, full pinyin, ID and phone digits; ranking; filters; updates."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypinyin import Style, lazy_pinyin

from app.search import Filters, PersonIndex, normalize, query_mode, read_people
from app.search_keys import syllables_of

TODAY = dt.date(2026, 11, 25)


def _index(people: list[tuple[str, str, str, str, str]], **kw: Any) -> PersonIndex:
    """(id, name, initials, pinyin, id_number, phone) rows → an index, as build() would make it."""
    rows = sorted(((pid, name, f"{idn.lower()}\x01{phone}", f"{ini}\x01{py}", "140105001001", "unemployed")
                   for pid, name, ini, py, idn, phone in people), key=lambda r: r[3].partition("\x01")[2])
    idx = PersonIndex.from_rows(rows, today=TODAY)
    idx.prepare()
    return idx


PEOPLE = [
    ("p1", "张三", "zs", "zhangsan", "14010519800101001X", "13812345678"),
    ("p2", "张三丰", "zsf", "zhangsanfeng", "140105198502020021", "13998765432"),
    ("p3", "赵四", "zs", "zhaosi", "140106199003030034", "15034561234"),
    ("p4", "李张三", "lzs", "lizhangsan", "140213197704040045", "18612340000"),
    ("p5", "王芳", "wf", "wangfang", "140105196905050056", "13712345000"),
]


def names(idx: PersonIndex, q: str, **kw: Any) -> list[str]:
    return [idx.name[r] for r in idx.search(q, **kw)]


def test_query_modes_and_normalization() -> None:
    assert normalize(" １３８ 1234-5678 ") == "13812345678"
    assert query_mode("138") == "digits" and query_mode("14010519800101001x") == "digits"
    assert query_mode("zs") == "latin" and query_mode("张") == "name" and query_mode("x") == "latin"


def test_pinyin_initials_rank_exact_first() -> None:
    idx = _index(PEOPLE)
    got = names(idx, "zs")
    assert set(got[:2]) == {"张三", "赵四"}  # initials exactly "zs"
    assert got[2] == "张三丰"  # initials start with zs
    assert "李张三" not in got  # two letters match prefixes only
    assert idx.search("zs").exact == 2


def test_full_pinyin_prefix_and_inside() -> None:
    idx = _index(PEOPLE)
    assert names(idx, "zhangsan")[:2] == ["张三", "张三丰"]
    assert names(idx, "zhangsan")[2:] == ["李张三"]  # contains, ranked last
    assert names(idx, "zhangs") == ["张三", "张三丰", "李张三"]


def test_name_exact_prefix_contains() -> None:
    idx = _index(PEOPLE)
    assert names(idx, "张三") == ["张三", "张三丰", "李张三"]
    assert names(idx, "芳") == ["王芳"]


def test_id_and_phone_digits() -> None:
    idx = _index(PEOPLE)
    assert names(idx, "14010519800101001x") == ["张三"]
    assert names(idx, "14010519800101001X") == ["张三"]
    assert set(names(idx, "140105")) == {"张三", "张三丰", "王芳"}
    assert names(idx, "0034") == ["赵四"]  # last digits of an ID number
    assert names(idx, "5678") == ["张三"]  # last digits of a phone
    assert names(idx, "138 1234 5678") == ["张三"]
    assert set(names(idx, "1")) == {p[1] for p in PEOPLE}  # one digit: prefixes only, each person once
    assert names(idx, "00") == []  # two digits inside a number are noise


def test_filters_and_sorting() -> None:
    idx = _index(PEOPLE)
    idx.area[idx.row_of("p3")] = "140106001001"
    idx._allowed_cache = None
    assert names(idx, "zs", filters=Filters(community="140106001001")) == ["赵四"]
    assert names(idx, "", sort="phone") == ["王芳", "张三", "张三丰", "赵四", "李张三"]
    assert names(idx, "", sort="phone", descending=True)[0] == "李张三"
    assert names(idx, "zs", sort="id_number") == ["张三", "张三丰", "赵四"]


def test_update_insert_rename_delete() -> None:
    idx = _index(PEOPLE)
    idx.update([{"id": "p6", "name": "欧阳修", "name_pinyin": "ouyangxiu", "name_initials": "oyx",
                 "id_number": "140105199106060067", "phone": "13611112222", "area_code": "140105001001",
                 "employment_status": "unemployed"}])
    assert names(idx, "oyx") == ["欧阳修"] and names(idx, "2222") == ["欧阳修"]
    idx.update([{"id": "p1", "name": "张珊", "name_pinyin": "zhangshan", "name_initials": "zs",
                 "id_number": "14010519800101001X", "phone": "13812345678", "area_code": "140105001001",
                 "employment_status": "employed"}])
    assert "张三" not in names(idx, "zs") and "张珊" in names(idx, "zs")
    assert names(idx, "zhangsh") == ["张珊"]
    idx.update([{"id": "p2", "deleted": True}])
    assert "张三丰" not in names(idx, "zs") and len(idx) == 5
    assert names(idx, "", sort="id_number") == ["王芳", "张珊", "欧阳修", "赵四", "李张三"]


@pytest.fixture
def built(col: Any) -> PersonIndex:
    idx = PersonIndex.build(col.records, today=TODAY)
    assert idx is not None
    return idx


def test_build_from_store_matches_sql(col: Any, built: PersonIndex) -> None:
    with col.records.reading() as conn:
        rows = conn.exec_driver_sql("SELECT id, name, name_initials, id_number, phone FROM person "
                                    "WHERE deleted = 0").fetchall()
    assert len(built) == len(rows)
    pid, name, initials, id_number, phone = rows[len(rows) // 2]
    assert pid in built.search(initials).ids
    assert pid in built.search(id_number[-4:]).ids
    assert pid in built.search(phone[-4:]).ids
    assert built.search(name).ids[0] in {r[0] for r in rows if r[1] == name}


def test_filters_from_cases_and_services(col: Any, built: PersonIndex) -> None:
    from app.queries.person_list import sql_search

    for f in (Filters(stage="helping"), Filters(category="dibao"), Filters(due="overdue"), Filters(due="soon"),
              Filters(incomplete_package=True), Filters(stage="helping", incomplete_package=True)):
        ids, n = sql_search(col.records, "", f, 100000, TODAY)
        assert set(built.search("", f).ids) == set(ids), f
        assert n == len(built.search("", f))


def test_update_from_store_after_a_change(col: Any, built: PersonIndex) -> None:
    with col.records.reading() as conn:
        pid = conn.exec_driver_sql("SELECT id FROM person WHERE deleted = 0 LIMIT 1").scalar()
    col.records.update("person", pid, {"name": "司马光明", "phone": "13900001111"})
    built.update(*read_people(col.records, [pid]))
    assert list(built.search("smgm").ids) == [pid]
    assert list(built.search("00001111").ids) == [pid]
    col.records.delete("person", pid)
    built.update(*read_people(col.records, [pid]))
    assert list(built.search("smgm").ids) == []


def test_packed_ids() -> None:
    from app.search import PackedIds

    u = "0f8c3a1e-5b7d-4c2a-9e6f-1a2b3c4d5e6f"
    ids = PackedIds([u, "not-a-uuid", u.upper()])
    assert list(ids) == [u, "not-a-uuid", u.upper()] and ids[-1] == u.upper() and ids[0:2] == [u, "not-a-uuid"]
    assert ids.rows_of(u) == [0] and ids.rows_of("not-a-uuid") == [1] and ids.rows_of("x") == []


def test_build_can_be_cancelled(col: Any) -> None:
    import threading

    stop = threading.Event()
    stop.set()
    assert PersonIndex.build(col.records, cancel=stop) is None


_NAME_CHARS = st.one_of(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), st.sampled_from("曾单解朴仇区查长重乐 ·A-z1"))


@settings(max_examples=3000, deadline=None)
@given(st.text(_NAME_CHARS, min_size=1, max_size=5))
def test_fast_syllables_are_pypinyins(name: str) -> None:
    assert syllables_of(name) == lazy_pinyin(name, style=Style.NORMAL, errors="ignore")


@pytest.mark.parametrize("name", ["曾国藩", "单田芳", "解缙", "查良镛", "重庆路", "长城", "欧阳修", "诸葛亮", "张 三"])
def test_names_with_phrases_and_polyphones(name: str) -> None:
    assert syllables_of(name) == lazy_pinyin(name, style=Style.NORMAL, errors="ignore")
