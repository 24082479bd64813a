"""Excel export of the 公益性岗位 ledger and its analysis: real numbers in real cells, one sheet per list.

The file is NOT encrypted and holds names and ID numbers: callers warn the user (as the dashboard export).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from app.dashboard.export_xlsx import _BOLD, _BOX, _HEAD_FILL, NOT_ENCRYPTED, _width
from app.welfare.ledger import Analysis, Ledger

WARNING = "注意：导出的文件未加密，含人员姓名和身份证号，请妥善保管，用后及时删除。"


def _sheet(wb: Workbook, title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]],
           formats: dict[int, str] | None = None) -> Worksheet:
    ws = wb.create_sheet(title)
    widths = [_width(h) for h in headers]
    for j, h in enumerate(headers, 1):
        cell = ws.cell(1, j, h)
        cell.font, cell.fill, cell.border = _BOLD, _HEAD_FILL, _BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for i, row in enumerate(rows, 2):
        for j, v in enumerate(row, 1):
            cell = ws.cell(i, j, v)
            cell.border = _BOX
            if formats and j in formats:
                cell.number_format = formats[j]
            widths[j - 1] = max(widths[j - 1], _width(str(v if v is not None else "")))
    for j, w in enumerate(widths, 1):
        ws.column_dimensions[ws.cell(1, j).column_letter].width = min(max(w, 6), 48)
    ws.freeze_panes = "B2"
    return ws


def _money(cents: int) -> float:
    return round(cents / 100, 2)


def write_xlsx(ledger: Ledger, analysis: Analysis, path: Path | str) -> Path:
    path = Path(path)
    wb = Workbook()
    info = wb.active
    info.title = "说明"
    lines = [("公益性岗位动态管理台账", None), ("区域", ledger.area_label), ("台账日期", ledger.today.isoformat()),
             ("分析期间", f"{analysis.start.isoformat()} 至 {analysis.end.isoformat()}"),
             ("生成时间", dt.datetime.now().strftime("%Y-%m-%d %H:%M")), (NOT_ENCRYPTED, None),
             ("口径", "待清理的历史导入记录不计入台账和分析；人均补贴只计核查通过的申领。")]
    for i, (a, b) in enumerate(lines, 1):
        info.cell(i, 1, a)
        if b is not None:
            info.cell(i, 2, b)
    info.cell(1, 1).font = Font(bold=True, size=14)
    info.cell(6, 1).font = Font(bold=True, color="C00000")
    info.column_dimensions["A"].width, info.column_dimensions["B"].width = 14, 80

    _sheet(wb, "动态台账", ["序号", "姓名", "身份证号", "所在社区", "困难类别", "用人单位", "岗位名称", "第几次安置",
                        "上岗日期", "离岗日期", "离岗原因", "补贴期满", "岗位补贴（元）", "社会保险补贴（元）"],
           [(i, r.name, r.id_number, r.area_name, r.category_zh, r.employer, r.post_name, r.sequence, r.started_on,
             r.ended_on, r.end_reason_zh, r.subsidy_until, _money(r.claimed_cents.get("post", 0)),
             _money(r.claimed_cents.get("social_insurance", 0))) for i, r in enumerate(ledger.placements, 1)],
           {9: "yyyy-mm-dd", 10: "yyyy-mm-dd", 12: "yyyy-mm-dd", 13: "#,##0.00", 14: "#,##0.00"})
    _sheet(wb, "岗位", ["所在区域", "用人单位", "岗位名称", "岗位类型", "资金来源", "开发岗位数", "在岗人数", "空岗数",
                      "开发日期", "撤销日期", "空岗报告"],
           [(p.area_name, p.employer, p.post_name, p.post_type_zh, p.funding_zh, p.capacity, p.occupied, p.vacancies,
             p.developed_on, p.closed_on, p.open_report.text_zh if p.open_report else "") for p in ledger.posts],
           {9: "yyyy-mm-dd", 10: "yyyy-mm-dd"})
    rows = [*analysis.rows, analysis.total]
    ws = _sheet(wb, "使用效率分析", [analysis.group_label, "岗位数", "开发岗位数", "岗位天数", "在岗人天", "空岗天数",
                                "在岗率", "在岗人数", "离岗人数", "人员流动率", "转向市场就业", "市场就业占比",
                                "补贴合计（元）", "人均补贴（元）"],
                [(e.label, e.posts, e.capacity, e.post_days, e.occupied_days, e.vacancy_days, e.occupancy, e.people,
                  e.exits, e.turnover, e.market_exits, e.market_share, _money(e.subsidy_cents),
                  _money(e.subsidy_per_person_cents)) for e in rows],
                {7: "0.0%", 10: "0.0%", 12: "0.0%", 13: "#,##0.00", 14: "#,##0.00"})
    for j in range(1, 15):
        ws.cell(len(rows) + 1, j).font = _BOLD
    _sheet(wb, "补贴申领", ["姓名", "岗位", "补贴项目", "申领月份", "金额（元）", "核查状态", "暂缓原因", "个人纳税核查"],
           [(c.name, c.post_name, c.subsidy_zh, c.months_text, _money(c.amount_cents), c.status_zh,
             "；".join(c.hold_reasons), c.tax_text) for c in ledger.claims], {5: "#,##0.00"})
    _sheet(wb, "空岗报告", ["用人单位", "岗位名称", "空岗日期", "报告时限", "报告日期", "报告人", "补岗日期"],
           [(r.employer, r.post_name, r.vacant_on, r.deadline.due, r.reported_on, r.reported_by, r.filled_on)
            for r in ledger.reports], {3: "yyyy-mm-dd", 4: "yyyy-mm-dd", 5: "yyyy-mm-dd", 7: "yyyy-mm-dd"})
    _sheet(wb, "待清理", ["姓名", "身份证号", "用人单位", "岗位名称", "上岗日期", "离岗日期", "待核实事项"],
           [(r.name, r.id_number, r.employer, r.post_name, r.started_on, r.ended_on, r.cleanup)
            for r in ledger.cleanup], {5: "yyyy-mm-dd", 6: "yyyy-mm-dd"})
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path



def write_history_report(plan: Any, path: Path | str) -> Path:
    """The validation report of a history file (``app.welfare.history.HistoryPlan``): every row with its
    outcome and reasons, so the office can work through what needs a person before it counts."""
    from app.welfare.history import STATUS_ZH

    path = Path(path)
    wb = Workbook()
    info = wb.active
    info.title = "说明"
    for i, text in enumerate((f"历史台账校验报告：{plan.file_name}", plan.summary_zh, NOT_ENCRYPTED), 1):
        info.cell(i, 1, text)
    info.cell(1, 1).font = Font(bold=True, size=14)
    info.column_dimensions["A"].width = 100
    rows = sorted(plan.rows, key=lambda r: r.line)
    _sheet(wb, "校验结果", ["行号", "姓名", "身份证号", "用人单位", "岗位名称", "校验结果", "说明"],
           [(r.line, r.name, r.id_number, r.employer, r.post_name, STATUS_ZH[r.status], "；".join(r.messages))
            for r in rows])
    _sheet(wb, "需处理", ["行号", "姓名", "身份证号", "校验结果", "需要做什么"],
           [(r.line, r.name, r.id_number, STATUS_ZH[r.status], "；".join(r.messages))
            for r in rows if r.status in ("needs_person", "error", "cleanup")])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
