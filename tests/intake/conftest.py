"""Intake tests drive the real dialogs over a copy of the small demo store (tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture
def ctx(col: Any, qapp: Any, qtbot: Any) -> Iterator[Any]:
    from ui import fonts
    from ui.context import AppContext

    fonts.install(qapp)
    c = AppContext(col)
    yield c
    c.wait_idle()
    c._unsubscribe()
