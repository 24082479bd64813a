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


def test_pulled_record_lists_every_field_of_its_kind(login, db_url) -> None:
    """The wire form of a pulled record: every field of its kind in the kind's order, null where the stored data
    leaves it out (a client clears such a field), and no stored key that is no longer a field of the kind."""
    from sqlalchemy import select, update

    from app.model.kinds import KINDS
    from sync.server.db import make_engine, records

    a = login("zhangli")
    given = {"name": "王芳", "hukou_in_shanxi": True, "ui_contribution_months": 14, "employed_on": "2026-03-02",
             "willing_to_work": False}
    sparse = a.push_one(id="wire-sparse", fields={"area_code": COMMUNITY_A, **given})
    bare = a.push_one(id="wire-bare", fields={"area_code": COMMUNITY_A})
    engine = make_engine(db_url)
    try:
        with engine.begin() as conn:  # a key left from a field the kind no longer has
            stored = conn.execute(select(records.c.data).where(records.c.id == "wire-sparse")).scalar_one()
            conn.execute(update(records).where(records.c.id == "wire-sparse")
                         .values(data={"retired_field": "旧值", **stored}))
    finally:
        engine.dispose()

    names = list(KINDS["person"].field_names)
    pulled = {c["id"]: c for c in a.pull_all()[0]}
    for result, values in ((sparse, given), (bare, {})):
        record = pulled[result["record"]["id"]]
        assert list(record) == ["kind", "id", "area_code", "version", "deleted", "changed_by", "changed_at",
                                "fields"]
        assert record == {"kind": "person", "id": result["record"]["id"], "area_code": COMMUNITY_A,
                          "version": result["version"], "deleted": False, "changed_by": "zhangli",
                          "changed_at": result["record"]["changed_at"],
                          "fields": {name: values.get(name) for name in names}}
        assert list(record["fields"]) == names
        assert record == result["record"]  # the same form a push answers with
