"""Test helpers: a logged-in user's API session and op builders."""

from __future__ import annotations

import uuid
from typing import Any

import requests

from sync.server.seed import DEMO_PASSWORD

COMMUNITY_A = "140105001001"  # zhangli's
COMMUNITY_A2 = "140105001002"  # zhangli's second
COMMUNITY_B = "140105001003"  # liuqiang's, same street 坞城街道
OTHER_STREET = "140105002001"  # liuqiang's, 营盘街道


class Api:
    """A logged-in user's session against the server (one device)."""

    def __init__(self, url: str, user: str, device: str | None = None) -> None:
        self.url = url
        self.user = user
        self.device = device or f"dev-{user}-{uuid.uuid4().hex[:6]}"
        self.http = requests.Session()
        r = self.http.post(f"{url}/api/v1/auth/login",
                           json={"username": user, "password": DEMO_PASSWORD, "device_id": self.device})
        r.raise_for_status()
        self.http.headers["Authorization"] = f"Bearer {r.json()['token']}"

    def on_device(self, device: str) -> Api:
        other = Api.__new__(Api)
        other.url, other.user, other.device, other.http = self.url, self.user, device, self.http
        return other

    def push(self, *ops: dict[str, Any]) -> list[dict[str, Any]]:
        r = self.http.post(f"{self.url}/api/v1/sync/push", json={"device_id": self.device, "ops": list(ops)})
        assert r.status_code == 200, r.text
        return r.json()["results"]

    def push_one(self, **op: Any) -> dict[str, Any]:
        return self.push(make_op(**op))[0]

    def pull(self, cursor: int = 0, limit: int = 500) -> dict[str, Any]:
        r = self.http.get(f"{self.url}/api/v1/sync/pull", params={"cursor": cursor, "limit": limit})
        assert r.status_code == 200, r.text
        return r.json()

    def pull_all(self, cursor: int = 0, limit: int = 500) -> tuple[list[dict[str, Any]], int]:
        out: list[dict[str, Any]] = []
        while True:
            page = self.pull(cursor, limit)
            out += page["changes"]
            cursor = page["cursor"]
            if not page["has_more"]:
                return out, cursor


def make_op(kind: str = "person", id: str | None = None, base_version: int = 0, op: str = "upsert",
            fields: dict[str, Any] | None = None, op_id: str | None = None) -> dict[str, Any]:
    return {"op_id": op_id or str(uuid.uuid4()), "kind": kind, "id": id or str(uuid.uuid4()),
            "base_version": base_version, "op": op, "fields": fields or {}}
