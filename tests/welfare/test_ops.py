"""公益性岗位 operations on a real encrypted store: every change audited and queued for sync, bad input
refused in Chinese with nothing written."""

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.ops import ValidationError
from app.ops import welfare_jobs as ops
from app.store.tables import audit, outbox
from tests.welfare.conftest import STREET, certified, not_certified

D = dt.date
POST = {"employer": "坞城街道办事处", "post_name": "社区保洁员", "post_type": "sanitation", "capacity": 2,
        "funding": "employment_fund", "developed_on": "2026-01-05"}


def _count(col, table) -> int:
    with col.records.reading() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar())


def _young(col, category=None):
    """Certified people far from retirement (the subsidy period is then 3 years)."""
    return [p for p in certified(col, category) if p["id_number"][6:10] >= "1975"]


def test_post_placement_leave_and_vacancy_report_are_audited_and_queued(office):
    before_audit, before_outbox = _count(office, audit), _count(office, outbox)
    post = ops.develop_post(office, POST, area_code=STREET)
    person = _young(office)[0]
    pl = ops.place_person(office, post, person["id"], "2026-02-01")
    rec = office.records.get("welfare_placement", pl)
    assert rec["area_code"] == person["area_code"]  # scoped like the person, so their worker sees it
    assert (rec["sequence"], rec["first_approved_on"], rec["subsidy_until"]) == (1, D(2026, 2, 1), D(2029, 1, 31))
    assert rec["employer"] == "坞城街道办事处" and rec["category"] == person["category"]
    report = ops.end_placement(office, pl, "2026-06-30", "market_job")
    vr = office.records.get("welfare_vacancy_report", report)
    assert vr["area_code"] == STREET and vr["vacant_on"] == D(2026, 6, 30) and vr["due_on"] == D(2026, 7, 7)
    ops.report_vacancy(office, report, "2026-07-02")
    assert office.records.get("welfare_vacancy_report", report)["reported_by"] == "赵芳"
    other = _young(office)[1]
    ops.place_person(office, post, other["id"], "2026-07-10")
    assert office.records.get("welfare_vacancy_report", report)["filled_on"] == D(2026, 7, 10)
    assert _count(office, audit) - before_audit == 7  # post, placement, end, report, reported, placement, filled
    with office.records.reading() as conn:
        kinds = [r[0] for r in conn.execute(select(outbox.c.kind).order_by(outbox.c.seq))][before_outbox:]
    assert kinds.count("welfare_placement") == 3 and "welfare_vacancy_report" in kinds


def test_only_people_on_the_certified_list_are_placed(office):
    post = ops.develop_post(office, POST, area_code=STREET)
    with pytest.raises(ValidationError, match="不在已认定的就业困难人员名单中"):
        ops.place_person(office, post, not_certified(office)["id"], "2026-02-01")
    assert office.records.children("welfare_placement", "post_id", post) == []


def test_capacity_and_the_two_placement_cap(office):
    post = ops.develop_post(office, {**POST, "capacity": 1}, area_code=STREET)
    a, b = (_young(office, "zero_household") or certified(office, "zero_household"))[0], _young(office)[-1]
    pl = ops.place_person(office, post, a["id"], "2025-01-01")
    with pytest.raises(ValidationError, match="名额已满"):
        ops.place_person(office, post, b["id"], "2025-02-01")
    ops.end_placement(office, pl, "2025-06-30", "resigned")
    second = ops.place_person(office, post, a["id"], "2025-07-01")
    rec = office.records.get("welfare_placement", second)
    assert rec["sequence"] == 2 and rec["first_approved_on"] == D(2025, 1, 1)  # the period is not restarted
    assert rec["subsidy_until"] == D(2027, 12, 31)
    ops.end_placement(office, second, "2025-12-31", "resigned")
    with pytest.raises(ValidationError, match="累计安置不超过 2 次"):
        ops.place_person(office, post, a["id"], "2026-01-05")


def test_worker_cannot_manage_posts(office):
    office.set_user({"name": "zhangli", "display_name": "张丽", "role": "worker", "areas": ["140105001001"]})
    with pytest.raises(ValidationError, match="社区专干只能查看"):
        ops.develop_post(office, POST, area_code="140105001001")


def test_bad_post_input_writes_nothing(office):
    n = _count(office, audit)
    with pytest.raises(ValidationError) as err:
        ops.develop_post(office, {**POST, "employer": " ", "capacity": 0, "post_type": "x",
                                  "developed_on": "2026/1/5"}, area_code=STREET)
    assert set(err.value.errors) == {"employer", "capacity", "post_type", "developed_on"}
    assert _count(office, audit) == n


def _placed(office, start="2026-01-10"):
    post = ops.develop_post(office, POST, area_code=STREET)
    person = _young(office)[0]
    return person, ops.place_person(office, post, person["id"], start)


def test_claim_held_for_an_unpaid_month_and_passes_once_paid_and_tax_checked(office):
    person, pl = _placed(office)
    ops.import_paid_months(office, [{"id_number": person["id_number"], "month": m}
                                    for m in ("2026-04", "2026-06")], source="社保.xlsx", today=D(2026, 7, 5))
    claim = ops.create_claim(office, pl, "social_insurance", "quarter", "2026-04", "1,234.50",
                             today=D(2026, 7, 5))
    rec = office.records.get("welfare_claim", claim)
    assert rec["status"] == "held" and rec["amount_cents"] == 123450
    assert rec["hold_reasons"] == ["2026-05 未查到社会保险缴费记录", "未完成个人纳税情况人工核查"]
    assert ops.record_tax_check(office, claim, "normal", "2026-07-06", today=D(2026, 7, 6)) == "held"
    rec = office.records.get("welfare_claim", claim)
    assert rec["tax_checked_by"] == "赵芳" and rec["hold_reasons"] == ["2026-05 未查到社会保险缴费记录"]
    result = ops.import_paid_months(office, [{"id_number": person["id_number"], "month": "2026-05"},
                                             {"id_number": person["id_number"], "month": "2026-04"}],
                                    source="补缴.csv")
    assert result["added"] == 1  # 2026-04 was already stored
    assert ops.recheck_claim(office, claim, today=D(2026, 7, 8)) == "passed"
    assert office.records.get("welfare_claim", claim)["hold_reasons"] == []


def test_claim_refused_twice_for_the_same_month(office):
    _person, pl = _placed(office)
    ops.create_claim(office, pl, "post", "month", "2026-03", 1850)
    with pytest.raises(ValidationError, match="2026-03 已申领过"):
        ops.create_claim(office, pl, "post", "quarter", "2026-01", 5550)
    ops.create_claim(office, pl, "social_insurance", "month", "2026-03", 400)  # the other subsidy is fine


def test_tax_check_finding_income_holds_the_claim(office):
    person, pl = _placed(office)
    ops.import_paid_months(office, [{"id_number": person["id_number"], "month": "2026-02"}], source="x")
    claim = ops.create_claim(office, pl, "post", "month", "2026-02", "1850")
    assert ops.record_tax_check(office, claim, "other_income", "2026-03-01") == "held"
    assert office.records.get("welfare_claim", claim)["hold_reasons"] == ["个人纳税核查：有其他单位工资薪金收入"]


def test_paid_months_for_unknown_people_are_reported_not_stored(office):
    result = ops.import_paid_months(office, [{"id_number": "110105194912310021", "month": "2026-01"}],
                                    source="x")
    assert result == {"added": 0, "rows": 1, "unknown_ids": ["110105194912310021"]}


def test_a_post_is_withdrawn_only_when_empty(office):
    post = ops.develop_post(office, {**POST, "capacity": 1}, area_code=STREET)
    pl = ops.place_person(office, post, _young(office)[0]["id"], "2026-02-01")
    with pytest.raises(ValidationError, match="还有 1 人在岗"):
        ops.close_post(office, post, "2026-03-01")
    ops.end_placement(office, pl, "2026-02-28", "subsidy_expired")
    ops.close_post(office, post, "2026-03-01")
    assert office.records.get("welfare_post", post)["closed_on"] == D(2026, 3, 1)
    with pytest.raises(ValidationError, match="该岗位已撤销"):
        ops.place_person(office, post, _young(office)[1]["id"], "2026-03-05")
