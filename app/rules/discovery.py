"""Key groups to find and the channels of a point-to-point policy push (resources/rules/discovery.toml)."""

from __future__ import annotations

from typing import Any

from app.rules._data import load


def _cfg() -> dict[str, Any]:
    return load("discovery")


def key_groups() -> dict[str, str]:
    """Key group code → Chinese name, in display order."""
    return dict(_cfg()["key_groups"])


def default_days() -> int:
    return int(_cfg()["visits"]["default_days"])


def push_channels() -> dict[str, str]:
    return dict(_cfg()["push_channels"])


def push_text(name: str, policies: list[str], community: str, worker: str) -> str:
    """The message pushed to one person (SMS text, 三晋通 content, what is read out by phone)."""
    return _cfg()["push"]["template"].format(name=name, policies="、".join(policies) or "就业援助政策和服务",
                                             community=community, worker=worker or "")


def csv_columns() -> list[str]:
    return list(_cfg()["push"]["csv_columns"])


def groups_of(person: dict[str, Any], household: dict[str, Any] | None) -> list[str]:
    """The key groups a person belongs to, from the recorded facts (codes, in display order)."""
    hh = household or {}
    employed = person.get("employment_status") in ("employed", "self_employed")
    found = {
        "registered_unemployed": bool(person.get("registered_unemployed_on")) and not employed,
        "low_income": any(bool(x) for x in (person.get("dibao_urban"), person.get("family_dibao"),
                                             person.get("family_poverty_lifted"), hh.get("dibao"),
                                             hh.get("poverty_lifted"))),
        "disabled": bool(person.get("disability_cert")),
        "zero_household": bool(hh.get("zero_employment")),
    }
    return [code for code in key_groups() if found.get(code)]
