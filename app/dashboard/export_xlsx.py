"""Excel export of a dashboard: one sheet per figure with real numbers (not pictures), so it can be re-counted.

The file is NOT encrypted. It holds counts per community and worker names only, no personal data of assisted
people, but it still leaves the encrypted store: callers warn the user.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from app.dashboard.model import Dashboard, Figure

SHEET_NAMES = {
    "stage": "环节分布", "category": "困难类别", "compliance": "服务包达标", "deadlines": "办理时限",
    "followups": "跟踪回访", "zero": "零就业家庭", "visits": "走访统计", "reviews": "督导审核",
    "matching": "数据比对与登记",
    "exits": "退出情况", "discovery": "主动发现",
}
NOT_ENCRYPTED = "注意：本文件未加密，请勿随意传播，用后及时删除。"
HEADER_ROW = 4  # title, note, blank, then the header

_BOLD = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DCE6F1")
_THIN = Side(style="thin", color="A6A6A6")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def _width(text: str) -> float:
    # CJK characters are about twice as wide as Latin ones in Excel's default font.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text) + 2


def _write_figure(wb: Workbook, fig: Figure) -> None:
    ws = wb.create_sheet(SHEET_NAMES.get(fig.key, fig.key)[:31])
    ws.cell(1, 1, fig.title).font = Font(bold=True, size=14)
    ws.cell(2, 1, fig.note).alignment = Alignment(wrap_text=False)
    headers = [fig.row_label, *(c.label for c in fig.columns)]
    widths = [_width(h) for h in headers]
    for j, h in enumerate(headers, 1):
        cell = ws.cell(HEADER_ROW, j, h)
        cell.font, cell.fill, cell.border = _BOLD, _HEAD_FILL, _BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for i, row in enumerate(fig.rows, HEADER_ROW + 1):
        label = ws.cell(i, 1, row.label)
        label.border = _BOX
        widths[0] = max(widths[0], _width(row.label))
        for j, col in enumerate(fig.columns, 2):
            value = row.get(col.key)
            cell = ws.cell(i, j, float(value) if col.fmt == "pct" else int(value))
            cell.border = _BOX
            if col.fmt == "pct":
                cell.number_format = "0.0%"
        if row is fig.total_row:
            for j in range(1, len(headers) + 1):
                ws.cell(i, j).font = _BOLD
    for j, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(j)].width = min(max(w, 8), 40)
    ws.row_dimensions[HEADER_ROW].height = 30
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 2)


def write_xlsx(dashboard: Dashboard, path: Path | str) -> Path:
    path = Path(path)
    wb = Workbook()
    info = wb.active
    info.title = "说明"
    rows = [
        ("就业援助统计报表", None),
        ("区域", dashboard.area_label),
        ("统计日期", dashboard.today.isoformat()),
        ("生成时间", dt.datetime.now().strftime("%Y-%m-%d %H:%M")),
        (NOT_ENCRYPTED, None),
        (None, None),
        ("工作表", "统计口径"),
    ]
    rows += [(SHEET_NAMES.get(f.key, f.key), f"{f.title}：{f.note}") for f in dashboard.figures.values()]
    for i, (a, b) in enumerate(rows, 1):
        info.cell(i, 1, a)
        if b is not None:
            info.cell(i, 2, b)
    info.cell(1, 1).font = Font(bold=True, size=14)
    info.cell(5, 1).font = Font(bold=True, color="C00000")
    info.cell(7, 1).font = info.cell(7, 2).font = _BOLD
    info.column_dimensions["A"].width = 14
    info.column_dimensions["B"].width = 120
    for fig in dashboard.figures.values():
        _write_figure(wb, fig)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
