"""The fast paths a pulled record's values take to their stored form give what the general ones give."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.model.canonical import FieldValueError, dumps
from app.store.records import _json_text, _wire_and_raw

_json = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(_json)
def test_json_text_is_the_canonical_text(value) -> None:  # noqa: ANN001
    assert _json_text(value) == dumps(value)


def test_json_text_falls_back_where_orjson_refuses() -> None:
    big = [2**70]
    assert _json_text(big) == dumps(big) == "[1180591620717411303424]"


@given(st.dates())
def test_a_canonical_date_is_kept_as_it_is(day: dt.date) -> None:
    wire, row = _wire_and_raw("visit", {"visited_on": day.isoformat()})
    assert wire == row == {"visited_on": day.isoformat()}


def test_other_date_forms_go_through_coerce() -> None:
    wire, _ = _wire_and_raw("visit", {"visited_on": "20250902", "planned_on": "2025-W01-1"})
    assert wire == {"visited_on": "2025-09-02", "planned_on": "2024-12-30"}
    with pytest.raises(FieldValueError):
        _wire_and_raw("visit", {"visited_on": "2025-02-30"})
