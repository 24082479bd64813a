"""The person page's tabs, in order: adding a section is its module plus one line here.

Each entry is "module.Class" of a ``Section`` subclass (ui/views/person/section.py).
"""

from __future__ import annotations

import importlib

from ui.views.person.section import Section

TABS = [
    "ui.views.person.overview.OverviewSection",
    "ui.views.person.facts.FactsSection",
    "ui.views.person.materials.MaterialsSection",
    "ui.views.person.visits.VisitsSection",
    "ui.views.person.plan.PlanSection",
    "ui.views.person.services.ServicesSection",
    "ui.views.person.followups.FollowupsSection",
    "ui.views.person.reviews.ReviewsSection",
    "ui.views.person.history.HistorySection",
]


def tab_classes() -> list[type[Section]]:
    out = []
    for path in TABS:
        module, _, name = path.rpartition(".")
        cls = getattr(importlib.import_module(module), name)
        if not (isinstance(cls, type) and issubclass(cls, Section) and cls.key):
            raise TypeError(f"{path} is not a Section with a key")
        out.append(cls)
    return out
