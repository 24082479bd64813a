from datetime import date

from app.rules.followups import evaluation_due, is_followup_on_time, schedule_after_employment


def test_schedule_after_employment():
    plan = schedule_after_employment(date(2026, 1, 31))
    assert [(p.kind, p.due_on, p.label_zh) for p in plan] == [
        ("adaptation", date(2026, 2, 7), "适应期回访（入职第7天）"),
        ("adaptation", date(2026, 3, 2), "适应期回访（入职第30天）"),
        ("stabilization", date(2026, 3, 31), "稳定期回访（入职第2个月）"),  # 31 Mar exists
        ("stabilization", date(2026, 4, 30), "稳定期回访（入职第3个月）"),  # no 31 Apr: month end
        ("stabilization", date(2026, 5, 31), "稳定期回访（入职第4个月）"),
        ("stabilization", date(2026, 6, 30), "稳定期回访（入职第5个月）"),
        ("stabilization", date(2026, 7, 31), "稳定期回访（入职第6个月）"),
    ]
    assert [p.due_on for p in plan] == sorted(p.due_on for p in plan)


def test_evaluation_due():
    assert evaluation_due(date(2027, 2, 28)) == date(2027, 1, 29)


def test_is_followup_on_time_uses_working_days():
    due = date(2026, 9, 30)
    # Grace of 3 working days from data: 10-08, 10-09, 10-10 (调休 Saturday).
    assert is_followup_on_time(due, date(2026, 10, 10))
    assert not is_followup_on_time(due, date(2026, 10, 12))
    assert is_followup_on_time(due, date(2026, 9, 1))  # early contact is never a lapse
    assert is_followup_on_time(due, due, grace_workdays=0)
    assert not is_followup_on_time(due, date(2026, 10, 8), grace_workdays=0)
