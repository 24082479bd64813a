"""Smoke test of the built bundle (``make bundle-test``): the frozen app, not the source tree.

Needs a bundle: ``OUTREACH_BUNDLE`` names its folder (default dist/OutreachDesk); without one the tests skip,
so the fast suite (``make test``) stays fast. Each step runs the bundle's own launcher offscreen:
a demo store made by the bundle, the GUI self-test on it (unlock, search, print a sheet to PDF, exit 0) in
English (the compiled translation must be inside), and a store made by an older release migrated by it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.fixtures.make_release_stores import release_store

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / os.environ.get("OUTREACH_BUNDLE", "dist/OutreachDesk")  # relative: to the checkout
CLI = BUNDLE / "outreach-desk"
PASSPHRASE = "release-fixture-2026"  # as tests/fixtures/make_release_stores.py

pytestmark = pytest.mark.skipif(not CLI.exists(), reason=f"no bundle at {BUNDLE} (make bundle-test builds it)")


def _run(tmp_path: Path, *args: str, lang: str = "zh_CN", **more_env: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(OUTREACH_PASSPHRASE=PASSPHRASE, OUTREACH_LANG=lang, QT_QPA_PLATFORM="offscreen",
               OUTREACH_DATA_DIR=str(tmp_path / "data"), **more_env)
    # Run from an empty folder: nothing may come from the source tree.
    return subprocess.run([str(CLI), *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)


def _last_json(out: str) -> dict:
    return json.loads(out.strip().splitlines()[-1])


def test_bundle_makes_a_store_and_runs_the_gui_self_test(tmp_path: Path) -> None:
    from pypdf import PdfReader

    made = _run(tmp_path, "demo-data", "--out", str(tmp_path / "demo.db"), "--households", "20")
    assert made.returncode == 0, made.stderr
    assert _last_json(made.stdout)["created"]["household"] == 20

    run = _run(tmp_path, "self-test", "--db", str(tmp_path / "demo.db"), "--out", str(tmp_path / "out"),
               lang="en")
    assert run.returncode == 0, run.stdout + run.stderr
    seen = _last_json(run.stdout)
    assert seen["ok"] and seen["frozen"]
    assert seen["title"] == "OutreachDesk"  # 就业援助走访台 in English: the bundled .qm was loaded
    assert "WenQuanYi Micro Hei" in seen["fonts"]
    assert seen["hits"] >= 1 and seen["found"] == seen["query"]
    assert seen["pages"] >= 1 and seen["painted"] == seen["pages"]
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "out" / "visit-sheet.pdf").pages)
    assert "入户走访登记表" in text
    assert len(PdfReader(tmp_path / "out" / "visit-sheet-printed.pdf").pages) == seen["pages"]


def test_bundle_migrates_a_store_of_an_older_release(tmp_path: Path) -> None:
    fixture = release_store("51fd111")
    store = tmp_path / "outreach.db"
    shutil.copyfile(fixture, store)
    checked = _run(tmp_path, "check", "--db", str(store))
    assert checked.returncode == 0, checked.stderr
    assert len(list(tmp_path.glob("outreach.db.bak-0002-*"))) == 1  # backed up before migrating
    old = fixture.with_suffix(".stats.json")  # compared over the kinds and fields that release declared
    stats = _run(tmp_path, "stats", "--db", str(store), "--json", "--fields", str(old))
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["kinds"] == json.loads(old.read_text())["kinds"]


def test_bundle_converts_a_first_pull_in_worker_processes_of_its_own(tmp_path: Path) -> None:
    """The staging workers of a first pull (sync/client/staging.py) are the frozen executable started again:
    ``multiprocessing.freeze_support`` in installer/entry.py makes it act as a worker, not as the app."""
    from tests.sync.support import PASSWORD, add_household, make_laptop, start_server

    server = start_server(f"sqlite:///{tmp_path / 'platform.db'}")
    try:
        source = make_laptop(tmp_path, "source", server.url)
        with source.col.records.batch():
            for _ in range(700):
                add_household(source.col, persons=2)  # 2 100 records: one page, large enough to stage
        assert source.sync().ok
        source.col.close()
        assert _run(tmp_path, "init", "--out", str(tmp_path / "fresh.db"), "--user", "zhangli").returncode == 0
        run = _run(tmp_path, "sync", "--db", str(tmp_path / "fresh.db"), "--server", server.url, "--user", "zhangli",
                   OUTREACH_PLATFORM_PASSWORD=PASSWORD)
    finally:
        server.stop()
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["pulled"] == report["staged"] == 2100
    assert list(tmp_path.glob(".fresh.db.stage-*")) == []
    assert _run(tmp_path, "check", "--db", str(tmp_path / "fresh.db")).returncode == 0
