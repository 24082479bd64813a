"""End to end over a real platform server: the platform imports a social-insurance feed and a pushed
registration application; after sync the worker's to-do shows both with their dates; the worker accepts
the application and confirms the hit; the results reach the platform, and the street supervisor sees an
application left overdue."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from app.collection import Collection
from app.ops.matching import confirm_hit
from app.ops.registrations import accept_application
from app.queries.todo import todo
from app.rules.idcard import make_id
from sync.server.cli import main as platform_main
from sync.server.db import make_engine, reading, records
from tests.matching.conftest import COMMUNITY, REGISTERED, add_people, si_rows, write_csv, write_xlsx
from tests.sync.support import PASSPHRASE, Laptop, assert_converged, start_server

DAY = dt.date(2026, 11, 25)  # Wednesday


def _laptop(tmp_path: Path, name: str, url: str, user: dict) -> Laptop:
    col = Collection.create(tmp_path / f"{name}.db", PASSPHRASE, user=user)
    return Laptop(tmp_path / f"{name}.db", user["name"], url, col)


def _platform(db_url: str, kind: str) -> dict[str, dict]:
    eng = make_engine(db_url)
    try:
        with reading(eng) as conn:
            return {r.id: r.data for r in conn.execute(select(records).where(records.c.kind == kind))}
    finally:
        eng.dispose()


def test_feed_and_pushed_application_reach_the_worker_and_back(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'platform.db'}"
    server = start_server(db_url)
    worker = _laptop(tmp_path, "worker", server.url, {"name": "zhangli", "display_name": "张丽",
                                                      "role": "worker", "areas": [COMMUNITY]})
    supervisor = _laptop(tmp_path, "street", server.url, {"name": "wangjun", "display_name": "王军",
                                                          "role": "supervisor", "areas": ["140105001000"]})
    try:
        ids = add_people(worker.col)
        assert worker.sync().ok

        # The province's feeds, imported on the platform.
        feed = write_xlsx(tmp_path / "参保.xlsx", si_rows())
        assert platform_main(["import", str(feed), "--feed", "social-insurance", "--db", db_url]) == 0
        newcomer = make_id("140105", dt.date(1996, 2, 3), 71)
        pushed = write_csv(tmp_path / "部推申请.csv", [
            ["SQ20261124001", "王登记", REGISTERED, "2026-11-24", ""],
            ["SQ20261118002", "孙新来", newcomer, "2026-11-18", COMMUNITY],  # due 11-23: overdue on DAY
        ], "gbk", header=["失业登记申请编号", "姓名", "身份证号码", "推送日期", "社区代码"])
        assert platform_main(["import", str(pushed), "--feed", "registration-application", "--db", db_url]) == 0

        report = worker.sync()
        assert report.ok, report.errors
        regs = sorted((i for i in todo(worker.col, DAY) if i.kind == "registration"), key=lambda i: i.detail)
        assert [(i.title, i.due_on, i.overdue) for i in regs] == [
            ("孙新来", dt.date(2026, 11, 23), True), ("王登记", dt.date(2026, 11, 27), False)]
        assert regs[1].person_id == ids["registered"] and "剩余 2 个工作日" in regs[1].due_text
        hits = [i for i in todo(worker.col, DAY) if i.kind == "match"]
        assert {i.person_id for i in hits} == {ids["registered"], ids["helping"]}
        assert all(i.due_on == dt.date.today() and i.detail.startswith("社保参保：") for i in hits)  # found on the day of the platform import

        # The worker acts: accepts one application, confirms the certified person's hit.
        app_id = regs[1].record_id
        assert accept_application(worker.col, app_id, today=DAY) == ids["registered"]
        (hit,) = [i for i in hits if i.person_id == ids["helping"]]
        confirm_hit(worker.col, hit.record_id, today=DAY)
        report = worker.sync()
        assert report.ok and report.rejected == 0 and report.conflicts == 0, report.errors

        on_platform = _platform(db_url, "registration_application")[app_id]
        assert (on_platform["status"], on_platform["person_id"]) == ("accepted", ids["registered"])
        assert on_platform["contact_due_on"] == "2026-12-02"
        assert _platform(db_url, "match_hit")[hit.record_id]["status"] == "confirmed"
        assert _platform(db_url, "person")[ids["helping"]]["employment_status"] == "employed"
        assert _platform(db_url, "assistance_case")[ids["case"]]["stage"] not in ("helping", "certified")
        assert_converged(server.url, worker)

        # The street supervisor sees the application nobody handled, overdue.
        assert supervisor.sync().ok
        overdue = [i for i in todo(supervisor.col, DAY) if i.kind == "registration" and i.overdue]
        assert [i.title for i in overdue] == ["孙新来"]
    finally:
        worker.col.close()
        supervisor.col.close()
        server.stop()
