"""The server as a process (killed and restarted on the same port) and its answer to unexpected errors."""

from __future__ import annotations

import logging

import pytest
from platform_api import COMMUNITY_A, Api, make_op

from sync.server import create_app
from sync.server.testing import free_port, run_server_process


def test_process_killed_and_restarted_keeps_data(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'proc.db'}"
    port = free_port()
    proc = run_server_process(url, port, demo=True)
    try:
        api = Api(proc.url, "zhangli")
        op = make_op(fields={"area_code": COMMUNITY_A, "name": "进程测试"})
        assert api.push(op)[0]["status"] == "applied"
        proc.kill()
        proc = run_server_process(url, port, demo=True)  # same URL; demo seeding is idempotent
        assert api.push(op)[0]["status"] == "duplicate"  # the old token is still valid too
        assert [c["id"] for c in api.pull_all()[0]] == [op["id"]]
    finally:
        proc.stop()
    assert proc.proc.returncode is not None


@pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")
def test_unexpected_error_is_json_500_without_details_in_log(tmp_path, caplog) -> None:
    from fastapi.testclient import TestClient  # imported here: its httpx deprecation warning is filtered

    app = create_app(f"sqlite:///{tmp_path / 'err.db'}")

    @app.get("/boom")
    def boom() -> None:
        raise ValueError("张三 110101199003071234 13800000000")

    with caplog.at_level(logging.ERROR, logger="outreach.platform"), TestClient(app) as client:
        r = client.get("/boom")
    assert r.status_code == 500
    assert r.json() == {"error": "internal_error", "message": "服务器内部错误，请稍后重试。"}
    assert "ValueError" in caplog.text
    assert "110101199003071234" not in caplog.text and "张三" not in caplog.text
