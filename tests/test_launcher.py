"""The launcher (outreach/): it alone wires app, ui and sync; commands register themselves; building the
parser loads neither the store, Qt, ReportLab nor the HTTP client (the app's start-up stays fast)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from outreach.desk import COMMAND_MODULES, build_parser

ROOT = Path(__file__).resolve().parents[1]


def test_every_command_is_registered_once() -> None:
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert set(sub.choices) == {"init", "demo-data", "simulate", "stats", "check", "passwd", "print", "export",
                                "sync", "import"}


def test_command_modules_do_not_import_the_launcher() -> None:
    for module in COMMAND_MODULES:
        path = ROOT / (module.replace(".", "/") + ".py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith("outreach"), path
            elif isinstance(node, ast.Import):
                assert not any(a.name.startswith("outreach") for a in node.names), path


def test_building_the_parser_loads_nothing_heavy() -> None:
    code = ("import sys; from outreach.desk import build_parser; build_parser(); "
            "print(sorted(m for m in ('sqlalchemy', 'PySide6', 'reportlab', 'requests') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_python_dash_m_outreach_runs_a_command(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "outreach", "check", "--db", str(tmp_path / "none.db")],
                         cwd=ROOT, capture_output=True, text=True, timeout=60,
                         env={"OUTREACH_PASSPHRASE": "x", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 2 and "错误：" in out.stderr and "none.db" in out.stderr
