"""The dashboard counts the end: exits by reason, follow-up completion, discovery backlog per community."""

from __future__ import annotations

from app.dashboard import ALL, TOTAL, compute, drill
from app.ops.exits import decide_exit, propose_exit
from app.ops.followups import record_followup
from app.queries.discovery import eligible_without_case, unvisited_key_groups
from app.rules.discovery import default_days
from tests.conftest import TODAY
from tests.lifecycle.conftest import case_in


def _as(col, role):
    col.set_user({**col.user, "role": role, "areas": []})


def test_exits_by_reason_followup_completion_and_discovery_backlog(col):
    helping, certified = case_in(col, "helping"), case_in(col, "certified")
    propose_exit(col, helping["id"], "employed", {"business_registration": "92140105MA0X", "started_on": "2026-11-02"},
                 actor="张丽", today=TODAY)
    propose_exit(col, certified["id"], "lost_contact", {"last_contact_on": "2026-04-01"}, actor="张丽", today=TODAY)
    _as(col, "supervisor")
    decide_exit(col, helping["id"], True, actor="王审核", today=TODAY)
    db = compute(col, TODAY, keys=["exits", "followups", "discovery"])

    exits = db.figures["exits"]
    total = exits.total_row
    assert (total.get("employed"), total.get("pending"), total.get(TOTAL)) >= (1, 1, 1)
    area = col.records.get("person", helping["person_id"])["area_code"]
    row = next(r for r in exits.rows if r.key == area)
    refs = drill(col, "exits", (area, "employed"), TODAY)
    assert len(refs) == row.get("employed") and helping["id"] in {r.id for r in refs}
    assert certified["id"] in {r.id for r in drill(col, "exits", (ALL, "pending"), TODAY)}

    # Follow-up completion: recording the overdue ones raises the rate.
    fu = db.figures["followups"].total_row
    overdue = drill(col, "followups", (ALL, "overdue"), TODAY)
    assert overdue
    record_followup(col, overdue[0].id, {"contact_method": "phone", "contacted": True, "still_employed": True},
                    today=TODAY, employment={"employer": "某公司", "post": "工人", "started_on": "2026-10-01"})
    after = compute(col, TODAY, keys=["followups"]).figures["followups"].total_row
    assert after.get("overdue") == fu.get("overdue") - 1 and after.get("done_rate") > fu.get("done_rate")

    disc = db.figures["discovery"].total_row
    assert disc.get("eligible") == len(eligible_without_case(col, TODAY))
    assert disc.get("unvisited") == len(unvisited_key_groups(col, TODAY, default_days()))
    assert len(drill(col, "discovery", (ALL, "eligible"), TODAY)) == disc.get("eligible")


def test_followup_completion_counts_a_missed_one_as_not_done(col):
    fus = [f for f in drill(col, "followups", (ALL, "overdue"), TODAY)]
    assert fus, "the demo data has overdue follow-ups"
    before = compute(col, TODAY, keys=["followups"]).figures["followups"].total_row
    record_followup(col, fus[0].id, {"contact_method": "phone", "contacted": False}, today=TODAY)
    after = compute(col, TODAY, keys=["followups"]).figures["followups"].total_row
    assert after.get("overdue") == before.get("overdue") and after.get("done_rate") == before.get("done_rate")
