"""Tabs and panes the main window embeds: each refreshes itself from ``AppContext.changed`` and clears what
it shows on ``AppContext.locking``."""

from collections.abc import Callable
from typing import Any


def tagged(tag: int, fn: Callable[..., Any], *args: Any) -> tuple[int, Any]:
    """Background job wrapper: the answer carries the load it belongs to, so a view can drop superseded
    answers and take the result in a bound method (auto-disconnected if the view is deleted first)."""
    return tag, fn(*args)
