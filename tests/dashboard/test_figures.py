"""Dashboard figures against hand counts, working-day edges, and drill-down lists that match every cell."""

from __future__ import annotations

import datetime as dt

import pytest

from app.dashboard import ALL, TOTAL, compute, drill, figure
from tests.dashboard.fixture import EXPECTED, TODAY, A, B

FIGURE_KEYS = list(EXPECTED)


@pytest.mark.parametrize("key", FIGURE_KEYS)
def test_figure_matches_hand_count(hand, key):
    col, _ = hand
    fig = figure(col, key, TODAY)
    expected = EXPECTED[key]
    rows = {r.key for r in fig.rows}
    assert set(expected) <= rows
    assert fig.rows[-1].key == ALL
    for row_key, cells in expected.items():
        row = fig.row(row_key)
        for col_ in fig.columns:
            want = cells.get(col_.key, 0)
            assert row.get(col_.key) == pytest.approx(want), (key, row_key, col_.key)


def test_community_rows_cover_the_street_and_nothing_outside(hand):
    col, _ = hand
    fig = figure(col, "stage", TODAY)
    keys = [r.key for r in fig.rows]
    assert keys == ["140105001001", "140105001002", "140105001003", ALL]  # empty 学府苑 still listed
    assert fig.row("140105001003").get(TOTAL) == 0


@pytest.mark.parametrize("key", FIGURE_KEYS + ["reviews"])
def test_every_drillable_cell_lists_exactly_its_records(hand, key):
    col, _ = hand
    fig = figure(col, key, TODAY)
    for row in fig.rows:
        for c in fig.columns:
            if not c.drill:
                continue
            refs = drill(col, key, (row.key, c.key), TODAY)
            assert len(refs) == row.get(c.key), (key, row.key, c.key)
            assert len({r.id for r in refs}) == len(refs)
            assert all(r.person_id for r in refs)


def test_drill_names_the_right_people(hand):
    col, ids = hand
    assert {r.person_id for r in drill(col, "compliance", (A, "not_met"), TODAY)} == {ids["p2"]}
    assert {r.person_id for r in drill(col, "compliance", (ALL, "met"), TODAY)} == {ids["p1"]}
    assert {r.person_id for r in drill(col, "deadlines", (A, "due_soon"), TODAY)} == {ids["p3"], ids["p5"]}
    assert {r.person_id for r in drill(col, "deadlines", (A, "overdue"), TODAY)} == {ids["p4"]}
    assert {r.id for r in drill(col, "zero", (ALL, "cleared"), TODAY)} == {ids["h3"]}
    assert {r.id for r in drill(col, "zero", (B, "not_applicable"), TODAY)} == {ids["h4"]}
    assert {r.person_id for r in drill(col, "zero", (A, "open_b3"), TODAY)} == {ids["h2m0"]}
    visits = drill(col, "visits", ("zhangli", "2026-W48"), TODAY)
    assert {r.person_id for r in visits} == {ids["p1"], ids["p2"]}
    assert all(r.kind == "visit" for r in visits)
    # the label tells what is missing from the service package
    (p2,) = drill(col, "compliance", (A, "not_met"), TODAY)
    assert "岗位推荐 1 次" in p2.label


def test_area_selection_restricts_rows_and_counts(hand):
    col, _ = hand
    db = compute(col, TODAY, area=B)
    assert [r.key for r in db["stage"].rows] == [B, ALL]
    assert db["stage"].total_row.get(TOTAL) == 2
    assert db["followups"].total_row.get(TOTAL) == 0
    assert db["visits"].total_row.get(TOTAL) == 1
    assert len(drill(col, "stage", (ALL, TOTAL), TODAY, area=B)) == 2


def test_unknown_figure_is_an_error(hand):
    col, _ = hand
    with pytest.raises(KeyError):
        drill(col, "nope", (ALL, TOTAL), TODAY)


# --- working-day edges of "due within 3 working days" --------------------------------------------------------
@pytest.fixture(scope="module")
def edge_store(tmp_path_factory):
    from app.collection import Collection
    from tests.dashboard.fixture import PASS, SUPERVISOR

    col = Collection.create(tmp_path_factory.mktemp("edge") / "edge.db", PASS, SUPERVISOR)
    with col.records.transaction() as tx:
        hh = tx.create("household", {"address": "x"}, area_code=A)
        pid = tx.create("person", {"household_id": hh, "name": "边界"}, area_code=A)
        case_id = tx.create("assistance_case", {"person_id": pid, "stage": "street_review", "category": "older",
                                                "stage_started_on": dt.date(2026, 9, 1)}, area_code=A)
    yield col, case_id
    col.close()


@pytest.mark.parametrize(("today", "due", "expected"), [
    (dt.date(2026, 11, 25), dt.date(2026, 11, 25), "due_soon"),  # due exactly today
    (dt.date(2026, 11, 25), dt.date(2026, 11, 24), "overdue"),  # yesterday
    (dt.date(2026, 11, 25), dt.date(2026, 11, 30), "due_soon"),  # 3rd working day, across the weekend
    (dt.date(2026, 11, 25), dt.date(2026, 12, 1), None),  # 4th working day
    (dt.date(2026, 11, 27), dt.date(2026, 11, 29), "due_soon"),  # a Sunday inside the window
    # National Day 2026 (chinese_calendar: 10-01..10-07 off, Sat 10-10 a make-up workday)
    (dt.date(2026, 9, 29), dt.date(2026, 10, 9), "due_soon"),  # 9-30, 10-08, 10-09
    (dt.date(2026, 9, 29), dt.date(2026, 10, 10), None),  # the make-up Saturday is the 4th working day
    (dt.date(2026, 9, 30), dt.date(2026, 10, 10), "due_soon"),  # …and the 3rd one a day later
    (dt.date(2026, 10, 5), dt.date(2026, 10, 2), "overdue"),  # overdue during the holiday
    # Sunday 2026-09-20 is a make-up workday: Fri 9-18 + 3 = 9-20, 9-21, 9-22
    (dt.date(2026, 9, 18), dt.date(2026, 9, 22), "due_soon"),
    (dt.date(2026, 9, 18), dt.date(2026, 9, 23), None),
])
def test_due_soon_counts_working_days(edge_store, today, due, expected):
    col, case_id = edge_store
    col.records.update("assistance_case", case_id, {"due_on": due})
    fig = figure(col, "deadlines", today)
    got = [c for c in ("overdue", "due_soon") if fig.value(ALL, c)]
    assert got == ([expected] if expected else [])


def test_stage_without_time_limit_is_never_overdue(hand):
    col, ids = hand
    # p9 is in 公示 (a minimum duration, not a limit) with no due date: in neither column
    refs = drill(col, "deadlines", (ALL, "overdue"), TODAY) + drill(col, "deadlines", (ALL, "due_soon"), TODAY)
    assert ids["p9"] not in {r.person_id for r in refs}


def test_visits_weeks_are_the_last_eight_iso_weeks(hand):
    col, _ = hand
    fig = figure(col, "visits", TODAY)
    weeks = [c.key for c in fig.columns if c.key != TOTAL]
    assert weeks == [f"2026-W{w}" for w in range(41, 49)]


def test_reviews_figure_counts_the_queue(hand):
    from app.queries import reviews

    col, _ = hand
    fig = figure(col, "reviews", TODAY)
    items = reviews.queue(col, TODAY)
    assert fig.value(ALL, "waiting") == len(items)
    assert fig.value(ALL, "overdue") == sum(i.overdue for i in items)
    assert fig.value(A, "waiting") == sum(i.area_code == A for i in items)


def test_figures_name_the_rule_set_they_were_computed_under(hand):
    from app.rules.active import using
    from app.rules.ruleset import compose, parse, shipped_version

    col, _ = hand
    assert figure(col, "compliance", TODAY).rules == shipped_version()
    text = ('[set]\nid = "shanxi-package"\nversion = 4\narea = "140000000000"\neffective = 2026-01-01\n'
            'source = "示例，非官方"\n[tables.service_package.minimum]\njob_recommendation = 2\n')
    rs = compose([parse(text)], ["140105001001"], TODAY)
    with using(rs):
        fig = figure(col, "compliance", TODAY)
    assert fig.rules == f"{shipped_version()}+shanxi-package@4"


def test_visits_rows_are_labelled_with_names_keyed_by_login(hand):
    from app import ops, settings

    col, _ = hand
    ops.settings.set_value(col, settings.USER_DIRECTORY, {"zhangli": {"display_name": "张丽", "role": "worker"}})
    fig = figure(col, "visits", TODAY)
    labels = {r.key: r.label for r in fig.rows}
    assert labels["zhangli"] == "张丽" and labels["liuqiang"] == "liuqiang"  # unknown: the login, last resort
    assert all("张丽" in r.label for r in drill(col, "visits", ("zhangli", "2026-W48"), TODAY))
