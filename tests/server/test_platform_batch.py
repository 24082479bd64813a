"""A push batch is one transaction: rejections stay per op, a refused write rejects its op alone, and a
crash mid-batch leaves nothing of the batch applied (docs/SYNC.md "Push")."""

from __future__ import annotations

import threading

from platform_api import COMMUNITY_A, COMMUNITY_B, make_op
from sqlalchemy import text

from sync.server import ops as server_ops
from sync.server.db import is_sqlite


def test_rejected_op_inside_a_batch_leaves_the_others_applied(login) -> None:
    a = login("zhangli")
    first = make_op(id="b-1", fields={"area_code": COMMUNITY_A, "name": "批内一"})
    batch = [
        first,
        make_op(fields={"area_code": COMMUNITY_B, "name": "越界"}),  # rejected: not zhangli's community
        make_op(id="b-2", fields={"area_code": COMMUNITY_A, "name": "批内二"}),
        make_op(id="b-1", base_version=0, fields={"phone": "13800000011"}),  # same device: builds on op 1
        make_op(fields={"area_code": COMMUNITY_A, "ui_contribution_months": "很多"}),  # rejected: bad value
        make_op(id="b-2", op="delete"),
        first,  # the same op id again inside the batch
    ]
    results = a.push(*batch)
    assert [r["status"] for r in results] == ["applied", "rejected", "applied", "applied", "rejected", "applied",
                                              "duplicate"]
    versions = [r["version"] for r in results if r["status"] == "applied"]
    assert versions == [1, 2, 3, 4]  # one number per change, in op order, none taken by a rejection
    assert results[3]["record"]["fields"] == {**results[3]["record"]["fields"], "name": "批内一",
                                              "phone": "13800000011"}
    assert results[6]["first_status"] == "applied" and results[6]["version"] == 1
    changes, cursor = a.pull_all()
    assert {c["id"]: (c["version"], c["deleted"]) for c in changes} == {"b-1": (3, False), "b-2": (4, True)}
    assert cursor == 4
    again = a.push(*batch)
    assert [r["status"] for r in again] == ["duplicate"] * len(batch)
    assert [r["first_status"] for r in again] == ["applied", "rejected", "applied", "applied", "rejected",
                                                  "applied", "applied"]


def _refuse_writes_of(engine, record_id: str) -> None:
    """A trigger that makes the database itself refuse one record (a value the backend cannot store)."""
    with engine.begin() as conn:
        if is_sqlite(engine):
            conn.execute(text(f"CREATE TRIGGER refuse BEFORE INSERT ON records WHEN NEW.id = '{record_id}' "
                              "BEGIN SELECT RAISE(ABORT, 'refused'); END"))
            return
        conn.execute(text(f"""CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN
            IF NEW.id = '{record_id}' THEN RAISE EXCEPTION 'refused' USING ERRCODE = 'check_violation'; END IF;
            RETURN NEW; END $$ LANGUAGE plpgsql"""))
        conn.execute(text("CREATE TRIGGER refuse BEFORE INSERT ON records FOR EACH ROW EXECUTE FUNCTION refuse()"))


def test_write_refused_by_the_database_rejects_that_op_alone(login, server) -> None:
    _refuse_writes_of(server.app.state.engine, "b-refused")
    a = login("zhangli")
    ops = [make_op(id=f"b-{i}", fields={"area_code": COMMUNITY_A, "name": f"批{i}"}) for i in range(3)]
    ops.insert(1, make_op(id="b-refused", fields={"area_code": COMMUNITY_A, "name": "数据库拒收"}))
    results = a.push(*ops)
    assert [r["status"] for r in results] == ["applied", "rejected", "applied", "applied"]
    assert "数据库" in results[1]["reason"]
    assert [r["version"] for r in results if r["status"] == "applied"] == [1, 2, 3]
    assert sorted(c["id"] for c in a.pull_all()[0]) == ["b-0", "b-1", "b-2"]
    assert a.push(ops[1])[0]["first_status"] == "rejected"  # stored like any rejection


def test_crash_mid_batch_leaves_nothing_then_resend_applies(login, monkeypatch) -> None:
    a = login("zhangli")
    base = a.push_one(id="b-old", fields={"area_code": COMMUNITY_A, "name": "旧"})["version"]
    batch = [make_op(id=f"b-new-{i}", fields={"area_code": COMMUNITY_A}) for i in range(3)]
    batch.append(make_op(id="b-old", base_version=base, fields={"name": "新"}))
    real = server_ops._Batch._write_bulk

    def crash(self) -> None:  # noqa: ANN001
        self.conn.execute(server_ops.INSERT_RECORD, list(self.inserts.values()))  # half written...
        raise RuntimeError("the server dies here")

    monkeypatch.setattr(server_ops._Batch, "_write_bulk", crash)
    r = a.http.post(f"{a.url}/api/v1/sync/push", json={"device_id": a.device, "ops": batch})
    assert r.status_code == 500
    changes, cursor = a.pull_all()
    assert [c["id"] for c in changes] == ["b-old"] and cursor == base  # nothing of the batch, counter too
    monkeypatch.setattr(server_ops._Batch, "_write_bulk", real)
    results = a.push(*batch)  # the client sends the same ops again: fresh results, not duplicates
    assert [r["status"] for r in results] == ["applied"] * 4
    assert [r["version"] for r in results] == [base + 1, base + 2, base + 3, base + 4]
    assert {c["id"] for c in a.pull_all(cursor)[0]} == {"b-new-0", "b-new-1", "b-new-2", "b-old"}


def test_batches_of_two_users_interleave_in_commit_order(login, server) -> None:
    """A long batch and a short one from another user: versions are contiguous per commit."""
    zhang, liu = login("zhangli"), login("liuqiang")
    out: dict[str, list[dict]] = {}

    def push(api, name: str, area: str, n: int) -> None:  # noqa: ANN001
        out[name] = api.push(*[make_op(fields={"area_code": area}) for _ in range(n)])

    threads = [threading.Thread(target=push, args=(zhang, "z", COMMUNITY_A, 400)),
               threading.Thread(target=push, args=(liu, "l", COMMUNITY_B, 5))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for name, n in (("z", 400), ("l", 5)):
        vs = [r["version"] for r in out[name]]
        assert vs == list(range(vs[0], vs[0] + n))  # a batch's versions are one block: it committed as one
    assert sorted(r["version"] for rs in out.values() for r in rs) == list(range(1, 406))


def test_full_batch_round_trip(login) -> None:
    a, n = login("zhangli"), 500
    ops = [make_op(fields={"area_code": COMMUNITY_A, "name": f"满批{i}"}) for i in range(n)]
    assert {r["status"] for r in a.push(*ops)} == {"applied"}
    edits = [make_op(id=o["id"], base_version=i + 1, fields={"phone": "13900000000"}) for i, o in enumerate(ops)]
    results = a.push(*edits)
    assert [r["version"] for r in results] == list(range(n + 1, 2 * n + 1))
    assert len(a.pull_all()[0]) == n
