"""Demo data obeys its own rules (issue 14, item 6): made through the operations a user runs, so every case's
history is a path of workflow.toml, every certified person meets their category on the day they applied, every
ID number is valid and unique, and a seed gives the same office every time."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.collection import Collection
from app.demo import generate
from app.rules import workflow
from app.store import audit
from tests.conftest import PASSPHRASE, TODAY, WORKER
from tests.demo.checks import content, eligibility_problems, id_problems, rows, step_problems

HOUSEHOLDS = 80


def _make(path: Path, seed: int, households: int = HOUSEHOLDS) -> Collection:
    col = Collection.create(path, PASSPHRASE, WORKER)
    generate(col, households, seed=seed, today=TODAY)
    return col


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Collection]:
    col = _make(tmp_path_factory.mktemp("demo") / "demo.db", seed=5)
    yield col
    col.close()


def test_demo_is_an_office_at_work(demo: Collection) -> None:
    """Not an empty shell that passes the checks below trivially: cases in every part of the workflow."""
    stages = Counter(c["stage"] for c in rows(demo, "assistance_case"))
    assert stages["helping"] >= 10 and stages["exited"] >= 3, stages
    assert sum(stages[s] for s in ("applied", "community_review", "publicity", "street_review",
                                   "county_confirm", "certified")) >= 3, stages
    actions = Counter(s["action"] for s in rows(demo, "case_step"))
    assert {"apply", "submit", "pass_community", "end_publicity", "pass_street", "certify", "start_help",
            "propose_exit", "approve_exit"} <= set(actions), actions  # found work: proposed, then approved
    assert demo.user == {**demo.user, **WORKER}  # the worker is back at the desk after the office's steps
    with demo.records.reading() as conn:
        assert audit.verify(conn) == []  # every op's audit entry chained, batch or not


def test_every_case_history_is_a_path_of_the_workflow(demo: Collection) -> None:
    assert step_problems(demo) == []


def test_every_certified_person_meets_their_category_on_the_application_day(demo: Collection) -> None:
    certified = [c for c in rows(demo, "assistance_case") if c["stage"] in workflow.certified_stages()]
    assert len(certified) >= 10
    assert eligibility_problems(demo) == []


def test_every_id_number_is_valid_and_held_once(demo: Collection) -> None:
    assert len(rows(demo, "person")) >= 2 * HOUSEHOLDS * 0.9
    assert id_problems(demo, TODAY) == []


def test_id_numbers_stay_unique_when_a_second_worker_adds_households(tmp_path: Path) -> None:
    """Two generations into one store (as the supervisor demo does): a number never registered twice."""
    col = _make(tmp_path / "two.db", seed=1, households=20)
    try:
        generate(col, 20, seed=1, today=TODAY)  # the same seed draws the same numbers again
        assert id_problems(col, TODAY) == []
        assert len({p["household_id"] for p in rows(col, "person")}) == 40
    finally:
        col.close()


def test_the_same_seed_gives_the_same_office(tmp_path: Path, demo: Collection) -> None:
    again = _make(tmp_path / "again.db", seed=5)
    other = _make(tmp_path / "other.db", seed=6)
    try:
        first = content(demo)
        assert content(again) == first
        assert content(other)["person"] != first["person"]
    finally:
        again.close()
        other.close()


def test_steps_happen_on_the_dates_they_say(demo: Collection) -> None:
    """today stepped forward: nothing is dated after the day the demo was made for."""
    for kind, field in (("case_step", "done_on"), ("visit", "visited_on"), ("service", "served_on")):
        dates = [r[field] for r in rows(demo, kind) if r.get(field)]
        assert dates and max(dates) <= TODAY, kind
    assert min(s["done_on"] for s in rows(demo, "case_step")) >= TODAY - dt.timedelta(days=3 * 365)
