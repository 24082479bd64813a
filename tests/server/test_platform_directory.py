"""The user directory (GET /api/v1/users): names for logins, scoped like the data."""

from __future__ import annotations

import requests
from platform_api import Api

from sync.server.app import engine_of
from sync.server.seed import add_user


def _directory(api: Api) -> dict[str, dict]:
    r = api.http.get(f"{api.url}/api/v1/users")
    assert r.status_code == 200
    return {u["name"]: u for u in r.json()["users"]}


def test_directory_names_colleagues_and_those_above_not_other_streets(server, login) -> None:
    engine = engine_of(server.app)
    add_user(engine, "sunhong", role="worker", areas=["140105002002"], password="", password_hash="x", display_name="孙红")
    add_user(engine, "zhoujie", role="worker", areas=["140106001001"], password="", password_hash="x", display_name="周杰")
    add_user(engine, "lina", role="worker", areas=["140105001001"], password="", password_hash="x", display_name="李娜")

    worker = _directory(login("zhangli"))
    # Herself, the colleague of her community, her street's office and supervisor, the district, the admin.
    assert set(worker) == {"zhangli", "lina", "office1", "wangjun", "chenmin", "admin"}
    assert worker["zhangli"] == {"name": "zhangli", "display_name": "张丽", "role": "worker"}
    assert worker["wangjun"]["display_name"] == "王军" and worker["wangjun"]["role"] == "supervisor"

    street = _directory(login("wangjun"))
    # Every worker with a community in his street (liuqiang has one there); not 孙红 of the other street.
    assert {"zhangli", "lina", "liuqiang", "office1", "chenmin", "admin"} <= set(street)
    assert "sunhong" not in street and "zhoujie" not in street

    district = _directory(login("chenmin"))
    assert "sunhong" in district and "zhoujie" not in district  # 周杰 works in another district
    assert "zhoujie" in _directory(login("admin"))


def test_directory_needs_a_token(server) -> None:
    r = requests.get(f"{server.url}/api/v1/users")
    assert r.status_code == 401 and r.json()["error"] == "invalid_token"
