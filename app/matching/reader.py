"""A matching file (or platform feed) read and checked: every bad row with its reason, or clean rows.

Reading is ``app.tabular`` (python-calamine for .xlsx/.xls, charset-normalizer for CSV in any encoding);
this module maps the header (the usual Chinese labels from resources/rules/matching.toml, overridden by a
column mapping the user chose), normalises ID numbers and dates, and folds rows that describe the same
event (a social-insurance export lists one row per 险种 for the same employment).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.matching.ids import to_18
from app.matching.sources import source
from app.rules.idcard import IdNumberError
from app.tabular import TableError, cell, find_table, parse_date, read_rows

__all__ = ["HeaderError", "SourceFile", "TableError", "read_source", "apply_mapping"]


class HeaderError(TableError):
    """The header lacks a required column (or was not found): a column mapping can fix it."""

DATE_FIELDS = ("started_on", "received_on", "reported_on")
HEADER_ROWS = 20  # the header is looked for among the first rows (as app.tabular.find_table does)
_AREA = re.compile(r"\d{12}")


@dataclass
class SourceFile:
    source: str
    sha256: str
    rows: list[dict[str, Any]] = field(default_factory=list)  # clean rows, one per event
    problems: list[str] = field(default_factory=list)  # "第 7 行：身份证号码无效（…）"
    read: int = 0  # data rows in the file (blank rows not counted)
    folded: int = 0  # rows that repeat an event already read (same person, same employer and date)
    ignored_columns: list[str] = field(default_factory=list)  # header labels no field uses

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)


def apply_mapping(aliases: dict[str, tuple[str, ...]], mapping: dict[str, str] | None) -> dict[str, tuple[str, ...]]:
    """Aliases with the user's choices first: ``mapping`` is field → the header label that holds it."""
    if not mapping:
        return aliases
    taken = set(mapping.values())
    out = {f: tuple(a for a in names if a not in taken) for f, names in aliases.items()}
    for f, label in mapping.items():
        if f not in aliases:
            raise TableError(f"无法对应的字段：{f}")
        out[f] = (label, *out[f]) if label else out[f]
    return out


def _text(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    s = str(v).strip()
    return s or None


def read_source(path: Path | str, source_code: str, mapping: dict[str, str] | None = None) -> SourceFile:
    """Read and check a file of ``source_code``. Raises TableError when the file as a whole is unusable
    (unreadable, unknown encoding, no header, a required column missing, no data rows)."""
    path = Path(path)
    src = source(source_code)
    data = path.read_bytes()
    if not data.strip():
        raise TableError(f"文件“{path.name}”是空的")
    raw = read_rows(path, clean=False)
    # The header is found among the first rows (cleaned); the data rows are cleaned only where a field reads.
    head = [[cell(v) for v in row] for row in raw[:HEADER_ROWS]]
    try:
        table = find_table(head, apply_mapping(src.aliases, mapping), src.required)
    except TableError as exc:
        raise HeaderError(str(exc)) from None
    cols = table.columns
    header = head[table.header_row - 1]
    used = set(cols.values())
    body = [(n, row) for n, row in enumerate(raw[table.header_row:], table.header_row + 1)
            if any(row) and any(cell(v) is not None for v in row)]  # any(): most rows, cheaply
    result = SourceFile(source_code, hashlib.sha256(data).hexdigest(), read=len(body),
                        ignored_columns=[str(v) for j, v in enumerate(header) if v is not None and j not in used])
    if not body:
        raise TableError(f"文件“{path.name}”只有表头，没有数据行")
    key_fields = src.event_fields or (("application_no",) if "application_no" in cols else ("anomaly_no",))
    seen: dict[tuple[Any, ...], tuple[int, dict[str, Any]]] = {}
    today = dt.date.today()
    latest = today + dt.timedelta(days=366)
    required = [f for f in src.required if f != "id_number"]
    # Each field's reader, chosen once: cells go to it as read (each reader trims and parses for itself).
    plan = [(f, j, "id" if f == "id_number" else "date" if f in DATE_FIELDS else f) for f, j in cols.items()]
    for line, row in body:
        rec: dict[str, Any] = {}
        errs: list[str] = []
        width = len(row)
        for f, j, how in plan:
            v = row[j] if j < width else None
            if v == "":
                v = None
            if how == "id":
                try:
                    rec[f] = to_18(v, today)
                except IdNumberError as exc:
                    errs.append(f"{src.label(f)}无效（{exc}）")
            elif how == "date":
                try:
                    d = rec[f] = parse_date(v.strip() or None if isinstance(v, str) else v)
                except ValueError as exc:
                    errs.append(f"{src.label(f)}：{exc}")
                else:
                    if d is not None and d > latest:
                        errs.append(f"{src.label(f)}不合理：{d.isoformat()}")
            elif how == "credit_code":
                rec[f] = (_text(v) or "").upper() or None
            elif how == "area_code":
                rec[f] = _text(v)
                if rec[f] is not None and not _AREA.fullmatch(rec[f]):
                    errs.append(f"{src.label(f)}应为 12 位数字：{rec[f]}")
            else:
                rec[f] = _text(v)
        for f in required:
            if rec.get(f) is None and f in rec:
                errs.append(f"缺少{src.label(f)}")
        if errs:
            result.problems.append(f"第 {line} 行：" + "；".join(errs))
            continue
        key = (rec.get("id_number"), *(rec.get(f) for f in key_fields)) if src.event_fields else \
            tuple(rec.get(f) for f in key_fields)
        if key in seen:
            first, earlier = seen[key]
            if src.event_fields or earlier == rec:
                result.folded += 1
            else:
                result.problems.append(f"第 {line} 行：{src.label(key_fields[0])}与第 {first} 行重复但内容不同")
            continue
        seen[key] = (line, rec)
        result.rows.append(rec)
    return result
