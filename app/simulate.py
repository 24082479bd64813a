"""A worker's day of edits, through the same operations the app uses: for the demo, sync tests and benchmark."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from sqlalchemy import select

from app import ops, vocabulary
from app.collection import Collection
from app.store.tables import TABLES

INTENT = vocabulary.values("intention")


def _ids(col: Collection, kind: str, limit: int, rng: random.Random) -> list[str]:
    t = TABLES[kind]
    with col.records.reading() as conn:
        # A random window of rows, not the whole table: cost stays flat on a large store.
        total = conn.execute(select(t.c.id).where(t.c.deleted.is_(False)).order_by(t.c.id.desc()).limit(1)).scalar()
        if total is None:
            return []
        start = rng.choice("0123456789abcdef")
        rows = conn.execute(select(t.c.id).where(t.c.deleted.is_(False), t.c.id >= start)
                            .order_by(t.c.id).limit(limit)).scalars().all()
    return list(rows)


def simulate(col: Collection, changes: int, *, seed: int = 1, today: dt.date | None = None) -> dict[str, Any]:
    """Make ``changes`` realistic edits; returns {kind: {"created": n, "changed": n, "deleted": n}}."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    persons = _ids(col, "person", max(50, changes * 2), rng)
    if not persons:
        raise ValueError("数据文件中没有人员，无法模拟走访。")
    summary: dict[str, dict[str, int]] = {}

    def count(kind: str, what: str, n: int = 1) -> None:
        summary.setdefault(kind, {"created": 0, "changed": 0, "deleted": 0})[what] += n

    actions = ("visit", "service", "person", "plan", "followup", "delete_planned")
    weights = (4, 3, 3, 1, 1, 1)
    for _ in range(changes):
        action = rng.choices(actions, weights)[0]
        pid = rng.choice(persons)
        person = col.records.get("person", pid)
        if action == "visit":
            ops.visits.record_visit(col, pid, {
                "visited_on": today, "employment_status": person.get("employment_status") or "unemployed",
                "employment_intention": rng.choice((INTENT[0], INTENT[3])),  # soon / not for now
                "service_needs": [vocabulary.values("service_need")[0]], "notes": "模拟走访",
            }, services=[], today=today,  # an employed person's visit gives the job (and proposes the exit)
                employment={"employer": "某物业服务有限公司", "post": "保洁员", "started_on": today})
            count("visit", "created")
        elif action == "service":
            kind = rng.choice(("job_recommendation", "career_guidance", "policy_consultation"))
            job = {"employer": "某物业服务有限公司", "post": "保洁员", "result": vocabulary.values("job_result")[0]}
            ops.visits.add_service(col, pid, {"kind": kind, "served_on": today,
                                       **(job if kind == "job_recommendation" else {})})
            count("service", "created")
        elif action == "person":
            # The fact form's edit (checked like any user's); the intended job changes with the next visit.
            ops.people.update_person(col, pid, {"phone": "1" + rng.choice("3589") + f"{rng.randrange(10**9):09d}"},
                                     today=today)
            count("person", "changed")
        elif action == "plan":
            plans = col.records.children("help_plan", "person_id", pid)
            if plans:
                ops.plans.save_help_plan(col, pid, {"progress": f"{today.isoformat()} 已再次推荐岗位"})
                count("help_plan", "changed")
            else:
                ops.plans.save_help_plan(col, pid, {"difficulty_type": vocabulary.values("difficulty_type")[0],
                                                    "difficulty_degree": vocabulary.values("difficulty_degree")[0],
                                                    "measures": []})
                count("help_plan", "created")
        elif action == "followup":
            due = [f for f in col.records.children("followup", "person_id", pid) if not f.get("done_on")]
            if due:
                col.records.update("followup", due[0]["id"], {"done_on": today, "note": "电话回访，工作稳定"})
                count("followup", "changed")
            else:
                ops.visits.add_service(col, pid, {"kind": "policy_consultation", "served_on": today})
                count("service", "created")
        else:
            planned = [v for v in col.records.children("visit", "person_id", pid)
                       if v.get("planned_on") and not v.get("visited_on")]
            if planned:
                col.records.delete("visit", planned[0]["id"])
                count("visit", "deleted")
            else:
                ops.visits.plan_visit(col, pid, today + dt.timedelta(days=rng.randint(1, 7)))
                count("visit", "created")
    return summary
