"""A small real store with people matching can find, and writers for the files people bring (CSV in UTF-8 and
GBK, XLSX through openpyxl, XLS through xlwt)."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.collection import Collection
from app.rules.idcard import make_id
from tests.conftest import PASSPHRASE, WORKER

COMMUNITY = "140105001001"
TODAY = dt.date(2026, 11, 25)
# registered unemployed / certified and helping / already employed (out of scope)
REGISTERED = make_id("140105", dt.date(1980, 5, 6), 11)
HELPING = make_id("140105", dt.date(1972, 8, 9), 22)
EMPLOYED = make_id("140105", dt.date(1990, 1, 2), 33)
SI_HEADER = ["序号", "姓名", "公民身份号码", "单位名称", "统一社会信用代码", "险种", "参保日期"]


def add_people(col: Collection, area: str = COMMUNITY) -> dict[str, str]:
    with col.records.transaction() as tx:
        hh = tx.create("household", {"address": "坞城南路 3 号"}, area_code=area)
        ids = {
            "registered": tx.create("person", {"household_id": hh, "name": "王登记", "id_number": REGISTERED,
                                               "employment_status": "unemployed",
                                               "registered_unemployed_on": dt.date(2026, 3, 2)}, area_code=area),
            "helping": tx.create("person", {"household_id": hh, "name": "李帮扶", "id_number": HELPING,
                                            "employment_status": "unemployed"}, area_code=area),
            "employed": tx.create("person", {"household_id": hh, "name": "赵在岗", "id_number": EMPLOYED,
                                             "employment_status": "employed",
                                             "registered_unemployed_on": dt.date(2025, 1, 2)}, area_code=area),
        }
        ids["case"] = tx.create("assistance_case", {"person_id": ids["helping"], "category": "long_term",
                                                    "stage": "helping", "certified_on": dt.date(2026, 2, 1)},
                                area_code=area)
    return ids


def open_view(col: Collection, qtbot: Any, ready: str) -> Iterator[Any]:
    """The 数据比对 tab over ``col``, shown at 1366×700 once its summary says ``ready``; closed after the test."""
    from ui.context import AppContext
    from ui.views.matching.matching_view import MatchingView

    ctx = AppContext(col)
    w = MatchingView(ctx, today_fn=lambda: TODAY)
    qtbot.addWidget(w)
    w.resize(1366, 700)
    w.show()
    qtbot.waitUntil(lambda: ready in w.summary.text(), timeout=10000)
    yield w
    ctx.wait_idle()
    ctx._unsubscribe()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[tuple[Collection, dict[str, str]]]:
    col = Collection.create(tmp_path / "m.db", PASSPHRASE, WORKER)
    ids = add_people(col)
    yield col, ids
    col.close()


def si_rows() -> list[list[Any]]:
    return [
        [1, "王登记", REGISTERED, "太原市某物业公司", "91140105MA0K000001", "养老保险", "2026-10-08"],
        [2, "王登记", REGISTERED, "太原市某物业公司", "91140105MA0K000001", "医疗保险", "2026-10-08"],
        [3, "李帮扶", HELPING.lower(), "山西某餐饮有限公司", "91140105MA0K000002", "养老保险", "2026年9月1日"],
        [4, "赵在岗", EMPLOYED, "某公司", "", "养老保险", "2026-01-01"],
        [5, "陌生人", make_id("140106", dt.date(1985, 1, 1), 44), "某公司", "", "养老保险", "2026-01-01"],
    ]


def write_csv(path: Path, rows: list[list[Any]], encoding: str = "utf-8", header: list[str] = SI_HEADER) -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[Any]], header: list[str] = SI_HEADER) -> Path:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("参保")
    ws.append(["太原市小店区社保参保人员名单"])
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def write_xls(path: Path, rows: list[list[Any]], header: list[str] = SI_HEADER) -> Path:
    import xlwt  # test-only: the one writer of the old binary format on PyPI (no new releases since 2017)

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("参保")
    for j, v in enumerate(header):
        ws.write(0, j, v)
    for i, r in enumerate(rows, 1):
        for j, v in enumerate(r):
            ws.write(i, j, v)
    wb.save(str(path))
    return path
