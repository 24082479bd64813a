"""Network faults between laptop and server (a real fault-injecting proxy): every run resumes and converges
with nothing lost or duplicated."""

from __future__ import annotations

import pytest

from tests.sync.faultproxy import FaultProxy
from tests.sync.support import add_household, assert_converged, server_stats

PUSH, PULL = "/api/v1/sync/push", "/api/v1/sync/pull"
AFTER_COMMIT = {"drop_after", "truncate", "delay"}


def _proxy_for(handle) -> FaultProxy:
    return FaultProxy(int(handle.url.rsplit(":", 1)[1]))


@pytest.fixture
def any_proxy(any_server):
    """Proxy in front of a SQLite or PostgreSQL server: push faults hit the server's commit path."""
    p = _proxy_for(any_server)
    yield p
    p.close()


@pytest.fixture
def proxy(server):
    p = _proxy_for(server)
    yield p
    p.close()


def _count_households(url: str) -> int:
    return server_stats(url)["kinds"]["household"]["total"]


@pytest.mark.parametrize("action", ["drop_before", "drop_after", "truncate", "delay", "status"])
def test_push_fault_is_retried_within_the_run(any_server, laptops, any_proxy, action) -> None:
    proxy = any_proxy
    a = laptops("a", proxy.url)
    a.timeout = (1.0, 1.0)
    add_household(a.col, persons=2)
    add_household(a.col, persons=1)
    proxy.add(action, "POST", PUSH, seconds=1.8)
    report = a.sync()
    assert report.ok, report.errors
    assert proxy.count("POST", PUSH) == 2  # the faulty try and one retry
    # Server committed before the fault → the retry is answered "duplicate" for every op, never re-applied.
    assert report.duplicate == (5 if action in AFTER_COMMIT else 0)
    assert report.pushed == 5
    assert _count_households(any_server.url) == 2
    assert_converged(any_server.url, a)


@pytest.mark.parametrize("action", ["drop_before", "drop_after", "truncate", "delay", "status"])
def test_pull_fault_is_retried_within_the_run(server, laptops, proxy, action) -> None:
    a = laptops("a", server.url)
    add_household(a.col, persons=3)
    assert a.sync().ok
    b = laptops("b", proxy.url)
    b.timeout = (1.0, 1.0)
    proxy.add(action, "GET", PULL, seconds=1.8)
    report = b.sync(pull_limit=2)
    assert report.ok, report.errors
    assert report.pulled == 4
    assert_converged(server.url, a, b)


@pytest.mark.parametrize("action", ["drop_before", "drop_after", "truncate", "status"])
def test_persistent_fault_fails_cleanly_then_resumes(server, laptops, proxy, action) -> None:
    a = laptops("a", proxy.url)
    hh, _ = add_household(a.col, persons=2)
    proxy.add(action, "POST", PUSH, times=100)
    report = a.sync()
    assert not report.ok and report.errors
    assert "重试" in report.errors[0]  # a Chinese message saying it retried
    assert a.pending() == 3  # nothing lost
    assert a.col.records.get("household", hh)["version"] == 0
    proxy.clear()
    report = a.sync()
    assert report.ok, report.errors
    assert report.duplicate == (3 if action in ("drop_after", "truncate") else 0)
    assert _count_households(server.url) == 1
    assert_converged(server.url, a)


def test_pull_fails_midway_and_resumes_from_cursor(server, laptops, proxy) -> None:
    a = laptops("a", server.url)
    for _ in range(3):
        add_household(a.col, persons=2)
    assert a.sync().ok
    b = laptops("b", proxy.url)
    proxy.add("drop_after", "GET", PULL, skip=2, times=100)  # two pages arrive, then the line goes dead
    report = b.sync(pull_limit=2)
    assert not report.ok and report.pulled == 4
    proxy.clear()
    report = b.sync(pull_limit=2)
    assert report.ok and report.pulled == 5  # only what was missing: the cursor had advanced with the pages
    assert_converged(server.url, a, b)
