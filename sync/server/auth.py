"""Passwords (argon2), bearer tokens (only their sha256 is stored) and the current user."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import time
from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, delete, insert, select

from sync.server.db import tokens, users
from sync.server.errors import ApiError
from sync.server.scope import Scope, scope_for


@cache
def hasher() -> PasswordHasher:
    return PasswordHasher()


@cache
def _dummy_hash() -> str:
    return hasher().hash("not-a-password")


def hash_password(password: str) -> str:
    return hasher().hash(password)


@dataclass(frozen=True)
class User:
    name: str
    display_name: str
    role: str
    areas: tuple[str, ...]
    scope: Scope
    device_id: str = ""

    def public(self) -> dict:
        return {"name": self.name, "display_name": self.display_name, "role": self.role, "areas": list(self.areas)}


def _user(conn: Connection, row, device_id: str = "") -> User:  # noqa: ANN001
    areas = tuple(row.areas or ())
    return User(row.name, row.display_name, row.role, areas, scope_for(conn, areas), device_id)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def iso(ts: float) -> str:
    return dt.datetime.fromtimestamp(ts, dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def login(conn: Connection, username: str, password: str, device_id: str, ttl_s: int) -> tuple[str, int, User]:
    """Check the password and issue a token; (token, expires_at unix seconds, user)."""
    row = conn.execute(select(users).where(users.c.name == username)).first()
    try:
        # Verify against a dummy hash for unknown names too, so timing does not reveal which names exist.
        ok = hasher().verify(row.password_hash if row else _dummy_hash(), password) and row is not None
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok:
        raise ApiError(401, "bad_credentials", "用户名或密码不正确。")
    now = int(time.time())
    token = secrets.token_urlsafe(32)
    conn.execute(delete(tokens).where(tokens.c.expires_at < now))  # housekeeping
    conn.execute(insert(tokens).values(token_sha256=token_digest(token), user_name=row.name, device_id=device_id,
                                       expires_at=now + ttl_s))
    return token, now + ttl_s, _user(conn, row, device_id)


def authenticate(conn: Connection, authorization: str | None) -> User:
    """The user a ``Bearer`` token belongs to, or 401 invalid_token / token_expired."""
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "invalid_token", "未登录，请先登录。", {"WWW-Authenticate": "Bearer"})
    row = conn.execute(
        select(tokens.c.expires_at, tokens.c.device_id, users)
        .join(users, users.c.name == tokens.c.user_name)
        .where(tokens.c.token_sha256 == token_digest(token.strip()))
    ).first()
    if row is None:
        raise ApiError(401, "invalid_token", "登录凭据无效，请重新登录。", {"WWW-Authenticate": "Bearer"})
    if row.expires_at <= time.time():
        raise ApiError(401, "token_expired", "登录已过期，请重新登录。", {"WWW-Authenticate": "Bearer"})
    return _user(conn, row, row.device_id)
