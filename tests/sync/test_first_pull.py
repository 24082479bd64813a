"""A first pull into an empty store: large pages, indexes built once at the end, resumable at any page."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from app.store import bulk
from app.store.integrity import check_store
from app.store.tables import audit, record_audit
from tests.sync.support import PASSPHRASE, add_household, assert_converged, office_on_platform


def _indexes(lap) -> set[str]:  # noqa: ANN001
    with lap.col.records.reading() as conn:
        return set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%'"))
                   .scalars())


class _CutAt:
    """Fails the sync when the ``n``-th page has been fetched (a crash mid-way through a first pull)."""

    def __init__(self, n: int) -> None:
        self.n, self.seen = n, 0

    def __call__(self, point: str) -> None:
        if point == "pull:fetched":
            self.seen += 1
            if self.seen == self.n:
                raise OSError("cut")


def test_first_pull_cut_at_a_page_resumes_and_builds_the_indexes(server, laptops) -> None:
    writer = laptops("writer", server.url)
    office_on_platform(writer, 6)
    fresh = laptops("fresh", server.url)
    full = _indexes(writer)
    assert "ix_person_household" in full

    with pytest.raises(OSError):
        fresh.sync(pull_limit=5, hook=_CutAt(3))
    with fresh.col.records.reading() as conn:
        assert bulk.deferred(conn)  # two pages applied, the indexes still to build
    assert "ix_person_household" not in _indexes(fresh)
    assert 0 < fresh.col.counts()["person"] < 18
    fresh.col.close()
    assert check_store(fresh.path, PASSPHRASE).ok
    fresh.reopen()

    report = fresh.sync(pull_limit=5)
    assert report.ok, report.errors
    assert 0 < report.pulled < 24  # resumed from the stored cursor, not from the start
    assert _indexes(fresh) == full
    with fresh.col.records.reading() as conn:
        assert not bulk.deferred(conn)
        pointers = conn.execute(select(func.count()).select_from(record_audit)).scalar()
        own = conn.execute(select(func.count()).where(audit.c.record_id != "")).scalar()
        pages = conn.execute(select(func.count()).where(audit.c.record_id == "")).scalar()
    # First copies are audited a page (and kind) at a time, by digest: no entry or pointer of their own.
    assert pointers == own == 0 and 5 <= pages <= 10
    assert_converged(server.url, writer, fresh)
    fresh.col.close()
    assert check_store(fresh.path, PASSPHRASE).ok


def test_a_store_with_data_keeps_its_indexes(server, laptops) -> None:
    lap = laptops("a", server.url)
    add_household(lap.col, persons=2)  # not empty: its first sync pushes, then pulls with indexes in place
    before = _indexes(lap)
    seen: list[set[str]] = []
    report = lap.sync(hook=lambda p: seen.append(_indexes(lap)) if p == "pull:fetched" else None)
    assert report.ok and seen and all(s == before for s in seen)
