"""The one place that says where resources/ is: the source tree here, ``sys._MEIPASS`` in a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app import resources

ROOT = Path(__file__).resolve().parents[2]


def test_source_tree_layout() -> None:
    assert resources.RESOURCES == ROOT / "resources"
    assert (resources.RESOURCES / "rules" / "eligibility.toml").is_file()


def test_frozen_bundle_layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resources_dir() == tmp_path / "resources"


def test_every_reader_uses_the_helper() -> None:
    """No module works out resources/ from its own file position (that breaks in the bundle)."""
    offenders = [str(p.relative_to(ROOT)) for top in ("app", "ui", "sync") for p in (ROOT / top).rglob("*.py")
                 if '/ "resources"' in p.read_text(encoding="utf-8") and p.name != "resources.py"]
    assert offenders == []
