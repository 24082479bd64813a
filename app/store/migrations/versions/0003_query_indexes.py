"""indexes for the to-do, board and follow-up queries

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain CREATE INDEX: batch mode would copy whole tables on a large store.
    op.create_index("ix_case_stage_due", "assistance_case", ["stage", "due_on"])
    op.create_index("ix_followup_due", "followup", ["due_on"])
    op.create_index("ix_visit_visited", "visit", ["visited_on"])


def downgrade() -> None:
    op.drop_index("ix_visit_visited", "visit")
    op.drop_index("ix_followup_due", "followup")
    op.drop_index("ix_case_stage_due", "assistance_case")
