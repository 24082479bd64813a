"""Attachments: uploaded before the record that names them, resumable, verified on download."""

from __future__ import annotations

import hashlib
import os

from app.store import sync_state as st
from tests.sync.faultproxy import FaultProxy
from tests.sync.support import add_household, assert_converged, server_stats

BLOBS = "/api/v1/blobs/"
CHUNK = 64 * 1024


def _attach(col, owner: str, data: bytes) -> tuple[str, str]:
    with col.records.transaction() as tx:
        sha = st.put_blob(tx.conn, data)
        rid = tx.create("attachment", {"owner_kind": "person", "owner_id": owner, "sha256": sha,
                                       "mime": "image/jpeg", "size": len(data), "name": "身份证.jpg"},
                        area_code="140105001001")
    return sha, rid


def _blob(col, sha: str) -> bytes | None:
    with col.records.reading() as conn:
        return st.get_blob(conn, sha)


def test_upload_interrupted_and_resumed(server, laptops) -> None:
    proxy = FaultProxy(int(server.url.rsplit(":", 1)[1]))
    try:
        a = laptops("a", proxy.url)
        _, persons = add_household(a.col, persons=1)
        data = os.urandom(5 * CHUNK - 100)
        sha, _ = _attach(a.col, persons[0], data)
        proxy.add("drop_before", "PUT", BLOBS, skip=2, times=100)  # two chunks get through, then nothing
        report = a.sync(chunk_size=CHUNK)
        assert not report.ok and report.uploaded == 0
        # The record that names the blob was not pushed before its blob.
        assert a.pending() == 3
        assert server_stats(server.url)["kinds"]["attachment"]["total"] == 0
        head = a.client().transport.request("HEAD", f"/blobs/{sha}", parse="none")
        assert head.headers["Upload-Offset"] == str(2 * CHUNK)
        proxy.clear()
        puts_before = proxy.count("PUT", BLOBS)
        report = a.sync(chunk_size=CHUNK)
        assert report.ok, report.errors
        assert report.uploaded == 1
        assert proxy.count("PUT", BLOBS) - puts_before == 3  # resumed at the stored offset
        assert_converged(server.url, a)

        b = laptops("b", server.url)
        rb = b.sync()
        assert rb.ok and rb.downloaded == 1
        assert _blob(b.col, sha) == data
    finally:
        proxy.close()


def test_chunk_answer_lost_resyncs_offset(server, laptops) -> None:
    proxy = FaultProxy(int(server.url.rsplit(":", 1)[1]))
    try:
        a = laptops("a", proxy.url)
        _, persons = add_household(a.col, persons=1)
        sha, _ = _attach(a.col, persons[0], os.urandom(3 * CHUNK))
        proxy.add("drop_after", "PUT", BLOBS, skip=1, times=1)  # the server stores chunk 2, the answer is lost
        report = a.sync(chunk_size=CHUNK)
        assert report.ok, report.errors
        assert report.uploaded == 1
        assert_converged(server.url, a)
    finally:
        proxy.close()


def test_download_verified_and_tampered_bytes_rejected(server, laptops) -> None:
    a = laptops("a", server.url)
    _, persons = add_household(a.col, persons=1)
    data = b"\xff\xd8" + os.urandom(1000)
    sha, _ = _attach(a.col, persons[0], data)
    assert a.sync().ok
    proxy = FaultProxy(int(server.url.rsplit(":", 1)[1]))
    try:
        b = laptops("b", proxy.url)
        proxy.add("tamper", "GET", BLOBS, times=100)
        report = b.sync()
        assert report.downloaded == 0
        assert any("校验" in w for w in report.warnings)
        assert _blob(b.col, sha) is None
        with b.col.records.reading() as conn:
            assert st.wanted_blobs(conn) == [sha]
        proxy.clear()
        report = b.sync()
        assert report.ok and report.downloaded == 1
        got = _blob(b.col, sha)
        assert got == data and hashlib.sha256(got).hexdigest() == sha
        with b.col.records.reading() as conn:
            assert st.wanted_blobs(conn) == []
        assert_converged(server.url, a, b)
    finally:
        proxy.close()


def test_damaged_upload_is_discarded_by_server_and_sent_again(server, laptops) -> None:
    proxy = FaultProxy(int(server.url.rsplit(":", 1)[1]))
    try:
        a = laptops("a", proxy.url)
        _, persons = add_household(a.col, persons=1)
        data = os.urandom(2 * CHUNK)
        sha, _ = _attach(a.col, persons[0], data)
        proxy.add("tamper_request", "PUT", BLOBS)  # chunk 1 arrives damaged: the final check fails (422)
        report = a.sync(chunk_size=CHUNK)
        assert report.ok, report.errors
        assert proxy.count("PUT", BLOBS) == 4  # 2 chunks, 422, then the whole blob again from offset 0
        b = laptops("b", server.url)
        assert b.sync().ok
        assert _blob(b.col, sha) == data
        assert_converged(server.url, a, b)
    finally:
        proxy.close()
