"""Core queries behind the person view, 今日待办, 援助对象 and 走访记录 (no Qt), on real SQLCipher stores."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app import ops
from app.collection import Collection
from app.queries import cases, person_detail, todo, visits
from app.rules import workflow
from app.rules.idcard import make_id
from app.rules.workdays import add_workdays

TODAY = dt.date(2026, 11, 25)  # Wednesday
AREA = "140105001001"
AREA2 = "140105001002"
USER = {"name": "zhangli", "display_name": "张丽", "role": "worker", "areas": [AREA, AREA2]}


@pytest.fixture
def empty(tmp_path: Path):  # noqa: ANN201
    c = Collection.create(tmp_path / "hand.db", "pw-hand-made", USER)
    yield c
    c.close()


def _household(col: Collection, area: str = AREA, **flags: object) -> str:
    return col.records.create("household", {"address": "坞城南路1号", **flags}, area_code=area)


def _person(
    col: Collection, hh: str, name: str, birth: dt.date, seq: int, area: str = AREA, **values: object
) -> str:
    base = {
        "household_id": hh,
        "name": name,
        "id_number": make_id("140105", birth, seq),
        "relation": "户主",
        "hukou_in_shanxi": True,
        "able_to_work": True,
        "willing_to_work": True,
        "employment_status": "unemployed",
    }
    return col.records.create("person", {**base, **values}, area_code=area)


def _started_for_due(due: dt.date, limit: int) -> dt.date:
    """The stage start day whose limit ends on ``due`` (searching back day by day)."""
    d = due
    while add_workdays(d, limit) != due:
        d -= dt.timedelta(days=1)
        assert (due - d).days < 40
    return d


def _case(
    col: Collection, pid: str, stage: str, due: dt.date | None = None, area: str = AREA, **values: object
) -> str:
    started = values.pop("stage_started_on", None)
    limit = workflow.stage(stage).limit_workdays
    if due is not None and limit:
        started = _started_for_due(due, limit)
    return col.records.create(
        "assistance_case",
        {
            "person_id": pid,
            "category": "long_term",
            "stage": stage,
            "stage_started_on": started or TODAY,
            "due_on": due,
            **values,
        },
        area_code=area,
    )


@pytest.fixture
def fixture_store(empty: Collection) -> dict[str, str]:
    """A hand-made store with one item on each side of every to-do edge."""
    col = empty
    hh = _household(col)
    ids = {}
    for i, name in enumerate(("甲", "乙", "丙", "丁", "戊", "己")):
        ids[name] = _person(col, hh, f"测试{name}", dt.date(1975, 3, 1 + i), 11 + 2 * i)
    # visits: planned today (due), planned yesterday (overdue), planned tomorrow (not yet), already made
    ids["v_today"] = ops.visits.plan_visit(col, ids["甲"], TODAY)
    ids["v_late"] = ops.visits.plan_visit(col, ids["乙"], TODAY - dt.timedelta(days=1))
    ids["v_future"] = ops.visits.plan_visit(col, ids["丙"], TODAY + dt.timedelta(days=1))
    done = ops.visits.plan_visit(col, ids["丁"], TODAY)
    col.records.update("visit", done, {"visited_on": TODAY})
    # follow-ups: overdue, due today, not yet due, done
    f = {"person_id": ids["甲"], "kind": "stabilization"}
    ids["f_late"] = col.records.create(
        "followup", {**f, "due_on": TODAY - dt.timedelta(days=3)}, area_code=AREA
    )
    ids["f_today"] = col.records.create("followup", {**f, "due_on": TODAY}, area_code=AREA)
    col.records.create("followup", {**f, "due_on": TODAY + dt.timedelta(days=1)}, area_code=AREA)
    col.records.create(
        "followup", {**f, "due_on": TODAY - dt.timedelta(days=9), "done_on": TODAY}, area_code=AREA
    )
    # supervisor reviews: returned and unanswered (to do), returned and answered, approved
    r = {
        "target_kind": "visit",
        "target_id": done,
        "person_id": ids["丁"],
        "reviewer": "街道督导",
        "decided_on": TODAY - dt.timedelta(days=1),
    }
    ids["r_open"] = col.records.create(
        "review", {**r, "decision": "returned", "comment": "请补充就业意愿"}, area_code=AREA
    )
    col.records.create(
        "review", {**r, "decision": "returned", "comment": "x", "answer": "已补充"}, area_code=AREA
    )
    col.records.create("review", {**r, "decision": "approved"}, area_code=AREA)
    # case deadlines: 3 working days ahead is listed (Wed + 3 = Mon 11-30), 4 ahead is not, overdue is
    ids["c_edge"] = _case(col, ids["甲"], "community_review", dt.date(2026, 11, 30))
    ids["c_out"] = _case(col, ids["乙"], "community_review", dt.date(2026, 12, 1))
    ids["c_late"] = _case(col, ids["丙"], "street_review", dt.date(2026, 11, 19))
    # policy expiry: valid 30 days more → evaluation due today; 31 days → not yet
    ids["e_due"] = _case(col, ids["丁"], "helping", valid_until=TODAY + dt.timedelta(days=30))
    _case(col, ids["戊"], "helping", valid_until=TODAY + dt.timedelta(days=31))
    # pushed registration applications: due today (listed), 2 working days left (not), overdue (listed)
    person_id_number = col.records.get("person", ids["己"])["id_number"]
    ra = {"person_name": "测试己", "status": "pending"}
    ids["ra_today"] = col.records.create(
        "registration_application",
        {
            **ra,
            "application_no": "SQ001",
            "id_number": person_id_number,
            "received_on": dt.date(2026, 11, 20),
        },
        area_code=AREA,
    )
    col.records.create(
        "registration_application",
        {**ra, "application_no": "SQ002", "received_on": dt.date(2026, 11, 24)},
        area_code=AREA,
    )
    ids["ra_late"] = col.records.create(
        "registration_application",
        {**ra, "application_no": "SQ003", "person_name": "外来人员", "received_on": dt.date(2026, 11, 17)},
        area_code=AREA,
    )
    # data matching: pending and confirmed
    ids["m_open"] = col.records.create(
        "match_hit",
        {
            "person_id": ids["戊"],
            "source": "社保参保",
            "detail": "2026-11 起在某公司参保",
            "found_on": TODAY,
            "status": "pending",
        },
        area_code=AREA,
    )
    col.records.create(
        "match_hit",
        {
            "person_id": ids["己"],
            "source": "工商登记",
            "found_on": TODAY,
            "status": "confirmed",
            "confirmed_on": TODAY,
        },
        area_code=AREA,
    )
    return ids


def test_todo_groups_and_working_day_edges(empty: Collection, fixture_store: dict[str, str]) -> None:
    ids = fixture_store
    items = todo.todo(empty, TODAY)
    by = {(i.kind, i.record_id): i for i in items}
    assert todo.counts(items) == {
        "returned": 1,
        "visit": 2,
        "followup": 2,
        "case": 2,
        "evaluation": 1,
        "registration": 2,
        "match": 1,
    }
    assert [i.kind for i in items] == sorted((i.kind for i in items), key=list(todo.GROUPS).index)
    # visits: today's is due, yesterday's is overdue and listed first in its group
    assert not by[("visit", ids["v_today"])].overdue and by[("visit", ids["v_late"])].overdue
    visit_items = [i for i in items if i.kind == "visit"]
    assert visit_items[0].record_id == ids["v_late"] and visit_items[0].title == "测试乙"
    assert (
        by[("followup", ids["f_late"])].overdue and by[("followup", ids["f_late"])].due_text == "已超期 3 天"
    )
    assert not by[("followup", ids["f_today"])].overdue
    returned = by[("returned", ids["r_open"])]
    assert returned.person_id == ids["丁"] and "请补充就业意愿" in returned.detail
    edge = by[("case", ids["c_edge"])]
    assert not edge.overdue and edge.due_on == dt.date(2026, 11, 30) and edge.due_text == "剩余 3 个工作日"
    late = by[("case", ids["c_late"])]
    assert late.overdue and late.due_text == "已超期 4 个工作日"
    assert ("case", ids["c_out"]) not in by
    assert by[("evaluation", ids["e_due"])].due_on == TODAY
    ra = by[("registration", ids["ra_today"])]
    assert ra.person_id == ids["己"] and not ra.overdue and ra.due_on == TODAY
    ra_late = by[("registration", ids["ra_late"])]
    assert ra_late.overdue and ra_late.person_id is None and ra_late.title == "外来人员"
    assert by[("match", ids["m_open"])].person_id == ids["戊"]


def test_todo_case_horizon_counts_holidays_and_makeup_days(empty: Collection) -> None:
    # 2026-09-30 (Wed) + 3 working days skips National Day: 10-08, 10-09, 10-10 (a make-up Saturday)
    today = dt.date(2026, 9, 30)
    hh = _household(empty)
    a = _person(empty, hh, "节前甲", dt.date(1980, 1, 1), 21)
    b = _person(empty, hh, "节前乙", dt.date(1980, 1, 2), 23)
    inside = _case(empty, a, "community_review", dt.date(2026, 10, 10))
    outside = _case(empty, b, "community_review", dt.date(2026, 10, 12))
    got = {i.record_id for i in todo.todo(empty, today) if i.kind == "case"}
    assert inside in got and outside not in got


def test_answering_or_doing_removes_items(empty: Collection, fixture_store: dict[str, str]) -> None:
    ids = fixture_store
    empty.records.update("review", ids["r_open"], {"answer": "已补充", "answered_on": TODAY})
    empty.records.update("followup", ids["f_late"], {"done_on": TODAY})
    ops.visits.record_visit(
        empty,
        ids["甲"],
        {
            "visited_on": TODAY,
            "employment_status": "unemployed",
            "employment_intention": "有意愿",
            "service_needs": ["岗位推荐"],
        },
        [],
        planned_visit_id=ids["v_today"],
        today=TODAY,
    )
    left = {i.record_id for i in todo.todo(empty, TODAY)}
    assert not left & {ids["r_open"], ids["f_late"], ids["v_today"]}


def test_cases_counts_and_limited_rows(empty: Collection) -> None:
    hh = _household(empty)
    hh2 = _household(empty, AREA2)
    for i in range(5):
        pid = _person(empty, hh, f"初审{i}", dt.date(1970, 1, 1 + i), 31 + 2 * i)
        _case(empty, pid, "community_review", add_workdays(TODAY, i) - dt.timedelta(days=0))
    for i in range(3):
        pid = _person(empty, hh2, f"帮扶{i}", dt.date(1971, 1, 1 + i), 51 + 2 * i, AREA2)
        _case(empty, pid, "helping", area=AREA2)
    counts = cases.stage_counts(empty)
    assert counts["community_review"] == 5 and counts["helping"] == 3 and counts["applied"] == 0
    assert list(counts) == [s.code for s in workflow.stages()]
    assert cases.stage_counts(empty, AREA2)["community_review"] == 0
    assert cases.stage_counts(empty, "140105001000")["helping"] == 3  # a street covers its communities
    rows = cases.cases_in_stage(empty, "community_review", TODAY, limit=2)
    assert len(rows) == 2 and rows[0].deadline.due <= rows[1].deadline.due  # most urgent first
    assert rows[0].deadline_short == "今天到期"
    page2 = cases.cases_in_stage(empty, "community_review", TODAY, limit=2, offset=2)
    assert {r.id for r in rows}.isdisjoint({r.id for r in page2})
    assert [c[1] for c in cases.communities(empty)] == ["坞城南路社区", "东岗路社区"]
    counts2, board = cases.board(empty, TODAY, limit=1)
    assert counts2 == counts and len(board["community_review"]) == 1 and board["applied"] == []


def test_deadline_estimated_when_the_calendar_year_is_unknown(empty: Collection) -> None:
    hh = _household(empty)
    pid = _person(empty, hh, "跨年", dt.date(1970, 5, 5), 71)
    _case(empty, pid, "county_confirm", stage_started_on=dt.date(2026, 12, 28))
    (row,) = cases.cases_in_stage(empty, "county_confirm", dt.date(2026, 12, 29))
    assert row.deadline.estimated and row.deadline_short.endswith("（估算）")
    d = person_detail.person_detail(empty, pid, dt.date(2026, 12, 29))
    assert "2027年节假日安排未知" in d.case.deadline.text_zh


def test_visits_query_pages_and_filters(empty: Collection) -> None:
    hh = _household(empty)
    pid = _person(empty, hh, "走访", dt.date(1970, 1, 1), 81)
    for i in range(7):
        ops.visits.record_visit(
            empty,
            pid,
            {
                "visited_on": TODAY - dt.timedelta(days=i),
                "employment_status": "unemployed",
                "employment_intention": "有意愿",
                "service_needs": ["政策咨询"],
            },
            [],
            today=TODAY,
        )
    for i in range(3):
        ops.visits.plan_visit(empty, pid, TODAY + dt.timedelta(days=i + 1))
    assert visits.count(empty) == 10
    assert visits.count(empty, visits.DONE) == 7 and visits.count(empty, visits.PLANNED) == 3
    assert visits.count(empty, visits.DONE, start=TODAY - dt.timedelta(days=2), end=TODAY) == 3
    first = visits.page(empty, visits.ALL, limit=4)
    assert [r.planned for r in first[:3]] == [True] * 3 and first[0].on == TODAY + dt.timedelta(days=3)
    rest = visits.page(empty, visits.ALL, offset=4, limit=100)
    assert len(first) + len(rest) == 10 and rest[-1].on == TODAY - dt.timedelta(days=6)
    planned = visits.page(empty, visits.PLANNED)
    assert [r.on for r in planned] == sorted(r.on for r in planned)  # soonest first
    done = visits.page(empty, visits.DONE, limit=1)[0]
    assert done.name == "走访" and done.status_zh == "失业" and done.needs == "政策咨询"


def test_person_detail_facts_members_and_history(empty: Collection) -> None:
    hh = _household(empty, zero_employment=True, zero_flagged_on=dt.date(2026, 10, 26), dibao=True)
    me = _person(
        empty,
        hh,
        "张秀英",
        dt.date(1980, 6, 1),
        42,
        registered_unemployed_on=dt.date(2024, 1, 5),
        ui_contribution_months=3,
    )
    spouse = _person(
        empty,
        hh,
        "李建国",
        dt.date(1978, 2, 2),
        13,
        relation="配偶",
        registered_unemployed_on=dt.date(2025, 1, 1),
    )
    child = _person(empty, hh, "李小明", dt.date(2012, 2, 2), 15, relation="子女")
    empty.records.update("person", child, {"id_number": "140105201202021234"})  # bad check digit
    cid = _case(empty, spouse, "helping", category="zero_household")
    d = person_detail.person_detail(empty, me, TODAY)
    assert [m.name for m in d.household.members] == ["张秀英", "李建国", "李小明"]
    m = {x.name: x for x in d.household.members}
    assert (m["张秀英"].sex, m["张秀英"].age) == ("女", 46) and (m["李建国"].sex, m["李建国"].age) == (
        "男",
        48,
    )
    assert m["李小明"].age is None and "校验码" in m["李小明"].id_error
    assert m["李建国"].stage_zh == "帮扶中"
    assert d.household.flags == ["零就业家庭", "低保家庭"]
    assert d.household.zero.is_zero and d.household.zero.days_open == 30
    # facts: household 低保 counts for the member; the spouse holds the one zero-household certification
    assert d.facts.family_dibao and d.facts.zero_employment_household
    assert d.facts.household_member_already_certified
    assert not d.eligibility.category("zero_household").met
    assert d.eligibility.category("long_term").met  # registered ≥ 2 years
    assert d.case is None and d.package.text_zh.startswith("还差")
    empty.records.update("person", spouse, {"employment_status": "employed", "employed_on": TODAY})
    d2 = person_detail.person_detail(empty, me, TODAY)
    assert d2.household.zero.cleared and "已动态清零" in d2.household.zero.text_zh
    hist = d2.history
    assert hist[0].seq > hist[-1].seq and {h.kind_label for h in hist} == {"人员", "家庭"}
    created = [h for h in hist if h.kind_label == "人员" and h.action_zh == "新建"][0]
    assert ("姓名", "", "张秀英") in created.changes and created.actor == "张丽"  # the login shown by name
    spouse_d = person_detail.person_detail(empty, spouse, TODAY)
    assert spouse_d.case.record["id"] == cid and spouse_d.case.stage_zh == "帮扶中"
    assert [a.code for a in spouse_d.case.actions] == []  # a worker cannot exit a case
    office = person_detail.person_detail(empty, spouse, TODAY, role="office")
    assert [a.code for a in office.case.actions] == ["exit"]
    assert person_detail.household_of(empty, "assistance_case", cid) == (hh, spouse)
    assert person_detail.household_of(empty, "household", hh) == (hh, None)
    assert person_detail.person_detail(empty, "nobody", TODAY) is None


def test_case_materials_and_action_previews(empty: Collection) -> None:
    hh = _household(empty)
    pid = _person(empty, hh, "材料", dt.date(1970, 1, 1), 91)
    _case(
        empty,
        pid,
        "community_review",
        dt.date(2026, 11, 30),
        category="dibao",
        materials={"id_card": True, "dibao_proof": False},
    )
    d = person_detail.person_detail(empty, pid, TODAY)
    mats = {m.code: m for m in d.case.materials}
    assert mats["id_card"].checked and not mats["dibao_proof"].checked and mats["dibao_proof"].category_proof
    assert d.case.deadline.text_zh.startswith("剩余 3 个工作日")
    previews = {a.code: a.preview for a in d.case.actions}
    assert set(previews) == {"pass_community", "reject", "return"}
    # 公示 is a minimum (7 working days from today: 12-04), not a limit
    assert previews["pass_community"] == "进入「公示」，不少于 7 个工作日（2026-12-04 起可结束）"


def test_demo_store_queries(col: Collection) -> None:
    """The queries run on the shared demo store and agree with each other."""
    items = todo.todo(col, TODAY)
    assert items and all(i.title for i in items)
    counts = cases.stage_counts(col)
    assert sum(counts.values()) == col.counts()["assistance_case"]
    assert visits.count(col) == col.counts()["visit"]
    for i in items[:5]:
        assert person_detail.person_detail(col, i.person_id, TODAY) is not None
