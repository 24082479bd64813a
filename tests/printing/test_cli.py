"""``outreach-desk print`` as a subprocess with the passphrase in the environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import PASSPHRASE
from tests.printing.conftest import pdf_text

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OUTREACH_PASSPHRASE": PASSPHRASE, "OUTREACH_DATA_DIR": str(tmp)}
    return subprocess.run([sys.executable, "-m", "outreach", "print", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_print_visit_sheet_and_route(col: Any, ids: dict[str, str], tmp_path: Path) -> None:
    path = str(col.path)
    col.close()  # the CLI opens the store itself
    out = tmp_path / "sheet.pdf"
    r = _cli("visit-sheet", "--db", path, "--out", str(out), "--household", ids["household"], tmp=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "未加密" in r.stderr  # the plaintext warning
    assert "入户走访登记表" in pdf_text(out.read_bytes())
    route = tmp_path / "route.pdf"
    r = _cli("route", "--db", path, "--out", str(route), "--date", ids["planned_on"], tmp=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "走访路线单" in pdf_text(route.read_bytes())


def test_bad_selectors(col: Any, ids: dict[str, str], tmp_path: Path) -> None:
    path = str(col.path)
    col.close()
    out = tmp_path / "x.pdf"
    r = _cli("help-plan", "--db", path, "--out", str(out), "--household", ids["household"], tmp=tmp_path)
    assert r.returncode == 2
    assert "就业援助方案需要指定人员（--person）" in r.stderr and "不适用" in r.stderr
    r = _cli("policy-card", "--db", path, "--out", str(out), "--person", "no-such-person", tmp=tmp_path)
    assert r.returncode == 2 and "找不到人员：no-such-person" in r.stderr
    assert not out.exists()  # no half-written file
    r = _cli("route", "--db", path, "--out", str(out), "--date", "2026-02-30", tmp=tmp_path)
    assert r.returncode == 2 and "日期格式不正确" in r.stderr
    r = _cli("policy-card", "--db", path, "--out", str(out), "--all", tmp=tmp_path)
    assert r.returncode == 2 and "--all 仅适用于 visit-sheet" in r.stderr
