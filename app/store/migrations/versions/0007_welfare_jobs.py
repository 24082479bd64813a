"""公益性岗位: posts, placements, vacancy reports, subsidy claims and social-insurance paid months

Revision ID: 0007
Revises: 0003
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0003"
branch_labels = None
depends_on = None

TABLES = ("welfare_post", "welfare_placement", "welfare_vacancy_report", "welfare_claim", "si_paid_month")


def upgrade() -> None:
    op.create_table(
        "welfare_post",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("area_code", sa.String(length=12), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("changed_by", sa.Text(), nullable=True),
        sa.Column("changed_at", sa.Text(), nullable=True),
        sa.Column("conflict", sa.Boolean(), nullable=False),
        sa.Column("employer", sa.Text(), nullable=True),
        sa.Column("post_name", sa.Text(), nullable=True),
        sa.Column("post_type", sa.Text(), nullable=True),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("funding", sa.Text(), nullable=True),
        sa.Column("developed_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_welfare_post_area_code", "welfare_post", ["area_code"])
    op.create_table(
        "welfare_placement",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("area_code", sa.String(length=12), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("changed_by", sa.Text(), nullable=True),
        sa.Column("changed_at", sa.Text(), nullable=True),
        sa.Column("conflict", sa.Boolean(), nullable=False),
        sa.Column("post_id", sa.Text(), nullable=True),
        sa.Column("person_id", sa.Text(), nullable=True),
        sa.Column("category", sa.Text(), nullable=True),
        sa.Column("sequence", sa.Integer(), nullable=True),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("first_approved_on", sa.Date(), nullable=True),
        sa.Column("subsidy_until", sa.Date(), nullable=True),
        sa.Column("to_retirement", sa.Boolean(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.Text(), nullable=True),
        sa.Column("end_note", sa.Text(), nullable=True),
        sa.Column("employer", sa.Text(), nullable=True),
        sa.Column("post_name", sa.Text(), nullable=True),
        sa.Column("cleanup", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_welfare_placement_area_code", "welfare_placement", ["area_code"])
    op.create_index("ix_welfare_placement_person", "welfare_placement", ["person_id"])
    op.create_index("ix_welfare_placement_post", "welfare_placement", ["post_id"])
    op.create_table(
        "welfare_vacancy_report",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("area_code", sa.String(length=12), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("changed_by", sa.Text(), nullable=True),
        sa.Column("changed_at", sa.Text(), nullable=True),
        sa.Column("conflict", sa.Boolean(), nullable=False),
        sa.Column("post_id", sa.Text(), nullable=True),
        sa.Column("placement_id", sa.Text(), nullable=True),
        sa.Column("vacant_on", sa.Date(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("reported_on", sa.Date(), nullable=True),
        sa.Column("reported_by", sa.Text(), nullable=True),
        sa.Column("filled_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_welfare_vacancy_report_area_code", "welfare_vacancy_report", ["area_code"])
    op.create_index("ix_welfare_vacancy_report_post", "welfare_vacancy_report", ["post_id"])
    op.create_table(
        "welfare_claim",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("area_code", sa.String(length=12), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("changed_by", sa.Text(), nullable=True),
        sa.Column("changed_at", sa.Text(), nullable=True),
        sa.Column("conflict", sa.Boolean(), nullable=False),
        sa.Column("placement_id", sa.Text(), nullable=True),
        sa.Column("person_id", sa.Text(), nullable=True),
        sa.Column("post_id", sa.Text(), nullable=True),
        sa.Column("subsidy", sa.Text(), nullable=True),
        sa.Column("period", sa.Text(), nullable=True),
        sa.Column("months", sa.Text(), nullable=True),
        sa.Column("amount_cents", sa.Integer(), nullable=True),
        sa.Column("status", sa.Text(), nullable=True),
        sa.Column("hold_reasons", sa.Text(), nullable=True),
        sa.Column("tax_result", sa.Text(), nullable=True),
        sa.Column("tax_checked_by", sa.Text(), nullable=True),
        sa.Column("tax_checked_on", sa.Date(), nullable=True),
        sa.Column("checked_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_welfare_claim_area_code", "welfare_claim", ["area_code"])
    op.create_index("ix_welfare_claim_placement", "welfare_claim", ["placement_id"])
    op.create_table(
        "si_paid_month",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("area_code", sa.String(length=12), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("changed_by", sa.Text(), nullable=True),
        sa.Column("changed_at", sa.Text(), nullable=True),
        sa.Column("conflict", sa.Boolean(), nullable=False),
        sa.Column("person_id", sa.Text(), nullable=True),
        sa.Column("month", sa.Text(), nullable=True),
        sa.Column("insurance", sa.Text(), nullable=True),
        sa.Column("payer", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("imported_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_si_paid_month_area_code", "si_paid_month", ["area_code"])
    op.create_index("ix_si_paid_month_person", "si_paid_month", ["person_id", "month"])


def downgrade() -> None:
    for name in reversed(TABLES):
        op.drop_table(name)  # SQLite drops a table's indexes with it
