"""Property-based API test with schemathesis over real HTTP: no input makes the server answer 5xx."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from sync.server.seed import DEMO_PASSWORD
from sync.server.testing import ServerHandle, run_server_in_thread


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ServerHandle, str]]:
    db = tmp_path_factory.mktemp("openapi") / "platform.db"
    with run_server_in_thread(f"sqlite:///{db}", demo=True) as handle:
        r = requests.post(f"{handle.url}/api/v1/auth/login",
                          json={"username": "wangjun", "password": DEMO_PASSWORD, "device_id": "fuzz"})
        yield handle, r.json()["token"]


def test_openapi_document_is_precise(live) -> None:
    handle, _ = live
    doc = requests.get(f"{handle.url}/openapi.json").json()
    op = doc["components"]["schemas"]["Op"]
    assert op["properties"]["fields"]["type"] == "object"
    assert set(doc["paths"]) >= {"/api/v1/auth/login", "/api/v1/auth/me", "/api/v1/sync/push", "/api/v1/sync/pull",
                                 "/api/v1/blobs/{sha256}", "/api/v1/stats", "/api/v1/health"}


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_server_errors(live, mode: GenerationMode) -> None:
    handle, token = live
    schema = schemathesis.openapi.from_url(f"{handle.url}/openapi.json")
    session = requests.Session()
    auth = {"Authorization": f"Bearer {token}"}
    checked = []
    for result in schema.get_all_operations():
        operation = result.ok()

        # Every failed login runs a full argon2 verification (~0.5 s here): fewer examples there.
        examples = 3 if operation.path.endswith("/login") else 8

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def run(case) -> None:  # noqa: ANN001
            # Schemathesis may generate its own Authorization header (negative mode); keep it when it does.
            headers = {} if case.headers and "Authorization" in case.headers else auth
            case.call_and_validate(session=session, headers=headers, checks=[not_a_server_error])

        try:
            run()
        except Unsatisfiable:
            # Nothing to make invalid (e.g. health has no parameters): no negative cases exist.
            assert mode == GenerationMode.NEGATIVE
            continue
        checked.append(operation.label)
    assert len(checked) >= (9 if mode == GenerationMode.POSITIVE else 6)
