"""Item 4 (printing): on every form, every line of text stays inside its cell — measured with ReportLab's own
stringWidth against the width the cell gives it — including 避头点 punctuation that may not start a line."""

from __future__ import annotations

import io
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.printing import layout
from app.printing.api import FORMS, render
from app.printing.fonts import FONT, register

EPS = 0.01


def _width(line: str, size: float) -> float:
    """The drawn width: □/☑ are drawn as boxes one font size wide, the rest in the embedded font."""
    boxes = sum(ch in (layout.BOX, layout.CHECKED) for ch in line)
    text = "".join(ch for ch in line if ch not in (layout.BOX, layout.CHECKED))
    return stringWidth(text, FONT, size) + boxes * size


def test_no_text_crosses_a_cell_border_on_any_form(col: Any, monkeypatch: Any) -> None:
    from tests.firsthour.test_8_quiet import _selection

    register()
    wrapped: list[tuple[str, float, float]] = []
    original = layout.wrap

    def recording(text: str, width: float, size: float) -> list[str]:
        lines = original(text, width, size)
        wrapped.extend((line, width, size) for line in lines)
        return lines

    monkeypatch.setattr(layout, "wrap", recording)
    with col.records.reading() as conn:
        case = conn.exec_driver_sql("SELECT person_id FROM assistance_case WHERE deleted = 0 AND category = "
                                    "'long_term' LIMIT 1").scalar()
    for kind in sorted(FORMS):
        selections = [_selection(col, kind)]
        if kind == "application-form" and case:
            selections.append({"person_id": case})  # a filled form: its category's materials listed
        for sel in selections:
            render(col, kind, out=io.BytesIO(), **sel)
    assert wrapped
    over = [(line, round(_width(line, size) - width, 2)) for line, width, size in wrapped
            if _width(line, size) > width + EPS and len(line) > 1]
    assert over == []


def test_materials_note_stays_inside_the_application_forms_cell() -> None:
    register()
    text = "□失业登记记录（系统可查，无需另交）　□居民身份证　□户口簿或居住证"
    for width in range(60, 400, 3):
        for line in layout.wrap(text, float(width), 9.0):
            assert _width(line, 9.0) <= width + EPS, (width, line)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="张丽社区就业援助（），。、；：abc 123", min_size=1, max_size=60),
       st.floats(min_value=30, max_value=300))
def test_wrap_never_exceeds_the_width(text: str, width: float) -> None:
    register()
    for line in layout.wrap(text, width, 9.0):
        if len(line) > 1 and not all(ch in layout._NO_LINE_START for ch in line[1:]):
            assert _width(line, 9.0) <= width + EPS or " " not in line and line.isascii(), (line, width)
