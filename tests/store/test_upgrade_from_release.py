"""A newer app opens a store made by an older release's own code: backup first, migrate, data unchanged;
a migration that fails puts the backup back so the store is exactly as that release left it.

The fixtures under tests/fixtures/ were written by the old commits' code (make_release_stores.py).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.collection import Collection
from app.stats import store_stats
from app.store import migrate
from app.store.engine import connect
from tests.fixtures import make_release_stores
from tests.fixtures.make_release_stores import release_store

PASSPHRASE = "release-fixture-2026"  # as in tests/fixtures/make_release_stores.py
RELEASES = sorted(make_release_stores.RELEASES)  # commits whose own code made a store


def _copy(commit: str, tmp_path: Path) -> tuple[Path, dict]:
    fixture = release_store(commit)
    path = tmp_path / "outreach.db"
    shutil.copyfile(fixture, path)
    return path, json.loads(fixture.with_suffix(".stats.json").read_text())


def _kinds(path: Path, old_fields: dict[str, list[str]]) -> dict:
    engine = connect(path, PASSPHRASE)
    try:
        with engine.connect() as conn:
            return store_stats(conn, old_fields)["kinds"]
    finally:
        engine.dispose()


def _revision(path: Path) -> str | None:
    engine = connect(path, PASSPHRASE)
    try:
        return migrate.current_revision(engine)
    finally:
        engine.dispose()


def test_release_fixtures_exist() -> None:
    assert "51fd111" in RELEASES  # the last release before migration 0003: opening it migrates
    assert all(release_store(c).stat().st_size < 1024 * 1024 for c in RELEASES)


@pytest.mark.parametrize("commit", RELEASES)
def test_release_store_opens_migrated_with_backup(commit: str, tmp_path: Path) -> None:
    path, old = _copy(commit, tmp_path)
    assert _revision(path) == old["revision"]

    col = Collection.open(path, PASSPHRASE)
    try:
        assert migrate.current_revision(col.store.engine) == migrate.HEAD
        with col.records.reading() as conn:
            kinds = store_stats(conn, old["fields"])["kinds"]
        for name, before in old["kinds"].items():  # every record of the old release, field for field
            assert kinds[name] == before, name
        assert col.verify_audit() == []
        col.check_integrity()
        hid = col.records.create("household", {"address": "升级后新建"}, area_code="140105001001")
        assert col.records.get("household", hid)["address"] == "升级后新建"
        backup = col.backup_made
    finally:
        col.close()

    if old["revision"] == migrate.HEAD:  # a release on today's schema: nothing to migrate, no backup
        assert backup is None
        return
    assert backup is not None and backup.exists()
    assert _revision(backup) == old["revision"]
    assert _kinds(backup, old["fields"]) == old["kinds"]
    assert Collection.open(path, PASSPHRASE).backup_made is None or pytest.fail("migrated twice")


FAILING_STEP = '''
from pathlib import Path

from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE TABLE half_done (x INTEGER)")
    op.execute("DELETE FROM person")
    # A step that also harms the file outside the transaction (e.g. a crash in a rebuild): the rollback
    # alone could not bring this back, only the backup can.
    with open("{store}", "r+b") as fh:
        fh.seek(4096)
        fh.write(bytes(4096 * 8))
    raise RuntimeError("injected failure in migration 9999")
'''


def inject_failing_migration(tmp_path: Path, store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A newer release whose last migration (9999, after the real ones) fails and damages ``store``."""
    migrations = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / "9999_fails.py").write_text(
        FAILING_STEP.format(head=migrate.HEAD, store=store.as_posix()))
    monkeypatch.setattr(migrate, "MIGRATIONS", migrations)
    monkeypatch.setattr(migrate, "HEAD", "9999")


def test_failed_migration_restores_the_backup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, old = _copy("51fd111", tmp_path)
    inject_failing_migration(tmp_path, path, monkeypatch)

    with pytest.raises(migrate.MigrationError) as info:
        Collection.open(path, PASSPHRASE)
    assert "已用升级前的备份恢复" in str(info.value) and "injected failure" in str(info.value)

    # The store is the old release's file again: its revision, every record; the backup is kept.
    assert _revision(path) == old["revision"]
    assert _kinds(path, old["fields"]) == old["kinds"]
    backups = list(tmp_path.glob("outreach.db.bak-*"))
    assert len(backups) == 1 and _revision(backups[0]) == old["revision"]
    assert not list(tmp_path.glob("outreach.db.restoring"))

    # The fixed release (real migrations) then upgrades it normally.
    monkeypatch.undo()
    col = Collection.open(path, PASSPHRASE)
    try:
        assert migrate.current_revision(col.store.engine) == migrate.HEAD
        col.check_integrity()
    finally:
        col.close()
