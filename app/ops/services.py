"""Services given outside a visit (电话、窗口): a job recommendation, guidance or a policy consultation.

They count toward the minimum service package (3+1+1) like the services recorded in a visit. A service the
person refused without good reason is recorded with that result; the third such refusal since certification
is an exit reason (``app.queries.exit_signals`` finds it, the worker proposes the exit).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.collection import Collection
from app.ops.validation import ValidationError, parse_date, required_text
from app.ops.visits import validate_services
from app.rules.service_package import channels, results

FIELDS = ("kind", "employer", "post", "wage", "result", "note")


def validate_service(values: dict[str, Any], today: dt.date) -> dict[str, str]:
    errors = {("kind" if k.startswith("services.") else k): v.replace("第 1 项服务：", "")
              for k, v in validate_services([values]).items()}
    served = parse_date(values, "served_on", errors, "服务日期")
    if served is None and "served_on" not in errors:
        errors["served_on"] = "请填写服务日期"
    elif served and served > today:
        errors["served_on"] = "服务日期不能晚于今天"
    if values.get("channel") not in channels() or values.get("channel") == "push":
        errors["channel"] = "请选择服务方式"
    result = required_text(values.get("result"))
    if values.get("kind") != "job_recommendation" and result and result not in results().values():
        errors["result"] = "请选择服务结果"
    return errors


def record_service(col: Collection, person_id: str, values: dict[str, Any], *, today: dt.date) -> str:
    """Record one service given by phone or at the office; returns the service record's id."""
    person = col.records.get("person", person_id)
    if person is None or person["deleted"]:
        raise ValidationError({"person_id": "找不到该人员"})
    errors = validate_service(values, today)
    if errors:
        raise ValidationError(errors)
    rec: dict[str, Any] = {k: required_text(values.get(k)) or None for k in FIELDS}
    rec |= {"person_id": person_id, "served_on": parse_date(values, "served_on", {}, ""),
            "channel": values["channel"], "by": col.actor_name}
    return col.records.create("service", rec, area_code=person["area_code"])
