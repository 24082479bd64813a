"""A stored field value as a person reads it: no JSON, no codes (是/否, stage and material names, measures
one per line). Shared by every screen that shows field values it does not lay out itself (the review detail,
the conflict dialog), so a raw value never reaches a person through one of them."""

from __future__ import annotations

from functools import cache
from typing import Any

from app import vocabulary


def plain(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(plain(v) for v in value) if value else "—"
    if isinstance(value, dict):
        return "；".join(f"{k}：{plain(v)}" for k, v in value.items()) if value else "—"
    return str(value)


def members_text(members: Any) -> str:
    if not isinstance(members, list) or not members:
        return "—"
    out = []
    for m in members:
        if isinstance(m, dict):
            status = m.get("employment_status") or m.get("status")
            parts = [str(m[k]) for k in ("name", "relation") if m.get(k)]
            if status:
                parts.append(vocabulary.zh("employment_status", str(status), str(status)))
            out.append(" ".join(parts) or plain(m))
        else:
            out.append(str(m))
    return "；".join(out)


def measures_text(measures: Any) -> str:
    if not isinstance(measures, list) or not measures:
        return "—"
    lines = []
    for i, m in enumerate(measures, 1):
        if isinstance(m, dict):
            state = "已完成" if m.get("done") else "未完成"
            lines.append(f"{i}. {m.get('text', '')}（责任人 {m.get('owner') or '—'}，"
                         f"目标 {m.get('target_on') or '—'}，{state}）")
        else:
            lines.append(f"{i}. {m}")
    return "\n".join(lines)


@cache
def _material_names() -> dict[str, str]:
    from app.rules._data import load

    data = load("materials")
    names = {m["code"]: m["name_zh"] for m in data.get("common", [])}
    for cat in data.get("category", {}).values():
        names.update({m["code"]: m["name_zh"] for m in cat.get("proof", [])})
    return names


def materials_text(materials: Any) -> str:
    if not isinstance(materials, dict) or not materials:
        return plain(materials)
    names = _material_names()
    return "；".join(f"{names.get(code, code)}：{'已交' if have else '未交'}" for code, have in materials.items())


def field_text(kind: str, name: str, value: Any) -> str:
    """``value`` of field ``name`` of a ``kind`` record, in words."""
    if value is None or value == "":
        return "—"
    if name == "members":
        return members_text(value)
    if name == "measures":
        return measures_text(value)
    if name == "materials":
        return materials_text(value)
    if name == "employment_status":
        return vocabulary.zh("employment_status", str(value), str(value))
    if kind == "case_step" and name in ("from_stage", "to_stage"):
        from app.rules.workflow import WorkflowError, stage

        try:
            return stage(value).name_zh
        except WorkflowError:
            return str(value)
    if kind == "case_step" and name == "action":
        from app.rules.workflow import actions

        return next((a.name_zh for a in actions() if a.code == value), str(value))
    return plain(value)
