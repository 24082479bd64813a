"""Login, tokens and their expiry."""

from __future__ import annotations

import time

import requests
from platform_api import Api

from sync.server.seed import DEMO_PASSWORD


def _login(url: str, user: str, password: str) -> requests.Response:
    return requests.post(f"{url}/api/v1/auth/login", json={"username": user, "password": password, "device_id": "d"})


def test_login_and_me(server) -> None:
    r = _login(server.url, "zhangli", DEMO_PASSWORD)
    assert r.status_code == 200
    body = r.json()
    assert body["user"] == {"name": "zhangli", "display_name": "张丽", "role": "worker",
                            "areas": ["140105001001", "140105001002"]}
    assert body["expires_at"].endswith("Z")
    me = requests.get(f"{server.url}/api/v1/auth/me", headers={"Authorization": f"Bearer {body['token']}"})
    assert me.status_code == 200 and me.json()["name"] == "zhangli"


def test_wrong_password_and_unknown_user(server) -> None:
    for user, pw in (("zhangli", "wrong-password"), ("nobody", DEMO_PASSWORD)):
        r = _login(server.url, user, pw)
        assert r.status_code == 401
        assert r.json()["error"] == "bad_credentials" and r.json()["message"]


def test_invalid_and_missing_token(server) -> None:
    r = requests.get(f"{server.url}/api/v1/sync/pull", headers={"Authorization": "Bearer not-a-token"})
    assert r.status_code == 401 and r.json()["error"] == "invalid_token"
    r = requests.get(f"{server.url}/api/v1/sync/pull")
    assert r.status_code == 401 and r.json()["error"] == "invalid_token"


def test_expired_token_refused(make_server) -> None:
    server = make_server(token_ttl_s=1)
    api = Api(server.url, "zhangli")
    assert api.http.get(f"{server.url}/api/v1/auth/me").status_code == 200
    time.sleep(1.1)
    r = api.http.get(f"{server.url}/api/v1/sync/pull")
    assert r.status_code == 401 and r.json()["error"] == "token_expired"


def test_validation_error_shape(server) -> None:
    r = requests.post(f"{server.url}/api/v1/auth/login", json={"username": "zhangli"})
    assert r.status_code == 422
    assert r.json()["error"] == "invalid_request" and "password" in r.json()["message"]
