"""Intake end to end with two real encrypted stores and the real reference server on 127.0.0.1.

1. A worker registers a household, records the facts, applies for 大龄失业人员 with a photo of the ID card, submits
   for 初审 and syncs; the supervisor sees the application with its photo (bytes verified) and approves the 初审
   submission; after the worker's sync the approval is on the worker's laptop.
2. The same person registered on two laptops offline: after sync the platform reports the duplicate ID, one
   laptop shows both records and merges them (visits, services and plans of both kept); per-kind digests of both
   laptops equal the server's afterwards.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app import ops
from app.queries import reviews
from app.queries.applications import attachment_bytes, case_materials
from app.queries.people import duplicate_groups, merge_candidates
from app.rules.idcard import make_id
from tests.intake.test_apply import png_bytes
from tests.sync.support import COMMUNITY, FAST_RETRY, PASSWORD, assert_converged, make_laptop, start_server

pytestmark = pytest.mark.slow
TODAY = dt.date.today()


@pytest.fixture
def server(tmp_path: Path):
    handle = start_server(f"sqlite:///{tmp_path / 'platform.db'}")
    yield handle
    handle.stop()


def _synced(lap) -> None:
    report = lap.sync()
    assert report.ok, report.errors
    assert lap.pending() == 0


def _register(col, name: str, number: str, phone: str) -> str:
    _hid, (pid,) = ops.people.register_household(col, area_code=COMMUNITY, household={"address": "坞城南路 9 号"},
                                                 members=[{"name": name, "id_number": number, "phone": phone}],
                                                 today=TODAY)
    return pid


def test_worker_applies_supervisor_sees_photo_and_approves(tmp_path: Path, server) -> None:
    worker = make_laptop(tmp_path, "worker", server.url)
    supervisor = make_laptop(tmp_path, "supervisor", server.url, user="wangjun")
    try:
        _synced(worker)  # the platform tells the laptop its user's role and name
        pid = _register(worker.col, "卫淑珍", make_id("140105", TODAY.replace(year=TODAY.year - 47), 20), "13900001111")
        ops.people.update_person(worker.col, pid, {
            "hukou_in_shanxi": True, "registered_unemployed_on": TODAY - dt.timedelta(days=200),
            "employment_status": "unemployed", "state_or_collective_enterprise": True}, today=TODAY)
        cid = ops.applications.apply(worker.col, pid, category="older", today=TODAY)
        photo = png_bytes()
        ops.applications.attach_material(worker.col, cid, "id_card", "身份证.png", "image/png", photo)
        rest = {r.code: True for r in case_materials(worker.col, pid).rows}
        ops.cases.save_materials(worker.col, cid, rest)
        ops.cases.workflow_action(worker.col, cid, "submit", today=TODAY)
        _synced(worker)

        _synced(supervisor)
        assert supervisor.col.user["role"] == "supervisor"
        part = case_materials(supervisor.col, pid)
        assert part is not None and part.case["stage"] == "community_review" and part.missing == []
        (att,) = part.rows[0].attachments
        assert attachment_bytes(supervisor.col, att["id"]) == ("image/png", photo)
        steps = {i.id: i for i in reviews.queue(supervisor.col, TODAY) if i.kind == "case_step"}
        (submit,) = [s for s in supervisor.col.records.children("case_step", "case_id", cid)
                     if s["action"] == "submit"]
        assert submit["id"] in steps and steps[submit["id"]].worker != "zhangli"  # shown by name
        ops.reviews.approve(supervisor.col, "case_step", submit["id"], "初审材料齐全，同意")
        _synced(supervisor)

        _synced(worker)
        assert [r["decision"] for r in reviews.reviews_of(worker.col, submit["id"])] == ["approved"]
        assert worker.col.records.get("assistance_case", cid)["stage"] == "community_review"
        assert_converged(server.url, worker, supervisor)
    finally:
        worker.col.close()
        supervisor.col.close()


def test_same_person_on_two_laptops_is_reported_and_merged(tmp_path: Path, server) -> None:
    from sync.client import Transport

    a = make_laptop(tmp_path, "laptop_a", server.url)
    b = make_laptop(tmp_path, "laptop_b", server.url)
    try:
        number = make_id("140105", dt.date(1979, 8, 8), 44)
        pa = _register(a.col, "蒋文华", number, "13911112222")
        pb = _register(b.col, "蒋文华", number[:6] + number[8:17], "13733334444")  # typed in its old 15-digit form
        visit = {"visited_on": TODAY, "employment_status": "unemployed", "employment_intention": "有意愿，希望尽快就业",
                 "service_needs": ["岗位推荐"], "members": []}
        ops.visits.record_visit(a.col, pa, visit, [{"kind": "policy_consultation"}], today=TODAY)
        ops.visits.record_visit(b.col, pb, visit, [{"kind": "career_guidance"}], today=TODAY)
        ops.plans.save_help_plan(b.col, pb, {"difficulty_type": "年龄偏大", "difficulty_degree": "一般",
                                             "measures": []})
        for lap in (a, b, a):
            _synced(lap)

        t = Transport(server.url, username="wangjun", password=PASSWORD, retry=FAST_RETRY)
        try:
            (dup,) = t.get_json("/duplicates", params={"area": COMMUNITY})
        finally:
            t.close()
        assert dup["id_number"] == number and {p["id"] for p in dup["persons"]} == {pa, pb}

        assert [sorted(g) for g in duplicate_groups(a.col)] == [sorted([pa, pb])]
        side_by_side = merge_candidates(a.col, [pa, pb])
        assert [c.person["phone"] for c in side_by_side] == ["13911112222", "13733334444"]
        ops.people.merge_persons(a.col, pa, pb, chosen={"phone": "13733334444"})
        _synced(a)
        _synced(b)

        for lap in (a, b):
            col = lap.col
            assert col.records.get("person", pb)["deleted"] and col.records.get("person", pa)["phone"] == "13733334444"
            assert len(col.records.children("visit", "person_id", pa)) == 2
            assert sorted(s["kind"] for s in col.records.children("service", "person_id", pa)) == [
                "career_guidance", "policy_consultation"]
            assert len(col.records.children("help_plan", "person_id", pa)) == 1
            assert duplicate_groups(col) == []
        assert_converged(server.url, a, b)
        t = Transport(server.url, username="wangjun", password=PASSWORD, retry=FAST_RETRY)
        try:
            assert t.get_json("/duplicates", params={"area": COMMUNITY}) == []
        finally:
            t.close()
    finally:
        a.col.close()
        b.col.close()
