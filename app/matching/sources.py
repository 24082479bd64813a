"""The matching vocabulary from resources/rules/matching.toml: sources with their header aliases, and the
choice lists (dismiss reasons, refuse reasons, anomaly causes)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from app.rules._data import load

MATCH_SOURCES = ("social_insurance", "business_registration")  # file/feed sources that produce hits


@dataclass(frozen=True)
class Choice:
    code: str
    name: str
    needs_note: bool = False


@dataclass(frozen=True)
class Source:
    code: str
    name: str
    aliases: dict[str, tuple[str, ...]]
    required: tuple[str, ...]
    event_fields: tuple[str, ...]
    confirm_status: str  # the person's employment_status once a hit from this source is confirmed

    def label(self, field: str) -> str:
        return self.aliases[field][0]


@cache
def source(code: str) -> Source:
    table: dict[str, Any] = load("matching")["source"]
    if code not in table:
        raise ValueError(f"未知的比对来源：{code}")
    s = table[code]
    return Source(code, s["name"], {k: tuple(v) for k, v in s["aliases"].items()}, tuple(s["required"]),
                  tuple(s.get("event_fields", ())), s.get("confirm_status", ""))


def _choices(key: str) -> list[Choice]:
    return [Choice(c["code"], c["name"], bool(c.get("needs_note", False))) for c in load("matching")[key]]


def dismiss_reasons() -> list[Choice]:
    return _choices("dismiss_reason")


def refuse_reasons() -> list[Choice]:
    return _choices("refuse_reason")


def anomaly_causes() -> list[Choice]:
    return _choices("anomaly_cause")


def check_choice(choices: list[Choice], code: str | None, note: str, what: str) -> str | None:
    """A Chinese error when ``code`` is not in the list or needs a note it lacks; None when fine."""
    found = next((c for c in choices if c.code == code), None)
    if found is None:
        return f"请选择{what}"
    if found.needs_note and not note.strip():
        return f"{what}“{found.name}”须填写说明"
    return None


def name_of(choices: list[Choice], code: str | None) -> str:
    return next((c.name for c in choices if c.code == code), code or "")
