"""Printing tests run on the shared small demo store (tests/conftest.py: 30 households, seed 3, 2026-11-25)."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.store.tables import TABLES

TODAY = __import__("datetime").date(2026, 11, 25)


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def decode_qr(data: bytes, page: int = 1, dpi: int = 150) -> list[str]:
    """QR texts on a page, read back the way a scanner would: rasterised by poppler, decoded by zxing-cpp."""
    import zxingcpp
    from PIL import Image

    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) not installed")
    png = subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-"],
                         input=data, capture_output=True, check=True).stdout
    return [b.text for b in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


@pytest.fixture
def ids(col: Any) -> dict[str, str]:
    """Interesting records of the demo store: a household with assisted members, a made visit, a person with a
    help plan, a person in an open case."""
    p, c, v, h = (TABLES[k] for k in ("person", "assistance_case", "visit", "help_plan"))
    with col.records.reading() as conn:
        household = conn.execute(select(p.c.household_id).join(c, c.c.person_id == p.c.id)
                                 .group_by(p.c.household_id).order_by(func.count().desc(), p.c.household_id)
                                 ).first()[0]
        visit = conn.execute(select(v.c.id).where(v.c.visited_on.isnot(None)).order_by(v.c.id)).first()[0]
        planned = conn.execute(select(v.c.planned_on).where(v.c.planned_on.isnot(None), v.c.visited_on.is_(None))
                               .group_by(v.c.planned_on).order_by(func.count().desc())).first()[0]
        plan_person = conn.execute(select(h.c.person_id).order_by(h.c.person_id)).first()[0]
        case_person = conn.execute(select(c.c.person_id).order_by(c.c.person_id)).first()[0]
    return {"household": household, "visit": visit, "plan_person": plan_person, "case_person": case_person,
            "planned_on": planned.isoformat()}


@pytest.fixture
def store_path(col: Any) -> Path:
    return Path(col.path)
