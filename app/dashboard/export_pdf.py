"""PDF report of a dashboard (ReportLab): title, area, date, one table per figure, a few bar charts.

The bundled WenQuanYi Micro Hei (TrueType outlines) is subset-embedded so the report reads the same anywhere.
The file is NOT encrypted; callers warn the user.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.areas import RESOURCES
from app.dashboard.model import ALL, TOTAL, Dashboard, Figure, fmt_value

FONT = "WQY"
FONT_PATH = RESOURCES / "fonts" / "wqy-microhei.ttc"
NOT_ENCRYPTED = "注意：本文件未加密，请勿随意传播，用后及时删除。"
_BAR = colors.HexColor("#4472C4")


def _register_font() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_PATH), subfontIndex=0))


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=FONT, fontSize=9, leading=12, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", parent=base, fontSize=18, leading=24, spaceAfter=4),
        "meta": ParagraphStyle("meta", parent=base, fontSize=10, leading=14),
        "warn": ParagraphStyle("warn", parent=base, textColor=colors.HexColor("#C00000")),
        "h2": ParagraphStyle("h2", parent=base, fontSize=12, leading=16, spaceBefore=8, spaceAfter=4),
        "note": ParagraphStyle("note", parent=base, fontSize=8, leading=11, textColor=colors.HexColor("#555555")),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10, alignment=1),
        "rowhead": ParagraphStyle("rowhead", parent=base, fontSize=8, leading=10),
    }


def _table(fig: Figure, st: dict[str, ParagraphStyle], width: float) -> Table:
    header = [Paragraph(fig.row_label, st["rowhead"]), *(Paragraph(c.label, st["cell"]) for c in fig.columns)]
    data = [header]
    for row in fig.rows:
        data.append([Paragraph(row.label, st["rowhead"]), *(fmt_value(row.get(c.key), c.fmt) for c in fig.columns)])
    first = min(40 * mm, width * 0.22)
    rest = min(32 * mm, (width - first) / max(1, len(fig.columns)))  # few columns: no page-wide cells
    t = Table(data, colWidths=[first] + [rest] * len(fig.columns), repeatRows=1, hAlign="LEFT")
    t.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 8),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#A6A6A6")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DCE6F1")),
        ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#F2F2F2")),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return t


def _bar_chart(title: str, labels: list[str], values: list[float], pct: bool = False) -> Drawing:
    w, h = 250 * mm, 62 * mm
    d = Drawing(w, h)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 18 * mm, 14 * mm, w - 26 * mm, h - 24 * mm
    chart.data = [[v * 100 if pct else v for v in values]]
    chart.bars[0].fillColor = _BAR
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max(values, default=0) * (100 if pct else 1)
    chart.valueAxis.valueMax = 100 if pct else max(1, top * 1.15)
    chart.barLabelFormat = "%.1f%%" if pct else "%d"
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    d.add(chart)
    d.add(String(18 * mm, h - 7 * mm, title, fontName=FONT, fontSize=9))
    return d


def _charts(db: Dashboard) -> dict[str, Drawing]:
    out = {}
    if (f := db.figures.get("stage")) is not None:
        cols = [c for c in f.columns if c.key != TOTAL]
        out["stage"] = _bar_chart("各环节人数（合计）", [c.label for c in cols], [f.total_row.get(c.key) for c in cols])
    if (f := db.figures.get("compliance")) is not None:
        rows = [r for r in f.rows if r.key != ALL]
        out["compliance"] = _bar_chart("各社区最低服务包达标率（%）", [r.label for r in rows],
                                       [r.get("ratio") for r in rows], pct=True)
    if (f := db.figures.get("visits")) is not None:
        cols = [c for c in f.columns if c.key != TOTAL]
        out["visits"] = _bar_chart("每周走访次数（合计）", [c.label.split("（")[0] for c in cols],
                                   [f.total_row.get(c.key) for c in cols])
    return out


def write_pdf(db: Dashboard, path: Path | str) -> Path:
    _register_font()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    st = _styles()
    page = landscape(A4)
    margin = 12 * mm
    doc = SimpleDocTemplate(str(path), pagesize=page, leftMargin=margin, rightMargin=margin, topMargin=margin,
                            bottomMargin=margin, title="就业援助统计报表", author="就业援助走访台")
    width = page[0] - 2 * margin
    story: list = [
        Paragraph("就业援助统计报表", st["title"]),
        Paragraph(f"区域：{db.area_label}", st["meta"]),
        Paragraph(f"统计日期：{db.today.isoformat()}　生成时间：{dt.datetime.now():%Y-%m-%d %H:%M}", st["meta"]),
        Paragraph(NOT_ENCRYPTED, st["warn"]),
        Spacer(1, 4 * mm),
    ]
    charts = _charts(db)
    for fig in db.figures.values():
        block = [Paragraph(fig.title, st["h2"]), _table(fig, st, width), Spacer(1, 1.5 * mm),
                 Paragraph(fig.note, st["note"])]
        story.append(KeepTogether(block))
        if fig.key in charts:
            story.append(KeepTogether([Spacer(1, 2 * mm), charts[fig.key]]))

    def _footer(canvas, doc_) -> None:  # noqa: ANN001
        canvas.saveState()
        canvas.setFont(FONT, 7)
        canvas.drawRightString(page[0] - margin, 6 * mm, f"第 {doc_.page} 页　{NOT_ENCRYPTED}")
        canvas.restoreState()

    doc.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return path
