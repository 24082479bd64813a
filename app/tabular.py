"""Reading tables people keep in spreadsheets: .xlsx/.xlsm/.xls/.ods through python-calamine, .csv/.txt in
whatever encoding they were saved in (GBK from old Excel, UTF-8 with or without BOM) through
charset-normalizer. Shared by every file import (公益性岗位 history, social-insurance paid months, and the
data-matching imports), so each handles the same messy input the same way:

- a header found by its labels, not its position, below titles and above data; a label merged across two
  header rows (or a group label merged across columns) still names its column;
- blank rows skipped; cells trimmed;
- dates as Excel dates, Excel serial numbers or text in the usual spellings (2024.3.1, 2024年3月1日, 2024/03/01,
  20240301), months likewise (2024-03, 2024年3月, 202403).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SPREADSHEET = (".xlsx", ".xlsm", ".xls", ".ods")
TEXT = (".csv", ".txt")
EXCEL_EPOCH = dt.date(1899, 12, 30)


class TableError(ValueError):
    """A file cannot be read as a table; ``str(err)`` is a Chinese message for the user."""


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip().replace("\u3000", " ").strip()
        return value or None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date()
    return value


def read_rows(path: Path | str, *, clean: bool = True) -> list[list[Any]]:
    """The first sheet of a spreadsheet, or a CSV file, as rows of trimmed cells (blank cells are None).
    ``clean=False`` leaves the cells as read (for a caller that cleans only the columns it uses: ``cell``)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in SPREADSHEET:
        from python_calamine import CalamineError, CalamineWorkbook

        try:
            sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
            raw = sheet.to_python(skip_empty_area=False)
        except (CalamineError, OSError, ValueError) as exc:
            raise TableError(f"无法读取表格文件“{path.name}”：{exc}") from None
    elif suffix in TEXT:
        raw = list(csv.reader(io.StringIO(decode(path.read_bytes(), path.name))))
    else:
        raise TableError(f"不支持的文件类型：{path.name}（请用 .xlsx、.xls 或 .csv）")
    return [[_cell(v) for v in row] for row in raw] if clean else raw


cell = _cell  # one cell trimmed as read_rows does


def decode(data: bytes, name: str = "") -> str:
    """Text of a CSV file in its own encoding (UTF-8 first: charset detection can mistake short UTF-8)."""
    for enc in ("utf-8-sig",):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise TableError(f"无法识别文件“{name}”的文字编码，请另存为 UTF-8 或 Excel 文件")
    return str(best)


def blank(row: Sequence[Any]) -> bool:
    return all(v is None for v in row)


@dataclass(frozen=True, slots=True)
class Table:
    columns: dict[str, int]  # field → column index
    rows: list[tuple[int, list[Any]]]  # (1-based row number in the file, cells), blank rows removed
    blank_rows: int
    header_row: int  # 1-based


def _norm(label: Any) -> str:
    return re.sub(r"[\s　（）()：:*＊]", "", str(label or ""))


def find_table(rows: list[list[Any]], aliases: Mapping[str, Iterable[str]], required: Iterable[str]) -> Table:
    """Locate the header by its labels and map each field to its column.

    ``aliases`` gives each field the labels it may go by; the header is the row (among the first 20) that
    names the most fields, together with the rows around it that also hold labels (a header merged over two
    rows keeps a merged-down label in its upper cell only, and sub-labels below a merged group label).
    Raises TableError naming the missing fields.
    """
    wanted = {f: [_norm(a) for a in names] for f, names in aliases.items()}

    def match(label: Any) -> str | None:
        text = _norm(label)
        if not text:
            return None
        for field, names in wanted.items():
            if text in names:
                return field
        return None

    hits = [len({m for v in row if (m := match(v))}) for row in rows[:20]]
    if not hits or max(hits) == 0:
        raise TableError(f"找不到表头：应有“{'”“'.join(next(iter(aliases[f])) for f in required)}”等列")
    best = hits.index(max(hits))
    # The header block: the best row and its neighbours that also hold labels (merged header rows).
    top, bottom = best, best
    while top > 0 and hits[top - 1]:
        top -= 1
    while bottom + 1 < len(hits) and hits[bottom + 1]:
        bottom += 1
    width = max(len(r) for r in rows)
    columns: dict[str, int] = {}
    for j in range(width):
        for i in range(bottom, top - 1, -1):  # lowest label wins: a sub-label under a merged group label
            field = match(rows[i][j]) if j < len(rows[i]) else None
            if field:
                columns.setdefault(field, j)
                break
    missing = [next(iter(aliases[f])) for f in required if f not in columns]
    if missing:
        raise TableError(f"表头缺少这些列：{'、'.join(missing)}")
    data, blanks = [], 0
    for i, row in enumerate(rows[bottom + 1:], bottom + 2):
        if blank(row):
            blanks += 1
        else:
            data.append((i, row + [None] * (width - len(row))))
    best = bottom
    return Table(columns, data, blanks, best + 1)


# --- dates and months ---------------------------------------------------------------------------------------
_DATE = re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$")
_MONTH = re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?$")


def parse_date(value: Any) -> dt.date | None:
    """A date from a cell: date, datetime, Excel serial number or text; None for an empty cell.
    Raises ValueError with a Chinese message for anything else."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 20000 < value < 80000:  # Excel serial day (1954–2119)
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        text = str(int(value))
    else:
        text = str(value).strip()
    try:
        if m := _DATE.match(text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if re.fullmatch(r"\d{8}", text):
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        pass
    raise ValueError(f"日期无法识别：{text}")


def parse_month(value: Any) -> str:
    """``YYYY-MM`` from a cell (a date, 2024-03, 2024年3月, 2024.3, 202403); ValueError otherwise."""
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{value.year:04d}-{value.month:02d}"
    text = str(int(value) if isinstance(value, float) else value).strip()
    m = _MONTH.match(text)
    if m:
        y, mo = int(m[1]), int(m[2])
    elif re.fullmatch(r"\d{6}", text):
        y, mo = int(text[:4]), int(text[4:])
    else:
        try:
            d = parse_date(value)
        except ValueError:
            d = None
        if d is None:
            raise ValueError(f"月份无法识别：{text}")
        y, mo = d.year, d.month
    if not (1 <= mo <= 12 and 1900 < y < 2200):
        raise ValueError(f"月份无法识别：{text}")
    return f"{y:04d}-{mo:02d}"
