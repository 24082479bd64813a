"""A supervisor's store with demo data from two workers and a few decisions already made (screenshots, UI tests)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app import ops
from app.collection import Collection
from app.demo import generate
from app.queries import reviews

SUPERVISOR = {"name": "wangjun", "display_name": "王军", "role": "supervisor", "areas": ["140105001000"]}
WORKERS = (
    ({"name": "zhangli", "display_name": "张丽", "role": "worker"}, ["140105001001", "140105001002"]),
    ({"name": "liuqiang", "display_name": "刘强", "role": "worker"}, ["140105001003"]),
)


def make_supervisor_store(path: Path, passphrase: str, households: int = 120,
                          today: dt.date = dt.date(2026, 11, 25), decisions: bool = True) -> Collection:
    """Demo households written as each worker (so visits carry their names), then reviewed by wangjun."""
    col = Collection.create(path, passphrase, SUPERVISOR)
    for i, (worker, scope) in enumerate(WORKERS):
        col.set_user({**worker, "areas": scope})
        generate(col, households // len(WORKERS), seed=11 + i, today=today, scope=scope)
    col.set_user(SUPERVISOR)
    if decisions:
        # An office that keeps up: the demo's supervisor reviewed all but the last days' work (app/demo.py);
        # anything older than three weeks still waiting (a second worker's data) is approved too …
        items = reviews.queue(col, today)
        old = today - dt.timedelta(days=21)
        for item in items:
            if item.item_date is None or item.item_date < old:
                ops.reviews.approve(col, item.kind, item.id, today=today)
        # … and some recent work was returned.
        for n, item in enumerate(reviews.queue(col, today)[:30]):
            if n % 5 == 0 and item.kind == "visit":  # the comment is about a visit's 四清
                ops.reviews.return_(col, item.kind, item.id, "四清信息不完整，请补充家庭成员就业状态。", today=today)
        # Two returns the workers have already answered: back in the queue.
        for r in reviews.returned_for_worker(col)[:2]:
            col.set_user({**WORKERS[0][0], "areas": WORKERS[0][1]})
            ops.reviews.answer(col, r["id"], "已补充家庭成员就业状态。", today=today)
            col.set_user(SUPERVISOR)
    return col
