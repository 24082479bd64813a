"""Item 8: opening and closing a print preview of any form writes nothing to stderr (no Qt warnings)."""

from __future__ import annotations

from typing import Any

import pytest

from app.printing.api import FORMS

NOISE = ("propagateSizeHints", "does not support raise")  # the offscreen test platform's own, not the app's


def _selection(col: Any, kind: str) -> dict[str, Any]:
    """A real record each form can be printed for (the demo store)."""
    from app import ops
    from tests.conftest import TODAY

    with col.records.reading() as conn:
        visit = conn.exec_driver_sql("SELECT id, person_id FROM visit WHERE deleted = 0 AND visited_on IS NOT NULL "
                                     "LIMIT 1").first()
    if kind == "visit-record":
        return {"visit_id": visit.id}
    if kind == "route":
        ops.visits.plan_visit(col, visit.person_id, TODAY, route_order=1)
        return {"date": TODAY}
    if kind == "welfare-ledger":  # the ledger as of a day
        return {"date": TODAY}
    if kind in ("policy-card",):
        return {"person_id": visit.person_id}
    return {"blank": True}


@pytest.mark.parametrize("kind", sorted(FORMS))
def test_print_preview_is_quiet(qtbot: Any, qtlog: Any, col: Any, kind: str) -> None:
    from ui.dialogs.print_preview import PrintPreviewDialog
    from ui.print_actions import render_bytes

    pdf = render_bytes(col, kind, **_selection(col, kind))
    dialog = PrintPreviewDialog(pdf, kind)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.document.pageCount() > 0, timeout=5000)
    dialog.view.scroll(0, 200)
    dialog.reject()
    qtbot.wait(50)
    warnings = [r.message for r in qtlog.records if not any(n in r.message for n in NOISE)]
    assert warnings == []
