"""audit anchor: each record's latest audit entry

Revision ID: 0008
Revises: 0003
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "record_audit",
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "record_id"),
    )
    # Existing records name the newest entry the chain already holds for them.
    op.execute("INSERT INTO record_audit (kind, record_id, seq) "
               "SELECT kind, record_id, max(seq) FROM audit GROUP BY kind, record_id")


def downgrade() -> None:
    op.drop_table("record_audit")
