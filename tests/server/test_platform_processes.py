"""Stateless server processes: two processes on one PostgreSQL answer one laptop's interleaved requests as one
server would (a token from one works on the other, a push on one is pulled from the other, an upload started on
one resumes on the other), and ``serve --workers 2`` runs two worker processes behind one port."""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from platform_api import COMMUNITY_A, make_op

from sync.server.seed import DEMO_PASSWORD
from sync.server.testing import ProcessHandle, run_server_process

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_url(pg_server) -> Iterator[str]:  # noqa: F811 - session fixture from conftest
    url = pg_server.create_database()
    yield url
    pg_server.drop_database(url)


@pytest.fixture
def two(pg_url: str) -> Iterator[tuple[ProcessHandle, ProcessHandle]]:
    a = run_server_process(pg_url, demo=True)
    b = run_server_process(pg_url)
    yield a, b
    a.stop()
    b.stop()


def test_one_laptop_interleaved_across_two_processes(two) -> None:
    a, b = two
    s = requests.Session()
    device = f"dev-{uuid.uuid4().hex[:6]}"
    r = s.post(f"{a.url}/api/v1/auth/login",
               json={"username": "zhangli", "password": DEMO_PASSWORD, "device_id": device})
    assert r.status_code == 200
    s.headers["Authorization"] = f"Bearer {r.json()['token']}"
    assert s.get(f"{b.url}/api/v1/auth/me").json()["name"] == "zhangli"  # token made by A, honoured by B

    op = make_op(fields={"area_code": COMMUNITY_A, "name": "进程甲"})
    first = s.post(f"{b.url}/api/v1/sync/push", json={"device_id": device, "ops": [op]}).json()["results"][0]
    assert first["status"] == "applied"
    again = s.post(f"{a.url}/api/v1/sync/push", json={"device_id": device, "ops": [op]}).json()["results"][0]
    assert again["status"] == "duplicate" and again["version"] == first["version"]  # op ids are shared
    edit = make_op(id=op["id"], base_version=first["version"], fields={"phone": "13900000000"})
    second = s.post(f"{a.url}/api/v1/sync/push", json={"device_id": device, "ops": [edit]}).json()["results"][0]
    assert second["status"] == "applied" and second["version"] > first["version"]
    page = s.get(f"{b.url}/api/v1/sync/pull", params={"cursor": 0}).json()
    mine = [c for c in page["changes"] if c["id"] == op["id"]]
    assert mine and mine[0]["version"] == second["version"] and mine[0]["fields"]["phone"] == "13900000000"

    # An upload begun on A resumes on B, and the finished blob is served by A.
    data = os.urandom(300_000)
    sha = hashlib.sha256(data).hexdigest()
    put = s.put(f"{a.url}/api/v1/blobs/{sha}", data=data[:100_000],
                headers={"Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"})
    assert put.status_code == 200
    assert s.head(f"{b.url}/api/v1/blobs/{sha}").headers["Upload-Offset"] == "100000"
    put = s.put(f"{b.url}/api/v1/blobs/{sha}", data=data[100_000:],
                headers={"Upload-Offset": "100000", "Upload-Complete": "1",
                         "Content-Type": "application/offset+octet-stream"})
    assert put.status_code == 201
    got = s.get(f"{a.url}/api/v1/blobs/{sha}")
    assert got.status_code == 200 and got.content == data


def _python_children(pid: int) -> list[int]:
    """Worker processes of the uvicorn supervisor ``pid`` (its python children, from /proc)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmd = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == pid and b"python" in cmd and b"resource_tracker" not in cmd:
            out.append(int(stat.parent.name))
    return out


def test_serve_workers_runs_two_processes_behind_one_port(pg_url: str) -> None:
    handle = run_server_process(pg_url, demo=True, workers=2)
    try:
        assert len(_python_children(handle.proc.pid)) == 2
        r = requests.post(f"{handle.url}/api/v1/auth/login",
                          json={"username": "zhangli", "password": DEMO_PASSWORD, "device_id": "d1"})
        assert r.status_code == 200
    finally:
        handle.stop()
    assert handle.proc.poll() is not None


def test_workers_need_postgresql(tmp_path) -> None:
    with pytest.raises(RuntimeError, match="PostgreSQL"):
        run_server_process(f"sqlite:///{tmp_path / 'p.db'}", workers=2)
