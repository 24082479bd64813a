"""Headless commands: init, simulate and stats, as a script or support person would run them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from app.collection import Collection
from app.model.kinds import KINDS
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str, passphrase: str = PASSPHRASE) -> subprocess.CompletedProcess:
    env = {**os.environ, "OUTREACH_PASSPHRASE": passphrase}
    return subprocess.run([sys.executable, "-m", "outreach", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=120)


def test_init_makes_an_empty_store(tmp_path: Path) -> None:
    out = tmp_path / "new.db"
    r = _run("init", "--out", str(out), "--user", "liuqiang", "--area", "140105001003")
    assert r.returncode == 0, r.stderr
    col = Collection.open(out, PASSPHRASE)
    assert sum(col.counts().values()) == 0 and col.user["areas"] == ["140105001003"]
    col.close()
    again = _run("init", "--out", str(out))
    assert again.returncode != 0 and "已存在" in again.stderr


def test_simulate_reports_what_it_did_and_stats_see_it(demo_store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    shutil.copyfile(demo_store, copy)
    s1 = json.loads(_run("stats", "--db", str(demo_store), "--json").stdout)
    s2 = json.loads(_run("stats", "--db", str(copy), "--json").stdout)
    assert s1 == s2 and set(s1["kinds"]) == set(KINDS)

    r = _run("simulate", "--db", str(demo_store), "--changes", "25", "--seed", "4")
    assert r.returncode == 0, r.stderr
    summary = json.loads(r.stdout)
    assert sum(v for kind in summary.values() for v in kind.values()) == 25
    after = json.loads(_run("stats", "--db", str(demo_store), "--json").stdout)
    for kind, s in summary.items():
        assert after["kinds"][kind]["digest"] != s1["kinds"][kind]["digest"], kind
        assert after["kinds"][kind]["count"] == s1["kinds"][kind]["count"] + s["created"] - s["deleted"]

    # Nothing personal in the stats output.
    col = Collection.open(demo_store, PASSPHRASE)
    with col.records.reading() as conn:
        name, id_number = conn.exec_driver_sql("SELECT name, id_number FROM person LIMIT 1").one()
    col.close()
    text = _run("stats", "--db", str(demo_store), "--json").stdout
    assert name not in text and id_number not in text


def test_simulate_is_deterministic_for_a_seed(demo_store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    shutil.copyfile(demo_store, copy)
    a = _run("simulate", "--db", str(demo_store), "--changes", "10", "--seed", "9").stdout
    b = _run("simulate", "--db", str(copy), "--changes", "10", "--seed", "9").stdout
    assert a == b


def test_demo_data_unknown_account_is_explained(tmp_path: Path) -> None:
    r = _run("demo-data", "--out", str(tmp_path / "x.db"), "--user", "nobody")
    assert r.returncode == 2 and "没有演示账号" in r.stderr and "zhangli" in r.stderr
    assert not (tmp_path / "x.db").exists()
