"""render_batch: many sheets in one job, progress, cancel between sheets, deleted records skipped."""

from __future__ import annotations

import datetime as dt
import io
import threading
import tracemalloc
from typing import Any

import pytest
from pypdf import PdfReader

from app.printing.api import all_households, households_on, render_batch
from app.printing.data import SelectionError
from tests.printing.conftest import TODAY, pdf_text


def test_batch_of_all_households(col: Any) -> None:
    ids = all_households(col)
    seen: list[tuple[int, int]] = []
    buf = io.BytesIO()
    result = render_batch(col, "visit-sheet", ids, buf, progress=lambda d, t, label="": seen.append((d, t)),
                          today=TODAY)
    assert not result.cancelled and result.sheets == len(ids) == 45  # every household of the demo store
    assert seen == [(i, len(ids)) for i in range(1, len(ids) + 1)]
    reader = PdfReader(io.BytesIO(buf.getvalue()))
    assert len(reader.pages) == result.pages >= 30
    text = "".join(reader.pages[i].extract_text() for i in range(3))
    assert text.count("入户走访登记表") == 3
    for hid in ids[:1]:
        head = col.records.children("person", "household_id", hid)[0]
        assert head["name"] in text


def test_cancel_between_sheets_writes_nothing(col: Any) -> None:
    ids = all_households(col)
    cancel = threading.Event()
    done: list[int] = []

    def progress(d: int, t: int, label: str = "") -> None:
        done.append(d)
        if d == 5:
            cancel.set()

    buf = io.BytesIO()
    result = render_batch(col, "visit-sheet", ids, buf, progress=progress, cancel=cancel, today=TODAY)
    assert result.cancelled and result.sheets == 5 and done[-1] == 5
    assert buf.getvalue() == b""  # nothing half-written


def test_cancel_callable(col: Any) -> None:
    buf = io.BytesIO()
    result = render_batch(col, "visit-sheet", all_households(col), buf, cancel=lambda: True, today=TODAY)
    assert result.cancelled and result.sheets == 0 and buf.getvalue() == b""


def test_deleted_records_are_skipped(col: Any) -> None:
    ids = all_households(col)[:3]
    col.records.delete("household", ids[1])
    buf = io.BytesIO()
    result = render_batch(col, "visit-sheet", ids, buf, today=TODAY)
    assert result.sheets == 2 and result.skipped == [ids[1]]
    with pytest.raises(SelectionError):
        render_batch(col, "visit-sheet", [ids[1]], io.BytesIO(), today=TODAY)


def test_by_date_follows_the_route(col: Any, ids: dict[str, str]) -> None:
    day = dt.date.fromisoformat(ids["planned_on"])
    households = households_on(col, day)
    assert households
    buf = io.BytesIO()
    result = render_batch(col, "visit-sheet", day, buf, today=TODAY)
    assert result.sheets == len(households)
    route = io.BytesIO()
    assert render_batch(col, "route", day, route, today=TODAY).sheets == 1
    assert "走访路线单" in pdf_text(route.getvalue())


def test_person_forms_in_batch(col: Any, ids: dict[str, str]) -> None:
    buf = io.BytesIO()
    result = render_batch(col, "policy-card", [ids["case_person"], ids["plan_person"]], buf, today=TODAY)
    assert result.sheets == 2 and pdf_text(buf.getvalue()).count("政策明白卡") >= 2


def test_memory_stays_flat(col: Any) -> None:
    """Traced peak of a 50-sheet batch is not much above a 10-sheet one (pages are compressed as they end)."""
    ids = all_households(col)
    peaks = []
    for n in (10, 50):
        selection = (ids * 3)[:n]
        tracemalloc.start()
        render_batch(col, "visit-sheet", selection, io.BytesIO(), today=TODAY)
        peaks.append(tracemalloc.get_traced_memory()[1] / 2**20)
        tracemalloc.stop()
    assert peaks[1] - peaks[0] < 2.0, peaks  # ≈ 15 KB per extra sheet, incl. the file assembled at save
