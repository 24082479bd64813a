"""The domain's choice lists (needs, unemployment reasons, skills, intentions, employment statuses …), read
from ``resources/vocabulary.toml``: the one place they are defined. The visit form, the checks in app/ops,
the printed sheets, the dashboard, the demo data and the English interface all use these.

Lists (``LISTS``): employment_status, intention, service_need, unemployment_reason, skill_level,
training_wish, job_result, contact_method, difficulty_type, difficulty_degree.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from app.resources import RESOURCES

PATH = RESOURCES / "vocabulary.toml"
LISTS = ("employment_status", "intention", "service_need", "unemployment_reason", "skill_level", "training_wish",
         "job_result", "contact_method", "difficulty_type", "difficulty_degree", "relation", "education")


@dataclass(frozen=True, slots=True)
class Choice:
    value: str  # stored in records and synced
    zh: str  # shown and printed
    short: str  # on a printed sheet's check boxes
    en: str  # shown in the English interface
    employed: bool = False  # employment_status: counts as having work
    none: bool = False  # service_need: "no need"
    other: bool = False  # the catch-all entry


@cache
def _lists() -> dict[str, tuple[Choice, ...]]:
    with PATH.open("rb") as fh:
        raw = tomllib.load(fh)
    unknown = set(raw) - set(LISTS)
    if unknown:
        raise ValueError(f"{PATH.name}: unknown lists {sorted(unknown)}")
    out = {}
    for name in LISTS:
        out[name] = tuple(Choice(value=c.get("value", c["zh"]), zh=c["zh"], short=c.get("short", c["zh"]), en=c["en"],
                                 employed=bool(c.get("employed")), none=bool(c.get("none")),
                                 other=bool(c.get("other")))
                          for c in raw.get(name, ()))
    return out


def choices(name: str) -> tuple[Choice, ...]:
    return _lists()[name]


def values(name: str) -> tuple[str, ...]:
    return tuple(c.value for c in choices(name))


def zh(name: str, value: str | None, default: str | None = None) -> str:
    """The Chinese text for a stored value (the value itself, or ``default``, when it is not in the list)."""
    for c in choices(name):
        if c.value == value:
            return c.zh
    return default if default is not None else (value or "")


def labels_zh(name: str) -> dict[str, str]:
    """value → Chinese text, in list order."""
    return {c.value: c.zh for c in choices(name)}


def employed_statuses() -> frozenset[str]:
    """Employment statuses that count as having work."""
    return frozenset(c.value for c in choices("employment_status") if c.employed)
