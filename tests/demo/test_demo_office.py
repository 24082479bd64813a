"""The demo office at work: its supervisor reviews what workers made a few working days later (so only the last
days' work waits in the review queue), returns a few items with a comment the worker answers, and decides the
exits workers propose with evidence (退出待审) — as on a real street office's store, not a backlog of years."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from app.collection import Collection
from app.demo import SUPERVISOR
from app.queries import reviews
from app.queries.names import directory, shown
from app.rules.workdays import workdays_between
from tests.conftest import TODAY, WORKER
from tests.demo.checks import rows


def _as_supervisor(col: Collection) -> None:
    col.set_user({**SUPERVISOR, "areas": WORKER["areas"]})


def test_the_review_queue_holds_the_last_days_work_only(col: Collection) -> None:
    """The test store (45 households) had ~470 reviewable items; a handful wait, none overdue, all recent."""
    made = len(rows(col, "visit")) + len(rows(col, "help_plan")) + len(rows(col, "case_step"))
    _as_supervisor(col)
    queue = reviews.queue(col, TODAY)
    assert made > 300
    assert 1 <= len(queue) <= 30, len(queue)
    assert sum(i.overdue for i in queue) <= 2
    for item in queue:
        if item.kind != "help_plan":  # a plan is dated by its last change (the real clock in generated data)
            assert workdays_between(item.item_date, TODAY) <= 10, item


def test_reviews_are_the_supervisors_a_few_working_days_after_the_work(col: Collection) -> None:
    decided = rows(col, "review")
    assert len(decided) > 300
    names = directory(col)
    assert {shown(names, r["reviewer"]) for r in decided} == {SUPERVISOR["display_name"]}
    assert all(r["decided_on"] <= TODAY for r in decided)
    visits = {v["id"]: v for v in rows(col, "visit")}
    delays = [workdays_between(visits[r["target_id"]]["visited_on"], r["decided_on"])
              for r in decided if r["target_kind"] == "visit" and r["decision"] == "approved" and not r.get("answer")]
    assert delays and min(delays) >= 1 and Counter(d <= 3 for d in delays)[True] >= 0.7 * len(delays)


def test_a_few_items_are_returned_with_a_comment_and_answered(col: Collection) -> None:
    decided = rows(col, "review")
    returned = [r for r in decided if r["decision"] == "returned"]
    assert 0 < len(returned) <= 0.1 * len(decided)
    for r in returned:
        assert len(r["comment"]) >= 10  # a real comment: what to correct
        if r.get("answer"):  # the worker answered, then the item was reviewed again and approved
            assert r["answered_by"] == WORKER["name"] and r["answered_on"] >= r["decided_on"]
            again = [x for x in decided if x["target_id"] == r["target_id"] and x["decision"] == "approved"
                     and x["decided_on"] >= r["answered_on"]]
            assert again, r
    assert any(r.get("answer") for r in returned)
    # A returned help plan is corrected before the answer: the measure the comment asked for is added.
    plans = {h["id"]: h for h in rows(col, "help_plan")}
    fixed = [r for r in returned if r["target_kind"] == "help_plan" and r.get("answer")]
    assert fixed and all(len(plans[r["target_id"]]["measures"]) == 3 for r in fixed)


def test_the_review_history_names_the_supervisor_not_the_login(col: Collection) -> None:
    visit = next(r["target_id"] for r in rows(col, "review") if r["target_kind"] == "visit")
    assert [r["reviewer"] for r in reviews.reviews_of(col, visit)] == [SUPERVISOR["display_name"]]


def test_exits_go_through_the_proposal_and_the_supervisors_decision(col: Collection) -> None:
    exited = [c for c in rows(col, "assistance_case") if c["stage"] == "exited"]
    assert exited
    steps = rows(col, "case_step")
    assert not [s for s in steps if s["action"] == "exit"]  # no direct exit by the office
    for case in exited:
        history = sorted((s for s in steps if s["case_id"] == case["id"]), key=lambda s: s["done_on"])
        proposal, decision = history[-2], history[-1]
        assert (proposal["action"], proposal["to_stage"], proposal["by"]) == (
            "propose_exit", "exit_proposed", WORKER["display_name"])
        assert (decision["action"], decision["by"]) == ("approve_exit", SUPERVISOR["display_name"])
        assert case["exit_evidence"] or case["exit_reason"] == "other"
        review = [r for r in rows(col, "review") if r["target_id"] == proposal["id"]]
        assert [r["decision"] for r in review] == ["approved"]  # decided in the review queue


def test_exits_other_than_work_carry_the_evidence_of_their_signal(tmp_path) -> None:  # noqa: ANN001
    """A larger office, so every exit reason of the demo happens: refusals recorded as services before the
    proposal, the last contact more than six months before it, a note for 其他."""
    from app.demo import generate
    from app.rules._dates import add_months
    from tests.conftest import PASSPHRASE

    c = Collection.create(tmp_path / "office.db", PASSPHRASE, WORKER)
    try:
        generate(c, 100, seed=2, today=TODAY)
        cases = [x for x in rows(c, "assistance_case") if x.get("exit_reason")]
        reasons = Counter(x["exit_reason"] for x in cases)
        assert set(reasons) == {"employed", "refused_service", "lost_contact", "other"}, reasons
        for case in cases:
            evidence = case["exit_evidence"] or {}
            if case["exit_reason"] == "refused_service":
                assert len(evidence["refusals"]) >= 3
            elif case["exit_reason"] == "lost_contact":
                last = dt.date.fromisoformat(evidence["last_contact_on"])
                assert add_months(last, 6) < case["exit_proposed_on"]
            elif case["exit_reason"] == "other":
                assert case["exit_note"]
    finally:
        c.close()
