"""rule sets published by the platform, kept verified in the encrypted store (docs/RULES.md)

Revision ID: 0009
Revises: 0003
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Which rule set computed a case's deadline, and whether its calendar was an estimate (docs/RULES.md).
    op.add_column("assistance_case", sa.Column("due_rules", sa.Text))
    op.add_column("assistance_case", sa.Column("due_estimated", sa.Boolean))
    op.create_table(
        "rule_set",
        sa.Column("set_id", sa.String(64), primary_key=True),
        sa.Column("area", sa.String(12), primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("signature", sa.Text, nullable=False),
        sa.Column("key_id", sa.String(16), nullable=False),
        sa.Column("received_at", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("rule_set")
    with op.batch_alter_table("assistance_case") as batch:
        batch.drop_column("due_estimated")
        batch.drop_column("due_rules")
