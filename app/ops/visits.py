"""Visits (走访): record a visit with the services given during it, plan one, add a service between visits."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app import vocabulary
from app.collection import Collection
from app.ops.attachments import attach, size_errors
from app.ops.drafts import delete_in
from app.ops.exits import (
    employment_errors,
    employment_proposal,
    propose_in,
)
from app.ops.followups import schedule_employment_followups
from app.ops.validation import ValidationError, parse_date, required_text
from app.queries.exits import EMPLOYED, employment_asked
from app.rules.phone import mobile_error
from app.rules.service_package import service_kinds

# The 服务需求 option that excludes every other need (resources/vocabulary.toml: none = true).
NO_NEED = next(c.value for c in vocabulary.choices("service_need") if c.none)
# Fields of the visit form that also describe the person now (the four clears kept on the person).
PERSON_FIELDS = ("employment_status", "unemployment_reason", "intended_job", "intended_industry", "intended_area",
                 "intended_wage", "skill_level", "training_wish", "next_visit_on")


def validate_visit(values: dict[str, Any], services: list[dict[str, Any]], today: dt.date,
                   person_id: str | None = None) -> dict[str, str]:
    """Errors per field for a visit form (empty = valid). With ``person_id``, the visited person's own row of
    人员底数 must agree with 就业状态."""
    errors: dict[str, str] = {}
    visited = parse_date(values, "visited_on", errors, "走访日期")
    if visited is None and "visited_on" not in errors:
        errors["visited_on"] = "请填写走访日期"
    elif visited and visited > today:
        errors["visited_on"] = "走访日期不能晚于今天"
    if values.get("employment_status") not in vocabulary.values("employment_status"):
        errors["employment_status"] = "请选择就业状态"
    if not required_text(values.get("employment_intention")):
        errors["employment_intention"] = "请填写就业意愿"
    needs = values.get("service_needs")
    if not isinstance(needs, list) or not needs:
        none = next((c.zh for c in vocabulary.choices("service_need") if c.none), "")
        errors["service_needs"] = f"请至少选择一项服务需求（无需求请选“{none}”）"
    elif NO_NEED in needs and len(needs) > 1:
        errors["service_needs"] = "“暂无需求”不能与其他服务需求同时选择"
    own = [m for m in values.get("members") or [] if person_id and m.get("person_id") == person_id]
    if own and own[0].get("status") and values.get("employment_status") and \
            own[0]["status"] != values["employment_status"]:
        errors["members"] = "人员底数中本人的就业状态与“就业状态”不一致，请核对"
    nxt = parse_date(values, "next_visit_on", errors, "下次走访日期")
    if nxt and visited and nxt <= visited:
        errors["next_visit_on"] = "下次走访日期应晚于本次走访日期"
    phone = required_text(values.get("contact_method"))
    if phone and phone[0].isdigit() and (msg := mobile_error(phone)):
        errors["contact_method"] = msg
    errors.update(validate_services(services))
    return errors


def validate_services(services: list[dict[str, Any]]) -> dict[str, str]:
    """Errors per service row: a known kind; a job recommendation names employer and post."""
    errors: dict[str, str] = {}
    kinds = {k.code for k in service_kinds()}
    for i, s in enumerate(services):
        if s.get("kind") not in kinds:
            errors[f"services.{i}"] = f"第 {i + 1} 项服务：请选择服务类型"
        elif s["kind"] == "job_recommendation" and not (required_text(s.get("employer")) and
                                                        required_text(s.get("post"))):
            errors[f"services.{i}"] = f"第 {i + 1} 项服务：岗位推荐须填写推荐单位和岗位"
    return errors


def record_visit(col: Collection, person_id: str, values: dict[str, Any], services: list[dict[str, Any]],
                 *, planned_visit_id: str | None = None, attachments: list[tuple[str, str, bytes]] = (),
                 today: dt.date | None = None, draft_key: str | None = None,
                 employment: dict[str, Any] | None = None) -> str:
    """Save a visit with the services given during it; updates the person's four-clears fields and the
    employment status of household members the worker corrected (人员底数), and deletes the form's draft.

    A visit that records 已就业/创业 needs ``employment`` (employer, post, started_on — or
    business_registration, started_on): it sets the person's employment date, schedules the follow-ups from
    the start day and proposes the exit of the person's case for the supervisor to decide — all in the same
    transaction. ``attachments`` are (name, mime, bytes)."""
    today = today or dt.date.today()
    errors = validate_visit(values, services, today, person_id) | size_errors(list(attachments))
    asked = employment_asked(col, person_id, values.get("employment_status"))
    if asked:
        errors |= employment_errors(employment)
    if errors:
        raise ValidationError(errors)
    person = col.records.get("person", person_id)
    if person is None:
        raise ValidationError({"person_id": "找不到该人员"})
    area, worker = person["area_code"], col.user["name"]
    visit = {**values, "person_id": person_id, "household_id": person["household_id"], "worker": worker}
    person_changes = {k: values[k] for k in PERSON_FIELDS if values.get(k) not in (None, "")}
    visited = parse_date(values, "visited_on", {}, "") or today
    started = parse_date(employment or {}, "started_on", {}, "") if asked else None
    newly_employed = values.get("employment_status") in EMPLOYED and person.get("employment_status") not in EMPLOYED
    if newly_employed:
        person_changes["employed_on"] = started or visited
    proposal = employment_proposal(col, person_id, employment, today) if asked else None
    actor = col.actor_name  # the user is read outside the write transaction
    member_changes = {}
    for m in values.get("members") or []:
        mid, status = m.get("person_id"), m.get("status")
        member = col.records.get("person", mid) if mid and mid != person_id and status else None
        if member and not member["deleted"] and member.get("employment_status") != status:
            member_changes[mid] = {"employment_status": status}
            if status == "employed":
                member_changes[mid]["employed_on"] = values["visited_on"]
    with col.records.transaction() as tx:
        if planned_visit_id:
            tx.update("visit", planned_visit_id, {k: v for k, v in visit.items() if k != "person_id"})
            vid = planned_visit_id
        else:
            vid = tx.create("visit", visit, area_code=area)
        for s in services:
            tx.create("service", {**s, "person_id": person_id, "visit_id": vid, "by": worker,
                                  "served_on": s.get("served_on") or values["visited_on"]}, area_code=area)
        if person_changes:
            tx.update("person", person_id, person_changes)
        if newly_employed or started:
            schedule_employment_followups(tx, person_id, area, started or visited)
        if proposal is not None:
            case, t, evidence = proposal
            propose_in(tx, case, t, evidence, actor=actor, today=today)
        for mid, changes in member_changes.items():
            tx.update("person", mid, changes)
        for name, mime, data in attachments:
            attach(tx, area, "visit", vid, name, mime, data)
        if draft_key:
            delete_in(tx.conn, draft_key)
    return vid


def add_service(col: Collection, person_id: str, values: dict[str, Any]) -> str:
    """A service given outside a visit (e.g. a phone consultation)."""
    person = col.records.get("person", person_id)
    errors = validate_services([values])
    if errors:
        raise ValidationError(errors)
    return col.records.create("service", {**values, "person_id": person_id, "by": col.user["name"]},
                              area_code=person["area_code"])


def plan_visit(col: Collection, person_id: str, on: dt.date, route_order: int | None = None) -> str:
    person = col.records.get("person", person_id)
    return col.records.create("visit", {"person_id": person_id, "household_id": person["household_id"],
                                        "planned_on": on, "route_order": route_order,
                                        "worker": col.user["name"]}, area_code=person["area_code"])
