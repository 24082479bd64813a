"""Review queue: what waits, in which order, decisions as audited review records, worker answers, roles."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from app import ops, settings
from app.collection import Collection
from app.queries import reviews
from app.store import audit

TODAY = dt.date(2026, 11, 25)  # Wednesday
A, B = "140105001001", "140105001002"
SUPERVISOR = {"name": "wangjun", "display_name": "王军", "role": "supervisor", "areas": ["140105001000"]}
WORKER = {"name": "zhangli", "display_name": "张丽", "role": "worker", "areas": [A, B]}
D = dt.date


def _synced(tx, kind: str, area: str, fields: dict, version: int = 3, changed_at: str = "2026-11-20T08:00:00+00:00",
            rid: str | None = None) -> str:
    """A record as a pull from the platform writes it (a worker's work reaching the supervisor)."""
    rid = rid or str(uuid.uuid4())
    tx.apply_server(kind, {"id": rid, "version": version, "deleted": False, "area_code": area,
                           "changed_by": "zhangli", "changed_at": changed_at, **fields})
    return rid


@pytest.fixture
def store(tmp_path):
    col = Collection.create(tmp_path / "sup.db", "review-pass-2026", SUPERVISOR)
    # The platform's user directory, as the supervisor's last sync brought it: logins are shown by name.
    ops.settings.set_value(col, settings.USER_DIRECTORY, {"zhangli": {"display_name": "张丽", "role": "worker"}})
    ids = {}
    with col.records.transaction() as tx:
        hh = _synced(tx, "household", A, {"address": "1号"})
        ids["person"] = p = _synced(tx, "person", A, {"household_id": hh, "name": "李四", "worker": "zhangli"})
        hh_b = _synced(tx, "household", B, {"address": "2号"})
        ids["person_b"] = pb = _synced(tx, "person", B, {"household_id": hh_b, "name": "王五", "worker": "zhangli"})
        # visit on Fri 11-20: deadline 3 working days later = Wed 11-25 (today, not overdue)
        ids["visit1"] = _synced(tx, "visit", A, {"person_id": p, "visited_on": D(2026, 11, 20), "worker": "zhangli",
                                                 "employment_status": "unemployed", "members": [{"name": "李四"}],
                                                 "employment_intention": "有意愿", "service_needs": ["岗位推荐"]})
        # visit on Mon 11-16: deadline Thu 11-19, overdue
        ids["visit2"] = _synced(tx, "visit", B, {"person_id": pb, "visited_on": D(2026, 11, 16), "worker": "zhangli"})
        # a planned visit not yet made: nothing to review
        ids["planned"] = _synced(tx, "visit", A, {"person_id": p, "planned_on": D(2026, 11, 30)})
        # help plan last changed on the platform 11-10: deadline 11-13
        ids["plan"] = _synced(tx, "help_plan", A, {"person_id": p, "difficulty_type": "技能不足",
                                                   "measures": [{"text": "推荐岗位", "owner": "zhangli",
                                                                 "target_on": "2026-12-01", "done": False}]},
                              changed_at="2026-11-10T09:00:00+00:00")
        case_due = _synced(tx, "assistance_case", A, {"person_id": p, "stage": "street_review",
                                                      "due_on": D(2026, 11, 23)})
        case_open = _synced(tx, "assistance_case", B, {"person_id": pb, "stage": "helping"})
        # case step: the case's due date (11-23) is the deadline
        ids["step1"] = _synced(tx, "case_step", A, {"case_id": case_due, "person_id": p, "action": "pass_community",
                                                    "done_on": D(2026, 11, 12), "by": "zhangli"})
        # case step of a case with no limit: 3 working days after done_on (Tue 11-24 → Fri 11-27)
        ids["step2"] = _synced(tx, "case_step", B, {"case_id": case_open, "person_id": pb, "action": "start_help",
                                                    "done_on": D(2026, 11, 24), "by": "zhangli"})
        deleted = _synced(tx, "visit", A, {"person_id": p, "visited_on": D(2026, 11, 1)})
        tx.apply_server("visit", {"id": deleted, "version": 4, "deleted": True})
    yield col, ids
    col.close()


def test_queue_lists_made_work_oldest_deadline_first(store):
    col, ids = store
    items = reviews.queue(col, TODAY)
    assert [i.id for i in items] == [ids["plan"], ids["visit2"], ids["step1"], ids["visit1"], ids["step2"]]
    by_id = {i.id: i for i in items}
    assert by_id[ids["plan"]].deadline == D(2026, 11, 13)
    assert by_id[ids["visit2"]].deadline == D(2026, 11, 19) and by_id[ids["visit2"]].overdue
    assert by_id[ids["step1"]].deadline == D(2026, 11, 23) and by_id[ids["step1"]].overdue
    v1 = by_id[ids["visit1"]]
    assert v1.deadline == TODAY and not v1.overdue and v1.remaining_workdays == 0
    assert by_id[ids["step2"]].deadline == D(2026, 11, 27) and by_id[ids["step2"]].remaining_workdays == 2
    assert v1.person_name == "李四" and v1.worker == "张丽" and v1.version == 3 and v1.kind_label == "走访记录"
    assert [i.id for i in reviews.overdue(col, TODAY)] == [ids["plan"], ids["visit2"], ids["step1"]]


def test_queue_by_area(store):
    col, ids = store
    assert {i.id for i in reviews.queue(col, TODAY, area=B)} == {ids["visit2"], ids["step2"]}


def test_approve_creates_an_audited_review_record(store):
    col, ids = store
    heard = []
    col.subscribe(heard.append)
    rid = ops.reviews.approve(col, "visit", ids["visit1"], "四清完整", today=TODAY)
    rec = col.records.get("review", rid)
    assert rec["decision"] == "approved" and rec["target_id"] == ids["visit1"] and rec["target_version"] == 3
    assert rec["target_kind"] == "visit" and rec["person_id"] == ids["person"] and rec["reviewer"] == "wangjun"
    assert rec["decided_on"] == TODAY and rec["area_code"] == A and rec["comment"] == "四清完整"
    assert ids["visit1"] not in {i.id for i in reviews.queue(col, TODAY)}
    with col.records.reading() as conn:
        hist = audit.history(conn, rid)
    assert [(h["action"], h["actor"]) for h in hist] == [("create", "wangjun")]
    assert '"approved"' in hist[0]["changes"]
    assert any("review" in c.kinds for c in heard)
    assert col.records.pending_count() == 1  # queued to go up to the platform (and down to the worker)
    with pytest.raises(ValueError, match="已有审核结论"):
        ops.reviews.approve(col, "visit", ids["visit1"], today=TODAY)


def test_return_needs_a_comment(store):
    col, ids = store
    for empty in ("", "   \n"):
        with pytest.raises(ValueError, match="退回必须填写审核意见"):
            ops.reviews.return_(col, "visit", ids["visit2"], empty, today=TODAY)
    assert col.counts()["review"] == 0


def test_only_supervisors_and_admins_decide(store):
    col, ids = store
    col.set_user(WORKER)
    with pytest.raises(PermissionError, match="督导"):
        ops.reviews.approve(col, "visit", ids["visit1"], today=TODAY)
    with pytest.raises(PermissionError):
        ops.reviews.return_(col, "visit", ids["visit1"], "x", today=TODAY)
    col.set_user({**SUPERVISOR, "name": "admin", "role": "admin"})
    ops.reviews.approve(col, "visit", ids["visit1"], today=TODAY)


def test_not_reviewable_or_missing(store):
    col, ids = store
    with pytest.raises(ValueError, match="不需要审核"):
        ops.reviews.approve(col, "person", ids["person"], today=TODAY)
    with pytest.raises(LookupError):
        ops.reviews.approve(col, "visit", str(uuid.uuid4()), today=TODAY)


def test_return_answer_and_back_in_queue(store):
    col, ids = store
    rid = ops.reviews.return_(col, "visit", ids["visit2"], "请补充家庭成员就业状态", today=TODAY)
    assert ids["visit2"] not in {i.id for i in reviews.queue(col, TODAY)}  # waiting for the worker now
    todo = reviews.returned_for_worker(col)
    assert [(t["id"], t["comment"], t["person_name"]) for t in todo] == [(rid, "请补充家庭成员就业状态", "王五")]
    assert reviews.returned_for_worker(col, worker="zhangli") and not reviews.returned_for_worker(col, worker="x")

    col.set_user(WORKER)  # the worker answers (on their laptop; the review record syncs back up)
    with pytest.raises(ValueError, match="答复"):
        ops.reviews.answer(col, rid, "  ")
    ops.reviews.answer(col, rid, "已补充：配偶已就业", today=D(2026, 11, 26))
    rec = col.records.get("review", rid)
    assert (rec["answer"], rec["answered_by"], rec["answered_on"]) == ("已补充：配偶已就业", "zhangli", D(2026, 11, 26))
    assert reviews.returned_for_worker(col) == []
    with col.records.reading() as conn:
        assert [h["actor"] for h in audit.history(conn, rid)] == ["wangjun", "zhangli"]

    col.set_user(SUPERVISOR)
    again = {i.id: i for i in reviews.queue(col, D(2026, 11, 26))}[ids["visit2"]]
    assert again.resubmitted and again.answer == "已补充：配偶已就业"
    assert again.returned_comment == "请补充家庭成员就业状态"
    assert again.deadline == D(2026, 12, 1)  # 3 working days after the answer (Thu 11-26 → Tue 12-01)
    assert not again.overdue
    ops.reviews.approve(col, "visit", ids["visit2"], today=D(2026, 11, 26))
    assert ids["visit2"] not in {i.id for i in reviews.queue(col, D(2026, 11, 26))}


def test_answer_only_for_returns(store):
    col, ids = store
    rid = ops.reviews.approve(col, "visit", ids["visit1"], today=TODAY)
    with pytest.raises(ValueError, match="被退回"):
        ops.reviews.answer(col, rid, "谢谢")


def test_a_new_version_needs_review_again(store):
    col, ids = store
    ops.reviews.approve(col, "help_plan", ids["plan"], today=TODAY)
    assert ids["plan"] not in {i.id for i in reviews.queue(col, TODAY)}
    with col.records.transaction() as tx:  # the worker changed the plan; the pull brings version 7
        tx.apply_server("help_plan", {"id": ids["plan"], "version": 7, "progress": "已推荐 2 个岗位",
                                      "changed_at": "2026-11-24T10:00:00+00:00"})
    item = {i.id: i for i in reviews.queue(col, TODAY)}[ids["plan"]]
    assert item.version == 7 and item.deadline == D(2026, 11, 27) and not item.resubmitted


def test_counts_agree_with_queue(store):
    col, ids = store
    rid = ops.reviews.return_(col, "visit", ids["visit2"], "补充", today=TODAY)
    col.set_user(WORKER)
    ops.reviews.answer(col, rid, "已补充", today=TODAY)
    col.set_user(SUPERVISOR)
    items = reviews.queue(col, TODAY)
    counts = reviews.counts(col, TODAY)
    for area in (A, B):
        mine = [i for i in items if i.area_code == area]
        assert counts.get((area, "waiting"), 0) == len(mine)
        assert counts.get((area, "overdue"), 0) == sum(i.overdue for i in mine)
        assert counts.get((area, "resubmitted"), 0) == sum(i.resubmitted for i in mine)
    assert counts[(B, "resubmitted")] == 1


def test_describe_shows_four_clears_and_measures(store):
    col, ids = store
    visit = dict(reviews.describe(col, "visit", ids["visit1"]))
    assert visit["人员"] == "李四" and visit["人员底数"] == "李四" and visit["服务需求"] == "岗位推荐"
    assert list(dict(reviews.describe(col, "visit", ids["visit1"])))[2:6] == ["走访日期", "走访人", "人员底数", "就业状态"]
    assert visit["走访人"] == "张丽"  # the worker by name, not the login zhangli
    plan = dict(reviews.describe(col, "help_plan", ids["plan"]))
    assert "推荐岗位" in plan["帮扶措施"] and "2026-12-01" in plan["帮扶措施"]
    step = dict(reviews.describe(col, "case_step", ids["step1"]))
    assert step["操作"] != "pass_community"  # shown by its Chinese name
