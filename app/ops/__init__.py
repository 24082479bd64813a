"""User operations (as Anki's "ops"): small functions that check input, then change records in one transaction.

The UI runs them on its writer thread; the CLI and the simulator call them directly. Bad input raises
``ValidationError`` with one Chinese message per field and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from sqlalchemy import delete
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.collection import Collection
from app.rules import workflow
from app.rules.followups import schedule_after_employment
from app.rules.idcard import id_error
from app.rules.phone import mobile_error
from app.rules.service_package import service_kinds
from app.store.tables import blob, draft

EMPLOYMENT_STATUSES = {
    "unemployed": "失业", "employed": "已就业", "self_employed": "灵活就业/创业", "student": "在校/入学",
    "retired": "退休", "unable": "丧失劳动能力",
}
INTENTIONS = ("有意愿，希望尽快就业", "有意愿，需先培训", "有意愿，希望创业", "暂无意愿")
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


class ValidationError(ValueError):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("；".join(errors.values()))
        self.errors = errors


def _date(values: dict[str, Any], name: str, errors: dict[str, str], label: str) -> dt.date | None:
    v = values.get(name)
    if v in (None, ""):
        return None
    if isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(str(v))
    except ValueError:
        errors[name] = f"{label}格式不正确，应为 年-月-日"
        return None


def validate_visit(values: dict[str, Any], services: list[dict[str, Any]], today: dt.date) -> dict[str, str]:
    """Errors per field for a visit form (empty = valid)."""
    errors: dict[str, str] = {}
    visited = _date(values, "visited_on", errors, "走访日期")
    if visited is None and "visited_on" not in errors:
        errors["visited_on"] = "请填写走访日期"
    elif visited and visited > today:
        errors["visited_on"] = "走访日期不能晚于今天"
    if values.get("employment_status") not in EMPLOYMENT_STATUSES:
        errors["employment_status"] = "请选择就业状态"
    if not (values.get("employment_intention") or "").strip():
        errors["employment_intention"] = "请填写就业意愿"
    needs = values.get("service_needs")
    if not isinstance(needs, list) or not needs:
        errors["service_needs"] = "请至少选择一项服务需求（无需求请选“暂无需求”）"
    nxt = _date(values, "next_visit_on", errors, "下次走访日期")
    if nxt and visited and nxt <= visited:
        errors["next_visit_on"] = "下次走访日期应晚于本次走访日期"
    phone = (values.get("contact_method") or "").strip()
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
        elif s["kind"] == "job_recommendation" and not ((s.get("employer") or "").strip() and
                                                        (s.get("post") or "").strip()):
            errors[f"services.{i}"] = f"第 {i + 1} 项服务：岗位推荐须填写推荐单位和岗位"
    return errors


def validate_person(values: dict[str, Any], today: dt.date) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not (values.get("name") or "").strip():
        errors["name"] = "请填写姓名"
    if "id_number" in values and (msg := id_error(values.get("id_number") or "", today)):
        errors["id_number"] = msg
    if values.get("phone") and (msg := mobile_error(values["phone"])):
        errors["phone"] = msg
    return errors


def record_visit(col: Collection, person_id: str, values: dict[str, Any], services: list[dict[str, Any]],
                 *, planned_visit_id: str | None = None, attachments: list[tuple[str, str, bytes]] = (),
                 today: dt.date | None = None, draft_key: str | None = None) -> str:
    """Save a visit with the services given during it; updates the person's four-clears fields and the
    employment status of household members the worker corrected (人员底数), schedules follow-ups when the
    person has found work, and deletes the form's draft — all in one transaction.
    ``attachments`` are (name, mime, bytes)."""
    today = today or dt.date.today()
    errors = validate_visit(values, services, today)
    for name, _mime, data in attachments:
        if len(data) > MAX_ATTACHMENT_BYTES:
            errors["attachments"] = f"附件“{name}”超过 20 MB，请压缩后再添加"
    if errors:
        raise ValidationError(errors)
    person = col.records.get("person", person_id)
    if person is None:
        raise ValidationError({"person_id": "找不到该人员"})
    area, worker = person["area_code"], col.user["name"]
    visit = {**values, "person_id": person_id, "household_id": person["household_id"], "worker": worker}
    person_changes = {k: values[k] for k in ("employment_status", "unemployment_reason", "intended_job",
                                              "intended_industry", "intended_area", "intended_wage",
                                              "skill_level", "training_wish", "next_visit_on")
                      if values.get(k) not in (None, "")}
    newly_employed = values.get("employment_status") == "employed" and person.get("employment_status") != "employed"
    if newly_employed:
        person_changes["employed_on"] = values["visited_on"]
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
        if newly_employed:
            employed_on = _date(values, "visited_on", {}, "") or today
            for f in schedule_after_employment(employed_on):
                tx.create("followup", {"person_id": person_id, "kind": f.kind, "due_on": f.due_on,
                                       "note": f.label_zh}, area_code=area)
        for mid, changes in member_changes.items():
            tx.update("person", mid, changes)
        for name, mime, data in attachments:
            _attach(tx, area, "visit", vid, name, mime, data)
        if draft_key:
            tx.conn.execute(delete(draft).where(draft.c.key == draft_key))
    return vid


def _attach(tx: Any, area: str, owner_kind: str, owner_id: str, name: str, mime: str, data: bytes) -> str:
    sha = hashlib.sha256(data).hexdigest()
    tx.conn.execute(sqlite_insert(blob).values(sha256=sha, data=data, size=len(data), uploaded=False)
                    .on_conflict_do_nothing(index_elements=[blob.c.sha256]))
    return tx.create("attachment", {"owner_kind": owner_kind, "owner_id": owner_id, "sha256": sha, "mime": mime,
                                    "size": len(data), "name": name}, area_code=area)


def add_attachment(col: Collection, owner_kind: str, owner_id: str, name: str, mime: str, data: bytes) -> str:
    owner = col.records.get(owner_kind, owner_id)
    if owner is None:
        raise ValidationError({"owner": "找不到附件所属的记录"})
    with col.records.transaction() as tx:
        return _attach(tx, owner["area_code"], owner_kind, owner_id, name, mime, data)


def add_service(col: Collection, person_id: str, values: dict[str, Any]) -> str:
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


def save_help_plan(col: Collection, person_id: str, values: dict[str, Any]) -> str:
    """Create the person's help plan, or update the existing one (one plan per person)."""
    errors: dict[str, str] = {}
    for i, m in enumerate(values.get("measures") or []):
        if not (m.get("text") or "").strip():
            errors[f"measures.{i}"] = f"第 {i + 1} 项措施：请填写措施内容"
        elif m.get("target_on"):
            try:
                dt.date.fromisoformat(str(m["target_on"]))
            except ValueError:
                errors[f"measures.{i}"] = f"第 {i + 1} 项措施：目标日期格式不正确"
    if errors:
        raise ValidationError(errors)
    person = col.records.get("person", person_id)
    existing = col.records.children("help_plan", "person_id", person_id)
    if existing:
        col.records.update("help_plan", existing[0]["id"], values)
        return existing[0]["id"]
    return col.records.create("help_plan", {**values, "person_id": person_id}, area_code=person["area_code"])


def workflow_action(col: Collection, case_id: str, action: str, *, today: dt.date | None = None,
                    exit_reason: str | None = None, note: str = "") -> workflow.Transition:
    """Move a case one step (role from the logged-in user); records the step. Raises WorkflowError."""
    today = today or dt.date.today()
    case = col.records.get("assistance_case", case_id)
    publicity_started = case["stage_started_on"] if case["stage"] == "publicity" else None
    t = workflow.apply_action(case["stage"], action, col.user.get("role", "worker"), today,
                              exit_reason=exit_reason, note=note, publicity_started_on=publicity_started)
    changes: dict[str, Any] = {"stage": t.to_stage, "stage_started_on": t.stage_started_on, "due_on": t.due_on,
                               "due_rules": t.rules_version, "due_estimated": t.estimated}
    if t.to_stage == "certified":
        changes.update(certified_on=today, valid_until=workflow.status_valid_until(today))
    if t.to_stage == "exited":
        changes.update(exit_reason=exit_reason, exit_note=note, exited_on=today)
    with col.records.transaction() as tx:
        tx.update("assistance_case", case_id, changes)
        tx.create("case_step", {"case_id": case_id, "person_id": case["person_id"], "action": action,
                                "from_stage": t.from_stage, "to_stage": t.to_stage, "by": tx.actor,
                                "done_on": today, "due_on": t.due_on, "note": note},
                  area_code=case["area_code"])
    return t
