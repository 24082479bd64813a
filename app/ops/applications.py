"""Applications for 就业困难人员认定: start one, collect its materials (ticked, or attached as a photo or scan kept
inside the encrypted store), and name the person responsible for the case.

A case starts at 已申请 with the 社区初审 working-day limit of workflow.toml counted from the application day; the
step that submits it (an action with ``needs_materials``) is refused while a required material is missing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from app.collection import Collection
from app.ops.attachments import attach, size_errors
from app.ops.validation import ValidationError, required_text
from app.rules import workflow
from app.rules._data import load
from app.rules.due_dates import deadline_fields
from app.rules.eligibility import category_names
from app.rules.idcard import IdNumberError, parse_id
from app.rules.workdays import add_workdays
from app.store.tables import TABLES

OPEN_STAGES_END = ("exited", "rejected")  # a case in any other stage is still open
MANAGER_ROLES = ("supervisor", "admin")
ATTACHMENT_SEP = "/"  # an attachment for a material is named "<material code>/<file name>"


def _age_error(id_number: str, today: dt.date) -> str | None:
    """Why the person is outside working age for an application (16 to retirement), or None."""
    basic = load("eligibility")["basic"]
    try:
        info = parse_id(id_number or "", today)
    except IdNumberError as exc:
        return f"身份证号码无效，无法申请：{exc}"
    hi = basic["retirement_age_male"] if info.sex == "男" else basic["retirement_age_female"]
    if info.age < basic["min_age"]:
        return f"{info.age} 周岁，未满 {basic['min_age']} 周岁，不能申请认定"
    if info.age >= hi:
        return f"{info.sex}，{info.age} 周岁，已达法定退休年龄（{hi} 周岁），不能申请认定"
    return None


def open_case(conn: Any, person_id: str) -> dict[str, Any] | None:
    t = TABLES["assistance_case"]
    row = conn.execute(select(t.c.id, t.c.stage).where(
        t.c.person_id == person_id, t.c.deleted.is_(False), t.c.stage.not_in(OPEN_STAGES_END)).limit(1)).first()
    return dict(row._mapping) if row else None


def apply(col: Collection, person_id: str, *, category: str, today: dt.date | None = None, other_note: str = "",
          other_document: str = "", responsible: str | None = None) -> str:
    """Start a 认定 application for ``category``; returns the case id. 其他 needs a note and the deciding
    document. ``responsible`` defaults to the applying worker's name. Raises ``ValidationError``."""
    today = today or dt.date.today()
    errors: dict[str, str] = {}
    if category not in dict(category_names()):
        errors["category"] = "请选择认定类别"
    note = required_text(other_note)
    if category == "other":
        if not note:
            errors["other_note"] = "“其他”类别须填写具体情形"
        if not required_text(other_document):
            errors["other_document"] = "“其他”类别须填写决定文件（文号）"
        else:
            note = f"{note}（依据：{required_text(other_document)}）"
    person = col.records.get("person", person_id)
    if person is None or person["deleted"]:
        raise ValidationError({"person": "找不到该人员"})
    if msg := _age_error(person.get("id_number") or "", today):
        errors["id_number"] = msg
    if errors:
        raise ValidationError(errors)
    who = responsible or col.actor_name
    governing = workflow.limit_stage("applied")  # 社区初审's limit, from the day of application
    due = add_workdays(today, governing.limit_workdays) if governing and governing.limit_workdays else None
    with col.records.transaction() as tx:
        if case := open_case(tx.conn, person_id):
            raise ValidationError({"case": f"已有办理中的认定申请（{workflow.stage(case['stage']).name_zh}）"})
        cid = tx.create("assistance_case", {
            "person_id": person_id, "category": category, "other_category_note": note if category == "other" else "",
            "stage": "applied", "stage_started_on": today, **deadline_fields(today, due), "applied_on": today,
            "responsible": who, "materials": {}}, area_code=person["area_code"])
        tx.create("case_step", {"case_id": cid, "person_id": person_id, "action": "apply", "from_stage": "",
                                "to_stage": "applied", "by": who, "done_on": today, "due_on": due, "note": note},
                  area_code=person["area_code"])
    return cid


def _material_codes(case: dict[str, Any]) -> dict[str, str]:
    return {m.code: m.name_zh for m in workflow.materials(case.get("category") or "")}


def missing_materials(case: dict[str, Any]) -> list[str]:
    """Names of the case's required materials not yet ticked or attached."""
    have = case.get("materials") or {}
    return [name for code, name in _material_codes(case).items() if not have.get(code)]


def materials_error(case: dict[str, Any]) -> str | None:
    missing = missing_materials(case)
    return f"缺少材料：{'、'.join(missing)}。请勾选或附上照片后再提交" if missing else None


def attach_material(col: Collection, case_id: str, material: str, name: str, mime: str, data: bytes) -> str:
    """A photo or scan of one required material: kept in the encrypted store (synced like any attachment) and
    the material ticked, in one transaction; returns the attachment id."""
    case = col.records.get("assistance_case", case_id)
    if case is None or case["deleted"]:
        raise ValidationError({"case": "找不到该认定记录"})
    if material not in _material_codes(case):
        raise ValidationError({"material": "该材料不在本类别的材料清单中"})
    if errors := size_errors([(name, mime, data)]):
        raise ValidationError(errors)
    if not data:
        raise ValidationError({"attachments": f"文件“{name}”是空的"})
    with col.records.transaction() as tx:
        aid = attach(tx, case["area_code"], "assistance_case", case_id, f"{material}{ATTACHMENT_SEP}{name}", mime,
                     data)
        tx.update("assistance_case", case_id, {"materials": {**(case.get("materials") or {}), material: True}})
    return aid


def set_responsible(col: Collection, case_id: str, name: str) -> None:
    """Reassign the person responsible for a case (a supervisor's act)."""
    if col.user.get("role") not in MANAGER_ROLES:
        raise ValidationError({"responsible": "只有督导/审核人员可以更换责任人"})
    if not required_text(name):
        raise ValidationError({"responsible": "请填写责任人姓名"})
    case = col.records.get("assistance_case", case_id)
    if case is None or case["deleted"]:
        raise ValidationError({"case": "找不到该认定记录"})
    col.records.update("assistance_case", case_id, {"responsible": required_text(name)})
