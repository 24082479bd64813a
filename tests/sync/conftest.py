"""Fixtures: a real reference server per test (SQLite, or PostgreSQL when marked), laptops on real stores."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

_ROOT = Path(__file__).resolve().parents[2]
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from tests.pg import pg_server  # noqa: E402, F401 - session fixture
from tests.sync.support import Laptop, make_laptop, start_server  # noqa: E402


@pytest.fixture
def pg_url(pg_server) -> str:  # noqa: F811
    return pg_server.create_database()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'platform.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres),
                        pytest.param("postgres-2proc", marks=pytest.mark.postgres)])
def server_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The server database for convergence tests: each test gets an empty one. ``postgres-2proc`` runs the
    server as two worker processes behind one port (``serve --workers 2``) on that database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'platform.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def server(sqlite_url: str) -> Iterator[Any]:
    handle = start_server(sqlite_url)
    yield handle
    handle.stop()


@pytest.fixture
def platform(server: Any) -> Any:
    """The test server with a rule-signing key; ``platform.pem`` is the private key an admin would hold."""
    from app.rules import signing
    from sync.server.rules import register_key

    pem, public = signing.generate()
    register_key(server.app.state.engine, public)
    server.pem = pem
    return server


@pytest.fixture
def any_server(request: pytest.FixtureRequest, server_db_url: str) -> Iterator[Any]:
    if request.node.callspec.params.get("server_db_url") == "postgres-2proc":
        from sync.server.testing import run_server_process

        handle = run_server_process(server_db_url, demo=True, workers=2)
    else:
        handle = start_server(server_db_url)
    yield handle
    handle.stop()


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[Callable[..., Laptop]]:
    made: list[Laptop] = []

    def factory(name: str, url: str, user: str = "zhangli") -> Laptop:
        lap = make_laptop(tmp_path, name, url, user)
        made.append(lap)
        return lap

    yield factory
    for lap in made:
        try:
            lap.col.close()
        except Exception:  # noqa: BLE001 - already closed by the test
            pass
