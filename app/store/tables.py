"""The local store's schema (SQLAlchemy Core). Synced tables are built from the kind registry.

Migrations in ``app/store/migrations`` are the source of truth for existing files; this module describes
the head revision and is what the code queries against.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import (
    Boolean,
    Column,
    ColumnElement,
    Date,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    func,
    literal_column,
    select,
)

from app.model.kinds import KINDS, Kind

metadata = MetaData()

_SQL_TYPES = {"str": Text, "int": Integer, "bool": Boolean, "date": Date, "json": Text}

# Local-only columns derived on every write (never synced): search keys for a person.
DERIVED = {"person": ("name_pinyin", "name_initials")}


def _synced_table(kind: Kind) -> Table:
    cols = [
        Column("id", String(36), primary_key=True),
        Column("area_code", String(12), nullable=False, index=True),
        Column("version", Integer, nullable=False, default=0),
        Column("deleted", Boolean, nullable=False, default=False),
        Column("changed_by", Text),
        Column("changed_at", Text),
        # Set while the record holds an unresolved conflict (local-only).
        Column("conflict", Boolean, nullable=False, default=False),
    ]
    cols += [Column(f.name, _SQL_TYPES[f.type]) for f in kind.fields]
    cols += [Column(name, Text) for name in DERIVED.get(kind.name, ())]
    return Table(kind.name, metadata, *cols)


TABLES: dict[str, Table] = {name: _synced_table(k) for name, k in KINDS.items()}

Index("ix_person_household", TABLES["person"].c.household_id)
Index("ix_person_id_number", TABLES["person"].c.id_number)
for _kind_name in ("assistance_case", "visit", "help_plan", "service", "followup", "match_hit"):
    Index(f"ix_{_kind_name}_person", TABLES[_kind_name].c.person_id)
Index("ix_visit_planned", TABLES["visit"].c.planned_on)
Index("ix_visit_visited", TABLES["visit"].c.visited_on)
Index("ix_case_stage_due", TABLES["assistance_case"].c.stage, TABLES["assistance_case"].c.due_on)
Index("ix_followup_due", TABLES["followup"].c.due_on)
Index("ix_case_step_case", TABLES["case_step"].c.case_id)
Index("ix_review_target", TABLES["review"].c.target_id)
# 公益性岗位: a person's placements and claims, a post's placements, a person's paid months.
Index("ix_welfare_placement_person", TABLES["welfare_placement"].c.person_id)
Index("ix_welfare_placement_post", TABLES["welfare_placement"].c.post_id)
Index("ix_welfare_claim_placement", TABLES["welfare_claim"].c.placement_id)
Index("ix_welfare_vacancy_report_post", TABLES["welfare_vacancy_report"].c.post_id)
Index("ix_registration_application_id_number", TABLES["registration_application"].c.id_number)
Index("ix_si_paid_month_person", TABLES["si_paid_month"].c.person_id, TABLES["si_paid_month"].c.month)
Index("ix_policy_push_person", TABLES["policy_push"].c.person_id)

meta = Table(
    "meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),  # JSON
)

# One row per local change not yet acknowledged by the server (BRIEF §3), written in the same transaction
# as the change itself. ``seq`` keeps the order; ``op_id`` is the idempotency key on the server.
outbox = Table(
    "outbox", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("op_id", String(36), nullable=False, unique=True),
    Column("kind", String(40), nullable=False),
    Column("record_id", String(36), nullable=False, index=True),
    Column("base_version", Integer, nullable=False),
    Column("op", String(10), nullable=False),  # upsert | delete
    Column("fields", Text, nullable=False),  # JSON {field: new value}
    Column("created_at", Text, nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
)

# Same-field conflicts: both values are kept until a person chooses (BRIEF §3).
conflict = Table(
    "conflict", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(40), nullable=False),
    Column("record_id", String(36), nullable=False, index=True),
    Column("field", String(64), nullable=False),
    Column("local_value", Text),  # JSON
    Column("server_value", Text),  # JSON
    Column("server_version", Integer, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("resolved", Boolean, nullable=False, default=False),
)

# Append-only, hash-chained audit log: each row's hash covers the previous row's hash.
audit = Table(
    "audit", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("at", Text, nullable=False),
    Column("actor", Text, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("record_id", String(36), nullable=False, index=True),
    Column("action", String(20), nullable=False),
    Column("changes", Text, nullable=False),  # JSON {field: [old, new]}
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)

# Autosaved form drafts (visit being typed, plan being edited): survive crash, flat battery and auto-lock.
# Each record's latest audit entry (issue 15): a row per record, so a record written without an entry, or
# whose entries were removed, shows up in ``outreach-desk check``. A table of its own rather than a column
# on every record table, so kinds added later need nothing extra.
record_audit = Table(
    "record_audit", metadata,
    Column("kind", String(40), primary_key=True),
    Column("record_id", String(36), primary_key=True),
    Column("seq", Integer, nullable=False),
)

draft = Table(
    "draft", metadata,
    Column("key", String(120), primary_key=True),
    Column("form", String(40), nullable=False),
    Column("data", Text, nullable=False),  # JSON
    Column("saved_at", Text, nullable=False),
)

# Attachment contents, content-addressed; encrypted with the rest of the file.
blob = Table(
    "blob", metadata,
    Column("sha256", String(64), primary_key=True),
    Column("data", LargeBinary, nullable=False),
    Column("size", Integer, nullable=False),
    Column("uploaded", Boolean, nullable=False, default=False),
)

# Rule sets published by the platform, stored only after their signature and content were checked
# (docs/RULES.md); ``text`` is exactly what the signature covers.
rule_set = Table(
    "rule_set", metadata,
    Column("set_id", String(64), primary_key=True),
    Column("area", String(12), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("signature", Text, nullable=False),
    Column("key_id", String(16), nullable=False),
    Column("received_at", Text, nullable=False),
)


def among(column: Column, values: Iterable[str]) -> ColumnElement[bool]:
    """``column IN (values)`` with the values as one JSON array: one bound parameter however many there are
    (a pulled page names thousands of ids), so the statement compiles once and needs no chunking."""
    return column.in_(select(literal_column("value")).select_from(func.json_each(json.dumps(list(values)))))
