"""Open an encrypted store file: SQLCipher through SQLAlchemy, one connection, errors that say what went wrong.

Opening never writes before the key is proven and the file is recognised as ours, so a wrong passphrase,
a foreign file or a damaged file leaves the file byte-for-byte unchanged.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.pool import StaticPool

SQLITE_HEADER = b"SQLite format 3\x00"
PAGE_SIZE = 4096
# PRAGMA application_id marks our stores ("ODSK"); it sits in the encrypted header.
APPLICATION_ID = 0x4F44534B
# A large page cache: SQLCipher decrypts each page on read, so a warm cache is what keeps reads at
# plain-SQLite speed (BRIEF §6). Negative = KiB.
CACHE_KIB = 131072


WRONG_OR_DAMAGED = ("密码不正确，或数据文件的第一页已损坏，无法打开数据文件。"
                    "若确认密码无误，可运行 outreach-desk check 区分这两种情况。")


class StoreError(Exception):
    """Base for store errors; ``str(e)`` is a Chinese message for the user."""


class StoreNotFoundError(StoreError):
    pass


class WrongPassphraseError(StoreError):
    pass


class NotAStoreError(StoreError):
    pass


class DamagedStoreError(StoreError):
    pass


def _url(path: Path, passphrase: str) -> URL:
    # URL.create escapes the passphrase, so quotes and @ in it are safe.
    return URL.create("sqlite+pysqlcipher", password=passphrase, database=str(path))


def _engine(path: Path, passphrase: str) -> Engine:
    # One connection shared by all threads: each SQLCipher connection derives the key again (≈0.2 s),
    # and all access is serialised by the Store's lock anyway.
    eng = create_engine(
        _url(path, passphrase),
        poolclass=StaticPool,
        connect_args={"check_same_thread": False},
    )

    @event.listens_for(eng, "connect")
    def _begin_explicitly(dbapi_conn, _record):  # noqa: ANN001
        # Let SQLAlchemy, not the driver, decide when transactions begin (needed for BEGIN IMMEDIATE).
        dbapi_conn.isolation_level = None
        # SQLCipher otherwise prints its own errors (e.g. HMAC failures on a wrong key) to stderr.
        dbapi_conn.execute("PRAGMA cipher_log_level = NONE")

    @event.listens_for(eng, "begin")
    def _begin_immediate(conn):  # noqa: ANN001
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return eng


@contextmanager
def raw_cursor(eng: Engine) -> Iterator:
    """A DBAPI cursor outside any SQLAlchemy transaction (PRAGMAs that refuse to run inside one)."""
    raw = eng.raw_connection()
    try:
        cur = raw.cursor()
        try:
            yield cur
        finally:
            cur.close()
    finally:
        raw.close()


def sniff(path: Path) -> None:
    """Reject what cannot be one of our stores without opening it.

    Only a regular file is read: opening a FIFO for reading would wait for a writer forever, and a
    directory or a device is never a store.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise StoreNotFoundError(f"找不到数据文件：{path}") from None
    except OSError as exc:
        raise StoreError(f"无法访问数据文件：{path}（{exc.strerror}）") from None
    if stat.S_ISDIR(mode):
        raise NotAStoreError(f"这是一个文件夹，不是数据文件：{path}。请指定文件夹里的数据文件。")
    if not stat.S_ISREG(mode):
        raise NotAStoreError(f"这不是普通文件（可能是管道或设备），不是走访台的数据文件：{path}")
    size = path.stat().st_size
    with path.open("rb") as fh:
        head = fh.read(16)
    if head == SQLITE_HEADER:
        raise NotAStoreError("这是一个未加密的 SQLite 数据库，不是走访台的加密数据文件。")
    if size == 0 or size % PAGE_SIZE:
        raise NotAStoreError("该文件不是走访台的数据文件（大小不符合加密数据文件的格式）。")


def classify(exc: Exception) -> StoreError:
    """Turn a driver error into the StoreError the user should see."""
    exc = getattr(exc, "orig", None) or exc
    msg = str(exc).lower()
    if "not a database" in msg or "file is encrypted" in msg:
        # SQLCipher cannot tell a wrong key from a damaged first page: both fail page 1's HMAC.
        return WrongPassphraseError(WRONG_OR_DAMAGED)
    if "malformed" in msg or "hmac" in msg or "corrupt" in msg:
        return DamagedStoreError("数据文件已损坏，无法读取。请联系管理员，用备份恢复。")
    return DamagedStoreError(f"无法读取数据文件：{exc}")


def connect(path: Path, passphrase: str, *, create: bool = False) -> Engine:
    """Return an engine on a verified store. ``create`` makes a new, empty file (which must not exist)."""
    path = Path(path)
    if create:
        if path.is_dir():
            raise StoreError(f"这是一个文件夹，不能用作数据文件：{path}")
        if path.exists() or path.is_symlink():
            raise StoreError(f"文件已存在，不会覆盖：{path}")
        path.parent.mkdir(parents=True, exist_ok=True)
    else:
        sniff(path)
    eng = _engine(path, passphrase)
    try:
        with raw_cursor(eng) as cur:
            # The first read proves the key (SQLCipher checks page 1's HMAC).
            cur.execute("SELECT count(*) FROM sqlite_master").fetchone()
            app_id = cur.execute("PRAGMA application_id").fetchone()[0]
            if not create and app_id != APPLICATION_ID:
                raise NotAStoreError("该文件是加密数据库，但不是走访台的数据文件。")
            if create:
                # Pages freed by acknowledged outbox entries go back to the file system (sync_state.compact).
                cur.execute("PRAGMA auto_vacuum = INCREMENTAL")
                cur.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            # Proven ours: now settings that may write. Temp data stays in memory, never in plaintext files.
            for pragma in ("temp_store = MEMORY", f"cache_size = -{CACHE_KIB}", "journal_mode = WAL",
                           "synchronous = NORMAL"):
                cur.execute(f"PRAGMA {pragma}").fetchall()
    except StoreError:
        eng.dispose()
        raise
    except Exception as exc:  # the DBAPI's DatabaseError, raw or wrapped by SQLAlchemy
        eng.dispose()
        raise classify(exc) from None
    return eng


def integrity_errors(eng: Engine) -> list[str]:
    """Pages whose HMAC does not verify (empty = intact). Reads the whole file."""
    with raw_cursor(eng) as cur:
        return [r[0] for r in cur.execute("PRAGMA cipher_integrity_check").fetchall()]


def export_copy(eng: Engine, target: Path, passphrase: str) -> None:
    """Write an encrypted copy of the store to ``target`` under ``passphrase`` (backup and re-key).

    ``sqlcipher_export`` copies schema and data into an attached, keyed database; the copy is fsynced
    before this returns, so a crash never leaves a half-written file that could be mistaken for good.
    """
    target = Path(target)
    if target.exists():
        target.unlink()
    with raw_cursor(eng) as cur:
        cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cur.execute("ATTACH DATABASE ? AS export KEY ?", (str(target), passphrase))
        try:
            cur.execute("SELECT sqlcipher_export('export')")
            cur.execute(f"PRAGMA export.user_version = {_user_version(cur)}")
            cur.execute(f"PRAGMA export.application_id = {APPLICATION_ID}")
        finally:
            cur.execute("DETACH DATABASE export")
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _user_version(cur) -> int:  # noqa: ANN001
    return int(cur.execute("PRAGMA main.user_version").fetchone()[0])


class Store:
    """The open store: its engine and the single lock every read and write goes through."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = Path(path)
        self.engine = engine
        self.lock = threading.RLock()
        self.audit_key: bytes | None = None

    def bind_audit_key(self, key: bytes) -> None:
        """Give the store's one connection the audit head's MAC key (see app/store/audit.py)."""
        from app.store.audit import KEY_INFO

        self.audit_key = key
        with self.lock, self.engine.connect() as conn:
            conn.info[KEY_INFO] = key

    def close(self) -> None:
        with self.lock:
            with raw_cursor(self.engine) as cur:
                cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.engine.dispose()
