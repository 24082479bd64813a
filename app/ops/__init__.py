"""User operations (as Anki's "ops"): every change to stored data, one module per subject.

Each operation is a small function that checks its input, then changes records in one transaction. The UI runs
them on its writer thread (``ctx.write(ops.visits.record_visit, col, …)``); the CLI and the simulator call them
directly. Bad input raises ``ValidationError`` with one Chinese message per field and changes nothing. Reads are
``app.queries``.

A new subject is a new module in this folder and nothing else: ``ops.<subject>`` imports it on first use, so
``from app import ops`` stays cheap at start-up and no list here needs editing.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from app.ops.validation import ValidationError

__all__ = ["ValidationError"]


def __getattr__(name: str) -> ModuleType:
    if name.startswith("_"):
        raise AttributeError(name)
    try:
        return importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{__name__}.{name}":
            raise
        raise AttributeError(f"module {__name__!r} has no subject {name!r}") from None
