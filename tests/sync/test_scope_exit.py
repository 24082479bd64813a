"""Data that leaves a worker's scope leaves their laptop (issue 15, item 7): the platform says what left, and the
laptop removes it once nothing about it is waiting to be sent."""

from __future__ import annotations

from sqlalchemy import update

from app.store import sync_state as st
from sync.server.db import users
from tests.sync.support import COMMUNITY, add_household, assert_converged

OTHER_COMMUNITY = "140105001003"  # 学府苑社区: liuqiang's, inside wangjun's street, not zhangli's
SECOND = "140105001002"  # 东岗路社区: zhangli's second community


def _move(col, kind: str, rid: str, area: str) -> None:
    rec = col.records.get(kind, rid)
    with col.records.transaction() as tx:
        tx.resolve(kind, rid, {"area_code": area}, base_version=rec["version"])


def test_household_moved_to_another_community_leaves_the_old_laptop(server, laptops) -> None:
    a = laptops("a", server.url)  # zhangli
    sup = laptops("sup", server.url, user="wangjun")
    c = laptops("c", server.url, user="liuqiang")
    hh, persons = add_household(a.col, persons=2)
    stay, _ = add_household(a.col, persons=1)
    with a.col.records.transaction() as tx:
        sha = st.put_blob(tx.conn, b"photo of an ID card")
        att = tx.create("attachment", {"owner_kind": "person", "owner_id": persons[0], "sha256": sha,
                                       "mime": "image/jpeg", "size": 19, "name": "证件.jpg"}, area_code=COMMUNITY)
    assert a.sync().ok and sup.sync().ok and c.sync().ok
    assert c.col.records.get("household", hh) is None

    # The supervisor moves the household, one member and the photo to liuqiang's community.
    for kind, rid in (("household", hh), ("person", persons[0]), ("attachment", att)):
        _move(sup.col, kind, rid, OTHER_COMMUNITY)
    assert sup.sync().ok
    # Meanwhile zhangli, offline, edits the other member (still hers) and the moved household.
    a.col.records.update("person", persons[1], {"phone": "13812345678"})
    a.col.records.update("household", hh, {"note": "搬走前的最后一次走访"})

    report = a.sync()
    assert report.purged == 3, report
    assert a.pending() == 0  # the edit was pushed first (and refused: the household is no longer hers)
    with a.col.records.reading() as conn:
        assert [r["id"] for r in st.list_rejected(conn)] == [hh]
    for kind, rid in (("household", hh), ("person", persons[0]), ("attachment", att)):
        assert a.col.records.get(kind, rid) is None, kind
    assert a.col.records.get("person", persons[1])["phone"] == "13812345678"
    assert a.col.records.get("household", stay) is not None
    with a.col.records.reading() as conn:
        assert st.get_blob(conn, sha) is None
        assert any(r.action == "purge" for r in conn.exec_driver_sql("SELECT action FROM audit"))
    # The new community's worker now has them; everything else still agrees.
    assert c.sync().ok
    assert c.col.records.get("household", hh)["area_code"] == OTHER_COMMUNITY
    assert sup.sync().ok
    assert_converged(server.url, a)
    assert_converged(server.url, sup, area="140105001000")


def test_areas_taken_from_a_worker_leave_their_laptop(server, laptops) -> None:
    a = laptops("a", server.url)
    kept, _ = add_household(a.col, persons=1)
    gone, gone_persons = add_household(a.col, persons=2, area=SECOND)
    assert a.sync().ok
    a.col.records.update("person", gone_persons[0], {"phone": "13700001111"})  # unsent when the areas change
    with server.app.state.engine.begin() as conn:
        conn.execute(update(users).where(users.c.name == "zhangli").values(areas=[COMMUNITY]))
    report = a.sync()
    assert report.ok, report.errors
    assert report.purged == 3
    assert a.pending() == 0
    assert a.col.records.get("household", gone) is None
    assert all(a.col.records.get("person", p) is None for p in gone_persons)
    assert a.col.records.get("household", kept) is not None
    assert a.sync().ok and a.sync().purged == 0
