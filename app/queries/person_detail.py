"""Everything the household & person view shows, read in one go (no Qt).

The mapping from stored records to the eligibility rules' ``PersonFacts`` lives here, so the view, the
CLI and tests all judge a person from the same facts.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, or_, select

from app import areas, vocabulary
from app.model.kinds import KINDS
from app.queries.names import directory, name_fields, shown, shown_value
from app.rules import workflow
from app.rules._data import load
from app.rules.eligibility import Eligibility, evaluate
from app.rules.facts import PersonFacts
from app.rules.idcard import IdNumberError, parse_id
from app.rules.service_package import PackageProgress, package_progress, service_kinds
from app.rules.workdays import Deadline, add_workdays, estimate_note, unknown_years
from app.rules.zero_household import MemberEmployment, ZeroStatus, zero_status
from app.store import audit
from app.store.records import from_db
from app.store.tables import TABLES

RETURNED = ("returned", "退回")
FOLLOWUP_KINDS = {"adaptation": "适应期回访", "stabilization": "稳定期回访", "evaluation": "期满评估"}
AUDIT_ACTIONS = {"create": "新建", "update": "修改", "delete": "删除", "resolve": "处理冲突", "sync": "同步",
                 "copy": "从平台取得"}


@dataclass(slots=True)
class MemberInfo:
    id: str
    name: str
    relation: str
    id_number: str
    sex: str  # from the ID number; "" when it is invalid
    age: int | None
    id_error: str  # why the ID number tells nothing ("" when valid)
    employment_status: str
    status_zh: str
    stage_zh: str  # the member's case stage, "" without a case
    record: dict[str, Any]


@dataclass(slots=True)
class HouseholdInfo:
    id: str
    address: str
    area_code: str
    area_name: str
    flags: list[str]  # 零就业家庭 / 低保家庭 / 脱贫（监测）户
    zero: ZeroStatus | None  # only for a household flagged 零就业
    members: list[MemberInfo]
    record: dict[str, Any]


@dataclass(slots=True)
class MaterialItem:
    code: str
    name: str
    checked: bool
    category_proof: bool


@dataclass(slots=True)
class ActionInfo:
    code: str
    name: str
    to_stage: str
    to_stage_zh: str
    preview: str  # the working-day deadline the action starts, in Chinese
    needs_note: bool
    needs_exit_reason: bool


@dataclass(slots=True)
class CaseInfo:
    record: dict[str, Any]
    stage_zh: str
    step_zh: str
    category_zh: str
    deadline: Deadline | None
    materials: list[MaterialItem]
    actions: list[ActionInfo]
    steps: list[dict[str, Any]]


@dataclass(slots=True)
class HistoryEntry:
    seq: int
    at: str
    actor: str
    kind_label: str
    action_zh: str
    changes: list[tuple[str, str, str]]  # (field label, old, new)


@dataclass(slots=True)
class PersonDetail:
    person: dict[str, Any]
    household: HouseholdInfo
    facts: PersonFacts
    eligibility: Eligibility
    case: CaseInfo | None
    visits: list[dict[str, Any]]  # done, newest first; each has "attachments" (count)
    planned: list[dict[str, Any]]  # planned, not yet visited, soonest first
    help_plan: dict[str, Any] | None
    services: list[dict[str, Any]]
    package: PackageProgress
    followups: list[dict[str, Any]]
    reviews: list[dict[str, Any]]
    match_hits: list[dict[str, Any]]
    history: list[HistoryEntry] = field(default_factory=list)


def status_zh(code: str | None) -> str:
    return vocabulary.zh("employment_status", code, code or "未记录")


def category_zh(code: str | None) -> str:
    from app.rules.eligibility import category_names

    return dict(category_names()).get(code or "", code or "未选择")


def service_zh(code: str | None) -> str:
    return {k.code: k.name_zh for k in service_kinds()}.get(code or "", code or "")


def facts_for(
    person: dict[str, Any],
    household: dict[str, Any] | None,
    *,
    other_member_certified: bool = False,
    case: dict[str, Any] | None = None,
) -> PersonFacts:
    """The eligibility facts of one person: their own flags plus what the household record says."""
    hh = household or {}
    defaults = PersonFacts()

    def flag(name: str) -> bool:
        value = person.get(name)
        return getattr(defaults, name) if value is None else bool(value)

    return PersonFacts(
        id_number=person.get("id_number") or "",
        hukou_in_shanxi=flag("hukou_in_shanxi"),
        able_to_work=flag("able_to_work"),
        willing_to_work=flag("willing_to_work"),
        registered_unemployed_on=person.get("registered_unemployed_on"),
        dibao_urban=flag("dibao_urban"),
        disability_cert=flag("disability_cert"),
        veteran=flag("veteran"),
        land_fully_requisitioned=flag("land_fully_requisitioned"),
        state_or_collective_enterprise=flag("state_or_collective_enterprise"),
        ui_contribution_months=int(person.get("ui_contribution_months") or 0),
        zero_employment_household=bool(hh.get("zero_employment")),
        household_member_already_certified=other_member_certified,
        college_fulltime=flag("college_fulltime"),
        graduated_on=person.get("graduated_on"),
        # The household's 低保/脱贫 status counts for each member, as the person's own flag does.
        family_dibao=flag("family_dibao") or bool(hh.get("dibao")),
        family_poverty_lifted=flag("family_poverty_lifted") or bool(hh.get("poverty_lifted")),
        employed=person.get("employment_status") in vocabulary.employed_statuses(),
        other_category_note=(case or {}).get("other_category_note") or "",
    )


def _working_age(age: int | None, sex: str) -> bool:
    if age is None:
        return False
    basic = load("eligibility")["basic"]
    hi = basic["retirement_age_male"] if sex == "男" else basic["retirement_age_female"]
    return basic["min_age"] <= age < hi


def _member(p: dict[str, Any], today: dt.date, case: dict[str, Any] | None) -> MemberInfo:
    try:
        info = parse_id(p.get("id_number") or "", today)
        sex, age, err = info.sex, info.age, ""
    except IdNumberError as exc:
        sex, age, err = "", None, str(exc)
    stage = ""
    if case is not None:
        try:
            stage = workflow.stage(case["stage"]).name_zh
        except workflow.WorkflowError:
            stage = case["stage"] or ""
    return MemberInfo(
        p["id"],
        p.get("name") or "",
        p.get("relation") or "",
        p.get("id_number") or "",
        sex,
        age,
        err,
        p.get("employment_status") or "",
        status_zh(p.get("employment_status")),
        stage,
        p,
    )


def _rows(conn: Connection, kind: str, *where: Any, order: Any = None) -> list[dict[str, Any]]:
    t = TABLES[kind]
    stmt = select(t).where(t.c.deleted.is_(False), *where)
    if order is not None:
        stmt = stmt.order_by(order)
    return [from_db(kind, r) for r in conn.execute(stmt)]


def current_case(cases: list[dict[str, Any]]) -> dict[str, Any] | None:
    """A person's current case: a running one if any, else the most recent (the page, the printed forms)."""
    if not cases:
        return None
    closed = workflow.closed_stages()

    def key(c: dict[str, Any]) -> tuple[bool, dt.date, str]:
        return (c.get("stage") not in closed, c.get("applied_on") or c.get("stage_started_on") or dt.date.min,
                str(c.get("changed_at") or ""))

    return max(cases, key=key)


def household_info(conn: Connection, household_id: str, today: dt.date) -> HouseholdInfo | None:
    hh_rows = _rows(conn, "household", TABLES["household"].c.id == household_id)
    if not hh_rows:
        return None
    hh = hh_rows[0]
    people = _rows(conn, "person", TABLES["person"].c.household_id == household_id)
    ids = [p["id"] for p in people]
    cases = _rows(conn, "assistance_case", TABLES["assistance_case"].c.person_id.in_(ids)) if ids else []
    by_person: dict[str, list[dict[str, Any]]] = {}
    for c in cases:
        by_person.setdefault(c["person_id"], []).append(c)
    order = {"户主": 0, "配偶": 1, "子女": 2}
    people.sort(key=lambda p: (order.get(p.get("relation") or "", 9), p.get("name") or ""))
    members = [_member(p, today, current_case(by_person.get(p["id"], []))) for p in people]
    flags = []
    zero = None
    if hh.get("zero_employment"):
        flags.append("零就业家庭")
        emp = [
            MemberEmployment(
                _working_age(m.age, m.sex),
                m.record.get("able_to_work") is not False and m.record.get("willing_to_work") is not False,
                m.employment_status in vocabulary.employed_statuses(),
            )
            for m in members
        ]
        flagged = hh.get("zero_flagged_on") or today
        # The clock stops at the first employment after the household was flagged, when that date is known.
        cleared_dates = [
            m.record["employed_on"]
            for m in members
            if m.employment_status in vocabulary.employed_statuses()
            and m.record.get("employed_on")
            and m.record["employed_on"] >= flagged
        ]
        zero = zero_status(emp, flagged, today, min(cleared_dates) if cleared_dates else None)
    if hh.get("dibao"):
        flags.append("低保家庭")
    if hh.get("poverty_lifted"):
        flags.append("脱贫（监测）户")
    return HouseholdInfo(
        hh["id"],
        hh.get("address") or "",
        hh["area_code"],
        areas.name_of(hh["area_code"]),
        flags,
        zero,
        members,
        hh,
    )


def household_for(col: Any, household_id: str, today: dt.date) -> HouseholdInfo | None:
    with col.records.reading() as conn:
        return household_info(conn, household_id, today)


def action_preview(action: workflow.Action, today: dt.date) -> str:
    """What starting ``action`` today commits to: the next stage's working-day limit (or minimum)."""
    target = workflow.stage(action.to_stage)
    if target.limit_workdays is not None:
        due = add_workdays(today, target.limit_workdays)
        text = (
            f"进入「{target.name_zh}」，须在 {target.limit_workdays} 个工作日内办结（{due.isoformat()} 前）"
        )
    elif target.min_workdays is not None:
        due = add_workdays(today, target.min_workdays)
        text = (
            f"进入「{target.name_zh}」，不少于 {target.min_workdays} 个工作日（{due.isoformat()} 起可结束）"
        )
    else:
        return f"进入「{target.name_zh}」，无办理时限"
    note = estimate_note(unknown_years(today, due))
    return f"{text}；{note}" if note else text


def case_info(conn: Connection, case: dict[str, Any], role: str, today: dt.date) -> CaseInfo:
    try:
        st = workflow.stage(case["stage"])
        stage_zh, step_zh = st.name_zh, st.step
        deadline = (
            workflow.stage_deadline(case["stage"], case["stage_started_on"], today)
            if case.get("stage_started_on")
            else None
        )
        allowed = workflow.allowed_actions(case["stage"], role)
    except workflow.WorkflowError:
        stage_zh, step_zh, deadline, allowed = case.get("stage") or "", "", None, []
    checked = case.get("materials") or {}
    try:
        mats = workflow.materials(case.get("category") or "")
    except workflow.WorkflowError:
        mats = []
    materials = [MaterialItem(m.code, m.name_zh, bool(checked.get(m.code)), m.category_proof) for m in mats]
    actions = [
        ActionInfo(
            a.code,
            a.name_zh,
            a.to_stage,
            workflow.stage(a.to_stage).name_zh,
            action_preview(a, today),
            a.needs_note,
            a.needs_exit_reason,
        )
        for a in allowed
    ]
    steps = _rows(conn, "case_step", TABLES["case_step"].c.case_id == case["id"])
    steps.sort(key=lambda s: (s.get("done_on") or dt.date.min, s.get("changed_at") or ""), reverse=True)
    return CaseInfo(
        case, stage_zh, step_zh, category_zh(case.get("category")), deadline, materials, actions, steps
    )


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def history(conn: Connection, records: list[tuple[str, str]], limit: int = 200,
            names: dict[str, str] | None = None) -> list[HistoryEntry]:
    """Audit entries of the given (kind, id) records, newest first; with ``names``, people by name (the actor
    and the values of fields that say who did something)."""
    names = names or {}
    out: list[HistoryEntry] = []
    entries = audit.histories(conn, list(records))
    for kind, rid in records:
        k = KINDS[kind]
        rows = entries[rid]
        for row, changes in zip(rows, audit.replay(rows), strict=True):
            labels = []
            action = row["action"] if changes is not None else "copy"
            for name, (old, new) in (changes or {}).items():
                label = k.field(name).label if name in k.field_names else name
                labels.append((label, _fmt(shown_value(names, name, old)), _fmt(shown_value(names, name, new))))
            out.append(
                HistoryEntry(
                    row["seq"],
                    row["at"],
                    shown(names, row["actor"]),
                    k.label,
                    AUDIT_ACTIONS.get(action, action),
                    labels,
                )
            )
    out.sort(key=lambda e: e.seq, reverse=True)
    return out[:limit]


# --- one read per section of the person page (each runs off the GUI thread on its own) ----------------
@dataclass(slots=True)
class PersonHead:
    """The page's header and household pane: the person, and the household with its members."""

    person: dict[str, Any]
    household: HouseholdInfo

    @property
    def me(self) -> MemberInfo | None:
        return next((m for m in self.household.members if m.id == self.person["id"]), None)


@dataclass(slots=True)
class CasePart:
    facts: PersonFacts
    eligibility: Eligibility
    case: CaseInfo | None
    match_hits: list[dict[str, Any]]


@dataclass(slots=True)
class VisitsPart:
    visits: list[dict[str, Any]]  # done, newest first; each has "attachments" (count)
    planned: list[dict[str, Any]]  # planned, not yet visited, soonest first


@dataclass(slots=True)
class ServicesPart:
    services: list[dict[str, Any]]
    package: PackageProgress


def _person(conn: Connection, person_id: str) -> dict[str, Any] | None:
    rows = _rows(conn, "person", TABLES["person"].c.id == person_id)
    return rows[0] if rows else None


def _cases(conn: Connection, person_id: str) -> dict[str, Any] | None:
    return current_case(_rows(conn, "assistance_case", TABLES["assistance_case"].c.person_id == person_id))


def _plans(conn: Connection, person_id: str) -> list[dict[str, Any]]:
    return _rows(conn, "help_plan", TABLES["help_plan"].c.person_id == person_id)


def first_member(col: Any, household_id: str) -> str | None:
    """The person a household opens on: the head of household, else the spouse, else by name."""
    members = col.records.children("person", "household_id", household_id)
    order = {"户主": 0, "配偶": 1}
    members.sort(key=lambda p: (order.get(p.get("relation") or "", 5), p.get("name") or ""))
    return members[0]["id"] if members else None


def _head(conn: Connection, person: dict[str, Any], today: dt.date) -> HouseholdInfo:
    hh = household_info(conn, person.get("household_id") or "", today)
    if hh is None:  # a person without a (live) household still gets a page
        hh = HouseholdInfo("", "", person["area_code"], areas.name_of(person["area_code"]), [], None,
                           [_member(person, today, None)], {})
    return hh


def person_head(col: Any, person_id: str, today: dt.date) -> PersonHead | None:
    """None when the person does not exist (or was deleted)."""
    with col.records.reading() as conn:
        person = _person(conn, person_id)
        return PersonHead(person, _head(conn, person, today)) if person else None


def person_case(col: Any, person_id: str, today: dt.date, role: str | None = None) -> CasePart | None:
    """Eligibility with its reasons, the current case (deadline, materials, the user's actions), match hits."""
    role = role or col.user.get("role", "worker")
    with col.records.reading() as conn:
        person = _person(conn, person_id)
        if person is None:
            return None
        hh = _head(conn, person, today)
        others = [m.id for m in hh.members if m.id != person_id]
        ac = TABLES["assistance_case"]
        # a member whose certification holds is the household's one 零就业家庭 certification (BRIEF §2 cat. 4)
        other_cert = bool(others) and bool(conn.execute(
            select(ac.c.id).where(ac.c.person_id.in_(others), ac.c.deleted.is_(False),
                                  ac.c.stage.in_(workflow.certified_stages()), ac.c.category == "zero_household").limit(1)
        ).first())
        case_rec = _cases(conn, person_id)
        facts = facts_for(person, hh.record, other_member_certified=other_cert, case=case_rec)
        case = case_info(conn, case_rec, role, today) if case_rec else None
        hits = _rows(conn, "match_hit", TABLES["match_hit"].c.person_id == person_id)
    hits.sort(key=lambda h: h.get("found_on") or dt.date.min, reverse=True)
    return CasePart(facts, evaluate(facts, today), case, hits)


def person_visits(col: Any, person_id: str) -> VisitsPart:
    v, att = TABLES["visit"], TABLES["attachment"]
    with col.records.reading() as conn:
        all_visits = _rows(conn, "visit", v.c.person_id == person_id)
        vids = [x["id"] for x in all_visits]
        counts: dict[str, int] = {}
        if vids:
            for (owner,) in conn.execute(
                select(att.c.owner_id).where(att.c.owner_id.in_(vids), att.c.deleted.is_(False))
            ):
                counts[owner] = counts.get(owner, 0) + 1
        name_fields(conn, all_visits, "worker")
    for x in all_visits:
        x["attachments"] = counts.get(x["id"], 0)
    visits = sorted((x for x in all_visits if x.get("visited_on")), key=lambda x: x["visited_on"], reverse=True)
    planned = sorted((x for x in all_visits if not x.get("visited_on") and x.get("planned_on")),
                     key=lambda x: x["planned_on"])
    return VisitsPart(visits, planned)


def person_plan(col: Any, person_id: str) -> dict[str, Any] | None:
    with col.records.reading() as conn:
        plans = _plans(conn, person_id)
    return plans[0] if plans else None


def person_services(col: Any, person_id: str) -> ServicesPart:
    with col.records.reading() as conn:
        services = _rows(conn, "service", TABLES["service"].c.person_id == person_id)
        name_fields(conn, services, "by")
    services.sort(key=lambda s: s.get("served_on") or dt.date.min, reverse=True)
    known = {k.code for k in service_kinds()}
    return ServicesPart(services, package_progress(s["kind"] for s in services if s.get("kind") in known))


def person_followups(col: Any, person_id: str) -> list[dict[str, Any]]:
    with col.records.reading() as conn:
        followups = _rows(conn, "followup", TABLES["followup"].c.person_id == person_id)
    followups.sort(key=lambda f: f.get("due_on") or dt.date.max)
    return followups


def person_reviews(col: Any, person_id: str) -> list[dict[str, Any]]:
    """Reviews of the person or of anything of theirs (visits, plan, case), newest decision first."""
    rv, v = TABLES["review"], TABLES["visit"]
    with col.records.reading() as conn:
        vids = [r.id for r in conn.execute(select(v.c.id).where(v.c.person_id == person_id,
                                                                v.c.deleted.is_(False)))]
        case_rec = _cases(conn, person_id)
        targets = ([person_id] + vids + [x["id"] for x in _plans(conn, person_id)]
                   + ([case_rec["id"]] if case_rec else []))
        reviews = _rows(conn, "review", or_(rv.c.person_id == person_id, rv.c.target_id.in_(targets)))
        for r in reviews:
            r["target_text"] = review_target_text(conn, r)
        name_fields(conn, reviews, "reviewer", "answered_by")
    reviews.sort(key=lambda r: r.get("decided_on") or dt.date.min, reverse=True)
    return reviews


def review_target_text(conn: Any, review: dict[str, Any]) -> str:
    """Which record a review is about, in words: “走访记录（2026-11-20 走访）”, “援助方案”…"""
    kind = review.get("target_kind") or ""
    if kind not in KINDS:
        return "记录"
    label = KINDS[kind].label
    if kind == "visit" and review.get("target_id"):
        v = TABLES["visit"]
        row = conn.execute(select(v.c.visited_on, v.c.planned_on).where(v.c.id == review["target_id"])).first()
        if row is not None and (row.visited_on or row.planned_on):
            when = row.visited_on or row.planned_on
            return f"{label}（{when.isoformat()} {'走访' if row.visited_on else '计划'}）"
    return label


def pending_answers(reviews: list[dict[str, Any]]) -> int:
    """Returned reviews still waiting for the worker's answer."""
    return sum(1 for r in reviews if r.get("decision") in RETURNED and not r.get("answer"))


def person_history(col: Any, person_id: str) -> list[HistoryEntry]:
    """The audit trail of the person, their household, their case and their help plan (actors by name)."""
    names = directory(col)
    with col.records.reading() as conn:
        person = _person(conn, person_id)
        if person is None:
            return []
        audited = [("person", person_id)]
        if person.get("household_id") and _rows(conn, "household",
                                                 TABLES["household"].c.id == person["household_id"]):
            audited.append(("household", person["household_id"]))
        if case_rec := _cases(conn, person_id):
            audited.append(("assistance_case", case_rec["id"]))
        audited += [("help_plan", x["id"]) for x in _plans(conn, person_id)]
        return history(conn, audited, names=names)


def count_of(col: Any, kind: str, person_id: str) -> int:
    """Live records of ``kind`` belonging to the person (a tab's count, without reading the rows)."""
    t = TABLES[kind]
    with col.records.reading() as conn:
        return int(conn.execute(select(func.count()).select_from(t).where(
            t.c.person_id == person_id, t.c.deleted.is_(False))).scalar() or 0)


def person_detail(col: Any, person_id: str, today: dt.date, role: str | None = None) -> PersonDetail | None:
    """All of one person's picture (the sections' reads together); None when the person does not exist."""
    head = person_head(col, person_id, today)
    case = person_case(col, person_id, today, role)
    if head is None or case is None:
        return None
    visits, services = person_visits(col, person_id), person_services(col, person_id)
    return PersonDetail(
        head.person, head.household, case.facts, case.eligibility, case.case, visits.visits, visits.planned,
        person_plan(col, person_id), services.services, services.package, person_followups(col, person_id),
        person_reviews(col, person_id), case.match_hits, person_history(col, person_id),
    )


def person_for(col: Any, kind: str, record_id: str) -> tuple[str | None, str | None]:
    """(household id, person id) the page shows for a record: a household opens on its first member.
    (None, None) when the record is gone; (household, None) for a household without members."""
    hh, pid = household_of(col, kind, record_id)
    if pid is None and hh is not None:
        pid = first_member(col, hh)
    return hh, pid


def household_of(col: Any, kind: str, record_id: str) -> tuple[str | None, str | None]:
    """(household id, person id) for any record the view can be asked to show."""
    rec = col.records.get(kind, record_id)
    if rec is None or rec.get("deleted"):
        return None, None
    if kind == "household":
        return record_id, None
    if kind == "person":
        return rec.get("household_id"), record_id
    if kind == "review" and rec.get("person_id"):
        return household_of(col, "person", rec["person_id"])
    for name in ("person_id", "owner_id", "target_id"):
        if rec.get(name):
            other = rec.get("owner_kind") or rec.get("target_kind") or "person"
            if name == "person_id":
                other = "person"
            return household_of(col, other, rec[name])
    return None, None
