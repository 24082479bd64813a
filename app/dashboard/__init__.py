"""Supervisor dashboards: figures per community and area, drill-down to records, Excel and PDF export.

No Qt here; ``ui/views/dashboard_view.py`` shows what ``compute`` returns. The names below load on first use,
so registering the ``export`` command (commands.py) at start-up does not load the store.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ALL", "FIGURES", "TOTAL", "Column", "Dashboard", "Figure", "Ref", "Row", "area_label", "compute",
           "drill", "figure"]

_FROM = {**dict.fromkeys(("FIGURES", "area_label", "compute", "drill", "figure"), "app.dashboard.figures"),
         **dict.fromkeys(("ALL", "TOTAL", "Column", "Dashboard", "Figure", "Ref", "Row"), "app.dashboard.model")}


def __getattr__(name: str) -> Any:
    if name not in _FROM:
        raise AttributeError(name)
    import importlib

    return getattr(importlib.import_module(_FROM[name]), name)
