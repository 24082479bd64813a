"""A published rule set that changes a time limit moves the due dates it should (docs/RULES.md
"规则变化时的办理时限"): real encrypted laptops, a real platform on 127.0.0.1, signed sets.

The set below shortens 社区初审 from 7 to 5 working days from 2026-06-01 (示例，非官方). Dates are in 2026, before
any day these tests can run on, so the set is always in force when they run.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import update

from app import ops
from app.queries.rules import CHANGES_META, DEADLINES_CHECKED_META, rules_for
from app.rules import workflow
from app.rules.ruleset import shipped_version
from app.store.audit import history
from sync.client import Transport
from sync.server.db import rule_sets
from sync.server.rules import publish
from tests.sync.support import COMMUNITY, FAST_RETRY, PASSWORD, add_household

LIMITS = """
[set]
id = "shanxi-limits"
version = {version}
title = "社区初审时限调整（示例，非官方）"
area = "140000000000"
effective = 2026-06-01
source = "示例，非官方：演示时限调整"
{running}
[[tables.workflow.stage]]
code = "community_review"
limit_workdays = 5
"""
KEEP = LIMITS.format(version=1, running="")
RUNNING = LIMITS.format(version=2, running="applies_to_running = true  # 在办环节也按新时限")
BEFORE, AFTER = date(2026, 5, 20), date(2026, 6, 3)  # stages started before / after the set is effective
# 2026-05-20 + 7 working days = 05-29, + 5 = 05-27; 2026-06-03 + 7 = 06-12, + 5 = 06-10.


def _submitted(col, pid: str, on: date) -> str:
    """A case submitted to 社区初审 on ``on`` through the ops, with the rules the laptop has (shipped: 7)."""
    with col.records.transaction() as tx:
        cid = tx.create("assistance_case", {"person_id": pid, "category": "long_term", "stage": "applied"},
                        area_code=COMMUNITY)
    ops.cases.save_materials(col, cid, {m.code: True for m in workflow.materials("long_term")})
    ops.cases.workflow_action(col, cid, "submit", today=on)
    return cid


def _case(col, pid: str, stage: str, started: date, due: date | None) -> str:
    with col.records.transaction() as tx:
        return tx.create("assistance_case", {"person_id": pid, "category": "long_term", "stage": stage,
                                             "stage_started_on": started, "due_on": due,
                                             "due_rules": shipped_version()}, area_code=COMMUNITY)


def _due(col, cid: str) -> date | None:
    return col.records.get("assistance_case", cid)["due_on"]


def _office(lap) -> dict[str, Any]:
    """Six cases in every kind of position a limit change can meet."""
    _, pids = add_household(lap.col, persons=6)
    return {
        "running": _submitted(lap.col, pids[0], BEFORE),  # 社区初审 since before the set
        "late": _submitted(lap.col, pids[1], AFTER),  # since after it, computed on the old limit
        "applied": _case(lap.col, pids[2], "applied", BEFORE, date(2026, 5, 29)),  # on 社区初审's limit
        "street": _case(lap.col, pids[3], "street_review", BEFORE, date(2026, 5, 29)),  # limit unchanged
        "publicity": _case(lap.col, pids[4], "publicity", BEFORE, None),  # a minimum, no deadline
        "closed": _case(lap.col, pids[5], "rejected", BEFORE, date(2026, 5, 29)),  # over: never touched
    }


def test_a_shorter_first_review_moves_the_stages_it_holds_and_only_once(platform, laptops):
    engine = platform.app.state.engine
    lap = laptops("a", platform.url)
    lap.sync()  # logged in once: the laptop knows its areas
    cases = _office(lap)
    assert _due(lap.col, cases["running"]) == date(2026, 5, 29) and _due(lap.col, cases["late"]) == date(2026, 6, 12)
    untouched = {k: _due(lap.col, cases[k]) for k in ("street", "publicity", "closed")}

    # 1. By default a running stage keeps the limit in force when it started: only the stage that started
    #    after the set was effective moves (the laptop had counted it on the old limit).
    publish(engine, KEEP, platform.pem, "admin")
    report = lap.sync()
    assert report.ok and report.rules == ["shanxi-limits@1"]
    assert report.deadlines_moved == ["测试1（社区初审）办理时限 2026-06-12 → 2026-06-10（社区初审时限调整为 5 个工作日）"]
    late = lap.col.records.get("assistance_case", cases["late"])
    assert (late["due_on"], late["due_estimated"]) == (date(2026, 6, 10), False)
    assert late["due_rules"] == f"{shipped_version()}+shanxi-limits@1" == rules_for(lap.col).version
    assert _due(lap.col, cases["running"]) == _due(lap.col, cases["applied"]) == date(2026, 5, 29)
    assert lap.sync().deadlines_moved == []  # nothing moves twice

    # 2. A version that says the change applies to stages in progress moves them too, from their own start day;
    #    已申请 runs on 社区初审's limit and moves with it. The rest stays as it was.
    publish(engine, RUNNING, platform.pem, "admin")
    report = lap.sync()
    assert report.rules == ["shanxi-limits@2"]
    assert sorted(report.deadlines_moved) == [
        "测试0（社区初审）办理时限 2026-05-29 → 2026-05-27（社区初审时限调整为 5 个工作日）",
        "测试2（已申请）办理时限 2026-05-29 → 2026-05-27（社区初审时限调整为 5 个工作日）"]
    assert _due(lap.col, cases["running"]) == _due(lap.col, cases["applied"]) == date(2026, 5, 27)
    assert _due(lap.col, cases["late"]) == date(2026, 6, 10)
    assert {k: _due(lap.col, cases[k]) for k in untouched} == untouched
    assert lap.sync().deadlines_moved == []
    moved = lap.col.get_meta(CHANGES_META)
    listed = [(m["stage"], m["old"], m["new"]) for m in moved]
    assert listed[0] == ("社区初审", "2026-06-12", "2026-06-10")
    assert sorted(listed[1:]) == [("已申请", "2026-05-29", "2026-05-27"), ("社区初审", "2026-05-29", "2026-05-27")]
    assert all(m["why"] == "社区初审时限调整为 5 个工作日" for m in moved)

    # 3. The moved dates are ordinary changes: audited, pushed, and another laptop sees them as they are
    #    (its own recompute then finds nothing to move).
    with lap.col.records.reading() as conn:
        logged = [e["changes"] for e in history(conn, cases["running"])]
    assert sum("due_on" in c and "2026-05-27" in c for c in logged) == 1 and lap.pending() == 0
    other = laptops("b", platform.url)
    assert other.sync().deadlines_moved == []
    assert {k: _due(other.col, v) for k, v in cases.items()} == {k: _due(lap.col, v) for k, v in cases.items()}


def test_an_edit_made_meanwhile_on_either_side_is_kept(platform, laptops):
    """The recompute writes only the due-date fields, on the newest copy: a supervisor's edit that reached the
    platform meanwhile and the worker's own unsent edit both survive, with no conflict."""
    engine = platform.app.state.engine
    lap, other = laptops("a", platform.url), laptops("b", platform.url)
    lap.sync()
    _, (pid,) = add_household(lap.col, persons=1)
    cid = _submitted(lap.col, pid, BEFORE)
    lap.sync()
    other.sync()
    other.col.records.update("assistance_case", cid, {"responsible": "王督导"})
    other.sync()
    ops.cases.save_materials(lap.col, cid, {"id_card": True})  # unsent on the worker's laptop

    publish(engine, RUNNING.replace("version = 2", "version = 1"), platform.pem, "admin")
    assert len(lap.sync().deadlines_moved) == 1
    lap.sync()  # the recomputed date goes up
    other.sync()
    for col in (lap.col, other.col):
        case = col.records.get("assistance_case", cid)
        assert (case["due_on"], case["responsible"], case["materials"], case["conflict"]) == (
            date(2026, 5, 27), "王督导", {"id_card": True}, False)


@pytest.mark.parametrize("damage", [{"signature": ""},
                                    {"text": KEEP.replace("limit_workdays = 5", "limit_workdays = 1")}])
def test_an_unsigned_or_altered_limit_change_moves_nothing(platform, laptops, damage):
    engine = platform.app.state.engine
    lap = laptops("a", platform.url)
    lap.sync()
    cases = _office(lap)
    lap.sync()  # the cases are on the platform: the next run only brings the set

    def dues() -> dict[str, tuple]:
        got = {k: lap.col.records.get("assistance_case", v) for k, v in cases.items()}
        return {k: (c["due_on"], c["due_rules"], c["due_estimated"], c["version"]) for k, c in got.items()}

    before = dues()
    publish(engine, KEEP, platform.pem, "admin")
    with engine.begin() as conn:
        conn.execute(update(rule_sets).where(rule_sets.c.set_id == "shanxi-limits").values(**damage))
    report = lap.sync()
    assert report.rules == [] and report.deadlines_moved == [] and "shanxi-limits@1" in report.warnings[0]
    assert dues() == before
    assert lap.col.get_meta(CHANGES_META) is None and lap.pending() == 0


def test_a_set_that_becomes_effective_after_it_arrived_is_caught_up_at_the_next_sync(platform, laptops):
    """Tables apply from their effective date, which can pass without anything new arriving: the sync step
    compares the rules of the day the dates were last checked with today's."""
    from sync.client.rules import pull_rules

    lap = laptops("a", platform.url)
    lap.sync()
    _, (pid,) = add_household(lap.col, persons=1)
    cid = _submitted(lap.col, pid, AFTER)
    publish(platform.app.state.engine, KEEP, platform.pem, "admin")
    t = Transport(platform.url, username=lap.user, password=PASSWORD, retry=FAST_RETRY)
    try:
        early = pull_rules(lap.col, t, today=date(2026, 5, 25))  # arrives before it is effective
        assert [s.info.label for s in early.accepted] == ["shanxi-limits@1"] and early.moved == []
        assert lap.col.get_meta(DEADLINES_CHECKED_META) == "2026-05-25"
        later = pull_rules(lap.col, t, today=date(2026, 6, 5))  # nothing new, but now in force
        assert later.accepted == [] and [(m["old"], m["new"]) for m in later.moved] == [("2026-06-12", "2026-06-10")]
        assert pull_rules(lap.col, t, today=date(2026, 6, 8)).moved == []
    finally:
        t.close()
    assert _due(lap.col, cid) == date(2026, 6, 10)
