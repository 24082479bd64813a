"""Reads for intake: who holds an ID number, and the people who share one (the same person registered twice,
e.g. on two laptops offline), with their records side by side for a merge."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from app.model.kinds import KINDS
from app.ops.people import PERSON_OWNED
from app.rules.idcard import canonical
from app.store.records import from_db
from app.store.tables import TABLES


@dataclass(slots=True)
class MergeCandidate:
    person: dict[str, Any]
    address: str
    counts: dict[str, int]  # kind label → live records of the person (visits, services, plans, …)


def holder(col: Any, id_number: str) -> str | None:
    """Id of the live person with this ID number (typed in any accepted form), if any."""
    t = TABLES["person"]
    with col.records.reading() as conn:
        return conn.execute(select(t.c.id).where(t.c.id_number == canonical(id_number),
                                                 t.c.deleted.is_(False)).limit(1)).scalar()


def duplicate_groups(col: Any) -> list[list[str]]:
    """Person ids grouped by a shared ID number (groups of two or more)."""
    t = TABLES["person"]
    with col.records.reading() as conn:
        numbers = [r[0] for r in conn.execute(
            select(t.c.id_number).where(t.c.deleted.is_(False), t.c.id_number.is_not(None), t.c.id_number != "")
            .group_by(t.c.id_number).having(func.count() > 1))]
        groups = []
        for n in numbers:
            groups.append([r[0] for r in conn.execute(select(t.c.id).where(
                t.c.id_number == n, t.c.deleted.is_(False)).order_by(t.c.version, t.c.id))])
    return groups


def same_id_as(col: Any, person_id: str) -> list[str]:
    """Other live persons with this person's ID number."""
    p = col.records.get("person", person_id)
    if p is None or not p.get("id_number"):
        return []
    t = TABLES["person"]
    with col.records.reading() as conn:
        return [r[0] for r in conn.execute(select(t.c.id).where(
            t.c.id_number == p["id_number"], t.c.deleted.is_(False), t.c.id != person_id))]


def merge_candidates(col: Any, person_ids: list[str]) -> list[MergeCandidate]:
    """The records side by side: every field, the household address, and what each one holds."""
    out = []
    with col.records.reading() as conn:
        for pid in person_ids:
            pt = TABLES["person"]
            row = conn.execute(select(pt).where(pt.c.id == pid)).first()
            if row is None:
                continue
            person = from_db("person", row)
            ht = TABLES["household"]
            address = conn.execute(select(ht.c.address).where(ht.c.id == person.get("household_id"))).scalar()
            counts = {}
            for kind in PERSON_OWNED:
                t = TABLES[kind]
                n = conn.execute(select(func.count()).select_from(t).where(
                    t.c.person_id == pid, t.c.deleted.is_(False))).scalar() or 0
                if n:
                    counts[KINDS[kind].label] = int(n)
            out.append(MergeCandidate(person, address or "", counts))
    return out
