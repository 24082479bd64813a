"""The platform's schema (SQLAlchemy Core) and engine set-up for SQLite and PostgreSQL.

Migrations in ``migrations/`` are the source of truth for existing databases; this module describes the
head revision and is what the code queries against.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import orjson
from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Connection,
    Engine,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    make_url,
)
from sqlalchemy.pool import StaticPool

metadata = MetaData()

# Area codes compare byte-wise ("C" collation on PostgreSQL) so a prefix is an index range scan.
AreaCode = String(12).with_variant(String(12, collation="C"), "postgresql")

jurisdictions = Table(
    "jurisdictions", metadata,
    Column("code", String(12), primary_key=True),
    Column("name", Text, nullable=False),
    Column("level", String(16), nullable=False),
    Column("parent", String(12)),
)

users = Table(
    "users", metadata,
    Column("name", String(64), primary_key=True),
    Column("display_name", Text, nullable=False),
    Column("role", String(16), nullable=False),
    Column("areas", JSON, nullable=False),
    Column("password_hash", Text, nullable=False),
)

# Only the sha256 of a token is stored: a leaked database does not leak usable tokens.
tokens = Table(
    "tokens", metadata,
    Column("token_sha256", String(64), primary_key=True),
    Column("user_name", String(64), nullable=False, index=True),
    Column("device_id", String(64), nullable=False),
    Column("expires_at", BigInteger, nullable=False),  # unix seconds, UTC
)

records = Table(
    "records", metadata,
    Column("kind", String(40), primary_key=True),
    Column("id", String(64), primary_key=True),
    Column("area_code", AreaCode, nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("deleted", Boolean, nullable=False),
    Column("data", JSON, nullable=False),  # {field: canonical value}, None values left out
    Column("field_versions", JSON, nullable=False),  # {field: [version, device_id]} of each field's last change
    Column("changed_by", String(64)),
    Column("changed_at", String(32)),
    Column("blob_sha256", String(64)),  # attachments only: which blob the record names (blob access check)
)
# A version belongs to exactly one change, so it is unique; pulls walk this index from the cursor.
Index("ix_records_version", records.c.version, unique=True)
Index("ix_records_area_version", records.c.area_code, records.c.version)
Index("ix_records_blob", records.c.blob_sha256)

# One row: the server-wide version sequence. Locked by every writing op (see ops.py).
counter = Table(
    "counter", metadata,
    Column("id", Integer, primary_key=True),
    Column("value", BigInteger, nullable=False),
)

applied_ops = Table(
    "applied_ops", metadata,
    Column("op_id", String(64), primary_key=True),
    Column("user_name", String(64), nullable=False),
    Column("result", JSON, nullable=False),
    Column("applied_at", String(32), nullable=False),
)

blobs = Table(
    "blobs", metadata,
    Column("sha256", String(64), primary_key=True),
    Column("stored", BigInteger, nullable=False),  # bytes received so far (= next Upload-Offset)
    Column("size", BigInteger),  # final size, set once complete and verified
    Column("complete", Boolean, nullable=False),
    Column("created_by", String(64), nullable=False),
    Column("created_at", String(32), nullable=False),
)

# Each PUT appends one chunk row, so resuming never rewrites what is already stored.
blob_chunks = Table(
    "blob_chunks", metadata,
    Column("sha256", String(64), primary_key=True),
    Column("pos", BigInteger, primary_key=True),
    Column("data", LargeBinary, nullable=False),
)

# Published rule sets (docs/RULES.md): the exact signed text; the other columns are read from it for listing.
rule_keys = Table(
    "rule_keys", metadata,
    Column("key_id", String(16), primary_key=True),
    Column("public_key", Text, nullable=False),  # base64 of the raw Ed25519 public key
    Column("created_at", String(32), nullable=False),
)

rule_sets = Table(
    "rule_sets", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),  # laptops pull ``after`` the last one seen
    Column("set_id", String(64), nullable=False),
    Column("version", Integer, nullable=False),
    Column("area", String(12), nullable=False),
    Column("effective", String(10), nullable=False),
    Column("title", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("signature", Text, nullable=False),
    Column("key_id", String(16), nullable=False),
    Column("published_by", String(64), nullable=False),
    Column("published_at", String(32), nullable=False),
    UniqueConstraint("set_id", "area", "version", name="uq_rule_sets_version"),
)

# One row per laptop (its store's device id) that has synced: whose it is, when it last synced, the audit
# chain head it last proved (issue 15: a chain that does not extend it is flagged), and whether an admin
# revoked it (its tokens are gone; the next contact tells it to erase its copy).
devices = Table(
    "devices", metadata,
    Column("device_id", String(64), primary_key=True),
    Column("user_name", String(64), nullable=False, index=True),
    Column("first_seen", String(32), nullable=False),
    Column("last_sync", String(32)),
    Column("audit_seq", BigInteger),
    Column("audit_hash", String(64)),
    Column("audit_flag", Text),  # Chinese: why the last chain did not extend the anchored head
    Column("audit_flag_at", String(32)),
    Column("state", String(16), nullable=False),  # active | revoked | erase_sent
    Column("revoked_at", String(32)),
    Column("revoked_by", String(64)),
)

# Each change that moved a record to another area (issue 15): a pull tells a user whose scope held the old
# area that the record left it, so their laptop removes its copy. ``version`` is the moving change's.
area_moves = Table(
    "area_moves", metadata,
    Column("version", BigInteger, primary_key=True),
    Column("kind", String(40), nullable=False),
    Column("id", String(64), nullable=False),
    Column("from_area", AreaCode, nullable=False),
)


# Every accepted change: which record, which version, who, from which device, when, which fields (names only:
# the values are in ``records``; history carries no personal data of its own).
record_history = Table(
    "record_history", metadata,
    Column("version", BigInteger, primary_key=True, autoincrement=False),
    Column("kind", String(40), nullable=False),
    Column("record_id", String(64), nullable=False),
    Column("area_code", AreaCode, nullable=False),
    Column("user_name", String(64), nullable=False),
    Column("device_id", String(64), nullable=False),
    Column("at", String(32), nullable=False),
    Column("fields", JSON, nullable=False),
)
Index("ix_record_history_record", record_history.c.kind, record_history.c.record_id)

# Who pulled which area: one row per pull page served (user, device, the areas of their scope, counts).
access_log = Table(
    "access_log", metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("at", String(32), nullable=False),
    Column("user_name", String(64), nullable=False),
    Column("device_id", String(64), nullable=False),
    Column("areas", JSON, nullable=False),
    Column("cursor", BigInteger, nullable=False),
    Column("records", Integer, nullable=False),
)
Index("ix_access_log_user_at", access_log.c.user_name, access_log.c.at)


def is_sqlite(engine: Engine | Connection) -> bool:
    return engine.dialect.name == "sqlite"


def make_engine(db_url: str) -> Engine:
    """An engine for ``sqlite:///path`` or ``postgresql+psycopg://…``.

    SQLite: WAL so pulls read while a push writes; write transactions start with BEGIN IMMEDIATE (see
    ``writing``) so writers queue on the busy timeout instead of failing on a stale snapshot.
    """
    url = make_url(db_url)
    # Stored records' JSON is parsed for every pulled record: orjson reads it several times faster.
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10, json_deserializer=orjson.loads)
    memory = url.database in (None, "", ":memory:")
    eng = create_engine(
        url,
        json_deserializer=orjson.loads,
        connect_args={"check_same_thread": False, "timeout": 30},
        poolclass=StaticPool if memory else None,
    )

    @event.listens_for(eng, "connect")
    def _on_connect(dbapi_conn, _record):  # noqa: ANN001
        dbapi_conn.isolation_level = None  # SQLAlchemy, not the driver, decides when transactions begin
        if not memory:
            dbapi_conn.execute("PRAGMA journal_mode = WAL")
            dbapi_conn.execute("PRAGMA synchronous = NORMAL")
        dbapi_conn.execute("PRAGMA busy_timeout = 30000")

    @event.listens_for(eng, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return eng


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction. On SQLite it holds the database write lock from its first statement."""
    with engine.connect() as conn:
        conn = conn.execution_options(write=True)
        with conn.begin():
            yield conn


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A read transaction (one snapshot on SQLite; READ COMMITTED statements on PostgreSQL)."""
    with engine.connect() as conn, conn.begin():
        yield conn
