"""Push: idempotency, field-level merge, conflicts, tombstones and rejections (docs/SYNC.md "Push")."""

from __future__ import annotations

from platform_api import COMMUNITY_A, COMMUNITY_B, make_op


def test_create_then_same_op_again_is_duplicate(login) -> None:
    api = login("zhangli")
    op = make_op(fields={"area_code": COMMUNITY_A, "name": "测试甲", "ui_contribution_months": 7})
    first = api.push(op)[0]
    assert first["status"] == "applied" and first["version"] >= 1
    rec = first["record"]
    assert rec["fields"]["name"] == "测试甲" and rec["fields"]["ui_contribution_months"] == 7
    assert rec["changed_by"] == "zhangli" and rec["area_code"] == COMMUNITY_A and rec["deleted"] is False
    again = api.push(op)[0]
    assert again["status"] == "duplicate" and again["first_status"] == "applied"
    assert again["version"] == first["version"]
    changes, cursor = api.pull_all()
    assert [c["id"] for c in changes] == [op["id"]] and cursor == first["version"]  # no second version


def test_different_fields_from_two_devices_merge(login) -> None:
    a = login("zhangli", "laptop-1")
    b = a.on_device("laptop-2")
    created = a.push_one(id="p-merge", fields={"area_code": COMMUNITY_A, "name": "测试乙", "phone": "13800000000"})
    base = created["version"]
    r1 = a.push_one(id="p-merge", base_version=base, fields={"phone": "13900000000"})
    assert r1["status"] == "applied"
    r2 = b.push_one(id="p-merge", base_version=base, fields={"education": "大专"})
    assert r2["status"] == "applied" and r2["version"] > r1["version"]
    assert r2["record"]["fields"]["phone"] == "13900000000" and r2["record"]["fields"]["education"] == "大专"


def test_same_field_from_two_devices_conflicts(login) -> None:
    a = login("zhangli", "laptop-1")
    b = a.on_device("laptop-2")
    base = a.push_one(id="p-clash", fields={"area_code": COMMUNITY_A, "name": "测试丙", "phone": "13800000001"})["version"]
    v1 = a.push_one(id="p-clash", base_version=base, fields={"phone": "13800000002"})["version"]
    r = b.push_one(id="p-clash", base_version=base, fields={"phone": "13800000003", "education": "高中"})
    assert r["status"] == "conflict" and r["conflicts"] == ["phone"]
    # The non-clashing field was merged and applied, so the version moved on; the server value stands.
    assert r["version"] > v1
    assert r["record"]["fields"]["phone"] == "13800000002" and r["record"]["fields"]["education"] == "高中"
    # Same value on both sides is no clash; a choice sent with the conflict's version applies.
    same = b.push_one(id="p-clash", base_version=base, fields={"phone": "13800000002"})
    assert same["status"] == "applied"
    chosen = b.push_one(id="p-clash", base_version=r["version"], fields={"phone": "13800000003"})
    assert chosen["status"] == "applied" and chosen["record"]["fields"]["phone"] == "13800000003"


def test_conflict_only_bumps_version_when_something_applied(login) -> None:
    a = login("zhangli", "laptop-1")
    b = a.on_device("laptop-2")
    base = a.push_one(id="p-c2", fields={"area_code": COMMUNITY_A, "phone": "13800000004"})["version"]
    v1 = a.push_one(id="p-c2", base_version=base, fields={"phone": "13800000005"})["version"]
    r = b.push_one(id="p-c2", base_version=base, fields={"phone": "13800000006"})
    assert r["status"] == "conflict" and r["version"] == v1


def test_same_device_sequential_ops_never_conflict(login) -> None:
    a = login("zhangli", "laptop-1")
    base = a.push_one(id="p-seq", fields={"area_code": COMMUNITY_A, "phone": "13800000007"})["version"]
    # The laptop has not pulled in between, so every op carries the same old base version.
    for phone in ("13800000008", "13800000009", "13800000010"):
        r = a.push_one(id="p-seq", base_version=base, fields={"phone": phone})
        assert r["status"] == "applied" and r["record"]["fields"]["phone"] == phone


def test_delete_leaves_a_tombstone(login) -> None:
    a = login("zhangli")
    v = a.push_one(id="p-del", fields={"area_code": COMMUNITY_A, "name": "测试丁"})["version"]
    r = a.push_one(id="p-del", base_version=v, op="delete")
    assert r["status"] == "applied" and r["version"] > v and r["record"]["deleted"] is True
    changes, _ = a.pull_all()
    tomb = [c for c in changes if c["id"] == "p-del"]
    assert len(tomb) == 1 and tomb[0]["deleted"] is True and tomb[0]["fields"]["name"] == "测试丁"


def test_edit_of_record_deleted_elsewhere_is_flagged(login) -> None:
    a = login("zhangli", "laptop-1")
    b = a.on_device("laptop-2")
    v = a.push_one(id="p-del2", fields={"area_code": COMMUNITY_A, "name": "测试戊"})["version"]
    a.push_one(id="p-del2", base_version=v, op="delete")
    r = b.push_one(id="p-del2", base_version=v, fields={"education": "本科"})
    assert r["status"] == "conflict" and r["conflicts"] == ["deleted"]
    assert r["record"]["deleted"] is True and r["record"]["fields"]["education"] == "本科"  # kept, not dropped


def test_rejections_are_stored_and_explained(login) -> None:
    a = login("zhangli")
    cases = [
        make_op(fields={"area_code": COMMUNITY_A, "ui_contribution_months": "很多"}),  # bad value
        make_op(fields={"area_code": COMMUNITY_A, "birthday": "2000-01-01"}),  # unknown field
        make_op(kind="spaceship", fields={"area_code": COMMUNITY_A}),  # unknown kind
        make_op(fields={"area_code": COMMUNITY_B, "name": "越界"}),  # another worker's community
        make_op(fields={"name": "无社区"}),  # area_code missing on create
        make_op(fields={"area_code": "1401"}),  # malformed area code
        make_op(kind="review", fields={"area_code": COMMUNITY_A, "decision": "通过"}),  # worker writing review
        make_op(id="never-created", op="delete"),
        make_op(fields={"area_code": COMMUNITY_A, "graduated_on": "2024-02-30"}),  # not a date
    ]
    results = a.push(*cases)
    assert [r["status"] for r in results] == ["rejected"] * len(cases)
    assert all(r["reason"] for r in results)
    again = a.push(cases[0])[0]
    assert again["status"] == "duplicate" and again["first_status"] == "rejected" and again["reason"]
    assert a.pull_all()[0] == []


def test_review_written_by_supervisor_answered_by_worker(login) -> None:
    sup = login("wangjun")
    worker = login("zhangli")
    r = sup.push_one(kind="review", id="rv-1", fields={"area_code": COMMUNITY_A, "decision": "退回", "comment": "补材料"})
    assert r["status"] == "applied"
    v = r["version"]
    ans = worker.push_one(kind="review", id="rv-1", base_version=v, fields={"answer": "已补", "answered_by": "zhangli"})
    assert ans["status"] == "applied"
    bad = worker.push_one(kind="review", id="rv-1", base_version=ans["version"], fields={"decision": "通过"})
    assert bad["status"] == "rejected"


def test_worker_cannot_move_record_out_of_scope(login) -> None:
    a = login("zhangli")
    v = a.push_one(id="p-move", fields={"area_code": COMMUNITY_A})["version"]
    r = a.push_one(id="p-move", base_version=v, fields={"area_code": COMMUNITY_B})
    assert r["status"] == "rejected"
    other = login("liuqiang")
    r = other.push_one(id="p-move", base_version=v, fields={"name": "改别人的"})
    assert r["status"] == "rejected"


def test_batch_limit_and_op_id_of_another_user(login, server) -> None:
    a = login("zhangli")
    r = a.http.post(f"{server.url}/api/v1/sync/push",
                    json={"device_id": a.device, "ops": [make_op() for _ in range(501)]})
    assert r.status_code == 422 and r.json()["error"] == "invalid_request"
    op = make_op(fields={"area_code": COMMUNITY_A})
    assert a.push(op)[0]["status"] == "applied"
    stolen = login("wangjun").push(op)[0]
    assert stolen["status"] == "rejected" and "record" not in stolen or stolen["record"] is None
