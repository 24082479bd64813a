"""A laptop several people worked on hands their work to the platform, each change as its author's own.

The demo office (app/demo.py, docs/DEMO.md) is made on 张丽's laptop by three people: the worker's steps,
经办人员 赵芳's street review and 督导 王军's certifications and reviews, each written while the collection's
user was that person. Pushed as 张丽's, the platform rightly refuses what her role may not do (only a supervisor
creates a review). So the first sync of such a laptop pushes every queued op with the session of the user who
made it (``app.queries.op_authors``, from the audit log): the platform checks each against that user's own role
and areas, as it does when they push from their own laptops. The rest of the run — pull, user directory, rules,
audit anchor — is the laptop's own user's, so afterwards the laptop is in step with the platform.

All sessions share the laptop's device id: the work was typed on this one machine, and the platform's
field-level merge then treats one author's change after another's, both made here, as the sequence it was.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.collection import Collection
from app.queries.op_authors import op_authors
from sync.client.engine import SyncClient, SyncReport
from sync.client.runs import check_health
from sync.client.transport import Transport

PUSH = "/sync/push"


def author_runs(ops: list[dict[str, Any]], authors: Mapping[str, str], owner: str) -> list[tuple[str, list]]:
    """A push batch as (author, ops) runs, as few as keep each record's ops in their order.

    An op's level is the number of author changes before it among its record's ops in the batch; runs go out
    by level, so a record's op never reaches the platform before an earlier one of the same record. Ops of
    different records need no order among them. In queue order an office's day alternates between people
    every few ops; by level a batch of 500 is a handful of requests.
    """
    last: dict[tuple[str, str], tuple[int, str]] = {}
    runs: dict[tuple[int, str], list[dict[str, Any]]] = {}
    for op in ops:
        who = authors.get(op["op_id"], owner)
        key = (op["kind"], op["id"])
        prev = last.get(key)
        level = 0 if prev is None else prev[0] + (prev[1] != who)
        last[key] = (level, who)
        runs.setdefault((level, who), []).append(op)
    return [(who, run) for (_level, who), run in sorted(runs.items())]


@dataclass
class OfficeTransport(Transport):
    """The laptop's user's transport, except that pushes go out under the session of each op's author.

    ``authors`` maps op ids to logins; an op without one is the laptop's user's. ``others_password`` is
    what the other authors log in with (the demo platform's shared demo password).
    """

    authors: dict[str, str] = field(default_factory=dict)
    others_password: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        super().__post_init__()
        self._others: dict[str, Transport] = {}

    def post_json(self, path: str, payload: Any, **kw: Any) -> Any:
        if path != PUSH or not self.authors:
            return super().post_json(path, payload, **kw)
        results: list[Any] = []
        for who, ops in author_runs(payload["ops"], self.authors, self.username or ""):
            body = {**payload, "ops": ops}
            answer = super().post_json(path, body, **kw) if who == self.username else self._as(who).post_json(
                path, body, **kw)
            items = answer.get("results") if isinstance(answer, Mapping) else answer
            if not isinstance(items, list):
                return answer  # the client says what is wrong with it
            results += items
        return {"results": results}

    def _as(self, login: str) -> Transport:
        t = self._others.get(login)
        if t is None:
            t = self._others[login] = Transport(self.base_url, username=login, password=self.others_password,
                                                device_id=self.device_id, verify=self.verify,
                                                timeout=self.timeout, retry=self.retry)
        t.should_stop = self.should_stop
        return t

    def close(self) -> None:
        for t in self._others.values():
            t.close()
        super().close()


def wait_for_platform(url: str, timeout: float) -> bool:
    """True once the platform answers its health check (a platform started a moment ago may still be starting)."""
    end = time.monotonic() + timeout
    while not check_health(url, timeout=1.0):
        if time.monotonic() > end:
            return False
        time.sleep(0.2)
    return True


def hand_over(col: Collection, url: str, password: str, *, wait: float = 0.0,
              **client_options: Any) -> SyncReport:
    """The first sync of a laptop an office worked on: each queued change pushed by its author (all of whom log
    in with ``password``), the rest as the store's own user. Never raises for network or login trouble: see
    ``report.errors``. ``wait``: seconds to wait for a platform that is still starting."""
    if wait and not wait_for_platform(url, wait):
        report = SyncReport()
        report.errors.append("本地演示平台没有应答。")
        return report
    with col.records.reading() as conn:
        authors = op_authors(conn)
    transport = OfficeTransport(url, username=col.user["name"], password=password, authors=authors,
                                others_password=password)
    try:
        return SyncClient(col, transport, **client_options).sync()
    finally:
        transport.close()
