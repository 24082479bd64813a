"""Published rule sets (holiday calendars, thresholds, …) and the public keys that sign them (docs/RULES.md)

Revision ID: 0003
Revises: 0001
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rule_keys",
        sa.Column("key_id", sa.String(16), primary_key=True),
        sa.Column("public_key", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "rule_sets",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("set_id", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("area", sa.String(12), nullable=False),
        sa.Column("effective", sa.String(10), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("signature", sa.Text, nullable=False),
        sa.Column("key_id", sa.String(16), nullable=False),
        sa.Column("published_by", sa.String(64), nullable=False),
        sa.Column("published_at", sa.String(32), nullable=False),
        sa.UniqueConstraint("set_id", "area", "version", name="uq_rule_sets_version"),
    )


def downgrade() -> None:
    op.drop_table("rule_sets")
    op.drop_table("rule_keys")
