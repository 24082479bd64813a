"""What demo data must never contradict: the workflow's paths, the eligibility rules, ID numbers. Each check
returns the problems it finds (empty = fine), so a test can show them and the old generator can be measured."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import select, text

from app import areas
from app.collection import Collection
from app.queries.person_detail import facts_for
from app.rules import workflow
from app.rules.eligibility import evaluate
from app.rules.idcard import id_error
from app.rules.workdays import is_workday, workdays_between
from app.store.records import from_db
from app.store.tables import TABLES


def rows(col: Collection, kind: str) -> list[dict[str, Any]]:
    """Live records of a kind in the order they were written (rowid)."""
    t = TABLES[kind]
    with col.records.reading() as conn:
        result = conn.execute(select(t).where(t.c.deleted.is_(False)).order_by(text("rowid")))
        return [from_db(kind, r) for r in result]


def roles_by_name(col: Collection) -> dict[str, str]:
    """Who may have acted, by the name a step records: the demo accounts and the store's own user."""
    names = {u["display_name"]: u["role"] for u in areas.demo_users()}
    user = col.user
    names[user.get("display_name") or user["name"]] = user.get("role", "worker")
    return names


def step_problems(col: Collection) -> list[str]:
    """Every case's steps form a path of workflow.toml: each step an allowed action from the stage the case was
    in, by a role allowed to take it, on a working day not before the previous step, publicity not shorter than
    its minimum; the case's stage is where its last step left it."""
    roles = roles_by_name(col)
    edges = {(a.code, a.from_stage, a.to_stage): a for a in workflow.actions()}
    steps: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in rows(col, "case_step"):
        steps[s["case_id"]].append(s)
    problems = []
    for case in rows(col, "assistance_case"):
        path = steps.get(case["id"], [])
        where = f"case {case['id'][:8]} ({case['stage']})"
        if not path or (path[0]["action"], path[0]["from_stage"], path[0]["to_stage"]) != ("apply", "", "applied"):
            problems.append(f"{where}: does not start with 申请")
            continue
        if path[0]["done_on"] != case["applied_on"]:
            problems.append(f"{where}: applied {case['applied_on']}, first step {path[0]['done_on']}")
        entered: dt.date = path[0]["done_on"]
        for prev, s in zip(path, path[1:], strict=False):
            what = f"{where}: {s['action']} {s['from_stage']}→{s['to_stage']} on {s['done_on']}"
            edge = edges.get((s["action"], s["from_stage"], s["to_stage"]))
            if s["from_stage"] != prev["to_stage"]:
                problems.append(f"{what} after a step that ended in {prev['to_stage']}")
            if edge is None:
                problems.append(f"{what}: not an action of workflow.toml")
            elif roles.get(s["by"]) not in edge.roles:
                problems.append(f"{what}: by {s['by']} ({roles.get(s['by'])}), allowed {edge.roles}")
            if s["done_on"] < prev["done_on"]:
                problems.append(f"{what}: before the previous step ({prev['done_on']})")
            if not is_workday(s["done_on"]):
                problems.append(f"{what}: not a working day")
            minimum = workflow.stage(s["from_stage"]).min_workdays if s["from_stage"] else None
            if (edge is not None and edge.checks_min_duration and minimum
                    and workdays_between(entered, s["done_on"]) < minimum):
                problems.append(f"{what}: {s['from_stage']} lasted less than {minimum} working days")
            entered = s["done_on"]
        if path[-1]["to_stage"] != case["stage"]:
            problems.append(f"{where}: last step ends in {path[-1]['to_stage']}")
        if case["stage"] == "exited" and not case.get("exit_reason"):
            problems.append(f"{where}: exited without a reason")
    return problems


def eligibility_problems(col: Collection) -> list[str]:
    """Every certified or helped person meets the basic conditions and their own category on the day they
    applied, as the eligibility panel reads their recorded facts."""
    persons = {p["id"]: p for p in rows(col, "person")}
    households = {h["id"]: h for h in rows(col, "household")}
    cases = rows(col, "assistance_case")
    zero_certified = defaultdict(set)  # household → persons certified as 零就业家庭成员
    for c in cases:
        if c["stage"] in workflow.certified_stages() and c["category"] == "zero_household":
            zero_certified[persons[c["person_id"]]["household_id"]].add(c["person_id"])
    problems = []
    for c in cases:
        if c["stage"] not in workflow.certified_stages():
            continue
        person = persons[c["person_id"]]
        hh = households.get(person["household_id"])
        others = zero_certified[person["household_id"]] - {person["id"]}
        facts = facts_for(person, hh, other_member_certified=bool(others), case=c)
        result = evaluate(facts, c["applied_on"])
        verdict = result.category(c["category"])
        if not result.basic_ok or not verdict.met:
            problems.append(f"{person['name']} ({c['category']}, applied {c['applied_on']}): "
                            f"{'；'.join(result.basic_reasons + verdict.reasons)}")
    return problems


def id_problems(col: Collection, today: dt.date) -> list[str]:
    """Every live person's ID number is valid and held by nobody else."""
    seen: dict[str, str] = {}
    problems = []
    for p in rows(col, "person"):
        idn = p["id_number"] or ""
        if msg := id_error(idn, today):
            problems.append(f"{p['name']} {idn}: {msg}")
        if idn in seen:
            problems.append(f"{p['name']} and {seen[idn]} share {idn}")
        seen[idn] = p["name"]
    return problems


def content(col: Collection) -> dict[str, list[tuple]]:
    """The store's demo data without record ids (random by design): persons by ID number, everything else by
    the ID number of its person, so two stores can be compared."""
    persons = rows(col, "person")
    idn = {p["id"]: p["id_number"] for p in persons}
    skip = {"id", "version", "changed_at", "changed_by", "household_id", "person_id", "case_id", "visit_id",
            "name_pinyin", "name_initials"}

    def strip(r: dict[str, Any]) -> tuple:
        if r.get("members"):  # 人员底数 names members by record id
            r = {**r, "members": [{**m, "person_id": idn.get(m.get("person_id"), "")} for m in r["members"]]}
        return (idn.get(r.get("person_id"), ""),) + tuple(
            (k, repr(v)) for k, v in sorted(r.items()) if k not in skip)

    return {kind: sorted(strip(r) for r in rows(col, kind))
            for kind in ("person", "assistance_case", "case_step", "visit", "service", "help_plan", "followup")}
