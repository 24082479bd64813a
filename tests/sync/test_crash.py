"""Crashes: the laptop's sync process SIGKILLed mid-push and mid-pull, the server process killed and restarted.
Each is followed by a sync that converges with nothing lost or duplicated."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sync.server.testing import free_port, run_server_process
from tests.sync.faultproxy import FaultProxy
from tests.sync.support import PASSPHRASE, PASSWORD, add_household, assert_converged, server_stats

ROOT = Path(__file__).resolve().parents[2]


def _sync_and_kill(lap, point: str, tmp_path: Path, pull_limit: int = 500) -> None:
    """Close the laptop's store, sync it in a child that stalls at ``point``, SIGKILL it, reopen."""
    lap.col.close()
    marker = tmp_path / f"stalled-{point.replace(':', '-').replace('#', '-')}"
    env = {**os.environ, "OUTREACH_PASSPHRASE": PASSPHRASE, "OUTREACH_PLATFORM_PASSWORD": PASSWORD,
           "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "tests.sync.child_sync", str(lap.path), lap.url, lap.user,
                             point, str(marker), str(pull_limit)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            if proc.poll() is not None:
                out, err = proc.communicate()
                pytest.fail(f"child ended before {point}: {out.decode()} {err.decode()[-2000:]}")
            assert time.monotonic() < deadline, "child never reached the stall point"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=10)
    lap.reopen()


@pytest.mark.parametrize("point", ["push:sent", "push:settling"])
def test_laptop_killed_mid_push(any_server, laptops, tmp_path, point) -> None:
    a = laptops("a", any_server.url)
    add_household(a.col, persons=3)
    _sync_and_kill(a, point, tmp_path)
    # The server committed the batch; the laptop never settled it: everything is still queued.
    assert a.pending() == 4
    assert server_stats(any_server.url)["kinds"]["person"]["total"] == 3
    report = a.sync()
    assert report.ok, report.errors
    assert report.duplicate == 4 and report.applied == 0
    assert a.col.verify_audit() == []
    assert_converged(any_server.url, a)


@pytest.mark.parametrize("point", ["pull:fetched#2", "pull:applying#2"])
def test_laptop_killed_mid_pull(any_server, laptops, tmp_path, point) -> None:
    a = laptops("a", any_server.url)
    for _ in range(3):
        add_household(a.col, persons=2)
    assert a.sync().ok
    b = laptops("b", any_server.url)
    assert b.sync().ok  # logged in once; now more changes arrive
    for _ in range(2):
        add_household(a.col, persons=1)
    assert a.sync().ok
    # Pages of 3: the kill hits the second page, after the first page and its cursor committed
    # (in "pull:applying" with half of the page written in the open transaction).
    _sync_and_kill(b, point, tmp_path, pull_limit=3)
    report = b.sync(pull_limit=3)
    assert report.ok, report.errors
    assert report.pulled == 1  # only the page that was lost
    assert b.col.verify_audit() == []
    assert_converged(any_server.url, a, b)


def test_server_killed_and_restarted(laptops, tmp_path) -> None:
    """The server commits a push, the answer is lost, the server is SIGKILLed; after a restart on the same
    port the laptop resumes: the committed ops come back "duplicate", nothing is applied twice."""
    db_url = f"sqlite:///{tmp_path / 'platform.db'}"
    port = free_port()
    srv = run_server_process(db_url, port, demo=True)
    proxy = FaultProxy(port)
    try:
        a = laptops("a", proxy.url)
        hh, _ = add_household(a.col, persons=2)
        assert a.sync().ok
        a.col.records.update("household", hh, {"note": "服务器宕机前的修改"})
        add_household(a.col, persons=1)
        proxy.add("drop_after", "POST", "/api/v1/sync/push", times=100)
        assert not a.sync().ok
        srv.kill()
        report = a.sync()
        assert not report.ok and "重试" in report.errors[0]
        assert a.pending() == 3
        srv = run_server_process(db_url, port)
        proxy.clear()
        report = a.sync()
        assert report.ok, report.errors
        assert report.duplicate == 3 and report.applied == 0
        assert_converged(srv.url, a)
    finally:
        proxy.close()
        srv.kill()
