"""Supervisor dashboards: figures per community and area, drill-down to records, Excel and PDF export.

No Qt here; ``ui/views/dashboard_view.py`` shows what ``compute`` returns.
"""

from app.dashboard.figures import FIGURES, area_label, compute, drill, figure
from app.dashboard.model import ALL, TOTAL, Column, Dashboard, Figure, Ref, Row

__all__ = ["ALL", "FIGURES", "TOTAL", "Column", "Dashboard", "Figure", "Ref", "Row", "area_label", "compute",
           "drill", "figure"]
