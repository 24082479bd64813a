"""Printing: pre-filled and blank forms as PDF (ReportLab only, no Qt), written to file-like objects.

See docs/PRINTING.md. Import cost matters for app start: ReportLab loads only when something is printed.
"""

from __future__ import annotations

from typing import Any

__all__ = ["FORMS", "BatchResult", "SelectionError", "render", "render_batch", "format_payload", "parse_scan"]

from app.printing.qr_payload import format_payload, parse_scan


def __getattr__(name: str) -> Any:  # lazy: ``from app.printing import render`` loads ReportLab then
    if name in ("render", "render_batch", "BatchResult", "FORMS", "households_on", "all_households",
                "PrintCancelled", "title"):
        from app.printing import api

        return getattr(api, name)
    if name == "SelectionError":
        from app.printing.data import SelectionError

        return SelectionError
    raise AttributeError(name)
