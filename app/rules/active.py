"""The one place that says which rule set is in force (docs/RULES.md "Which rules apply").

``current()`` is, in order: the set given to ``using(...)`` in this context (tests, previews, a check of a
new set), else the set the app installed for the open store (``install``, after unlock and after each sync),
else the shipped defaults. Rule functions stay pure functions of their arguments and this one value.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from app.rules.ruleset import RuleSet

_SHIPPED = RuleSet()
_override: ContextVar[RuleSet | None] = ContextVar("outreach_rules", default=None)
_installed: list[RuleSet] = []  # at most one: the open store's set (a list so no ``global`` is needed)


def shipped() -> RuleSet:
    """The rules shipped with the install (what a laptop that never synced uses)."""
    return _SHIPPED


def current() -> RuleSet:
    return _override.get() or (_installed[0] if _installed else _SHIPPED)


def install(rs: RuleSet | None) -> None:
    """Make ``rs`` the process's rule set (None: back to the shipped one). Called by the app, not by rules."""
    _installed[:] = [rs] if rs is not None else []


@contextmanager
def using(rs: RuleSet) -> Iterator[RuleSet]:
    """Evaluate with ``rs`` inside the block (this thread/context only); the previous set comes back after."""
    token = _override.set(rs)
    try:
        yield rs
    finally:
        _override.reset(token)
