"""What every operation shares: the error it raises on bad input, and the small parsers its checks use."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.rules.idcard import id_error
from app.rules.phone import mobile_error


class ValidationError(ValueError):
    """Bad input: one Chinese message per field; nothing was changed."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("；".join(errors.values()))
        self.errors = errors


def parse_date(values: dict[str, Any], name: str, errors: dict[str, str], label: str) -> dt.date | None:
    """``values[name]`` as a date (None when empty); a malformed one adds a message to ``errors``."""
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


def required_text(value: Any) -> str:
    """Stripped text, '' for None: a required free-text field is filled when this is truthy."""
    return (value or "").strip()


def validate_person(values: dict[str, Any], today: dt.date) -> dict[str, str]:
    """Errors per field for a person's name, ID number and mobile number (empty = valid)."""
    errors: dict[str, str] = {}
    if not required_text(values.get("name")):
        errors["name"] = "请填写姓名"
    if "id_number" in values and (msg := id_error(values.get("id_number") or "", today)):
        errors["id_number"] = msg
    if values.get("phone") and (msg := mobile_error(values["phone"])):
        errors["phone"] = msg
    return errors
