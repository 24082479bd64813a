"""The household & person page, one widget per section (see page.py and sections.py)."""

from ui.views.person.page import PersonView

__all__ = ["PersonView"]
