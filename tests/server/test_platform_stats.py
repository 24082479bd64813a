"""Stats equal app.stats' format for the same records; the CLI: user add, stats --json, migrate."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from platform_api import COMMUNITY_A, COMMUNITY_A2, COMMUNITY_B, make_op

from app.model.kinds import KINDS
from app.stats import kind_stats
from sync.server import server_stats
from sync.server.cli import main
from sync.server.db import make_engine
from sync.server.testing import run_server_in_thread

ROOT = Path(__file__).resolve().parents[2]


def _laptop_view(changes: list[dict]) -> dict:
    """What a laptop holding exactly these pulled records reports (app.stats over flat records)."""
    by_kind: dict[str, list[dict]] = {k: [] for k in KINDS}
    for c in changes:
        by_kind[c["kind"]].append({"id": c["id"], "area_code": c["area_code"], "version": c["version"],
                                   "deleted": c["deleted"], **c["fields"]})
    return {"kinds": {k: kind_stats(recs, k) for k, recs in by_kind.items()}}


def test_stats_match_laptop_format(login, server, db_url) -> None:
    zhang, liu, sup = login("zhangli"), login("liuqiang"), login("wangjun")
    zhang.push(
        make_op(fields={"area_code": COMMUNITY_A, "name": "统计一", "ui_contribution_months": 3,
                        "registered_unemployed_on": "2024-03-01"}),
        make_op(kind="household", fields={"area_code": COMMUNITY_A2, "zero_employment": True}),
        make_op(kind="visit", fields={"area_code": COMMUNITY_A, "members": [{"name": "x"}],
                                      "service_needs": ["职业指导"]}),
    )
    doomed = zhang.push_one(fields={"area_code": COMMUNITY_A, "name": "将删除"})
    zhang.push_one(id=doomed["record"]["id"], base_version=doomed["version"], op="delete")
    liu.push_one(fields={"area_code": COMMUNITY_B, "name": "另一社区"})
    street = "140105001000"
    r = sup.http.get(f"{server.url}/api/v1/stats", params={"area": street})
    assert r.status_code == 200
    stats = r.json()
    changes, _ = sup.pull_all()
    assert stats == _laptop_view(changes)
    assert set(stats["kinds"]) == set(KINDS)
    assert stats["kinds"]["person"]["count"] == 2 and stats["kinds"]["person"]["total"] == 3
    # Narrower area: only zhangli's community.
    only_a = sup.http.get(f"{server.url}/api/v1/stats", params={"area": COMMUNITY_A}).json()
    assert only_a == _laptop_view([c for c in changes if c["area_code"] == COMMUNITY_A])
    engine = make_engine(db_url)
    try:
        assert server_stats(engine, street) == stats
    finally:
        engine.dispose()
    # Workers may not; supervisors only inside their own scope.
    assert zhang.http.get(f"{server.url}/api/v1/stats", params={"area": COMMUNITY_A}).status_code == 403
    assert sup.http.get(f"{server.url}/api/v1/stats", params={"area": "140105000000"}).status_code == 403


def _cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sync.server.cli", *args], cwd=ROOT, capture_output=True,
                          text=True, env=env, timeout=60)


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_cli_migrate_area_user_stats(tmp_path, request, backend, monkeypatch, capsys) -> None:
    url = (f"sqlite:///{tmp_path / 'cli.db'}" if backend == "sqlite"
           else request.getfixturevalue("pg_server").create_database())
    # The console script as a real process once; the other commands in-process (same main()).
    migrated = _cli("migrate", "--db", url)
    assert migrated.returncode == 0, migrated.stderr
    assert main(["migrate", "--db", url]) == 0  # idempotent
    assert main(["area", "add", "140105001009", "测试社区", "--level", "community", "--parent", "140105001000",
                 "--db", url]) == 2  # parent unknown before the demo areas exist
    capsys.readouterr()
    assert main(["seed-demo", "--db", url]) == 0
    assert json.loads(capsys.readouterr().out)["users"] == 6
    assert main(["area", "add", "140105001009", "测试社区", "--level", "community", "--parent", "140105001000",
                 "--db", url]) == 0
    monkeypatch.setenv("OUTREACH_PLATFORM_PASSWORD", "s3cret-pass")
    assert main(["user", "add", "tester", "--role", "worker", "--area", "140105001009", "--display-name", "测试员",
                 "--db", url]) == 0
    assert main(["user", "add", "tester", "--role", "worker", "--area", "140105001009", "--db", url]) == 1
    assert main(["user", "add", "t2", "--role", "worker", "--area", "999999999999", "--db", url]) == 2
    out = capsys.readouterr()
    assert "s3cret-pass" not in out.out + out.err

    with run_server_in_thread(url) as srv:
        r = requests.post(f"{srv.url}/api/v1/auth/login",
                          json={"username": "tester", "password": "s3cret-pass", "device_id": "d"})
        assert r.status_code == 200 and r.json()["user"]["areas"] == ["140105001009"]
        push = requests.post(f"{srv.url}/api/v1/sync/push", headers={"Authorization": f"Bearer {r.json()['token']}"},
                             json={"device_id": "d", "ops": [make_op(fields={"area_code": "140105001009"})]})
        assert push.json()["results"][0]["status"] == "applied"

    assert main(["stats", "--db", url, "--area", "140105001000", "--json"]) == 0
    printed = capsys.readouterr().out
    engine = make_engine(url)
    try:
        expected = server_stats(engine, "140105001000")
    finally:
        engine.dispose()
    assert printed == json.dumps(expected, ensure_ascii=False, sort_keys=True) + "\n"
    assert json.loads(printed)["kinds"]["person"]["count"] == 1
