"""Bundle benchmarks: size of the PyInstaller folder and its start to the unlock dialog (BRIEF §4 style).

``bundle.start_ratio`` is the bundle's median start (process start → unlock dialog shown) over the installed
app's (``python -m outreach``, i.e. the ``outreach-desk`` entry point from the virtualenv), both on the same
store, interleaved. Needs a built bundle (``make bundle``; ``OUTREACH_BUNDLE`` names another folder); without
one the module reports nothing and says why.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.context import BenchContext, metric
from bench.ui import ROOT, _env, _time_to_shown

BUNDLE = ROOT / os.environ.get("OUTREACH_BUNDLE", "dist/OutreachDesk")  # relative: to the checkout
RUNS = 5
SIZE_TARGET_MB = 400.0  # an installer people can copy from a USB stick; the folder, before compression
RATIO_TARGET = 1.5  # a frozen start may cost a little over the installed app, not double it


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def start_times(gui: Path, store: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as data:
        env = _env(OUTREACH_BENCH_EXIT_ON_SHOWN="1", OUTREACH_DATA_DIR=data)
        bundle_env = {k: v for k, v in env.items() if not k.startswith("PYTHON")}
        bundle_cmd = [str(gui), "--db", str(store)]
        app_cmd = [sys.executable, "-m", "outreach", "--db", str(store)]
        for cmd, e in ((bundle_cmd, bundle_env), (app_cmd, env)):  # warm the OS file cache
            _time_to_shown(cmd, e)
        bundle_t, app_t = [], []
        for _ in range(RUNS):  # interleaved, so a busy moment hits both
            bundle_t.append(_time_to_shown(bundle_cmd, bundle_env))
            app_t.append(_time_to_shown(app_cmd, env))
    return {"bundle_s": statistics.median(bundle_t), "app_s": statistics.median(app_t)}


def run(ctx: BenchContext) -> dict[str, Any]:
    gui = BUNDLE / ("OutreachDesk.exe" if sys.platform == "win32" else "OutreachDesk")
    if not gui.exists():
        print(f"bench.bundle: skipped, no bundle at {BUNDLE} (run `make bundle` first)", file=sys.stderr)
        return {}
    t = start_times(gui, ctx.store(50 if ctx.quick else 300, name="bundle"))
    return {
        "bundle.size_mb": metric(folder_mb(BUNDLE), "MB", SIZE_TARGET_MB),
        "bundle.start_ratio": metric(t["bundle_s"] / t["app_s"], "×", RATIO_TARGET,
                                     bundle_s=round(t["bundle_s"], 3), app_s=round(t["app_s"], 3)),
    }
