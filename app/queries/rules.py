"""Which rule sets this laptop holds and which rules are in force for it (docs/RULES.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, select

from app.collection import Collection
from app.rules.ruleset import PublishedSet, RuleSet, compose_checked, parse
from app.store.sync_state import get_meta
from app.store.tables import rule_set

KEY_META = "rules_key"  # {"key_id", "public_key", "pinned_at", "how": "shipped" | "first_sync"}
CURSOR_META = "rules_cursor"  # {"server", "after"}
REFUSED_META = "rules_refused"  # [{"at", "reason", "label"}], newest last
CHANGES_META = "rules_changes"  # [{...}] deadlines a new rule set moved (worker sees them)
DEADLINES_CHECKED_META = "rules_deadlines_checked"  # ISO day the due dates were last brought up to the rules


def stored_sets(conn: Connection) -> list[PublishedSet]:
    """Every verified set in the store (all versions; ``compose`` picks the newest per id)."""
    return [parse(r.text) for r in conn.execute(select(rule_set.c.text).order_by(
        rule_set.c.set_id, rule_set.c.area, rule_set.c.version))]


def rules_for(col: Collection, today: dt.date | None = None) -> RuleSet:
    """The rule set in force for this store: shipped defaults plus the stored sets for its user's areas
    (a stored set that no longer fits these rules is left out; ``summary`` says which and why)."""
    return checked_rules(col, today)[0]


def activate(col: Collection) -> RuleSet:
    """Put the store's rule set in force for this process (app.rules.active.install); returns it."""
    from app.rules.active import install

    rs = rules_for(col)
    install(rs)
    return rs


def checked_rules(col: Collection, today: dt.date | None = None) -> tuple[RuleSet, list[tuple[str, str]]]:
    with col.records.reading() as conn:
        sets = stored_sets(conn)
    return compose_checked(sets, col.user.get("areas") or [], today or dt.date.today())


def summary(col: Collection) -> dict[str, Any]:
    """What the rules screen shows: version in force, layers, pinned key, refusals and moved deadlines."""
    rs, left_out = checked_rules(col)
    with col.records.reading() as conn:
        return {
            "version": rs.version,
            "layers": [{"label": i.label, "title": i.title, "area": i.area, "effective": i.effective.isoformat(),
                        "source": i.source} for i in rs.layers],
            "calendar_years": rs.calendar.published_years(),
            "key": get_meta(conn, KEY_META),
            "refused": get_meta(conn, REFUSED_META, []),
            "left_out": [{"label": label, "reason": why} for label, why in left_out],
            "changes": get_meta(conn, CHANGES_META, []),
        }
