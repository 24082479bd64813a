"""Data matching: reading a 100 000-row social-insurance XLSX file (``import.rows_per_s``, target ≥ 20 000 rows/s,
and the import's peak memory), and matching its 100 000 rows against 100 000 people in an encrypted store
(``match.s``, target ≤ 3 s: loading the candidates from the store and finding the hits; writing the hits
through the one write path is reported apart as ``match.store_hits_s``)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.context import PASSPHRASE, BenchContext, metric

AREAS = ("140105001001", "140105001002")
HEADER = ["序号", "姓名", "公民身份号码", "单位名称", "统一社会信用代码", "险种", "参保日期"]
MATCHED_SHARE = 0.3  # rows whose person is in the store (the rest are other people of the province)


def _number(i: int) -> str:
    from app.rules.idcard import make_id

    birth = dt.date(1966, 1, 1) + dt.timedelta(days=i % 12000)
    return make_id("140105", birth, i // 12000)


def _xlsx(ctx: BenchContext, rows: int) -> Path:
    path = ctx.work / f"matching-si-{rows}.xlsx"
    if path.exists():
        return path
    from openpyxl import Workbook

    path.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("参保")
    ws.append(["太原市小店区参保人员增员名单"])
    ws.append(HEADER)
    persons = int(rows * MATCHED_SHARE)
    for i in range(rows):
        number = _number(i) if i < persons else _number(200_000 + i)
        ws.append([i + 1, f"参保人{i}", number, f"太原市某公司{i % 997}", f"91140105MA0K{i % 997:06d}",
                   "企业职工基本养老保险", dt.date(2026, 6, 1) + dt.timedelta(days=i % 90)])
    tmp = path.with_suffix(".tmp.xlsx")
    wb.save(tmp)
    tmp.rename(path)
    return path


def _people_store(ctx: BenchContext, n: int) -> Path:
    """An encrypted store of ``n`` registered-unemployed people (one household each), made once."""
    path = ctx.work / f"matching-people-{n}.db"
    if path.exists():
        return path
    from app.collection import Collection

    tmp = path.with_suffix(".tmp.db")
    for p in tmp.parent.glob(tmp.name + "*"):
        p.unlink()
    col = Collection.create(tmp, PASSPHRASE, {"name": "zhangli", "role": "worker", "areas": list(AREAS)})
    step = 10_000
    for start in range(0, n, step):
        with col.records.transaction() as tx:
            rows = []
            for i in range(start, min(n, start + step)):
                area = AREAS[i % 2]
                rows.append((f"hh-{i}", area, {"address": "坞城南路"}))
            tx.create_many("household", rows)
            tx.create_many("person", [(f"p-{i}", AREAS[i % 2], {
                "household_id": f"hh-{i}", "name": "张三", "id_number": _number(i),
                "employment_status": "unemployed", "registered_unemployed_on": dt.date(2025, 3, 1)})
                for i in range(start, min(n, start + step))])
    col.close()
    tmp.rename(path)
    return path


_PEAK = """
import json, sys, time
from app.matching.reader import read_source


def hwm():  # VmHWM belongs to the process image: unlike ru_maxrss it does not inherit the parent's peak
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])


base = hwm()
t = time.perf_counter()
data = read_source(sys.argv[1], "social_insurance")
took = time.perf_counter() - t
print(json.dumps({"base_kb": base, "peak_kb": hwm(), "rows": len(data.rows), "s": took}))
"""


def run(ctx: BenchContext) -> dict[str, Any]:
    rows = 10_000 if ctx.quick else 100_000
    path = _xlsx(ctx, rows)
    from app.matching.reader import read_source

    read_source(path, "social_insurance")  # warm: file cache, imports
    best = float("inf")
    for _ in range(1 if ctx.quick else 3):
        t = time.perf_counter()
        data = read_source(path, "social_insurance")
        best = min(best, time.perf_counter() - t)
    assert not data.problems and len(data.rows) == rows, data.problems[:3]
    from python_calamine import CalamineWorkbook

    raw_best = float("inf")  # baseline in the same run: the spreadsheet parser alone (no checks)
    for _ in range(1 if ctx.quick else 3):
        t = time.perf_counter()
        CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
        raw_best = min(raw_best, time.perf_counter() - t)
    root = Path(__file__).resolve().parents[1]
    child = subprocess.run([sys.executable, "-c", _PEAK, str(path)], capture_output=True, text=True, check=True,
                           cwd=root)
    peak = json.loads(child.stdout)

    from app.collection import Collection
    from app.matching.match import find_hits
    from app.ops.matching import candidates

    store = ctx.copy(_people_store(ctx, rows), "matching-run.db")
    col = Collection.open(store, PASSPHRASE)
    try:
        t = time.perf_counter()
        with col.records.reading() as conn:
            people = candidates(conn, {r["id_number"] for r in data.rows})
        hits = find_hits("social_insurance", data.rows, people, dt.date(2026, 11, 25))
        match_s = time.perf_counter() - t
        assert len(hits) == int(rows * MATCHED_SHARE), len(hits)
        t = time.perf_counter()
        with col.records.transaction() as tx:
            tx.create_many("match_hit", [(h["id"], h["area_code"],
                                          {k: v for k, v in h.items() if k not in ("id", "area_code")})
                                         for h in hits])
        store_s = time.perf_counter() - t
    finally:
        col.close()
    return {
        "import.rows_per_s": metric(rows / best, "rows/s", 20_000, lower_is_better=False, rows=rows,
                                    seconds=round(best, 3), calamine_alone_s=round(raw_best, 3),
                                    vs_calamine=round(best / raw_best, 2)),
        "import.peak_mb": metric((peak["peak_kb"] - peak["base_kb"]) / 1024, "MB", None,
                                 process_peak_mb=round(peak["peak_kb"] / 1024, 1)),
        "match.s": metric(match_s, "s", 3.0, rows=rows, persons=rows, hits=len(hits)),
        "match.store_hits_s": metric(store_s, "s", None, hits=len(hits)),
    }
