"""A lost laptop gives nothing away: the store file is fully encrypted and failed opens change nothing."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.collection import Collection
from app.store.engine import (
    DamagedStoreError,
    NotAStoreError,
    StoreNotFoundError,
    WrongPassphraseError,
)
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args: str, passphrase: str | None = PASSPHRASE, **env: str) -> subprocess.CompletedProcess:
    e = {**os.environ, **env}
    if passphrase is not None:
        e["OUTREACH_PASSPHRASE"] = passphrase
    return subprocess.run([sys.executable, "-m", "outreach", *args], capture_output=True, text=True, env=e,
                          cwd=ROOT, stdin=subprocess.DEVNULL, timeout=120)


@pytest.fixture(scope="module")
def cli_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cli") / "demo.db"
    r = _cli("demo-data", "--out", str(out), "--households", "40")
    assert r.returncode == 0, r.stderr
    return out


def test_demo_store_is_encrypted_throughout(cli_demo: Path) -> None:
    data = cli_demo.read_bytes()
    assert not data.startswith(b"SQLite format 3\x00")
    for word in ("社区", "山西", "小店区", "户主", "zhangli"):
        assert word.encode() not in data, word
    # Plain SQLite cannot read it.
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(cli_demo).execute("SELECT count(*) FROM sqlite_master").fetchone()
    # No side file (WAL, journal, temp) left behind in plaintext either.
    for side in cli_demo.parent.iterdir():
        assert "社区".encode() not in side.read_bytes(), side.name


def test_demo_data_has_valid_synthetic_ids(cli_demo: Path) -> None:
    from app.rules.idcard import parse_id

    col = Collection.open(cli_demo, PASSPHRASE)
    try:
        persons = col.records.children  # noqa: F841 - API smoke
        with col.records.reading() as conn:
            ids = [r[0] for r in conn.exec_driver_sql("SELECT id_number FROM person LIMIT 200")]
    finally:
        col.close()
    assert ids and all(parse_id(i).in_shanxi for i in ids)


def test_wrong_passphrase_cli_exits_nonzero_and_leaves_file_unchanged(cli_demo: Path) -> None:
    before = cli_demo.read_bytes()
    r = _cli("stats", "--db", str(cli_demo), "--json", passphrase="not-the-passphrase")
    assert r.returncode != 0
    assert "密码不正确" in r.stderr
    assert r.stdout == ""
    assert cli_demo.read_bytes() == before


def test_missing_passphrase_without_terminal_is_explained(cli_demo: Path) -> None:
    r = _cli("stats", "--db", str(cli_demo), passphrase=None)
    assert r.returncode != 0 and "OUTREACH_PASSPHRASE" in r.stderr


def test_each_failure_has_its_own_message_and_changes_nothing(tmp_path: Path, demo_store: Path) -> None:
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE t(x)").connection.commit()
    text_file = tmp_path / "notes.db"
    text_file.write_text("这不是数据库" * 100, encoding="utf-8")
    foreign = tmp_path / "foreign.db"
    import sqlcipher3

    c = sqlcipher3.connect(str(foreign))
    c.execute(f"PRAGMA key = '{PASSPHRASE}'")
    c.execute("CREATE TABLE t(x)")
    c.commit()
    c.close()

    damaged = tmp_path / "damaged.db"
    data = bytearray(demo_store.read_bytes())
    # Flip bytes in the middle of a data page (not page 1, which proves the key).
    mid = (len(data) // 4096 // 2) * 4096 + 100
    data[mid:mid + 64] = bytes(64)
    damaged.write_bytes(bytes(data))

    cases = [
        (plain, NotAStoreError, "未加密的 SQLite"),
        (text_file, NotAStoreError, "不是走访台的数据文件"),
        (foreign, NotAStoreError, "不是走访台的数据文件"),
        (tmp_path / "missing.db", StoreNotFoundError, "找不到"),
    ]
    for path, exc, words in cases:
        before = path.read_bytes() if path.exists() else None
        with pytest.raises(exc, match=words):
            Collection.open(path, PASSPHRASE)
        assert (path.read_bytes() if path.exists() else None) == before, path.name

    before = damaged.read_bytes()
    col = Collection.open(damaged, PASSPHRASE)  # page 1 is intact: the key is proven
    try:
        with pytest.raises(DamagedStoreError, match="已损坏"):
            col.check_integrity()
    finally:
        col.store.engine.dispose()
    assert damaged.read_bytes() == before

    before = demo_store.read_bytes()
    with pytest.raises(WrongPassphraseError):
        Collection.open(demo_store, "wrong-passphrase-1")
    assert demo_store.read_bytes() == before


def test_passphrase_with_quotes_and_symbols(tmp_path: Path) -> None:
    secret = "it's \"quoted\" @ 密码; DROP TABLE"
    col = Collection.create(tmp_path / "q.db", secret)
    col.close()
    Collection.open(tmp_path / "q.db", secret).close()
    with pytest.raises(WrongPassphraseError):
        Collection.open(tmp_path / "q.db", secret[:-1])
