from datetime import date

import pytest

from app.rules.eligibility import category_names
from app.rules.workflow import (
    WorkflowError,
    actions,
    allowed_actions,
    application_deadline,
    apply_action,
    exit_reasons,
    limit_stage,
    materials,
    registration_deadlines,
    stage,
    stage_deadline,
    stages,
    status_valid_until,
)

WK, OF, SV, AD = "worker", "office", "supervisor", "admin"
ROLES = (WK, OF, SV, AD)
LONG_AGO = date(2026, 1, 5)
TODAY = date(2026, 11, 25)

# (stage, action) -> (target stage, roles allowed). Written out independently of the TOML.
EXPECTED = {
    ("applied", "submit"): ("community_review", {WK, OF, AD}),
    ("community_review", "pass_community"): ("publicity", {WK, OF, AD}),
    ("community_review", "reject"): ("rejected", {WK, OF, AD}),
    ("community_review", "return"): ("applied", {WK, OF, AD}),
    ("publicity", "end_publicity"): ("street_review", {WK, OF, AD}),
    ("publicity", "reject"): ("rejected", {WK, OF, AD}),
    ("street_review", "pass_street"): ("county_confirm", {OF, SV, AD}),
    ("street_review", "reject"): ("rejected", {OF, SV, AD}),
    ("street_review", "return"): ("community_review", {OF, SV, AD}),
    ("county_confirm", "certify"): ("certified", {SV, AD}),
    ("county_confirm", "reject"): ("rejected", {SV, AD}),
    ("county_confirm", "return"): ("street_review", {SV, AD}),
    ("certified", "start_help"): ("helping", {WK, OF, AD}),
    ("certified", "exit"): ("exited", {OF, SV, AD}),
    ("helping", "exit"): ("exited", {OF, SV, AD}),
    ("certified", "propose_exit"): ("exit_proposed", {WK, OF, AD}),
    ("helping", "propose_exit"): ("exit_proposed", {WK, OF, AD}),
    ("exit_proposed", "approve_exit"): ("exited", {OF, SV, AD}),
    ("exit_proposed", "refuse_exit"): ("helping", {OF, SV, AD}),
}
STAGE_CODES = [
    "applied",
    "community_review",
    "publicity",
    "street_review",
    "county_confirm",
    "certified",
    "helping",
    "exit_proposed",
    "exited",
    "rejected",
]
ACTION_CODES = sorted({a for _, a in EXPECTED})


def _apply(stage, action, role, today=TODAY):
    return apply_action(
        stage,
        action,
        role,
        today,
        exit_reason="employed" if action in ("exit", "propose_exit") else None,
        note="意见：材料不全" if action in ("reject", "return", "refuse_exit") else "",
        publicity_started_on=LONG_AGO,
        evidence={"business_registration": "92140105MA0X", "started_on": "2026-11-02"},
    )


def test_stages_in_order_with_limits():
    got = {s.code: s for s in stages()}
    assert list(got) == STAGE_CODES
    assert got["community_review"].name_zh == "社区初审"
    assert got["community_review"].limit_workdays == 7
    assert (got["publicity"].limit_workdays, got["publicity"].min_workdays) == (None, 7)
    assert got["street_review"].limit_workdays == 7
    assert got["county_confirm"].limit_workdays == 10
    assert got["county_confirm"].responsible == "supervisor"
    assert [s.step for s in stages()][:1] == ["申请"]


def test_the_limit_each_stage_is_held_to():
    held = {s.code: limit_stage(s.code) for s in stages()}
    assert held["applied"] is held["community_review"] == stage("community_review")  # limit_of: 初审 from applying
    assert held["exit_proposed"].limit_workdays == 5
    assert {code for code, s in held.items() if s is None} == {"publicity", "certified", "helping", "exited",
                                                              "rejected"}


def test_edge_table_matches_data():
    data = {(a.from_stage, a.code): (a.to_stage, set(a.roles)) for a in actions()}
    assert data == EXPECTED


@pytest.mark.parametrize("stage", STAGE_CODES)
@pytest.mark.parametrize("role", ROLES)
def test_allowed_actions(stage, role):
    got = sorted(a.code for a in allowed_actions(stage, role))
    want = sorted(a for (s, a), (_, roles) in EXPECTED.items() if s == stage and role in roles)
    assert got == want


@pytest.mark.parametrize("stage", STAGE_CODES)
@pytest.mark.parametrize("action", ACTION_CODES)
@pytest.mark.parametrize("role", ROLES)
def test_apply_every_combination(stage, action, role):
    expected = EXPECTED.get((stage, action))
    if expected is not None and role in expected[1]:
        t = _apply(stage, action, role)
        assert (t.from_stage, t.to_stage, t.action, t.stage_started_on) == (stage, expected[0], action, TODAY)
        return
    with pytest.raises(WorkflowError) as err:
        _apply(stage, action, role)
    if expected is None:
        assert "环节不能执行" in str(err.value)
    else:
        assert "无权在" in str(err.value)


def test_error_messages_are_specific():
    with pytest.raises(
        WorkflowError, match=r"^社区就业专干无权在「县人社审核确认」环节执行「审核确认（认定）」$"
    ):
        apply_action("county_confirm", "certify", WK, TODAY)
    with pytest.raises(WorkflowError, match=r"^「社区初审」环节不能执行「审核确认（认定）」$"):
        apply_action("community_review", "certify", SV, TODAY)
    with pytest.raises(WorkflowError, match="未知操作：fly"):
        apply_action("applied", "fly", AD, TODAY)
    with pytest.raises(WorkflowError, match="未知环节：nowhere"):
        apply_action("nowhere", "submit", AD, TODAY)
    with pytest.raises(WorkflowError, match="「不予通过」须填写意见"):
        apply_action("street_review", "reject", OF, TODAY, note="   ")


def test_deadlines_across_national_day():
    t = apply_action("applied", "submit", WK, date(2026, 9, 30))
    # 10-01..07 holiday; 10-10 (Sat) is a 调休 workday.
    assert t.due_on == date(2026, 10, 15)
    assert not t.estimated
    t = apply_action("street_review", "pass_street", OF, date(2026, 9, 29))
    assert t.due_on == date(2026, 10, 19)  # 10 working days
    assert stage_deadline("community_review", date(2026, 9, 30), date(2026, 10, 16)).remaining_workdays == -1
    assert stage_deadline("publicity", date(2026, 9, 30), date(2026, 10, 16)) is None


def test_publicity_minimum():
    t = apply_action("community_review", "pass_community", WK, date(2026, 9, 28))
    assert t.to_stage == "publicity"
    assert t.due_on is None
    assert t.earliest_next_on == date(2026, 10, 13)
    with pytest.raises(WorkflowError, match=r"^公示未满7个工作日（已公示 6 个工作日，2026-10-13 起可结束）$"):
        apply_action(
            "publicity", "end_publicity", WK, date(2026, 10, 12), publicity_started_on=date(2026, 9, 28)
        )
    with pytest.raises(WorkflowError, match="请提供公示开始日期"):
        apply_action("publicity", "end_publicity", WK, date(2026, 10, 13))
    t = apply_action(
        "publicity", "end_publicity", WK, date(2026, 10, 13), publicity_started_on=date(2026, 9, 28)
    )
    assert t.to_stage == "street_review"
    assert t.due_on == date(2026, 10, 22)
    # An objection during publicity may reject at once: the minimum is not a wait for that.
    t = apply_action("publicity", "reject", WK, date(2026, 9, 29), note="群众反映已在外地就业")
    assert t.to_stage == "rejected"


def test_exit_reasons_data():
    reasons = exit_reasons()
    assert [r.code for r in reasons] == [
        "employed",
        "retired",
        "incapacitated",
        "school_army_abroad",
        "refused_service",
        "lost_contact",
        "zero_household_employed",
        "other",
    ]
    assert reasons[0].name_zh == "已就业/创业"
    assert reasons[4].name_zh == "无正当理由3次以上拒绝服务"
    assert [r.code for r in reasons if r.needs_note] == ["other"]


def test_exit_requires_valid_reason():
    with pytest.raises(WorkflowError, match="退出须选择退出原因"):
        apply_action("helping", "exit", OF, TODAY)
    with pytest.raises(WorkflowError, match="无效的退出原因：bored"):
        apply_action("helping", "exit", OF, TODAY, exit_reason="bored")
    with pytest.raises(WorkflowError, match="退出原因「其他（需说明）」须填写说明"):
        apply_action("helping", "exit", OF, TODAY, exit_reason="other")
    t = apply_action("helping", "exit", OF, TODAY, exit_reason="other", note=" 本人申请退出 ")
    assert (t.to_stage, t.exit_reason, t.note, t.due_on) == ("exited", "other", "本人申请退出", None)
    t = apply_action("certified", "exit", SV, TODAY, exit_reason="lost_contact")
    assert t.exit_reason == "lost_contact"
    with pytest.raises(WorkflowError, match="不需要退出原因"):
        apply_action("applied", "submit", WK, TODAY, exit_reason="employed")


def test_due_in_unknown_year_is_estimated():
    t = apply_action("applied", "submit", WK, date(2026, 12, 28))
    assert t.estimated
    assert t.calendar_note == "2027年节假日安排未知，按周一至周五估算"


def test_materials():
    names = [m.name_zh for m in materials("dibao")]
    assert names == [
        "居民身份证",
        "户口簿或居住证",
        "《山西省就业困难人员认定情况表》",
        "城镇最低生活保障证明（低保证）",
        "《申请认定就业困难人员承诺书》",
    ]
    assert [m.category_proof for m in materials("dibao")] == [False, False, False, True, False]
    assert "残疾人证或残疾军人证" in [m.name_zh for m in materials("disabled")]
    assert "退役证明" in [m.name_zh for m in materials("veteran")]
    assert any("学历证明" in m.name_zh for m in materials("graduate"))
    for code, _ in category_names():
        assert any(m.category_proof for m in materials(code)), code
    with pytest.raises(WorkflowError, match="未知认定类别"):
        materials("astronaut")


def test_registration_deadlines():
    d = registration_deadlines(date(2026, 9, 30), today=date(2026, 10, 8))
    assert d["handle"].due == date(2026, 10, 10)  # the 调休 Saturday counts
    assert d["contact"].due == date(2026, 10, 13)
    assert d["handle"].remaining_workdays == 2 and not d["handle"].overdue


def test_application_deadline():
    d = application_deadline(date(2026, 9, 30), today=date(2026, 10, 12))
    assert d.due == date(2026, 10, 10)
    assert d.overdue and d.remaining_workdays == -1
    assert not application_deadline(date(2026, 9, 30), today=date(2026, 10, 10)).overdue


def test_status_valid_until():
    assert status_valid_until(date(2024, 3, 1)) == date(2027, 2, 28)
    assert status_valid_until(date(2026, 11, 25)) == date(2029, 11, 24)
