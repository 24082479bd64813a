"""UI benchmarks (BRIEF §4): start to unlock dialog, unlock to usable window, search as you type, memory.

Everything runs the app's own code paths: the ``outreach-desk`` entry point for the start time, and the
Shell, MainWindow and PeopleView for the rest, in a child process so the memory figure is the app's alone.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.context import HOUSEHOLDS_100K, PASSPHRASE, BenchContext, metric

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5

_BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
w = QWidget()
w.resize(440, 300)
w.show()
def done():
    print(f"SHOWN {time.time():.6f}", flush=True)
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def _time_to_shown(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.time()
    out = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120).stdout
    for line in out.splitlines():
        if line.startswith("SHOWN "):
            return float(line.split()[1]) - t0
    raise RuntimeError(f"no SHOWN line from {cmd}: {out!r}")


def start_ratio(store: Path) -> dict[str, float]:
    """Median (process start → unlock dialog shown) over a bare PySide6 window, the same way measured."""
    with tempfile.TemporaryDirectory() as data:
        env = _env(OUTREACH_BENCH_EXIT_ON_SHOWN="1", OUTREACH_DATA_DIR=data)
        app_cmd = [sys.executable, "-m", "outreach", "--db", str(store)]  # the ``outreach-desk`` entry point
        ui_cmd = [sys.executable, "-m", "ui.main", "--db", str(store)]  # the same app, without the launcher
        bare_cmd = [sys.executable, "-c", _BARE]
        for cmd in (app_cmd, ui_cmd, bare_cmd):  # warm the OS file cache
            _time_to_shown(cmd, env)
        app_t, ui_t, bare_t = [], [], []
        for _ in range(RUNS):  # interleaved, so a busy moment hits all
            app_t.append(_time_to_shown(app_cmd, env))
            ui_t.append(_time_to_shown(ui_cmd, env))
            bare_t.append(_time_to_shown(bare_cmd, env))
    return {"app_s": statistics.median(app_t), "ui_main_s": statistics.median(ui_t),
            "bare_s": statistics.median(bare_t)}


def _queries(view: Any, n_people: int = 20, seed: int = 5) -> list[str]:
    """Typed prefixes of names, pinyin initials, ID numbers and phones of random persons."""
    idx = view.index
    rng = random.Random(seed)
    out: list[str] = []
    for _ in range(n_people):
        r = rng.randrange(len(idx.ids))
        initials, _, _pinyin = idx.latin[r].partition("\x01")
        id_number, _, phone = idx.digits[r].partition("\x01")
        for s in (idx.name[r], initials, id_number, phone):
            out += [s[:i] for i in range(1, len(s) + 1)]
    return out


def _rss() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def child(store: str) -> None:
    """Run in a fresh process: unlock the 100k store, list and scroll, search; print the figures as JSON."""
    from PySide6.QtWidgets import QApplication

    from ui.main import PREWARMED, Shell, make_app

    app = make_app()
    shell = Shell(app, Path(store), start_server=False)
    shell.state = {"tab": "people"}  # resume on the list, as after a lock
    shell.start()
    dlg = shell.dialog
    # The user types the passphrase meanwhile; the app uses that time to import what unlocking needs.
    PREWARMED.wait(30)
    dlg.passphrase.setText(PASSPHRASE)
    deadline = time.perf_counter() + 60
    t0 = time.perf_counter()
    dlg.submit()
    view = None
    while time.perf_counter() < deadline:
        app.processEvents()
        if shell.window is not None and shell.window.isVisible():
            view = shell.window.view("people")
            if view is not None and getattr(view, "model", None) is not None and view.model.fetches:
                break
        time.sleep(0.001)
    unlock_s = time.perf_counter() - t0
    assert view is not None and view.model.rowCount() > 0, "list not shown"

    t1 = time.perf_counter()
    while view.index is None and time.perf_counter() < deadline + 60:
        app.processEvents()
        time.sleep(0.002)
    index_s = time.perf_counter() - t1
    for _ in range(20):
        app.processEvents()

    # All 100 000 listed, scrolled through; then memory.
    listed = view.model.rowCount()
    bar = view.table.verticalScrollBar()
    for frac in (0.1, 0.5, 0.9, 1.0, 0.0):
        bar.setValue(int(bar.maximum() * frac))
        view.table.viewport().repaint()
        app.processEvents()
    rss = _rss()

    # A keystroke: the text changes, the view searches, resets the model and updates the count (all
    # synchronous in setText). Painting the visible rows (Qt's text layout, plus reading the page shown) is
    # timed separately: Qt coalesces paints when typing is faster than painting.
    typed, painted = [], []
    for q in _queries(view):
        t = time.perf_counter()
        view.search.setText(q)
        t2 = time.perf_counter()
        view.table.viewport().repaint()
        typed.append((t2 - t) * 1000)
        painted.append((time.perf_counter() - t) * 1000)
    typed.sort()
    painted.sort()

    def p95(xs: list[float]) -> float:
        return xs[int(len(xs) * 0.95) - 1]

    print(f"unlock {unlock_s:.3f}s index {index_s:.2f}s rss {rss:.0f} MB (after the search run {_rss():.0f} MB);"
          f" keystroke p95 {p95(typed):.1f} ms, with paint {p95(painted):.1f} ms", file=sys.stderr)
    print(json.dumps({"unlock_s": unlock_s, "index_s": index_s, "p95_ms": p95(typed),
                      "p50_ms": typed[len(typed) // 2], "painted_p95_ms": p95(painted),
                      "keystrokes": len(typed), "listed": listed, "rss_mb": rss,
                      "rss_after_search_mb": _rss()}), flush=True)
    shell.shutdown()
    QApplication.quit()
    os._exit(0)  # the figures are out; skip tearing down live Qt objects at interpreter exit


def run(ctx: BenchContext) -> dict[str, Any]:
    households = 300 if ctx.quick else HOUSEHOLDS_100K
    store = ctx.store(households)
    ratio = start_ratio(store)
    out = subprocess.run([sys.executable, "-c", f"from bench.ui import child; child({str(store)!r})"],
                         env=_env(OUTREACH_DATA_DIR=tempfile.mkdtemp(prefix="outreach-bench-ui-")), cwd=ROOT,
                         capture_output=True, text=True, timeout=900)
    print(out.stderr.strip().splitlines()[-1:] and out.stderr.strip().splitlines()[-1], file=sys.stderr)
    lines = [x for x in out.stdout.splitlines() if x.startswith("{")]
    if not lines:
        raise RuntimeError(f"UI benchmark child failed:\n{out.stdout}\n{out.stderr}")
    r = json.loads(lines[-1])
    return {
        "ui.start_ratio": metric(ratio["app_s"] / ratio["bare_s"], "×", 2.0, app_s=round(ratio["app_s"], 3),
                                 bare_s=round(ratio["bare_s"], 3), ui_main_s=round(ratio["ui_main_s"], 3),
                                 ui_main_ratio=round(ratio["ui_main_s"] / ratio["bare_s"], 3)),
        "ui.unlock_to_main_s": metric(r["unlock_s"], "s", 1.0, persons=r["listed"]),
        "ui.search_p95_ms": metric(r["p95_ms"], "ms", 30.0, p50_ms=round(r["p50_ms"], 2),
                                   with_paint_p95_ms=round(r["painted_p95_ms"], 2), keystrokes=r["keystrokes"]),
        "ui.index_build_s": metric(r["index_s"], "s", None),
        "ui.rss_mb": metric(r["rss_mb"], "MB", 250.0, persons=r["listed"],
                            after_690_searches_mb=round(r["rss_after_search_mb"], 1)),
    }


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(sys.argv[2])
    else:
        print(json.dumps(run(BenchContext()), ensure_ascii=False, indent=2))
