"""Anomaly feedback: cause from the list (with a note), the correction, who and when; the causes report per
period and area counts what was corrected and what is still open."""

from __future__ import annotations

import datetime as dt

import pytest

from app.ops.anomalies import record_correction
from app.ops.validation import ValidationError
from app.queries.matching import anomaly_report, open_anomalies
from tests.matching.conftest import COMMUNITY, REGISTERED

OTHER = "140105001002"


def _anomaly(col, number: str, area: str = COMMUNITY, reported: dt.date = dt.date(2026, 11, 2)) -> str:  # noqa: ANN001
    return col.records.create("match_anomaly", {"anomaly_no": number, "id_number": REGISTERED, "person_name": "王登记",
                                                "problem": "登记后未按时联系", "reported_on": reported,
                                                "status": "open"}, area_code=area)


def test_correction_needs_cause_and_text(store) -> None:  # noqa: ANN001
    col, _ = store
    a = _anomaly(col, "YC1")
    with pytest.raises(ValidationError) as err:
        record_correction(col, a, "", "")
    assert set(err.value.errors) == {"cause", "correction"}
    with pytest.raises(ValidationError, match="须填写说明"):
        record_correction(col, a, "other", "已更正")
    assert col.records.get("match_anomaly", a)["status"] == "open"
    record_correction(col, a, "missing_contact", "已补充联系记录", cause_note="专干休假", today=dt.date(2026, 11, 5))
    rec = col.records.get("match_anomaly", a)
    assert (rec["cause"], rec["correction"], rec["corrected_by"], rec["corrected_on"], rec["status"]) == (
        "missing_contact", "已补充联系记录", "zhangli", dt.date(2026, 11, 5), "corrected")
    with pytest.raises(ValidationError, match="已更正"):
        record_correction(col, a, "id_typo", "再改")
    with col.records.reading() as conn:
        assert open_anomalies(conn) == []


def test_causes_report_per_period_and_area(store) -> None:  # noqa: ANN001
    col, _ = store
    nov = dt.date(2026, 11, 10)
    for n, (area, cause) in enumerate([(COMMUNITY, "id_typo"), (COMMUNITY, "id_typo"), (OTHER, "late_handling")]):
        record_correction(col, _anomaly(col, f"Y{n}", area), cause, "已更正", today=nov)
    record_correction(col, _anomaly(col, "OCT", COMMUNITY), "duplicate", "已合并", today=dt.date(2026, 10, 20))
    _anomaly(col, "OPEN", OTHER)
    with col.records.reading() as conn:
        report = anomaly_report(conn, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
        street = anomaly_report(conn, dt.date(2026, 11, 1), dt.date(2026, 11, 30), area_digits=9)
    assert report["counts"] == {(COMMUNITY, "id_typo"): 2, (OTHER, "late_handling"): 1}
    assert report["open"] == {OTHER: 1} and report["areas"] == [COMMUNITY, OTHER]
    assert street["counts"] == {("140105001", "id_typo"): 2, ("140105001", "late_handling"): 1}
    assert ("id_typo", "身份证号录入错误") in report["causes"]


def test_causes_report_as_a_table(store) -> None:  # noqa: ANN001
    from app.dashboard.model import ALL, TOTAL
    from app.matching import cause_report, sources

    col, _ = store
    nov = dt.date(2026, 11, 10)
    for n, (area, cause) in enumerate([(COMMUNITY, "id_typo"), (OTHER, "id_typo"), (OTHER, "other")]):
        record_correction(col, _anomaly(col, f"Y{n}", area), cause, "已更正", cause_note="户籍迁移", today=nov)
    _anomaly(col, "OPEN", OTHER)
    with col.records.reading() as conn:
        report = cause_report.load(conn, dt.date(2026, 11, 1), dt.date(2026, 11, 30), 12)
    fig = report.figure
    assert [c.label for c in fig.columns] == ["坞城南路社区", "东岗路社区", "合计"]
    assert [r.label for r in fig.rows][-1] == "合计" and len(fig.rows) == len(sources.anomaly_causes()) + 1
    assert fig.row("id_typo").values == {COMMUNITY: 1, OTHER: 1, TOTAL: 2}
    assert fig.row(ALL).values == {COMMUNITY: 1, OTHER: 2, TOTAL: 3} and report.corrected == 3
    assert report.still_open.values == {COMMUNITY: 0, OTHER: 1, TOTAL: 1} and report.open_total == 1
    assert cause_report.area_name("140105001") == "坞城街道" and cause_report.area_name("140199") == "140199"
