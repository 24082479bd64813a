"""End to end through the real reference server on 127.0.0.1, with two real encrypted stores:
a helped person → a visit records 已就业 → the exit is proposed → the supervisor approves it after sync →
the follow-ups are scheduled → the worker records the first one → it leaves the worker's to-do."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app import ops
from app.collection import Collection
from app.queries import reviews
from app.queries.exits import pending_exit_case
from app.queries.todo import todo
from app.rules import workflow

pytest.importorskip("sync.server.testing")

from tests.review.test_e2e_supervisor import COMMUNITY, _sync, server  # noqa: E402, F401  (the same server)

PASSPHRASE = "e2e-lifecycle-pass-2026"
pytestmark = pytest.mark.slow


def test_employment_exit_and_followup_across_two_stores(tmp_path: Path, server) -> None:  # noqa: F811
    today = dt.date.today()
    started = today - dt.timedelta(days=10)  # the first follow-up (入职第7天) is due already
    worker = Collection.create(tmp_path / "zhangli.db", PASSPHRASE, {"name": "zhangli"})
    supervisor = Collection.create(tmp_path / "wangjun.db", PASSPHRASE, {"name": "wangjun"})
    try:
        # 1. A person being helped, on the worker's laptop and the platform.
        with worker.records.transaction() as tx:
            hh = tx.create("household", {"address": "小店区坞城南路 8 号"}, area_code=COMMUNITY)
            pid = tx.create("person", {"household_id": hh, "name": "赵测试", "worker": "zhangli",
                                       "employment_status": "unemployed"}, area_code=COMMUNITY)
            certified = today - dt.timedelta(days=200)
            case_id = tx.create("assistance_case", {
                "person_id": pid, "category": "long_term", "stage": "helping", "stage_started_on": certified,
                "certified_on": certified, "valid_until": workflow.status_valid_until(certified)},
                area_code=COMMUNITY)
        _sync(worker, server.url, "zhangli")
        assert worker.user["role"] == "worker"

        # 2. A visit records 已就业 with the job: the exit is proposed and the follow-ups are scheduled.
        visit = {"visited_on": today, "employment_status": "employed", "employment_intention": "已就业",
                 "service_needs": ["暂无需求"], "members": [{"person_id": pid, "status": "employed"}]}
        job = {"employer": "小店区某超市", "post": "收银员", "started_on": started.isoformat()}
        ops.visits.record_visit(worker, pid, visit, [], today=today, employment=job)
        case = worker.records.get("assistance_case", case_id)
        assert (case["stage"], case["exit_reason"], case["exit_from_stage"]) == ("exit_proposed", "employed", "helping")
        followups = sorted(worker.records.children("followup", "person_id", pid), key=lambda f: f["due_on"])
        assert len(followups) == 7 and followups[0]["due_on"] == started + dt.timedelta(days=7)
        _sync(worker, server.url, "zhangli")

        # 3. The supervisor syncs, finds the proposal in the review queue and approves it.
        _sync(supervisor, server.url, "wangjun")
        assert supervisor.user["role"] == "supervisor"
        step = next(s for s in supervisor.records.children("case_step", "case_id", case_id)
                    if s["action"] == "propose_exit")
        assert step["id"] in {i.id for i in reviews.queue(supervisor, today)}
        assert pending_exit_case(supervisor, step["id"]) == case_id
        with pytest.raises(workflow.WorkflowError):  # a worker cannot decide an exit
            ops.exits.decide_exit(worker, case_id, True, actor="张丽", today=today)
        ops.exits.decide_exit(supervisor, case_id, True, actor="王军", today=today, note="已核实劳动合同")
        assert step["id"] not in {i.id for i in reviews.queue(supervisor, today)}
        _sync(supervisor, server.url, "wangjun")

        # 4. After the worker's sync the case has left the active lists, with its history.
        _sync(worker, server.url, "zhangli")
        case = worker.records.get("assistance_case", case_id)
        assert (case["stage"], case["exited_on"], case["exit_reason"]) == ("exited", today, "employed")
        assert case["stage"] not in workflow.open_stages()
        history = [s["action"] for s in sorted(worker.records.children("case_step", "case_id", case_id),
                                                key=lambda s: s["changed_at"])]
        assert history == ["propose_exit", "approve_exit"]
        assert len(worker.records.children("followup", "person_id", pid)) == 7  # not scheduled twice

        # 5. The first follow-up is in the worker's to-do; recording it takes it off.
        first = followups[0]["id"]
        assert first in {i.record_id for i in todo(worker, today) if i.kind == "followup"}
        assert ops.followups.record_followup(worker, first, {"contact_method": "phone", "contacted": True,
                                                             "still_employed": True, "help_given": "讲解稳岗政策"},
                                             today=today)
        assert first not in {i.record_id for i in todo(worker, today) if i.kind == "followup"}
        _sync(worker, server.url, "zhangli")
        _sync(supervisor, server.url, "wangjun")
        assert supervisor.records.get("followup", first)["done_on"] == today
        assert worker.verify_audit() == [] and supervisor.verify_audit() == []
    finally:
        worker.close()
        supervisor.close()
