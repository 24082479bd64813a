"""Rule sets as versioned data: parsing, composing province + city layers, and the calendar they carry."""

from datetime import date

import pytest

from app.rules import eligibility, workdays, workflow
from app.rules._data import RULES_DIR, load
from app.rules.active import current, shipped, using
from app.rules.facts import PersonFacts
from app.rules.idcard import make_id
from app.rules.ruleset import RuleSetError, check, compose, diff, parse, shipped_version

EXAMPLES = RULES_DIR / "examples"
TAIYUAN = "140105001001"  # a community of 太原市小店区
DATONG = "140213001001"  # a community of 大同市
TODAY = date(2026, 12, 10)


def example(name: str) -> str:
    return (EXAMPLES / f"{name}.example.toml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sets():
    return [parse(example("shanxi-holidays-2027")), parse(example("taiyuan-eligibility"))]


def test_example_files_parse_and_say_they_are_not_official(sets):
    cal, city = sets
    assert (cal.info.set_id, cal.info.version, cal.info.area) == ("shanxi-holidays", 1, "140000000000")
    assert "示例，非官方" in cal.info.title and "示例，非官方" in cal.info.source
    assert date(2027, 2, 6) in cal.calendar[2027].holidays  # 春节
    assert date(2027, 2, 20) in cal.calendar[2027].workdays  # 调休上班
    assert city.info.prefix == "1401" and "示例，非官方" in city.info.source


def test_published_calendar_moves_a_deadline_across_the_spring_festival(sets):
    start = date(2027, 2, 3)
    estimate = workdays.deadline_info(start, 7, start)
    assert estimate.estimated and estimate.due == date(2027, 2, 12)  # Mon–Fri guess
    rs = compose(sets, [TAIYUAN], TODAY)
    with using(rs):
        assert workdays.calendar_known(2027)
        real = workdays.deadline_info(start, 7, start)
    # 2-4 is worked, 2-5…2-13 off, then 2-15…2-19 and the 调休 Saturday 2-20.
    assert (real.due, real.estimated, real.note) == (date(2027, 2, 20), False, "")
    assert real.rules.endswith("+shanxi-holidays@1+taiyuan-eligibility@1")
    assert estimate.rules == shipped_version()


def test_city_overlay_changes_one_threshold_for_that_city_only(sets):
    woman_39 = PersonFacts(id_number=make_id("140105", date(1987, 6, 1), 2), hukou_in_shanxi=True,
                           registered_unemployed_on=date(2025, 1, 1), state_or_collective_enterprise=True)
    with using(compose(sets, [TAIYUAN], TODAY)) as taiyuan:
        in_taiyuan = eligibility.evaluate(woman_39, TODAY)
        cats = load("eligibility")["category"]
    with using(compose(sets, [DATONG], TODAY)) as datong:
        in_datong = eligibility.evaluate(woman_39, TODAY)
    assert in_taiyuan.category("older").met and not in_datong.category("older").met
    assert "≥38" in in_taiyuan.category("older").reasons[0]
    assert in_taiyuan.rules_version == taiyuan.version != datong.version == in_datong.rules_version
    assert [layer.set_id for layer in datong.layers] == ["shanxi-holidays"]
    # Everything else is the province's: the other numbers of the category and the other categories.
    older = next(c for c in cats if c["code"] == "older")
    assert (older["min_age_male"], older["min_ui_contribution_months"]) == (50, 6)
    assert cats[1:] == shipped().table("eligibility")["category"][1:]


def test_newest_version_wins_and_tables_wait_for_their_effective_date(sets):
    v2 = parse(example("taiyuan-eligibility").replace("version = 1", "version = 2")
               .replace("min_age_female = 38", "min_age_female = 36"))
    rs = compose([*sets, v2], [TAIYUAN], TODAY)
    assert rs.version.endswith("taiyuan-eligibility@2")
    with using(rs):
        assert next(c for c in load("eligibility")["category"] if c["code"] == "older")["min_age_female"] == 36
    later = parse(example("taiyuan-eligibility").replace("2026-12-01", "2027-01-01"))
    before = compose([sets[0], later], [TAIYUAN], TODAY)
    assert [i.label for i in before.layers] == ["shanxi-holidays@1"]  # not yet in force
    assert compose([sets[0], later], [TAIYUAN], date(2027, 1, 1)).version.endswith("taiyuan-eligibility@1")


def test_shipped_rules_when_nothing_was_published():
    assert current() is shipped()
    assert current().version == shipped_version() and shipped_version().startswith("内置-")
    assert not workdays.calendar_known(2027)
    assert workflow.stage("community_review").limit_workdays == 7


def test_workflow_limits_can_be_overridden_per_rule_set():
    text = """
[set]
id = "shanxi-workflow"
version = 1
area = "140000000000"
effective = 2026-12-01
source = "示例，非官方"
[[tables.workflow.stage]]
code = "county_confirm"
limit_workdays = 15
"""
    rs = compose([parse(text)], [TAIYUAN], TODAY)
    check(rs)
    with using(rs):
        assert workflow.stage("county_confirm").limit_workdays == 15
        t = workflow.apply_action("street_review", "pass_street", "office", date(2026, 12, 1))
    assert workflow.stage("county_confirm").limit_workdays == 10  # outside the block: shipped again
    assert t.rules_version == rs.version and t.due_on == date(2026, 12, 22)


@pytest.mark.parametrize(("text", "reason"), [
    ("not toml [", "不是有效的 TOML"),
    ("[calendar.2027]\nholidays = [2027-02-06]", r"缺少 \[set\]"),
    ('[set]\nid = "x"\nversion = 1\narea = "140000000000"\neffective = 2026-12-01\nsource = "s"', "没有任何内容"),
    ('[set]\nid = "x"\nversion = 1\narea = "1400"\neffective = 2026-12-01\nsource = "s"', "12 位区划代码"),
    ('[set]\nid = "x"\nversion = 1\narea = "140105001001"\neffective = 2026-12-01\nsource = "s"',
     "只能由省或设区的市发布"),
    ('[set]\nid = "x"\nversion = "1"\narea = "140000000000"\neffective = 2026-12-01\nsource = "s"', "version 类型不对"),
    ('[set]\nid = "x"\nversion = 1\narea = "140000000000"\neffective = 2026-12-01\nsource = ""', "来源"),
    ('[set]\nid = "x"\nversion = 1\narea = "140000000000"\neffective = 2026-12-01\nsource = "s"\n'
     '[calendar.2027]\nholidays = [2028-01-01]', "其他年份"),
    ('[set]\nid = "x"\nversion = 1\narea = "140000000000"\neffective = 2026-12-01\nsource = "s"\n'
     '[calendar.2027]\nholidays = [2027-02-06]\nworkdays = [2027-02-06]', "既是放假又是上班"),
    ('[set]\nid = "x"\nversion = 1\narea = "140000000000"\neffective = 2026-12-01\nsource = "s"\n'
     '[calendar.2027]\nholidays = [2027-02-08]\nworkdays = [2027-02-19]', "应为周六或周日：2027-02-19"),
    ('[set]\nid = "x"\nversion = 1\narea = "140000000000"\neffective = 2026-12-01\nsource = "s"\n'
     '[tables.salaries]\nx = 1', "未知的规则表"),
    ('[set]\nid = "x"\nversion = 1\narea = "140000000000"\neffective = 2026-12-01\nsource = "s"\n'
     'applies_to_running = "yes"\n[[tables.workflow.stage]]\ncode = "community_review"\nlimit_workdays = 5',
     "applies_to_running 只能是 true 或 false"),
])
def test_malformed_documents_are_refused_with_the_reason(text, reason):
    with pytest.raises(RuleSetError, match=reason):
        parse(text)


HEAD = '[set]\nid = "x"\nversion = 1\narea = "140000000000"\neffective = 2026-12-01\nsource = "s"\n'


@pytest.mark.parametrize(("body", "reason"), [
    ('[[tables.eligibility.category]]\ncode = "older"\nmin_age_female = "forty"', "类型应与原规则一致"),
    ('[[tables.eligibility.category]]\ncode = "older"\nmin_age_femal = 38', "没有 min_age_femal"),
    ('[[tables.eligibility.category]]\ncode = "pirates"\nname = "海盗"', "没有对应规则"),
    ('[tables.workflow.deadlines]\nregistration_handle_workdays = true', "类型应与原规则一致"),
    ('[[tables.workflow.stage]]\ncode = "applied"\nlimit_of = "nowhere"', "未知环节：nowhere"),
])
def test_sets_that_break_the_rules_fail_the_check(body, reason):
    rs = compose([parse(HEAD + body)], [TAIYUAN], TODAY)
    with pytest.raises(RuleSetError, match=reason):
        check(rs)
    assert current() is shipped()


LIMITS = HEAD.replace('id = "x"', 'id = "shanxi-limits"') + (
    '[[tables.workflow.stage]]\ncode = "community_review"\nlimit_workdays = 5\n')


def test_as_of_drops_a_layers_tables_for_stages_started_before_it_was_effective():
    keep = parse(LIMITS)
    assert keep.info.applies_to_running is False  # the default: only stages started from its effective date
    rs = compose([parse(example("shanxi-holidays-2027")), keep], [TAIYUAN], TODAY)
    assert rs.as_of(date(2026, 12, 1)) is rs  # every layer already effective that day
    earlier = rs.as_of(date(2026, 11, 30))
    assert earlier is rs.as_of(date(2026, 11, 1))  # built once per combination of layers
    assert earlier.version == rs.version and earlier.calendar is rs.calendar  # same layers, same calendar
    with using(earlier):
        assert workflow.stage("community_review").limit_workdays == 7
    with using(rs):
        assert workflow.stage("community_review").limit_workdays == 5
    running = compose([parse(LIMITS.replace('source = "s"', 'source = "s"\napplies_to_running = true'))],
                      [TAIYUAN], TODAY)
    assert running.layers[0].applies_to_running and running.as_of(date(2026, 1, 1)) is running


def test_diff_says_when_a_set_applies_to_running_stages():
    running = parse(LIMITS.replace('source = "s"', 'source = "s"\napplies_to_running = true'))
    assert "applies_to_running：改动的办理时限也适用于生效日已在办的环节" in diff(None, running)
    assert "applies_to_running：False → True" in diff(parse(LIMITS), running)
    assert not any("applies_to_running" in line for line in diff(None, parse(LIMITS)))
