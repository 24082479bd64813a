"""Attachments: resumable upload, hash verification, Range downloads and who may fetch."""

from __future__ import annotations

import hashlib
import os

from platform_api import COMMUNITY_A


def _put(api, sha: str, offset: int, chunk: bytes, complete: bool = False):  # noqa: ANN001, ANN202
    return api.http.put(f"{api.url}/api/v1/blobs/{sha}", data=chunk,
                        headers={"Upload-Offset": str(offset), "Upload-Complete": "1" if complete else "0",
                                 "Content-Type": "application/offset+octet-stream"})


def test_resumed_upload_and_range_download(login) -> None:
    api = login("zhangli")
    data = os.urandom(300_000)
    sha = hashlib.sha256(data).hexdigest()
    url = f"{api.url}/api/v1/blobs/{sha}"
    assert api.http.head(url).status_code == 404
    assert _put(api, sha, 0, data[:100_000]).status_code == 200
    # The connection "dropped": the client asks where to resume.
    head = api.http.head(url)
    assert head.status_code == 200
    assert head.headers["Upload-Offset"] == "100000" and head.headers["Upload-Complete"] == "0"
    stale = _put(api, sha, 0, data[:100_000])  # a repeated first chunk is refused with the real offset
    assert stale.status_code == 409 and stale.headers["Upload-Offset"] == "100000"
    assert stale.json()["error"] == "offset_mismatch"
    assert _put(api, sha, 100_000, data[100_000:200_000]).status_code == 200
    done = _put(api, sha, 200_000, data[200_000:], complete=True)
    assert done.status_code == 201 and done.headers["Upload-Complete"] == "1"
    assert _put(api, sha, 200_000, data[200_000:], complete=True).status_code in (200, 201)  # safe to repeat
    assert api.http.get(url).content == data
    part = api.http.get(url, headers={"Range": "bytes=1000-1999"})
    assert part.status_code == 206 and part.content == data[1000:2000]
    assert part.headers["Content-Range"] == f"bytes 1000-1999/{len(data)}"
    tail = api.http.get(url, headers={"Range": "bytes=-10"})
    assert tail.status_code == 206 and tail.content == data[-10:]
    assert api.http.get(url, headers={"Range": "bytes=999999-"}).status_code == 416


def test_hash_mismatch_discards_upload(login) -> None:
    api = login("zhangli")
    sha = hashlib.sha256(b"the real content").hexdigest()
    assert _put(api, sha, 0, b"the fake").status_code == 200
    r = _put(api, sha, 8, b" content", complete=True)
    assert r.status_code == 422 and r.json()["error"] == "hash_mismatch"
    assert api.http.head(f"{api.url}/api/v1/blobs/{sha}").status_code == 404  # start again from zero


def test_blob_visible_through_attachment_in_scope(login) -> None:
    worker, other, supervisor = login("zhangli"), login("liuqiang"), login("wangjun")
    data = b"photo of a document"
    sha = hashlib.sha256(data).hexdigest()
    assert _put(worker, sha, 0, data, complete=True).status_code == 201
    url = f"{worker.url}/api/v1/blobs/{sha}"
    assert supervisor.http.get(url).status_code == 404  # no record names it yet
    r = worker.push_one(kind="attachment", fields={"area_code": COMMUNITY_A, "sha256": sha, "size": len(data)})
    assert r["status"] == "applied"
    assert supervisor.http.get(url).content == data
    assert other.http.get(url).status_code == 404  # a worker of another community
