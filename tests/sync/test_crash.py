"""Crashes: the laptop's sync process SIGKILLed mid-push and mid-pull, the server process killed and restarted.
Each is followed by a sync that converges with nothing lost or duplicated."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

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


@pytest.mark.postgres
def test_server_killed_mid_batch_applies_nothing_and_resend_converges(pg_url, laptops) -> None:
    """A push batch is one transaction: the server dies after writing part of it (its new records are
    inserted, it waits on a row lock held here for the update), so none of it commits; the laptop's next run
    sends the same ops again and they apply afresh, nothing twice."""
    port = free_port()
    srv = run_server_process(pg_url, port, demo=True)
    holder = create_engine(pg_url)
    try:
        a = laptops("a", srv.url)
        _, persons = add_household(a.col, persons=1)
        assert a.sync().ok
        a.col.records.update("person", persons[0], {"phone": "13800003333"})  # an UPDATE in the batch …
        add_household(a.col, persons=2)  # … after three INSERTs (written first)
        result: dict = {}
        with holder.connect() as hold:
            hold.execute(text("SELECT 1 FROM records WHERE id = :id FOR UPDATE"), {"id": persons[0]})
            worker = threading.Thread(target=lambda: result.update(r=a.sync()))
            worker.start()
            deadline = time.monotonic() + 30
            while not hold.execute(text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                        "AND datname = current_database()")).scalar():
                assert time.monotonic() < deadline, "the push never reached the locked row"
                time.sleep(0.05)
            srv.kill()  # mid-batch: inserts written, update waiting, nothing committed
            hold.rollback()
        worker.join(30)
        assert not result["r"].ok and a.pending() == 4
        assert server_stats_db(pg_url) == 1  # only the person synced before
        srv = run_server_process(pg_url, port)
        report = a.sync()
        assert report.ok, report.errors
        assert (report.applied, report.duplicate) == (4, 0)  # fresh results: the crashed try left no trace
        assert_converged(srv.url, a)
    finally:
        holder.dispose()
        srv.kill()


def server_stats_db(db_url: str) -> int:
    """Persons stored on the server, read straight from its database (the server may be down)."""
    eng = create_engine(db_url)
    try:
        with eng.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM records WHERE kind = 'person'")).scalar())
    finally:
        eng.dispose()
