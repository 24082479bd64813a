"""Social-insurance paid months from a file: one row per person and month (身份证号 + 缴费月份), or one row per
person with a column per month (a mark in the cell = paid). The reader only reads; storing is
``app.ops.welfare_jobs.import_paid_months``. Data matching (issue 12) can reuse ``read_paid_months``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.rules.idcard import IdNumberError, normalise, parse_id
from app.tabular import TableError, find_table, parse_month, read_rows

ALIASES = {
    "id_number": ("身份证号", "身份证号码", "公民身份号码", "证件号码", "社会保障号码", "社会保障号"),
    "name": ("姓名",),
    "month": ("缴费月份", "费款所属期", "所属期", "缴费年月", "月份", "所属月份"),
    "insurance": ("险种", "险种类型"),
    "payer": ("缴费单位", "单位名称", "参保单位"),
}
UNPAID = {"0", "否", "未缴", "未缴费", "欠缴", "×", "x", "X", "-", "—"}


@dataclass
class PaidMonths:
    rows: list[dict[str, Any]] = field(default_factory=list)  # id_number, month, insurance, payer
    problems: list[str] = field(default_factory=list)  # "第 7 行：身份证号无效（…）"
    blank_rows: int = 0


def _month_columns(header: list[Any]) -> dict[int, str]:
    out = {}
    for j, v in enumerate(header):
        if v is None:
            continue
        try:
            out[j] = parse_month(v)
        except ValueError:
            continue
    return out


def read_paid_months(path: Path | str) -> PaidMonths:
    rows = read_rows(path)
    table = find_table(rows, ALIASES, ["id_number"])
    cols = table.columns
    result = PaidMonths(blank_rows=table.blank_rows)
    wide = {} if "month" in cols else _month_columns(rows[table.header_row - 1])
    if "month" not in cols and not wide:
        raise TableError("表中既没有“缴费月份”列，也没有以月份为表头的列（如 2026-01）")
    for line, row in table.rows:
        raw_id = row[cols["id_number"]]
        try:
            number = parse_id(normalise(str(raw_id or ""))).number
        except IdNumberError as exc:
            result.problems.append(f"第 {line} 行：身份证号无效（{exc}）")
            continue
        extra = {k: row[cols[k]] for k in ("insurance", "payer") if k in cols}
        if "month" in cols:
            try:
                months = [parse_month(row[cols["month"]])]
            except ValueError as exc:
                result.problems.append(f"第 {line} 行：{exc}")
                continue
        else:
            months = [m for j, m in wide.items() if row[j] is not None and str(row[j]).strip() not in UNPAID]
        result.rows += [{"id_number": number, "month": m, **extra} for m in months]
    return result
