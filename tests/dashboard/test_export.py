"""Excel and PDF exports read back; the headless CLI command with the passphrase from the environment."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.dashboard import ALL, TOTAL, compute
from app.dashboard.commands import export
from app.dashboard.export_xlsx import HEADER_ROW, SHEET_NAMES
from tests.dashboard.fixture import PASS, TODAY, A

ROOT = Path(__file__).resolve().parents[2]


def test_excel_has_one_sheet_per_figure_with_real_numbers(hand, tmp_path):
    col, _ = hand
    path = export(col, tmp_path / "统计.xlsx", today=TODAY)
    db = compute(col, TODAY)
    wb = load_workbook(path)
    assert wb.sheetnames == ["说明", *(SHEET_NAMES[k] for k in db.figures)]
    info = wb["说明"]
    assert info["B3"].value == "2026-11-25" and "未加密" in info["A5"].value
    for key, fig in db.figures.items():
        ws = wb[SHEET_NAMES[key]]
        assert ws.cell(1, 1).value == fig.title
        header = [ws.cell(HEADER_ROW, j).value for j in range(1, len(fig.columns) + 2)]
        assert header == [fig.row_label, *(c.label for c in fig.columns)]
        for i, row in enumerate(fig.rows, HEADER_ROW + 1):
            assert ws.cell(i, 1).value == row.label
            for j, c in enumerate(fig.columns, 2):
                value = ws.cell(i, j).value
                assert isinstance(value, (int, float)) and not isinstance(value, bool)
                assert value == pytest.approx(row.get(c.key))
        assert ws.column_dimensions["A"].width >= 8
    ws = wb["服务包达标"]
    assert ws.cell(HEADER_ROW + 1, 5).number_format == "0.0%"
    assert ws.cell(HEADER_ROW + 1, 5).value == pytest.approx(0.5)  # community A: 1 of 2
    assert [ws.cell(HEADER_ROW + 1 + len(db["compliance"].rows) - 1, j).value for j in (2, 3, 4)] == [3, 1, 2]


def test_pdf_contains_the_figures_with_the_font_embedded(hand, tmp_path):
    col, _ = hand
    path = export(col, tmp_path / "report.pdf", area=A, today=TODAY)
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    for needle in ("就业援助统计报表", "坞城南路社区", "2026-11-25", "最低服务包", "50.0%", "零就业家庭动态清零",
                   "未加密"):
        assert needle in text, needle
    db = compute(col, TODAY, area=A)
    assert str(int(db["stage"].total_row.get(TOTAL))) in text
    fonts = {}
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            fonts[font["/BaseFont"]] = font
    cjk = [name for name in fonts if "WenQuanYiMicroHei" in name]
    assert cjk and all("+" in name for name in cjk)  # subset-embedded (tag prefix)
    assert set(fonts) - set(cjk) <= {"/Helvetica"}  # ReportLab's default face, a standard-14 font
    embedded = []
    for name, font in fonts.items():
        if name not in cjk:
            continue
        desc = font["/DescendantFonts"][0].get_object()["/FontDescriptor"] if "/DescendantFonts" in font \
            else font["/FontDescriptor"]
        embedded.append("/FontFile2" in desc.get_object())
    assert embedded and all(embedded)


def test_export_rejects_other_suffixes(hand, tmp_path):
    col, _ = hand
    with pytest.raises(ValueError, match=".xlsx 或 .pdf"):
        export(col, tmp_path / "x.csv", today=TODAY)


@pytest.mark.parametrize("suffix", [".xlsx", ".pdf"])
def test_cli_export_with_passphrase_from_environment(hand, tmp_path, suffix):
    col, _ = hand
    out = tmp_path / f"dash{suffix}"
    env = {**os.environ, "OUTREACH_PASSPHRASE": PASS, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "outreach", "export", "dashboard", "--db", str(col.path),
                           "--out", str(out)], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
                          stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    assert "未加密" in proc.stderr
    assert proc.stdout.strip() == str(out)
    assert out.stat().st_size > 1000
    if suffix == ".xlsx":
        db = compute(col, dt.date.today())
        ws = load_workbook(out)["环节分布"]
        last = HEADER_ROW + len(db["stage"].rows)
        assert ws.cell(last, 1).value == "合计"
        assert ws.cell(last, len(db["stage"].columns) + 1).value == db["stage"].row(ALL).get(TOTAL)


def test_cli_wrong_passphrase_fails_cleanly(hand, tmp_path):
    col, _ = hand
    env = {**os.environ, "OUTREACH_PASSPHRASE": "wrong-passphrase", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "outreach", "export", "dashboard", "--db", str(col.path),
                           "--out", str(tmp_path / "x.xlsx")], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=120, stdin=subprocess.DEVNULL)
    assert proc.returncode == 2 and "错误" in proc.stderr
    assert not (tmp_path / "x.xlsx").exists()
