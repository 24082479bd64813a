"""Initial platform schema: jurisdictions, users, tokens, records, counter, applied ops, blobs.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

AREA = sa.String(12).with_variant(sa.String(12, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "jurisdictions",
        sa.Column("code", sa.String(12), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("parent", sa.String(12)),
    )
    op.create_table(
        "users",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("display_name", sa.Text, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("areas", sa.JSON, nullable=False),
        sa.Column("password_hash", sa.Text, nullable=False),
    )
    op.create_table(
        "tokens",
        sa.Column("token_sha256", sa.String(64), primary_key=True),
        sa.Column("user_name", sa.String(64), nullable=False),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("expires_at", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_tokens_user_name", "tokens", ["user_name"])
    op.create_table(
        "records",
        sa.Column("kind", sa.String(40), primary_key=True),
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("area_code", AREA, nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("field_versions", sa.JSON, nullable=False),
        sa.Column("changed_by", sa.String(64)),
        sa.Column("changed_at", sa.String(32)),
        sa.Column("blob_sha256", sa.String(64)),
    )
    op.create_index("ix_records_version", "records", ["version"], unique=True)
    op.create_index("ix_records_area_version", "records", ["area_code", "version"])
    op.create_index("ix_records_blob", "records", ["blob_sha256"])
    counter = op.create_table(
        "counter",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(counter, [{"id": 1, "value": 0}])
    op.create_table(
        "applied_ops",
        sa.Column("op_id", sa.String(64), primary_key=True),
        sa.Column("user_name", sa.String(64), nullable=False),
        sa.Column("result", sa.JSON, nullable=False),
        sa.Column("applied_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "blobs",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("stored", sa.BigInteger, nullable=False),
        sa.Column("size", sa.BigInteger),
        sa.Column("complete", sa.Boolean, nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "blob_chunks",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("pos", sa.BigInteger, primary_key=True),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    for name in ("blob_chunks", "blobs", "applied_ops", "counter", "records", "tokens", "users",
                 "jurisdictions"):
        op.drop_table(name)
