from datetime import date

from app.rules.zero_household import MemberEmployment, zero_status

FLAGGED = date(2026, 1, 1)
TODAY = date(2026, 2, 15)
IDLE = MemberEmployment(working_age=True, able_willing=True, employed=False)
WORKING = MemberEmployment(working_age=True, able_willing=True, employed=True)
CHILD = MemberEmployment(working_age=False, able_willing=False, employed=False)


def test_open_household():
    s = zero_status([IDLE, IDLE, CHILD], FLAGGED, TODAY)
    assert (s.is_zero, s.cleared, s.days_open) == (True, False, 45)
    assert s.text_zh == "零就业家庭，已持续 45 天未清零"


def test_cleared_household():
    s = zero_status([IDLE, WORKING, CHILD], FLAGGED, TODAY)
    assert (s.is_zero, s.cleared, s.days_open) == (False, True, 45)
    assert s.text_zh == "已动态清零：1 名成员已就业（历时 45 天）"
    s = zero_status([IDLE, WORKING], FLAGGED, TODAY, cleared_on=date(2026, 1, 21))
    assert s.days_open == 20


def test_no_one_able_to_work():
    s = zero_status([CHILD, MemberEmployment(True, False, False)], FLAGGED, TODAY)
    assert not s.is_zero and not s.cleared
    assert "不属于零就业家庭" in s.text_zh


def test_days_never_negative():
    assert zero_status([IDLE], date(2026, 3, 1), TODAY).days_open == 0
