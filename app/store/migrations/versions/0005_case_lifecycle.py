"""case lifecycle: exit proposals with evidence, follow-up outcomes, service channel, policy pushes

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0006"
branch_labels = None
depends_on = None

# Plain ADD COLUMN (no batch copy): SQLite adds a nullable column without rewriting the table.
NEW_COLUMNS = {
    "assistance_case": [("exit_evidence", sa.Text()), ("exit_from_stage", sa.Text()),
                        ("exit_proposed_by", sa.Text()), ("exit_proposed_on", sa.Date())],
    "service": [("channel", sa.Text())],
    "followup": [("contact_method", sa.Text()), ("contacted", sa.Boolean()), ("still_employed", sa.Boolean()),
                 ("difficulties", sa.Text()), ("help_given", sa.Text()), ("outcome", sa.Text())],
}


def upgrade() -> None:
    for table, columns in NEW_COLUMNS.items():
        for name, type_ in columns:
            op.add_column(table, sa.Column(name, type_, nullable=True))
    op.create_table(
        "policy_push",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("area_code", sa.String(length=12), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("changed_by", sa.Text(), nullable=True),
        sa.Column("changed_at", sa.Text(), nullable=True),
        sa.Column("conflict", sa.Boolean(), nullable=False),
        sa.Column("person_id", sa.Text(), nullable=True),
        sa.Column("channel", sa.Text(), nullable=True),
        sa.Column("policies", sa.Text(), nullable=True),
        sa.Column("content", sa.Text(), nullable=True),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("by", sa.Text(), nullable=True),
        sa.Column("confirmed_on", sa.Date(), nullable=True),
        sa.Column("service_id", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_policy_push_area_code", "policy_push", ["area_code"])
    op.create_index("ix_policy_push_person", "policy_push", ["person_id"])


def downgrade() -> None:
    op.drop_index("ix_policy_push_person", "policy_push")
    op.drop_index("ix_policy_push_area_code", "policy_push")
    op.drop_table("policy_push")
    for table, columns in NEW_COLUMNS.items():
        with op.batch_alter_table(table) as batch_op:
            for name, _ in reversed(columns):
                batch_op.drop_column(name)
