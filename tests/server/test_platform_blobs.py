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


def test_unfinished_upload_belongs_to_its_uploader(login) -> None:
    """Issue 15 item 4: another user can neither see an unfinished upload nor append to it."""
    owner, other, supervisor = login("zhangli"), login("liuqiang"), login("wangjun")
    data = os.urandom(200_000)
    sha = hashlib.sha256(data).hexdigest()
    url = f"{owner.url}/api/v1/blobs/{sha}"
    assert _put(owner, sha, 0, data[:100_000]).status_code == 200
    for asker in (other, supervisor):  # not even the owner's supervisor sees an unfinished upload
        head = asker.http.head(url)
        assert head.status_code == 404 and "Upload-Offset" not in head.headers
    # Appending at the owner's offset goes into the other user's own (empty) slot: refused, offset 0.
    bad = _put(other, sha, 100_000, b"x" * 10)
    assert bad.status_code == 409 and bad.headers["Upload-Offset"] == "0"
    # The other user's own upload of the same content does not disturb the owner's.
    assert _put(other, sha, 0, data[:50_000]).status_code == 200
    assert owner.http.head(url).headers["Upload-Offset"] == "100000"
    done = _put(owner, sha, 100_000, data[100_000:], complete=True)
    assert done.status_code == 201, done.text
    assert owner.http.get(url).content == data
    # Complete, but named by no record in their scope: still nothing to see, and no shortcut to "complete".
    assert other.http.head(url).headers.get("Upload-Complete") != "1"
    assert other.http.get(url).status_code == 404
    trick = _put(other, sha, 50_000, b"", complete=True)
    assert trick.status_code == 422 and trick.json()["error"] == "hash_mismatch"
    assert other.http.head(url).status_code == 404
    # Whoever holds the content may upload it in full (dedup); that alone grants nothing to read.
    assert _put(other, sha, 0, data, complete=True).status_code == 201
    assert other.http.get(url).status_code == 404
    # Once an attachment record in the supervisor's scope names it, they see it.
    r = owner.push_one(kind="attachment", fields={"area_code": COMMUNITY_A, "sha256": sha, "size": len(data)})
    assert r["status"] == "applied"
    head = supervisor.http.head(url)
    assert head.status_code == 200 and head.headers["Upload-Complete"] == "1"
    assert supervisor.http.get(url).content == data
