"""devices and area moves: each laptop's last sync, audit anchor and revocation; records that left an area

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

AREA = sa.String(12).with_variant(sa.String(12, collation="C"), "postgresql")

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "devices",
        sa.Column("device_id", sa.String(64), primary_key=True),
        sa.Column("user_name", sa.String(64), nullable=False),
        sa.Column("first_seen", sa.String(32), nullable=False),
        sa.Column("last_sync", sa.String(32)),
        sa.Column("audit_seq", sa.BigInteger),
        sa.Column("audit_hash", sa.String(64)),
        sa.Column("audit_flag", sa.Text),
        sa.Column("audit_flag_at", sa.String(32)),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("revoked_at", sa.String(32)),
        sa.Column("revoked_by", sa.String(64)),
    )
    op.create_index("ix_devices_user_name", "devices", ["user_name"])
    op.create_table(
        "area_moves",
        sa.Column("version", sa.BigInteger, primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("from_area", AREA, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("area_moves")
    op.drop_index("ix_devices_user_name", "devices")
    op.drop_table("devices")
