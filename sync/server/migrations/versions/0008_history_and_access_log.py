"""History of accepted changes (who, when, device, which fields) and the pull access log.

Revision ID: 0008
Revises: 0002
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0003"
branch_labels = None
depends_on = None

AREA = sa.String(12).with_variant(sa.String(12, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "record_history",
        sa.Column("version", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("record_id", sa.String(64), nullable=False),
        sa.Column("area_code", AREA, nullable=False),
        sa.Column("user_name", sa.String(64), nullable=False),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("fields", sa.JSON, nullable=False),
    )
    op.create_index("ix_record_history_record", "record_history", ["kind", "record_id"])
    op.create_table(
        "access_log",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("user_name", sa.String(64), nullable=False),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("areas", sa.JSON, nullable=False),
        sa.Column("cursor", sa.BigInteger, nullable=False),
        sa.Column("records", sa.Integer, nullable=False),
    )
    op.create_index("ix_access_log_user_at", "access_log", ["user_name", "at"])


def downgrade() -> None:
    op.drop_index("ix_access_log_user_at", "access_log")
    op.drop_table("access_log")
    op.drop_index("ix_record_history_record", "record_history")
    op.drop_table("record_history")
