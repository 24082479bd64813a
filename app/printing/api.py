"""Printing API: one form, or a batch of sheets streamed into one PDF job, written to a file-like object.

The app prints from memory (a BytesIO): no unencrypted file is written unless a person asks for one.
"""

from __future__ import annotations

import datetime as dt
import importlib
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, BinaryIO

from sqlalchemy import Connection, select

from app.collection import Collection
from app.printing.data import SelectionError
from app.printing.layout import Document
from app.store.tables import TABLES

# CLI name → module in app/printing/forms (imported on first use).
FORMS: dict[str, str] = {
    "visit-sheet": "visit_sheet",
    "visit-record": "visit_record",
    "help-plan": "help_plan",
    "policy-card": "policy_card",
    "application-form": "application_form",
    "route": "route",
    "welfare-ledger": "welfare_ledger",
}
SELECTOR_LABEL = {"household": "家庭（--household）", "visit": "走访记录（--visit）", "person": "人员（--person）",
                  "date": "日期（--date）"}

Progress = Callable[..., None]  # progress(done, total, label="")
Cancel = threading.Event | Callable[[], bool] | None


class PrintCancelled(Exception):
    """Raised inside a batch when its cancel flag is set (caught by render_batch)."""


@dataclass
class BatchResult:
    sheets: int = 0
    pages: int = 0
    cancelled: bool = False
    skipped: list[str] = field(default_factory=list)  # ids that no longer exist (deleted since selection)


def form(kind: str) -> ModuleType:
    try:
        return importlib.import_module(f"app.printing.forms.{FORMS[kind]}")
    except KeyError:
        raise SelectionError(f"未知的表单类型：{kind}（可选：{'、'.join(FORMS)}）") from None


def title(kind: str) -> str:
    return form(kind).TITLE


def _cancelled(cancel: Cancel) -> bool:
    if cancel is None:
        return False
    if isinstance(cancel, threading.Event):
        return cancel.is_set()
    return bool(cancel())


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise SelectionError(f"日期格式不正确：{value}（应为 YYYY-MM-DD）") from None


# --- selections --------------------------------------------------------------------------------------------
def route_visits(conn: Connection, day: dt.date) -> list[dict[str, Any]]:
    """Planned, not yet made visits on ``day``, in route order (route_order, then address)."""
    from app.printing import data as q
    from app.queries.visits import route_key

    v = TABLES["visit"]
    rows = conn.execute(select(v).where(v.c.planned_on == day, v.c.visited_on.is_(None), v.c.deleted.is_(False)))
    from app.store.records import from_db

    visits = [from_db("visit", r) for r in rows]
    homes = {h["id"]: h for h in q.where_in(conn, "household", "id", {x["household_id"] for x in visits})}
    for x in visits:
        x["_address"] = (homes.get(x["household_id"]) or {}).get("address") or ""
    visits.sort(key=lambda x: route_key(x.get("route_order"), x["_address"]))
    return visits


def households_on(col: Collection, day: dt.date) -> list[str]:
    """Households with a planned visit on ``day``, in route order (each once)."""
    with col.records.reading() as conn:
        visits = route_visits(conn, day)
    return list(dict.fromkeys(x["household_id"] for x in visits if x.get("household_id")))


def all_households(col: Collection) -> list[str]:
    h = TABLES["household"]
    with col.records.reading() as conn:
        rows = conn.execute(select(h.c.id).where(h.c.deleted.is_(False)).order_by(h.c.area_code, h.c.address))
        return [r[0] for r in rows]


def _selector(kind: str, household_id: str | None, person_id: str | None, visit_id: str | None,
              date: dt.date | None) -> Any:
    wanted = form(kind).SELECTOR
    given = {"household": household_id, "person": person_id, "visit": visit_id, "date": date}
    value = given[wanted]
    if value is None:
        others = [SELECTOR_LABEL[k] for k, v in given.items() if v is not None and k != wanted]
        extra = f"（{'、'.join(others)}不适用于此表）" if others else ""
        raise SelectionError(f"{title(kind)}需要指定{SELECTOR_LABEL[wanted]}{extra}")
    return value


# --- rendering ---------------------------------------------------------------------------------------------
def render(col: Collection, kind: str, *, household_id: str | None = None, person_id: str | None = None,
           visit_id: str | None = None, date: dt.date | str | None = None, blank: bool = False,
           out: BinaryIO, today: dt.date | None = None) -> int:
    """Write one form as a PDF to ``out``; returns the page count. Raises SelectionError (Chinese message)."""
    mod = form(kind)
    today = today or dt.date.today()
    doc = Document(out, title=mod.TITLE, today=today)
    if blank:
        if not getattr(mod, "BLANK_OK", False):
            raise SelectionError(f"{mod.TITLE}没有空白版")
        mod.draw(doc, None)
    else:
        key = _selector(kind, household_id, person_id, visit_id, _as_date(date))
        with col.records.reading() as conn:
            data = mod.load(conn, key, today)
        mod.draw(doc, data)
    doc.save()
    return doc.pages


def render_batch(col: Collection, kind: str, selection: Sequence[str] | dt.date | str, out: BinaryIO,
                 progress: Progress | None = None, cancel: Cancel = None,
                 today: dt.date | None = None) -> BatchResult:
    """Stream many sheets into one PDF job on ``out``.

    ``selection`` is a list of record ids (households for visit sheets, persons for plans/cards/applications,
    visits for visit records) or a date (visit sheets of the households planned that day, or that day's
    route). Each sheet is read, drawn and released before the next, so memory stays flat. ``cancel``
    (an Event or a callable) is checked between sheets; a cancelled batch writes nothing to ``out``.
    """
    mod = form(kind)
    today = today or dt.date.today()
    if isinstance(selection, (dt.date, str)):  # a date (a list of ids is never a bare string)
        day = _as_date(selection)
        assert day is not None
        if mod.SELECTOR == "date":
            ids: list[Any] = [day]
        elif kind == "visit-sheet":
            ids = households_on(col, day)
        else:
            raise SelectionError(f"{mod.TITLE}不能按日期批量打印")
    else:
        ids = list(selection)  # type: ignore[arg-type]
    if not ids:
        raise SelectionError("没有要打印的记录")
    result = BatchResult()
    doc = Document(out, title=mod.TITLE, today=today)
    total = len(ids)
    for i, key in enumerate(ids):
        if _cancelled(cancel):
            result.cancelled = True
            return result  # the canvas is never saved: ``out`` stays empty
        try:
            with col.records.reading() as conn:
                data = mod.load(conn, key, today)
        except SelectionError:
            result.skipped.append(str(key))
            continue
        mod.draw(doc, data)
        result.sheets += 1
        if progress:
            progress(i + 1, total, f"{mod.TITLE} {i + 1}/{total}")
    if not result.sheets:
        raise SelectionError("所选记录均已不存在，没有可打印的内容")
    if _cancelled(cancel):
        result.cancelled = True
        return result
    doc.save()
    result.pages = doc.pages
    return result
