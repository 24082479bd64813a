"""Jurisdictions and users: the demo data set and single additions (CLI and tests)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache

from argon2 import PasswordHasher
from sqlalchemy import Connection, Engine, insert, select

from app.areas import LEVEL_DIGITS, demo_users, load
from sync.server.auth import hash_password
from sync.server.db import jurisdictions, users
from sync.server.ops import AREA_CODE
from sync.server.scope import ROLES

DEMO_PASSWORD = "demo1234"  # documented in docs/SERVER.md; demo accounts only


class SeedError(ValueError):
    """Bad input for a user or area (Chinese message)."""


@contextmanager
def _conn(conn_or_engine: Connection | Engine) -> Iterator[Connection]:
    if isinstance(conn_or_engine, Engine):
        with conn_or_engine.begin() as conn:
            yield conn
    else:
        yield conn_or_engine


# Cheap argon2 parameters for throw-away test servers: a login then costs milliseconds, not half a second.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@cache
def _demo_hash(fast: bool) -> str:
    # One hash for the shared, published demo password keeps seeding fast (argon2 is slow on purpose).
    return FAST_HASHER.hash(DEMO_PASSWORD) if fast else hash_password(DEMO_PASSWORD)


def add_area(conn_or_engine: Connection | Engine, code: str, name: str, level: str,
             parent: str | None = None) -> bool:
    """Add a jurisdiction; False if it already exists."""
    if not AREA_CODE.match(code):
        raise SeedError("区划代码应为 12 位数字。")
    if level not in LEVEL_DIGITS:
        raise SeedError(f"级别应为：{'、'.join(LEVEL_DIGITS)}")
    with _conn(conn_or_engine) as conn:
        if conn.execute(select(jurisdictions.c.code).where(jurisdictions.c.code == code)).first():
            return False
        if parent and not conn.execute(select(jurisdictions.c.code).where(jurisdictions.c.code == parent)).first():
            raise SeedError(f"上级区划不存在：{parent}")
        conn.execute(insert(jurisdictions).values(code=code, name=name, level=level, parent=parent))
        return True


def add_user(conn_or_engine: Connection | Engine, name: str, *, role: str, areas: Iterable[str], password: str,
             display_name: str | None = None, password_hash: str | None = None) -> bool:
    """Add a user; False if the name is taken. Areas must be known jurisdictions."""
    areas = list(areas)
    if role not in ROLES:
        raise SeedError(f"角色应为：{'、'.join(ROLES)}")
    if not areas:
        raise SeedError("至少需要一个辖区。")
    if not password and not password_hash:
        raise SeedError("密码不能为空。")
    with _conn(conn_or_engine) as conn:
        if conn.execute(select(users.c.name).where(users.c.name == name)).first():
            return False
        known = set(conn.execute(select(jurisdictions.c.code).where(jurisdictions.c.code.in_(areas))).scalars())
        missing = [a for a in areas if a not in known]
        if missing:
            raise SeedError(f"未知的区划代码：{'、'.join(missing)}（请先用 area add 添加）")
        conn.execute(insert(users).values(name=name, display_name=display_name or name, role=role, areas=areas,
                                          password_hash=password_hash or hash_password(password)))
        return True


def seed_demo(conn_or_engine: Connection | Engine, *, fast_hash: bool = False) -> dict[str, int]:
    """The demo jurisdictions and users of resources/areas/shanxi_demo.toml (password ``demo1234``).

    ``fast_hash`` stores the demo password with cheap argon2 parameters (test servers only). Idempotent: existing areas and users are left as they are. Returns how many of each were added.
    """
    added = {"areas": 0, "users": 0}
    with _conn(conn_or_engine) as conn:
        # Parents before children: the file lists them in that order, but sort by level to be sure.
        for a in sorted(load().values(), key=lambda a: LEVEL_DIGITS[a.level]):
            added["areas"] += add_area(conn, a.code, a.name, a.level, a.parent)
        for u in demo_users():
            added["users"] += add_user(conn, u["name"], role=u["role"], areas=u["areas"], password=DEMO_PASSWORD,
                                       display_name=u.get("display_name"), password_hash=_demo_hash(fast_hash))
    return added
