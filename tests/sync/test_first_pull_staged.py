"""A first pull's pages converted in worker processes and copied in by SQLite (sync/client/staging.py): the same
store as the ordinary path, resumable, nothing left behind, and the ordinary path whenever a worker cannot help."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from sqlalchemy import func, select

from app.store import bulk
from app.store.integrity import check_store
from app.store.tables import audit
from sync.client.staging import Stager
from tests.sync.support import PASSPHRASE, add_household, assert_converged, office_on_platform


class _Points:
    """Counts the named points a sync passes; ``act`` runs at the ``at``-th one of ``point``."""

    def __init__(self, point: str = "", at: int = 0, act=None) -> None:  # noqa: ANN001
        self.point, self.at, self.act = point, at, act
        self.seen: dict[str, int] = {}

    def __call__(self, point: str) -> None:
        self.seen[point] = self.seen.get(point, 0) + 1
        if point == self.point and self.seen[point] == self.at:
            self.act()


def _stage_files(lap) -> list[Path]:  # noqa: ANN001
    return sorted(lap.path.parent.glob(f".{lap.path.name}.stage-*"))


def _page_entries(lap) -> int:  # noqa: ANN001
    with lap.col.records.reading() as conn:
        return conn.execute(select(func.count()).where(audit.c.record_id == "")).scalar()


def test_a_staged_first_pull_fills_the_store_like_the_ordinary_one(server, laptops) -> None:
    writer = laptops("writer", server.url)
    office_on_platform(writer, 5)
    plain, staged = laptops("plain", server.url), laptops("staged", server.url)
    assert plain.sync(pull_limit=7).ok
    seen_files: list[bytes] = []

    def look_at_the_files() -> None:
        seen_files.extend(p.read_bytes() for p in _stage_files(staged))

    points = _Points("pull:staged", 1, look_at_the_files)
    report = staged.sync(pull_limit=7, stage_min=1, hook=points)
    assert report.ok, report.errors
    assert points.seen.get("pull:staged", 0) >= 3  # the pages really went through the workers
    assert 0 < report.staged == report.pulled
    # The staged files hold the page's records, encrypted: neither SQLite's header nor a name is readable.
    assert seen_files and all(len(f) > 4096 for f in seen_files)
    assert not any(f.startswith(b"SQLite format 3") or "测试".encode() in f for f in seen_files)
    assert staged.col.counts() == plain.col.counts()
    assert _page_entries(staged) == _page_entries(plain)  # one audit entry per page and kind, as before
    assert _stage_files(staged) == []
    with staged.col.records.reading() as conn:
        assert not bulk.deferred(conn)
    assert_converged(server.url, writer, staged)
    staged.col.close()
    assert check_store(staged.path, PASSPHRASE).ok


def test_a_record_changed_while_the_pull_runs_is_merged_not_copied_twice(server, laptops) -> None:
    writer = laptops("writer", server.url)
    _, persons = add_household(writer.col, persons=4)
    office_on_platform(writer, 3)
    fresh = laptops("fresh", server.url)

    def edit_on_the_platform() -> None:  # the person, in the first page, comes again in the last one
        writer.col.records.update("person", persons[0], {"phone": "13900000001"})
        assert writer.sync().ok

    report = fresh.sync(pull_limit=6, stage_min=1, hook=_Points("pull:fetched", 1, edit_on_the_platform))
    assert report.ok, report.errors
    assert fresh.col.records.get("person", persons[0])["phone"] == "13900000001"
    with fresh.col.records.reading() as conn:  # the second copy was merged: audited as a change of its own
        assert conn.execute(select(func.count()).where(audit.c.record_id == persons[0])).scalar() == 1
    assert_converged(server.url, writer, fresh)
    fresh.col.close()
    assert check_store(fresh.path, PASSPHRASE).ok


def test_a_staged_first_pull_cut_at_a_page_resumes_and_leaves_no_files(server, laptops) -> None:
    writer = laptops("writer", server.url)
    office_on_platform(writer, 6)
    fresh = laptops("fresh", server.url)

    def cut() -> None:
        raise OSError("cut")

    with pytest.raises(OSError):  # in the second transaction: the first three pages stay, with their cursor
        fresh.sync(pull_limit=5, stage_min=1, hook=_Points("pull:staged", 4, cut))
    assert _stage_files(fresh) == []  # pages converted ahead are thrown away with their keys
    applied = fresh.col.counts()
    assert 0 < sum(applied.values()) < 24
    fresh.col.close()
    assert check_store(fresh.path, PASSPHRASE).ok
    fresh.reopen()
    # A process killed mid-pull leaves its staged files behind (unreadable without their keys): the next pull
    # deletes them, and only this store's (another store's pull in the same folder may be running).
    orphan = fresh.path.with_name(f".{fresh.path.name}.stage-0123.db")
    other = fresh.path.with_name(".writer.db.stage-0123.db")
    orphan.write_bytes(b"x" * 4096)
    other.write_bytes(b"x" * 4096)
    points = _Points()
    report = fresh.sync(pull_limit=5, stage_min=1, hook=points)
    assert report.ok, report.errors
    assert points.seen.get("pull:staged", 0) >= 1  # the resumed pull still fills through the workers
    assert _stage_files(fresh) == [] and other.exists()
    assert_converged(server.url, writer, fresh)
    fresh.col.close()
    assert check_store(fresh.path, PASSPHRASE).ok


def test_a_worker_that_fails_leaves_its_page_to_the_ordinary_path(tmp_path: Path) -> None:
    stager = Stager(tmp_path / "no such folder" / "store.db", True, min_records=1)
    page = orjson.dumps({"changes": [{"kind": "household", "id": "h1", "version": 1, "fields": {}}]})
    try:
        assert stager.depth(3) == 1
        future = stager.submit(page, 1)
        assert future is not None and stager.depth(3) == 5
        assert stager.result(future) is None  # the file could not be written: no staged page, no error
        assert stager.submit(page, 1) is None  # and no more workers for this pull
    finally:
        stager.close()
