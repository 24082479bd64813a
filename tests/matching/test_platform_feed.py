"""The platform imports the province's feeds: hits for the people it holds (the same ids the laptop makes for
the same event), pushed applications with their deadlines, anomalies; bad feeds import nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from app.matching.match import Candidate, find_hits
from app.matching.reader import read_source
from sync.server.cli import main as platform_main
from sync.server.db import make_engine, reading, records
from sync.server.feeds import import_feed
from sync.server.importer import ImportFailed, import_records
from sync.server.migrate import upgrade
from tests.matching.conftest import COMMUNITY, EMPLOYED, HELPING, REGISTERED, si_rows, write_csv, write_xlsx
from tests.pg import pg_server  # noqa: F401 - session fixture (PostgreSQL runs)

TODAY = dt.date(2026, 11, 25)
PEOPLE = {"p-reg": (REGISTERED, {"employment_status": "unemployed", "registered_unemployed_on": "2026-03-02"}),
          "p-help": (HELPING, {"employment_status": "unemployed"}),
          "p-emp": (EMPLOYED, {"employment_status": "employed", "registered_unemployed_on": "2025-01-02"})}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path: Path):  # noqa: ANN201
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'platform.db'}"
    else:
        url = request.getfixturevalue("pg_server").create_database()
    eng = make_engine(url)
    upgrade(eng)
    recs = [{"kind": "person", "id": pid, "area_code": COMMUNITY, "fields": {"name": "某", "id_number": n, **f}}
            for pid, (n, f) in PEOPLE.items()]
    recs.append({"kind": "assistance_case", "id": "c-help", "area_code": COMMUNITY,
                 "fields": {"person_id": "p-help", "stage": "helping", "certified_on": "2026-02-01"}})
    import_records(eng, recs, "seed")
    eng.url_text = url  # type: ignore[attr-defined]
    yield eng
    eng.dispose()


def _stored(engine, kind: str) -> list[dict]:  # noqa: ANN001
    with reading(engine) as conn:
        return [dict(r._mapping) for r in conn.execute(select(records).where(records.c.kind == kind)
                                                       .order_by(records.c.id))]


def test_feed_makes_hits_with_the_laptops_ids(engine, tmp_path: Path) -> None:  # noqa: ANN001
    path = write_xlsx(tmp_path / "参保.xlsx", si_rows())
    counts = import_feed(engine, path, "social-insurance", "province", today=TODAY)
    assert counts == {"rows": 5, "records": 2, "new": 2, "already": 0}
    hits = _stored(engine, "match_hit")
    assert {(h["data"]["person_id"], h["area_code"]) for h in hits} == {("p-reg", COMMUNITY), ("p-help", COMMUNITY)}
    assert all(h["data"]["status"] == "open" and h["data"]["employer"] for h in hits)
    # The laptop, matching the same file for the same people, names the same records.
    laptop = find_hits("social_insurance", read_source(path, "social_insurance").rows,
                       {REGISTERED: [Candidate("p-reg", COMMUNITY, dt.date(2026, 3, 2))],
                        HELPING: [Candidate("p-help", COMMUNITY, dt.date(2026, 2, 1))]}, TODAY)
    assert {h["id"] for h in laptop} == {h["id"] for h in hits}
    # Again: nothing new, and a hit a worker already handled is left as it is.
    assert import_feed(engine, path, "social-insurance", "province", today=TODAY)["new"] == 0


def test_bad_feed_imports_nothing(engine, tmp_path: Path) -> None:  # noqa: ANN001
    path = write_csv(tmp_path / "bad.csv", si_rows() + [[6, "甲", "140105", "某公司", "", "", "2026-01-01"]], "gbk")
    with pytest.raises(ImportFailed, match="第 7 行"):
        import_feed(engine, path, "social-insurance", "province", today=TODAY)
    assert _stored(engine, "match_hit") == []


def test_pushed_applications_and_anomalies(engine, tmp_path: Path) -> None:  # noqa: ANN001
    apps = write_csv(tmp_path / "申请.csv", [["SQ2026112500001", "王登记", REGISTERED, "2026-11-24", ""],
                                             ["SQ2026112500002", "新申请", EMPLOYED,
                                              "2026-11-25", COMMUNITY]],
                     header=["失业登记申请编号", "姓名", "身份证号码", "推送日期", "社区代码"])
    counts = import_feed(engine, apps, "registration-application", "province", today=TODAY)
    assert counts["new"] == 2
    stored = {r["data"]["application_no"]: r for r in _stored(engine, "registration_application")}
    first = stored["SQ2026112500001"]
    assert first["area_code"] == COMMUNITY and first["data"]["person_id"] == "p-reg"
    assert first["data"]["due_on"] == "2026-11-27" and first["data"]["status"] == "pending"  # 3 working days
    unknown = write_csv(tmp_path / "无社区.csv", [["SQ2026112500003", "外地人", "110101199001011237", "2026-11-25", ""]],
                        header=["失业登记申请编号", "姓名", "身份证号码", "推送日期", "社区代码"])
    with pytest.raises(ImportFailed, match="无法确定所属社区"):
        import_feed(engine, unknown, "registration-application", "province", today=TODAY)
    anomalies = write_csv(tmp_path / "异常.csv", [["YC001", REGISTERED, "王登记", "登记后 5 个工作日内未联系", "2026-11-20"]],
                          header=["异常编号", "身份证号码", "姓名", "异常描述", "反馈日期"])
    assert import_feed(engine, anomalies, "anomaly", "province", today=TODAY)["new"] == 1
    (a,) = _stored(engine, "match_anomaly")
    assert a["data"]["person_id"] == "p-reg" and a["data"]["status"] == "open"


def test_platform_command(engine, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:  # noqa: ANN001
    path = write_csv(tmp_path / "参保.csv", si_rows(), "gbk")
    assert platform_main(["import", str(path), "--feed", "social-insurance", "--db", engine.url_text]) == 0
    assert json.loads(capsys.readouterr().out)["new"] == 2
    bad = write_csv(tmp_path / "bad.csv", [[1, "甲", "123", "某公司", "", "", "2026-01-01"]])
    assert platform_main(["import", str(bad), "--feed", "social-insurance", "--db", engine.url_text]) == 2
    assert "第 2 行" in capsys.readouterr().err
