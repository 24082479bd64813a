"""Round trips on one laptop: push, pull into a second store, progress and cancel."""

from __future__ import annotations

import threading

from app.ops.conflicts import dismiss_rejected
from app.queries.conflicts import list_rejected
from tests.sync.support import Stall, add_household, assert_converged


def test_push_then_pull_into_a_fresh_store(server, laptops) -> None:
    a = laptops("a", server.url)
    hh, persons = add_household(a.col, persons=3)
    seen = []
    report = a.sync(progress=lambda stage, done, total: seen.append(stage))
    assert report.ok, report.errors
    assert (report.pushed, report.applied) == (4, 4)
    assert a.col.records.get("household", hh)["version"] > 0
    assert {"login", "push", "pull", "done"} <= set(seen)
    assert a.col.user["role"] == "worker" and "140105001001" in a.col.user["areas"]

    b = laptops("b", server.url)
    rb = b.sync()
    assert rb.ok and rb.pulled == 4
    assert b.col.records.get("person", persons[0])["name"] == "测试0"
    assert_converged(server.url, a, b)


def test_cancel_before_start_leaves_outbox(server, laptops) -> None:
    a = laptops("a", server.url)
    add_household(a.col)
    stop = threading.Event()
    stop.set()
    report = a.sync(cancel=stop)
    assert report.cancelled and not report.ok
    assert a.pending() == 3
    assert a.sync().ok
    assert_converged(server.url, a)


def test_rejected_op_is_kept_and_reported(server, laptops) -> None:
    a = laptops("a", server.url)
    hh, _ = add_household(a.col, persons=0, area="140106001001")  # 柳巷北社区: not zhangli's
    report = a.sync()
    assert report.ok and report.rejected == 1
    [r] = report.rejected_ops
    assert r["id"] == hh and "辖区" in r["reason"]
    [kept] = list_rejected(a.col)
    assert kept["id"] == hh and kept["fields"]["area_code"] == "140106001001"
    assert a.pending() == 0
    dismiss_rejected(a.col)
    assert list_rejected(a.col) == []


def test_local_edit_during_sync_is_not_overwritten(server, laptops) -> None:
    a = laptops("a", server.url)
    b = laptops("b", server.url)
    hh, _ = add_household(a.col)
    assert a.sync().ok and b.sync().ok
    b.col.records.update("household", hh, {"note": "B 改的"})
    a.col.records.update("household", hh, {"address": "A 改的地址"})
    assert b.sync().ok

    stall = Stall("push:sent")
    result = {}
    worker = threading.Thread(target=lambda: result.update(r=a.sync(hook=stall)))
    worker.start()
    assert stall.reached.wait(10)
    # The person types while the push answer is being settled: a newer local value for the same field.
    a.col.records.update("household", hh, {"address": "A 又改的地址"})
    stall.release.set()
    worker.join(10)
    assert result["r"].ok
    rec = a.col.records.get("household", hh)
    assert rec["address"] == "A 又改的地址"  # neither the push answer nor the pull overwrote it
    assert rec["note"] == "B 改的"  # the other field did come in
    assert a.pending() == 1
    assert a.sync().ok and b.sync().ok
    assert b.col.records.get("household", hh)["address"] == "A 又改的地址"
    assert_converged(server.url, a, b)
