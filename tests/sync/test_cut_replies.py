"""A reply cut at any byte — inside the status line, the headers or the body — is a transport failure: the
call is retried and answers exactly as an uncut reply would (issue 15, item 1)."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from typing import Any

import pytest

from sync.client import RetryPolicy, Transport
from tests.sync.faultproxy import FaultProxy
from tests.sync.support import PASSWORD, add_household

NO_WAIT = RetryPolicy(attempts=3, base_delay=0.0, max_delay=0.0, jitter=0.0)
BLOB = b"attachment bytes " * 6
SHA = hashlib.sha256(BLOB).hexdigest()


@pytest.fixture
def proxy(server):
    p = FaultProxy(int(server.url.rsplit(":", 1)[1]))
    yield p
    p.close()


@pytest.fixture
def transport(server, laptops, proxy):
    """A logged-in transport through the proxy, with one household on the server and one complete blob."""
    a = laptops("a", server.url)
    add_household(a.col, persons=1)
    assert a.sync().ok
    t = Transport(proxy.url, username="zhangli", password=PASSWORD, retry=NO_WAIT, timeout=(2.0, 5.0))
    t.login()
    resp = t.request("PUT", f"/blobs/{SHA}", data=BLOB, parse="json",
                     headers={"Upload-Offset": "0", "Upload-Complete": "1"})
    assert resp.status == 201
    yield t
    t.close()


OP = {"op_id": str(uuid.UUID(int=15)), "kind": "household", "id": str(uuid.UUID(int=16)), "op": "upsert",
      "base_version": 0, "fields": {"area_code": "140105001001", "address": "小店区坞城南路 2 号",
                                    "zero_employment": False, "dibao": False, "note": ""}}


def _login(t: Transport) -> Any:
    return t.login()["user"]


def _push(t: Transport) -> Any:
    results = t.post_json("/sync/push", {"device_id": t.device_id, "ops": [OP]})["results"]
    assert (results[0]["first_status"] or results[0]["status"]) == "applied", results
    return results


def _pull(t: Transport) -> Any:
    return t.get_json("/sync/pull", params={"cursor": 0, "limit": 1})


def _head(t: Transport) -> Any:
    r = t.request("HEAD", f"/blobs/{SHA}", parse="none")
    return r.status, r.headers.get("Upload-Offset"), r.headers.get("Upload-Complete")


def _put(t: Transport) -> Any:
    # The blob is complete, so a repeated final PUT is answered the same each time (the laptop's retry case).
    r = t.request("PUT", f"/blobs/{SHA}", data=BLOB, parse="json",
                  headers={"Upload-Offset": "0", "Upload-Complete": "1"})
    return r.status, r.headers.get("Upload-Offset"), r.headers.get("Upload-Complete")


def _get(t: Transport) -> Any:
    r = t.request("GET", f"/blobs/{SHA}", parse="bytes")
    return r.status, r.raw


CALLS: dict[str, tuple[str, str, Callable[[Transport], Any]]] = {
    "login": ("POST", "/api/v1/auth/login", _login),
    "push": ("POST", "/api/v1/sync/push", _push),
    "pull": ("GET", "/api/v1/sync/pull", _pull),
    "blob-head": ("HEAD", "/api/v1/blobs/", _head),
    "blob-put": ("PUT", "/api/v1/blobs/", _put),
    "blob-get": ("GET", "/api/v1/blobs/", _get),
}


@pytest.mark.parametrize("name", list(CALLS))
def test_reply_cut_at_every_offset_is_retried(transport, proxy, name) -> None:
    method, path, call = CALLS[name]
    call(transport)  # a push's first answer is "applied", every later one the same "duplicate"
    expected = call(transport)
    size, body_at = proxy.seen[-1].size, proxy.seen[-1].body_at
    assert size >= body_at > 20  # HEAD and PUT answers have headers only
    for at in range(size):
        proxy.add("cut", method, path, at=at)
        before = len(proxy.seen)
        got = call(transport)
        tries = proxy.seen[before:]
        where = "headers" if at < body_at else "body"
        assert tries[0].action == "cut" and tries[0].size == size, (at, tries)
        assert got == expected, f"{name}: reply cut at byte {at} of {size} (in the {where}) was taken as an answer"
        assert [s.action for s in tries] == ["cut", "pass"], f"{name}: cut at {at} ({where}) was not retried"


def test_sync_retries_a_push_reply_cut_inside_its_headers(server, laptops, proxy) -> None:
    """The case from the field: ``HTTP/1.1 200 OK\\r\\nda`` and a clean close, then the push must be retried."""
    a = laptops("a", proxy.url)
    add_household(a.col, persons=2)
    proxy.add("cut", "POST", "/api/v1/sync/push", at=len(b"HTTP/1.1 200 OK\r\nda"))
    report = a.sync()
    assert report.ok, report.errors
    assert report.duplicate == 3 and a.pending() == 0
