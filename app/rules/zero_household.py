"""零就业家庭 dynamic clearing (动态清零): open until at least one member is employed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class MemberEmployment:
    working_age: bool
    able_willing: bool  # able and willing to work
    employed: bool


@dataclass(frozen=True, slots=True)
class ZeroStatus:
    is_zero: bool  # still a zero-employment household
    cleared: bool  # at least one member employed
    days_open: int  # calendar days from flagging to clearing (or to today)
    text_zh: str


def zero_status(
    members: list[MemberEmployment],
    flagged_on: date,
    today: date,
    cleared_on: date | None = None,
) -> ZeroStatus:
    """Status of a household flagged as 零就业 on ``flagged_on``.

    ``cleared_on`` (when known) stops the clock; otherwise it runs to ``today``.
    """
    employed = sum(m.employed for m in members)
    cleared = employed > 0
    end = cleared_on if cleared and cleared_on is not None else today
    days = max(0, (end - flagged_on).days)
    if cleared:
        return ZeroStatus(False, True, days, f"已动态清零：{employed} 名成员已就业（历时 {days} 天）")
    if not any(m.working_age and m.able_willing for m in members):
        # Nobody who could work: not (or no longer) a zero-employment household to help.
        text = "家中无劳动年龄内有劳动能力和就业意愿的成员，不属于零就业家庭"
        return ZeroStatus(False, False, days, text)
    return ZeroStatus(True, False, days, f"零就业家庭，已持续 {days} 天未清零")
