"""公益性岗位 records sync like every other record, scoped on the platform: office staff of a street write
them; the person's community worker pulls their placement (not the street's posts) and may not write any."""

import datetime as dt
from pathlib import Path

import pytest

from app.collection import Collection
from app.ops import welfare_jobs as ops
from app.rules.idcard import make_id
from tests.server.platform_api import Api, make_op
from tests.sync.support import PASSPHRASE, Laptop, assert_converged, start_server
from tests.welfare.conftest import OFFICE, STREET

COMMUNITY = "140105001001"  # zhangli's


@pytest.fixture
def url(tmp_path: Path):
    handle = start_server(f"sqlite:///{tmp_path / 'platform.db'}")
    yield handle.url
    handle.stop()


def _laptop(tmp_path: Path, name: str, url: str, user: dict) -> Laptop:
    col = Collection.create(tmp_path / f"{name}.db", PASSPHRASE, user=user)
    return Laptop(tmp_path / f"{name}.db", user["name"], url, col)


def test_office_places_worker_sees_the_placement(tmp_path: Path, url: str) -> None:
    office = _laptop(tmp_path, "office", url, OFFICE)
    worker = _laptop(tmp_path, "worker", url, {"name": "zhangli", "display_name": "张丽", "role": "worker",
                                               "areas": [COMMUNITY]})
    try:
        with office.col.records.transaction() as tx:
            hh = tx.create("household", {"address": "坞城南路 9 号"}, area_code=COMMUNITY)
            person = tx.create("person", {"household_id": hh, "name": "测试安置",
                                          "id_number": make_id("140105", dt.date(1985, 4, 1), 21)},
                               area_code=COMMUNITY)
            tx.create("assistance_case", {"person_id": person, "category": "long_term", "stage": "helping",
                                          "certified_on": dt.date(2025, 12, 1)}, area_code=COMMUNITY)
        post = ops.develop_post(office.col, {"employer": "坞城街道办事处", "post_name": "治安协管员",
                                             "post_type": "public_order", "capacity": 1,
                                             "funding": "local_budget", "developed_on": "2026-01-02"},
                                area_code=STREET)
        placement = ops.place_person(office.col, post, person, "2026-01-05")
        report = office.sync()
        assert report.ok and report.rejected == 0, report.errors

        pulled = worker.sync()
        assert pulled.ok
        seen = worker.col.records.get("welfare_placement", placement)
        assert seen is not None and seen["post_name"] == "治安协管员" and seen["employer"] == "坞城街道办事处"
        assert worker.col.records.get("welfare_post", post) is None  # the street's post is out of scope
        assert_converged(url, office, area=STREET)
        assert_converged(url, worker, area=COMMUNITY)

        api = Api(url, "zhangli")
        results = api.push(make_op(kind="welfare_post", fields={"area_code": COMMUNITY, "employer": "x"}),
                           make_op(kind="welfare_placement", id=placement, base_version=seen["version"],
                                   fields={"end_reason": "resigned"}))
        assert [r["status"] for r in results] == ["rejected", "rejected"]
    finally:
        office.col.close()
        worker.col.close()
