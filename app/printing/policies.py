"""The policy library behind the 政策明白卡 (resources/policies/policies.toml) and who each entry is for."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from app import vocabulary
from app.resources import RESOURCES
from app.rules.eligibility import Eligibility, category_names

POLICIES = RESOURCES / "policies" / "policies.toml"
SPECIAL_TAGS = frozenset({"any_category", "registered_unemployed", "ui_insured", "college", "disability",
                          "zero_household_member", "everyone"})
UI_MONTHS = 12  # 失业保险金: 缴费满 1 年 (《失业保险条例》第十四条)


@dataclass(frozen=True, slots=True)
class Policy:
    code: str
    name: str
    applies_to: tuple[str, ...]
    who: str
    gives: str
    where: str
    source: str
    reviewed: str = ""


class PolicyDataError(RuntimeError):
    """The policy library is malformed — a data bug, reported in Chinese."""


@cache
def library(path: Path = POLICIES) -> tuple[Policy, ...]:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise PolicyDataError(f"政策库无法读取：{path}：{exc}") from exc
    known = SPECIAL_TAGS | {code for code, _ in category_names()}
    out = []
    for entry in raw.get("policy", []):
        missing = [k for k in ("code", "name", "applies_to", "who", "gives", "where", "source") if not entry.get(k)]
        if missing:
            raise PolicyDataError(f"政策库条目 {entry.get('code', '?')} 缺少字段：{'、'.join(missing)}")
        unknown = set(entry["applies_to"]) - known
        if unknown:
            raise PolicyDataError(f"政策库条目 {entry['code']} 的适用情形无法识别：{'、'.join(sorted(unknown))}")
        out.append(Policy(entry["code"], entry["name"], tuple(entry["applies_to"]), entry["who"], entry["gives"],
                          entry["where"], entry["source"], entry.get("reviewed", "")))
    return tuple(out)


def tags_for(person: dict[str, Any], household: dict[str, Any] | None, elig: Eligibility) -> set[str]:
    """The situations of ``person`` that policies are matched against (see the header of policies.toml)."""
    tags = {"everyone"} | {c.code for c in elig.met_categories}
    if elig.met_categories and elig.basic_ok:
        tags.add("any_category")
    employed = person.get("employment_status") in vocabulary.employed_statuses()
    if person.get("registered_unemployed_on") and not employed:
        tags.add("registered_unemployed")
        if int(person.get("ui_contribution_months") or 0) >= UI_MONTHS:
            tags.add("ui_insured")
    if person.get("college_fulltime"):
        tags.add("college")
    if person.get("disability_cert"):
        tags.add("disability")
    if household and household.get("zero_employment"):
        tags.add("zero_household_member")
    return tags


def policies_for(tags: set[str]) -> list[Policy]:
    """Library entries for these situations, in library order; "everyone" entries only when nothing else fits."""
    specific = [p for p in library() if tags & (set(p.applies_to) - {"everyone"})]
    if specific:
        return specific
    return [p for p in library() if "everyone" in p.applies_to]
