"""Jurisdictions (12-digit administrative codes) and the prefix rule that scopes access to them."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from app.resources import RESOURCES

DEMO_AREAS = RESOURCES / "areas" / "shanxi_demo.toml"

# How many leading digits of a 12-digit code are significant at each level.
LEVEL_DIGITS = {"province": 2, "city": 4, "county": 6, "street": 9, "community": 12}


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    level: str
    parent: str | None = None

    @property
    def prefix(self) -> str:
        return self.code[: LEVEL_DIGITS[self.level]]


@cache
def load(path: Path = DEMO_AREAS) -> dict[str, Area]:
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    return {a["code"]: Area(a["code"], a["name"], a["level"], a.get("parent")) for a in data["area"]}


@cache
def demo_users(path: Path = DEMO_AREAS) -> list[dict]:
    return tomllib.loads(Path(path).read_text(encoding="utf-8"))["user"]


def prefix_of(code: str) -> str:
    """The significant prefix of an area code: trailing zero groups dropped by level."""
    area = load().get(code)
    if area:
        return area.prefix
    for digits in (2, 4, 6, 9):
        if code[digits:].strip("0") == "":
            return code[:digits]
    return code


def covers(scope_codes: list[str], area_code: str) -> bool:
    """True when ``area_code`` lies inside any of the scope codes (a community, street, county…)."""
    return any(area_code.startswith(prefix_of(c)) for c in scope_codes)


def communities(scope_codes: list[str] | None = None) -> list[Area]:
    out = [a for a in load().values() if a.level == "community"]
    if scope_codes is not None:
        out = [a for a in out if covers(scope_codes, a.code)]
    return sorted(out, key=lambda a: a.code)


def name_of(code: str) -> str:
    a = load().get(code)
    return a.name if a else code


def full_name(code: str) -> str:
    """“太原市小店区坞城街道坞城南路社区” for a community code."""
    names = []
    a = load().get(code)
    while a is not None and a.level != "province":
        names.append(a.name)
        a = load().get(a.parent) if a.parent else None
    return "".join(reversed(names)) or code
