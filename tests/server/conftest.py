"""Fixtures for the platform server tests: each test gets a fresh database on SQLite and on PostgreSQL."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

_ROOT = Path(__file__).resolve().parents[2]
# The repository (for sync.*, app.*, tests.pg) and this directory (for platform_api), whatever pytest's cwd.
for _p in (str(_ROOT), str(Path(__file__).resolve().parent)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

from platform_api import Api  # noqa: E402

from sync.server.testing import ServerHandle, run_server_in_thread  # noqa: E402
from tests.pg import pg_server  # noqa: E402, F401  (session fixture)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'platform.db'}"
        return
    pg = request.getfixturevalue("pg_server")
    url = pg.create_database()
    yield url
    pg.drop_database(url)


@pytest.fixture
def make_server(db_url: str) -> Iterator[Callable[..., ServerHandle]]:
    started: list[ServerHandle] = []

    def start(**kw: Any) -> ServerHandle:
        handle = run_server_in_thread(db_url, demo=True, **kw)
        started.append(handle)
        return handle

    yield start
    for h in started:
        h.stop()


@pytest.fixture
def server(make_server: Callable[..., ServerHandle]) -> ServerHandle:
    return make_server()


@pytest.fixture
def login(server: ServerHandle) -> Callable[..., Api]:
    return lambda user, device=None: Api(server.url, user, device)
