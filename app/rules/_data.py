"""Reading the rule tables: the shipped TOML in resources/rules/ and the rule set in force (``active``)."""

from __future__ import annotations

import tomllib
from functools import cache
from typing import Any

from app.resources import RESOURCES

RULES_DIR = RESOURCES / "rules"


class RuleDataError(RuntimeError):
    """A rule table is missing or malformed — a packaging/config bug, not a user error."""


@cache
def read_shipped(name: str) -> dict[str, Any]:
    """Parsed ``resources/rules/<name>.toml`` as shipped with the install (read once per process)."""
    path = RULES_DIR / f"{name}.toml"
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as exc:
        raise RuleDataError(f"规则文件缺失：{path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise RuleDataError(f"规则文件格式错误：{path}：{exc}") from exc


def load(name: str) -> dict[str, Any]:
    """Table ``name`` of the rule set in force: the shipped table with any published overrides applied.
    Callers must treat the result as read-only."""
    from app.rules.active import current

    return current().table(name)
