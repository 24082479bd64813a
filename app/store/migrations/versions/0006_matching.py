"""数据比对与部推失业登记申请: hit and application fields, anomaly feedback

Revision ID: 0006
Revises: 0007 (the task assigned down_revision 0003; 0007 — 公益性岗位 — is already in this branch from
0003, so linking to it keeps one head here. The integrator relinks the chain when merging.)
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0008"
branch_labels = None
depends_on = None

HIT_COLUMNS = (("employer", sa.Text()), ("credit_code", sa.Text()), ("started_on", sa.Date()),
               ("event_key", sa.Text()), ("dismiss_reason", sa.Text()), ("note", sa.Text()))
APPLICATION_COLUMNS = (("person_id", sa.Text()), ("phone", sa.Text()), ("refuse_reason", sa.Text()),
                       ("note", sa.Text()), ("registered_on", sa.Date()), ("contact_due_on", sa.Date()),
                       ("contacted_on", sa.Date()))


def upgrade() -> None:
    with op.batch_alter_table("match_hit") as batch:
        for name, type_ in HIT_COLUMNS:
            batch.add_column(sa.Column(name, type_, nullable=True))
    with op.batch_alter_table("registration_application") as batch:
        for name, type_ in APPLICATION_COLUMNS:
            batch.add_column(sa.Column(name, type_, nullable=True))
        batch.create_index("ix_registration_application_id_number", ["id_number"])
    op.create_table(
        "match_anomaly",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("area_code", sa.String(length=12), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("changed_by", sa.Text(), nullable=True),
        sa.Column("changed_at", sa.Text(), nullable=True),
        sa.Column("conflict", sa.Boolean(), nullable=False),
        *(sa.Column(n, sa.Date() if n.endswith("_on") else sa.Text(), nullable=True)
          for n in ("anomaly_no", "person_id", "person_name", "id_number", "problem", "reported_on", "cause",
                    "cause_note", "correction", "corrected_by", "corrected_on", "status")),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_match_anomaly_area_code", "match_anomaly", ["area_code"])


def downgrade() -> None:
    op.drop_table("match_anomaly")
    with op.batch_alter_table("registration_application") as batch:
        batch.drop_index("ix_registration_application_id_number")
        for name, _ in reversed(APPLICATION_COLUMNS):
            batch.drop_column(name)
    with op.batch_alter_table("match_hit") as batch:
        for name, _ in reversed(HIT_COLUMNS):
            batch.drop_column(name)
