"""Fixtures for the dashboard tests: the hand-counted store (tests/dashboard/fixture.py)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

_ROOT = Path(__file__).resolve().parents[2]
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from tests.dashboard.fixture import build  # noqa: E402


@pytest.fixture(scope="module")
def hand(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, dict[str, str]]]:
    """Shared by a module's tests, which only read it (tests that write build their own)."""
    col, ids = build(tmp_path_factory.mktemp("hand") / "hand.db")
    yield col, ids
    col.close()
