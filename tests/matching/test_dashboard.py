"""The dashboard's matching figure: backlog of hits, registration timeliness and open anomalies per
community, each cell drilling down to exactly the records it counts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.dashboard.figures import drill, figure
from app.dashboard.model import ALL, TOTAL
from app.ops.matching import import_source
from app.ops.registrations import accept_application
from tests.matching.conftest import COMMUNITY, REGISTERED, TODAY, si_rows, write_csv

OTHER = "140105001002"


def test_matching_figure_and_drill_down(store, tmp_path: Path) -> None:  # noqa: ANN001
    col, _ = store
    import_source(col, write_csv(tmp_path / "参保.csv", si_rows()), "social_insurance", today=TODAY)
    late = col.records.create("registration_application", {"application_no": "SQ-LATE", "person_name": "甲",
                                                           "received_on": dt.date(2026, 11, 16), "status": "pending"},
                              area_code=OTHER)
    col.records.create("registration_application", {"application_no": "SQ-NEW", "person_name": "乙",
                                                    "received_on": TODAY, "status": "pending"}, area_code=OTHER)
    accepted = col.records.create("registration_application", {
        "application_no": "SQ-ACC", "person_name": "王登记", "id_number": REGISTERED,
        "received_on": dt.date(2026, 11, 10), "status": "pending"}, area_code=COMMUNITY)
    accept_application(col, accepted, today=dt.date(2026, 11, 11))  # contact due 11-18: overdue on TODAY
    col.records.create("match_anomaly", {"anomaly_no": "YC1", "problem": "重复登记", "status": "open"},
                       area_code=COMMUNITY)
    fig = figure(col, "matching", TODAY)
    rows = {r.key: r.values for r in fig.rows}
    assert rows[COMMUNITY] == {"hits_open": 2, "apps_pending": 0, "apps_overdue": 0, "contact_pending": 1,
                               "contact_overdue": 1, "anomalies_open": 1}
    assert rows[OTHER]["apps_pending"] == 2 and rows[OTHER]["apps_overdue"] == 1
    assert rows[ALL]["hits_open"] == 2 and rows[ALL]["apps_pending"] == 2
    (ref,) = drill(col, "matching", (OTHER, "apps_overdue"), TODAY)
    assert ref.id == late and "SQ-LATE" in ref.label
    assert len(drill(col, "matching", (ALL, TOTAL), TODAY)) == 2 + 2 + 1 + 1
    assert [r.kind for r in drill(col, "matching", (COMMUNITY, "anomalies_open"), TODAY)] == ["match_anomaly"]
    only_other = figure(col, "matching", TODAY, area=OTHER)
    assert {r.key for r in only_other.rows} == {OTHER, ALL}
