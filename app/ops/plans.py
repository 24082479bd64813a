"""Help plans (帮扶计划): one per person, its measures with owner, target date and progress."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.collection import Collection
from app.ops.validation import ValidationError, required_text


def measure_errors(measures: list[dict[str, Any]]) -> dict[str, str]:
    """Errors per measure row: text required, a target date (if any) in 年-月-日 form."""
    errors: dict[str, str] = {}
    for i, m in enumerate(measures):
        if not required_text(m.get("text")):
            errors[f"measures.{i}"] = f"第 {i + 1} 项措施：请填写措施内容"
        elif m.get("target_on"):
            try:
                dt.date.fromisoformat(str(m["target_on"]))
            except ValueError:
                errors[f"measures.{i}"] = f"第 {i + 1} 项措施：目标日期格式不正确"
    return errors


def save_help_plan(col: Collection, person_id: str, values: dict[str, Any]) -> str:
    """Create the person's help plan, or update the existing one (one plan per person)."""
    if errors := measure_errors(values.get("measures") or []):
        raise ValidationError(errors)
    person = col.records.get("person", person_id)
    existing = col.records.children("help_plan", "person_id", person_id)
    if existing:
        col.records.update("help_plan", existing[0]["id"], values)
        return existing[0]["id"]
    return col.records.create("help_plan", {**values, "person_id": person_id}, area_code=person["area_code"])
