"""Helpers for the case-lifecycle tests: a case in a chosen stage on the demo store."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text


def case_in(col: Any, stage: str) -> dict[str, Any]:
    """Some live case of the demo store in ``stage``."""
    with col.records.reading() as conn:
        cid = conn.execute(text("SELECT id FROM assistance_case WHERE stage = :s AND deleted = 0 ORDER BY id LIMIT 1"),
                           {"s": stage}).scalar()
    assert cid, f"demo data has no case in {stage}"
    return col.records.get("assistance_case", cid)


def steps(col: Any, case_id: str) -> list[dict[str, Any]]:
    return sorted(col.records.children("case_step", "case_id", case_id), key=lambda s: (s["done_on"], s["changed_at"]))
