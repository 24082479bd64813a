"""HTTP to the platform: JSON, bearer token, re-login, bounded retries with back-off.

Every call of the protocol is safe to repeat (push is idempotent by op id, pull by cursor, blob PUT by offset),
so connection errors, timeouts, 5xx answers and replies cut anywhere (status line, headers, body — see
``strict_http``) or with invalid JSON are retried here; the caller only
sees a final answer or a ``SyncError`` with a Chinese message.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson
import requests

from sync.client.strict_http import declared_length, strict_session

API = "/api/v1"


class SyncError(Exception):
    """Sync failed; ``str(e)`` is a Chinese message for the user."""


class AuthError(SyncError):
    """Login refused (wrong user name or password, account disabled)."""


class DeviceRevokedError(AuthError):
    """The platform revoked this laptop: it must erase its local copy and push nothing further."""


class CancelledError(SyncError):
    """The user cancelled the sync."""


@dataclass
class RetryPolicy:
    attempts: int = 5  # total tries per call
    base_delay: float = 0.3  # seconds; doubles per try
    max_delay: float = 8.0
    jitter: float = 0.5  # ± fraction of the delay, so many laptops do not retry in step

    def delay(self, attempt: int) -> float:
        d = min(self.max_delay, self.base_delay * (2 ** attempt))
        return max(0.0, d * (1 + random.uniform(-self.jitter, self.jitter)))


@dataclass
class Response:
    status: int
    headers: Mapping[str, str]
    body: Any = None  # parsed JSON (json=True calls) or bytes
    raw: bytes = b""


@dataclass
class Transport:
    """One platform endpoint. Credentials live only in this object's memory, never on disk."""

    base_url: str
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    device_id: str | None = None
    token: str | None = field(default=None, repr=False)
    verify: bool | str = True  # True, or the path of a CA bundle; never off by default
    timeout: tuple[float, float] = (5.0, 30.0)  # (connect, read) seconds
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    # Called with the login answer ({"token", "expires_at", "user"}) after every successful login.
    on_login: Callable[[dict[str, Any]], None] | None = None
    # Checked between retries so a cancel does not wait out the back-off.
    should_stop: Callable[[], bool] | None = None
    user: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        self.base_url = self.base_url.rstrip("/")
        # The SyncClient sets the store's device id; a bare transport (stats, admin) gets a throw-away one.
        self.device_id = self.device_id or f"transport-{uuid.uuid4()}"
        self.session = strict_session()
        self.session.headers["User-Agent"] = "OutreachDesk-sync/1"

    def close(self) -> None:
        self.session.close()

    # --- auth ---------------------------------------------------------------------------------------
    def login(self) -> dict[str, Any]:
        if not self.username or self.password is None:
            raise AuthError("尚未登录平台：请输入平台用户名和密码。")
        resp = self.request("POST", "/auth/login", json={"username": self.username, "password": self.password,
                                                          "device_id": self.device_id},
                            auth=False, ok=(200,))
        if resp.status == 403 and _error_code(resp.body) == "device_revoked":
            raise DeviceRevokedError(_message(resp.body, "本机已被管理员停用。"))
        if resp.status in (401, 403):
            raise AuthError(_message(resp.body, "平台用户名或密码不正确，请检查后重试。"))
        if resp.status != 200 or not isinstance(resp.body, dict) or "token" not in resp.body:
            raise SyncError(_message(resp.body, f"登录平台失败（HTTP {resp.status}）。"))
        self.token = resp.body["token"]
        self.user = resp.body.get("user")
        if self.on_login:
            self.on_login(resp.body)
        return resp.body

    def ensure_login(self) -> None:
        if not self.token:
            self.login()

    # --- calls --------------------------------------------------------------------------------------
    def get_json(self, path: str, **kw: Any) -> Any:
        return self.expect_json(self.request("GET", path, **kw))

    def post_json(self, path: str, payload: Any, **kw: Any) -> Any:
        return self.expect_json(self.request("POST", path, json=payload, **kw))

    def expect_json(self, resp: Response) -> Any:
        if resp.status != 200:
            raise SyncError(_message(resp.body, f"平台拒绝了请求（HTTP {resp.status}）。"))
        return resp.body

    def request(self, method: str, path: str, *, json: Any = None, data: bytes | None = None,
                params: Mapping[str, Any] | None = None, headers: Mapping[str, str] | None = None,
                parse: str = "json", auth: bool = True, ok: tuple[int, ...] = ()) -> Response:
        """One call with retries. Answers other than 5xx/401-token are returned for the caller to judge.

        ``parse``: "json" (body must be JSON when the status is in ``ok`` or 2xx), "bytes" or "none".
        """
        url = self.base_url + API + path
        relogged = False
        last_error = "无法连接平台服务器。"
        failures = 0
        while failures < self.retry.attempts:
            if failures:
                self._sleep(self.retry.delay(failures - 1))
            failures += 1
            hdrs = dict(headers or {})
            if auth:
                self.ensure_login()
                hdrs["Authorization"] = f"Bearer {self.token}"
            try:
                r = self.session.request(method, url, json=json, data=data, params=params, headers=hdrs,
                                         timeout=self.timeout, verify=self.verify)
                raw = r.content  # reads the whole body: a cut-off body raises here
            except requests.exceptions.SSLError as exc:
                # A certificate problem does not go away by retrying.
                raise SyncError(f"平台服务器的证书无法验证，连接已中止：{exc}") from None
            except requests.exceptions.Timeout:
                last_error = "连接平台服务器超时。"
                continue
            except requests.exceptions.RequestException:
                last_error = "与平台服务器的连接中断。"
                continue
            if not declared_length(method, r):
                # Read-to-close framing cannot tell a whole reply from a cut one: take it as cut.
                last_error = "平台服务器的应答不完整。"
                continue
            if r.status_code >= 500 or r.status_code in (408, 429):
                last_error = f"平台服务器暂时不可用（HTTP {r.status_code}）。"
                continue
            body: Any = None
            if parse == "json" and raw:
                try:
                    body = orjson.loads(raw)
                except ValueError:
                    if r.status_code < 300 or r.status_code in ok:
                        last_error = "平台服务器的应答不完整。"
                        continue
            elif parse == "bytes":
                body = raw
            if r.status_code == 401 and auth and _error_code(body) in ("token_expired", "invalid_token"):
                if relogged:
                    raise AuthError("登录已失效，重新登录后仍被拒绝。")
                relogged = True
                self.token = None  # the next try logs in again with the remembered credentials
                failures -= 1  # not a failure of the connection: retry at once
                continue
            return Response(r.status_code, r.headers, body, raw)
        raise SyncError(f"{last_error}已重试 {self.retry.attempts} 次，请检查网络后再同步。")

    def _sleep(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while True:
            if self.should_stop and self.should_stop():
                raise CancelledError("同步已取消。")
            left = end - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(left, 0.1))


def _error_code(body: Any) -> str | None:
    return body.get("error") if isinstance(body, dict) else None


def _message(body: Any, default: str) -> str:
    if isinstance(body, dict) and isinstance(body.get("message"), str) and body["message"]:
        return body["message"]
    return default
