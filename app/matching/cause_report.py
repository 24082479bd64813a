"""异常原因统计 (issue 12 item 5) as a table: the causes of the ministry's anomaly feedback corrected in a period
(rows, in the order of resources/rules/matching.toml) per community, street or county (columns) with totals,
and the anomalies still open — in the dashboard's figure shape, so the screen and the Excel file show the same
numbers and the file looks like the dashboard's."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app import areas
from app.dashboard.model import ALL, TOTAL, Column, Figure, Row
from app.queries.matching import anomaly_report

# The levels anomaly_report counts at: digits of the area code kept, and the level's name.
LEVELS = ((12, "社区"), (9, "街道（乡镇）"), (6, "县（区）"))
OPEN = "open"  # key of the row of anomalies still open


@dataclass(slots=True)
class CauseReport:
    start: dt.date
    end: dt.date
    digits: int
    figure: Figure  # one row per cause, then 合计; one column per area, then 合计
    still_open: Row  # per area: anomalies reported by the end of the period and not corrected yet

    @property
    def corrected(self) -> int:
        return int(self.figure.value(ALL, TOTAL))

    @property
    def open_total(self) -> int:
        return int(self.still_open.get(TOTAL))


def area_name(prefix: str) -> str:
    """坞城街道 for 140105001 (a code cut to its level's digits); the code itself when not a known area."""
    found = areas.load().get(prefix.ljust(12, "0"))
    return found.name if found else prefix


def build(report: dict[str, Any], start: dt.date, end: dt.date, digits: int) -> CauseReport:
    """The table of ``app.queries.matching.anomaly_report``'s answer."""
    codes = report["areas"]
    counts: dict[tuple[str, str], int] = report["counts"]
    columns = [Column(a, area_name(a)) for a in codes] + [Column(TOTAL, "合计")]
    rows = []
    for cause, name in report["causes"]:
        values = {a: counts.get((a, cause), 0) for a in codes}
        rows.append(Row(cause, name, {**values, TOTAL: sum(values.values())}))
    per_area = {a: sum(r.get(a) for r in rows) for a in codes}
    rows.append(Row(ALL, "合计", {**per_area, TOTAL: sum(per_area.values())}))
    level = dict(LEVELS)[digits]
    note = f"更正日期 {start.isoformat()} 至 {end.isoformat()}，按{level}统计；尚未更正的为截至结束日期已反馈、至今未更正的异常。"
    figure = Figure("anomaly_causes", "部平台异常反馈原因统计", "异常原因", columns, rows, note)
    still = {a: report["open"].get(a, 0) for a in codes}
    return CauseReport(start, end, digits, figure, Row(OPEN, "尚未更正", {**still, TOTAL: sum(still.values())}))


def load(conn: Any, start: dt.date, end: dt.date, digits: int) -> CauseReport:
    return build(anomaly_report(conn, start, end, digits), start, end, digits)


def write_xlsx(report: CauseReport, path: str | Path) -> Path:
    """The report as one sheet of real numbers (unencrypted: the caller has warned) laid out as the dashboard's
    figures: title, counting rule, the not-encrypted note, the table, then the row of anomalies still open."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from app.dashboard.export_xlsx import _BOX, HEADER_ROW, NOT_ENCRYPTED, _write_figure

    path = Path(path)
    wb = Workbook()
    wb.remove(wb.active)
    _write_figure(wb, report.figure)
    ws = wb.worksheets[0]
    ws.title = "异常原因统计"
    ws.cell(HEADER_ROW - 1, 1, NOT_ENCRYPTED).font = Font(bold=True, color="C00000")
    last = HEADER_ROW + len(report.figure.rows) + 1
    ws.cell(last, 1, report.still_open.label).border = _BOX
    for j, col in enumerate(report.figure.columns, 2):
        ws.cell(last, j, int(report.still_open.get(col.key))).border = _BOX
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
