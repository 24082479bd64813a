"""Pull: cursor paging, scope by jurisdiction, and versions handed out in commit order under concurrency."""

from __future__ import annotations

import threading

from platform_api import COMMUNITY_A, COMMUNITY_A2, COMMUNITY_B, OTHER_STREET, Api, make_op


def test_paging_with_cursor(login) -> None:
    a = login("zhangli")
    ids = [f"page-{i:02d}" for i in range(23)]
    results = a.push(*[make_op(id=i, fields={"area_code": COMMUNITY_A if n % 2 else COMMUNITY_A2})
                       for n, i in enumerate(ids)])
    assert {r["status"] for r in results} == {"applied"}
    cursor, seen, pages = 0, [], 0
    while True:
        page = a.pull(cursor, limit=5)
        pages += 1
        seen += [c["id"] for c in page["changes"]]
        versions = [c["version"] for c in page["changes"]]
        assert versions == sorted(versions) and all(v > cursor for v in versions)
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    assert seen == ids and pages == 5
    assert a.pull(cursor)["changes"] == []  # nothing new: an empty page at the same cursor
    a.push_one(id=ids[3], base_version=results[3]["version"], fields={"name": "改"})
    assert [c["id"] for c in a.pull(cursor)["changes"]] == [ids[3]]


def test_scope_worker_sees_own_communities_supervisor_the_street(login) -> None:
    zhang, liu = login("zhangli"), login("liuqiang")
    street, county = login("wangjun"), login("chenmin")
    zhang.push_one(id="rec-a", fields={"area_code": COMMUNITY_A})
    liu.push_one(id="rec-b", fields={"area_code": COMMUNITY_B})
    liu.push_one(id="rec-other-street", fields={"area_code": OTHER_STREET})
    ids = {name: {c["id"] for c in api.pull_all()[0]} for name, api in
           (("zhang", zhang), ("liu", liu), ("street", street), ("county", county))}
    assert ids["zhang"] == {"rec-a"}
    assert ids["liu"] == {"rec-b", "rec-other-street"}
    assert ids["street"] == {"rec-a", "rec-b"}
    assert ids["county"] == {"rec-a", "rec-b", "rec-other-street"}


def test_worker_cannot_write_into_another_community(login) -> None:
    zhang = login("zhangli")
    r = zhang.push_one(fields={"area_code": COMMUNITY_B, "name": "别人的"})
    assert r["status"] == "rejected" and "辖区" in r["reason"]
    assert login("wangjun").pull_all()[0] == []


def test_versions_follow_commit_order_under_concurrent_pushes(server) -> None:
    writers = [Api(server.url, "zhangli", f"dev-{i}") for i in range(4)]
    reader = Api(server.url, "wangjun")
    per_writer, batch = 30, 5
    done = threading.Event()
    seen: dict[str, int] = {}
    problems: list[str] = []

    def write(api: Api, n: int) -> None:
        for b in range(0, per_writer, batch):
            ops = [make_op(id=f"w{n}-{i}", fields={"area_code": COMMUNITY_A}) for i in range(b, b + batch)]
            for r in api.push(*ops):
                if r["status"] != "applied":
                    problems.append(r["status"])

    def read() -> None:
        # An incremental reader must never miss a change: that would happen if a lower version could
        # commit after a higher one was already visible.
        cursor = 0
        while True:
            final = done.is_set()
            page = reader.pull(cursor, limit=50)
            for c in page["changes"]:
                if c["id"] in seen:
                    problems.append(f"twice {c['id']}")
                seen[c["id"]] = c["version"]
            cursor = page["cursor"]
            if final and not page["has_more"]:
                return

    threads = [threading.Thread(target=write, args=(api, n)) for n, api in enumerate(writers)]
    reader_thread = threading.Thread(target=read)
    reader_thread.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    reader_thread.join(timeout=60)
    total = len(writers) * per_writer
    assert problems == []
    assert len(seen) == total
    assert sorted(seen.values()) == list(range(1, total + 1))  # one number per change, none lost or reused
