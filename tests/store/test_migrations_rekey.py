"""Schema upgrades keep data and back up first; re-keying never leaves a store unusable."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.collection import Collection
from app.store import migrate
from app.store.engine import WrongPassphraseError, connect
from tests.conftest import PASSPHRASE


def test_store_made_with_first_schema_is_migrated_with_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = connect(path, PASSPHRASE, create=True)
    migrate.upgrade(engine, path, PASSPHRASE, target="0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO household (id, area_code, version, deleted, conflict, address, zero_employment) "
            "VALUES ('h1', '140105001001', 3, 0, 0, '坞城路1号', 1)")
        conn.exec_driver_sql("INSERT INTO meta (key, value) VALUES ('user', '{\"name\": \"zhangli\"}')")
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    engine.dispose()
    assert "review" not in tables and migrate.head_revision() != "0001"

    col = Collection.open(path, PASSPHRASE)
    try:
        assert col.backup_made is not None and col.backup_made.exists()
        assert migrate.current_revision(col.store.engine) == migrate.head_revision()
        h = col.records.get("household", "h1")
        assert h["address"] == "坞城路1号" and h["zero_employment"] is True and h["version"] == 3
        rid = col.records.create("review", {"target_kind": "visit", "target_id": "v1", "decision": "approved"},
                                 area_code="140105001001")
        assert col.records.get("review", rid)["decision"] == "approved"
    finally:
        col.close()
    # The backup is the old schema, still encrypted under the same passphrase.
    backup = connect(col.backup_made, PASSPHRASE)
    assert migrate.current_revision(backup) == "0001"
    backup.dispose()
    assert b"SQLite format 3" not in col.backup_made.read_bytes()[:16]

    # Opening at head again makes no further backup.
    again = Collection.open(path, PASSPHRASE)
    assert again.backup_made is None
    again.close()


def test_migrations_match_the_declared_schema(tmp_path: Path) -> None:
    """The head migration produces exactly the tables the code declares (no drift)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from app.store.tables import metadata

    col = Collection.create(tmp_path / "s.db", PASSPHRASE)
    try:
        with col.store.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
    finally:
        col.close()
    assert diff == []


def test_change_passphrase(demo_store: Path) -> None:
    col = Collection.open(demo_store, PASSPHRASE)
    before = col.counts()
    col.change_passphrase("a-new-passphrase-42")
    col.records.create("household", {"address": "新地址"}, area_code="140105001001")
    col.close()
    with pytest.raises(WrongPassphraseError):
        Collection.open(demo_store, PASSPHRASE)
    col = Collection.open(demo_store, "a-new-passphrase-42")
    try:
        after = col.counts()
        assert after["person"] == before["person"]
        assert after["household"] == before["household"] + 1
        assert col.verify_audit() == []
    finally:
        col.close()
    assert not list(demo_store.parent.glob("*.rekey"))


def test_rekey_failing_midway_leaves_old_file_usable(demo_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    col = Collection.open(demo_store, PASSPHRASE)
    persons = col.counts()["person"]

    def boom(*_a: object, **_k: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        col.change_passphrase("another-passphrase-7")
    monkeypatch.undo()
    col.store.engine.dispose()
    reopened = Collection.open(demo_store, PASSPHRASE)
    assert reopened.counts()["person"] == persons
    reopened.close()


def test_head_constant_matches_alembic() -> None:
    """Opening an up-to-date store skips Alembic by comparing with HEAD; a new migration must move it."""
    assert migrate.head_revision() == migrate.HEAD
