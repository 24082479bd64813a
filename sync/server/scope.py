"""Who may see and write what: area prefixes (app.areas rule) and per-kind write rules by role."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, and_, false, or_, select

from app.areas import LEVEL_DIGITS, prefix_of
from app.rules.welfare_jobs import manager_roles
from sync.server.db import jurisdictions

ROLES = ("worker", "office", "supervisor", "admin")

# Kinds only some roles may create, delete or change freely; ``others_may`` lists the fields every
# role may still change on an existing record (a worker answers a review but cannot alter its verdict).
RESTRICTED_KINDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "review": (frozenset({"supervisor", "admin"}), frozenset({"answer", "answered_by", "answered_on"})),
}
# 公益性岗位 records are kept by office staff and supervisors; workers only read their people's placements.
RESTRICTED_KINDS.update(dict.fromkeys(
    ("welfare_post", "welfare_placement", "welfare_vacancy_report", "welfare_claim", "si_paid_month"),
    (manager_roles(), frozenset())))


@dataclass(frozen=True)
class Scope:
    """A user's areas reduced to code prefixes; a record is in scope when its area_code starts with one."""

    prefixes: tuple[str, ...]

    def covers(self, area_code: str | None) -> bool:
        return bool(area_code) and any(area_code.startswith(p) for p in self.prefixes)

    def where(self, column: ColumnElement) -> ColumnElement[bool]:
        """``column LIKE 'p%' OR …`` written as byte ranges, which every backend serves from an index."""
        if not self.prefixes:
            return false()
        return or_(*(and_(column >= p, column < upper_bound(p)) for p in self.prefixes))


def upper_bound(prefix: str) -> str:
    """Smallest string above every string that starts with ``prefix`` (codes are digits, so no overflow)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def prefixes(conn: Connection, codes: Iterable[str]) -> tuple[str, ...]:
    """Prefixes of the given jurisdiction codes: by the level stored on the platform, else app.areas' rule."""
    codes = list(codes)
    return prefixes_by_level(codes, levels_of(conn, codes))


def levels_of(conn: Connection, codes: Iterable[str]) -> dict[str, str]:
    """The stored level of each known code (one query for any number of codes)."""
    codes = list(set(codes))
    return dict(conn.execute(select(jurisdictions.c.code, jurisdictions.c.level)
                             .where(jurisdictions.c.code.in_(codes))).all()) if codes else {}


def prefixes_by_level(codes: Iterable[str], levels: dict[str, str]) -> tuple[str, ...]:
    out = []
    for code in codes:
        level = levels.get(code)
        p = code[: LEVEL_DIGITS[level]] if level in LEVEL_DIGITS else prefix_of(code)
        if p and p not in out:
            out.append(p)
    # A prefix inside another one adds nothing (a street and one of its communities).
    return tuple(p for p in out if not any(q != p and p.startswith(q) for q in out))


def scope_for(conn: Connection, codes: Iterable[str]) -> Scope:
    return Scope(prefixes(conn, codes))


def may_write(role: str, kind: str, fields: Iterable[str], *, creating: bool, deleting: bool) -> bool:
    rule = RESTRICTED_KINDS.get(kind)
    if rule is None or role in rule[0]:
        return True
    if creating or deleting:
        return False
    return set(fields) <= rule[1]
