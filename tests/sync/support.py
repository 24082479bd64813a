"""Helpers for the sync tests: real servers, real encrypted laptops, demo data, digest comparison."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.collection import Collection
from app.stats import store_stats
from sync.client import RetryPolicy, SyncClient, SyncReport, Transport

PASSPHRASE = "测试 pass'phrase\""
PASSWORD = "demo1234"
COMMUNITY = "140105001001"  # 坞城南路社区: zhangli's, inside wangjun's street

FAST_RETRY = RetryPolicy(attempts=4, base_delay=0.05, max_delay=0.3)


def start_server(db_url: str, **kw: Any) -> Any:
    """A running reference server on 127.0.0.1 (``handle.url``, ``handle.stop()``), demo users seeded."""
    from sync.server import testing

    return testing.run_server_in_thread(db_url, port=0, demo=True, **kw)


@dataclass
class Laptop:
    """One worker's laptop: an encrypted store and a sync client pointed at ``url``."""

    path: Path
    user: str
    url: str
    col: Collection
    timeout: tuple[float, float] = (2.0, 5.0)
    retry: RetryPolicy = field(default_factory=lambda: FAST_RETRY)
    password: str = PASSWORD

    def client(self, **kw: Any) -> SyncClient:
        t = Transport(self.url, username=self.user, password=self.password, timeout=self.timeout,
                      retry=self.retry)
        return SyncClient(self.col, t, **kw)

    def sync(self, **kw: Any) -> SyncReport:
        client = self.client(**{k: v for k, v in kw.items()
                                if k in ("push_batch", "pull_limit", "chunk_size", "hook", "stage_min")})
        try:
            return client.sync(**{k: v for k, v in kw.items() if k in ("progress", "cancel")})
        finally:
            client.transport.close()

    def stats(self) -> dict[str, Any]:
        with self.col.records.reading() as conn:
            return store_stats(conn)

    def reopen(self) -> None:
        self.col.close()
        self.col = Collection.open(self.path, PASSPHRASE)

    def pending(self) -> int:
        return self.col.records.pending_count()


def make_laptop(tmp_path: Path, name: str, url: str, user: str = "zhangli") -> Laptop:
    path = tmp_path / f"{name}.db"
    col = Collection.create(path, PASSPHRASE, user={"name": user})
    return Laptop(path, user, url, col)


def add_household(col: Collection, persons: int = 2, area: str = COMMUNITY) -> tuple[str, list[str]]:
    """A household with ``persons`` members, written through the records API in one transaction."""
    with col.records.transaction() as tx:
        hh = tx.create("household", {"address": "小店区坞城南路 1 号", "zero_employment": False,
                                     "dibao": False, "note": "初始"}, area_code=area)
        ids = []
        for i in range(persons):
            ids.append(tx.create("person", {
                "household_id": hh, "name": f"测试{i}", "id_number": None, "phone": f"1380000{i:04d}",
                "relation": "户主" if i == 0 else "子女", "employment_status": "失业",
                "registered_unemployed_on": dt.date(2025, 3, 1), "able_to_work": True,
            }, area_code=area))
    return hh, ids


def office_on_platform(laptop: Laptop, households: int, persons: int = 3) -> None:
    """``households`` of ``persons`` each written on ``laptop`` and synced: a platform for others to pull."""
    for _ in range(households):
        add_household(laptop.col, persons=persons)
    assert laptop.sync().ok


def server_stats(url: str, area: str = COMMUNITY) -> dict[str, Any]:
    t = Transport(url, username="admin", password=PASSWORD, retry=FAST_RETRY)
    try:
        return t.get_json("/stats", params={"area": area})
    finally:
        t.close()


def assert_converged(url: str, *laptops: Laptop, area: str = COMMUNITY) -> None:
    """Every laptop's per-kind digest equals the server's for the area, and nothing is left queued."""
    server = server_stats(url, area)["kinds"]
    for lap in laptops:
        assert lap.pending() == 0, f"{lap.path.name}: outbox not empty"
        mine = lap.stats()["kinds"]
        diff = {k: (mine[k], server[k]) for k in server if mine[k] != server[k]}
        assert not diff, f"{lap.path.name} differs from the server: {diff}"


class Stall:
    """A hook that blocks the sync thread at a named point until released (for in-process interleavings)."""

    def __init__(self, point: str) -> None:
        self.point = point
        self.reached = threading.Event()
        self.release = threading.Event()

    def __call__(self, point: str) -> None:
        if point == self.point:
            self.reached.set()
            self.release.wait(30)
