"""Small helpers the intake tests share: a person made through the intake op, a shown person page."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app import ops
from app.rules.idcard import make_id

TODAY = dt.date(2026, 11, 25)
AREA = "140105001001"


def older_woman(col: Any, seq: int = 7, **facts: Any) -> tuple[str, str]:
    """(household id, person id): a 48-year-old woman, 本省户籍, registered unemployed since 2025 — she meets
    the basic conditions; 大龄失业人员 needs a former state enterprise or 6 months of unemployment insurance."""
    values = {"name": "冯桂兰", "id_number": make_id("140105", dt.date(1978, 4, 2), seq * 2), "relation": "户主",
              **facts}
    hid, (pid,) = ops.people.register_household(col, area_code=AREA, household={"address": "坞城南路 5 号"},
                                                members=[values], today=TODAY)
    ops.people.update_person(col, pid, {"hukou_in_shanxi": True, "registered_unemployed_on": "2025-06-01",
                                        "employment_status": "unemployed", "able_to_work": True,
                                        "willing_to_work": True}, today=TODAY)
    return hid, pid


def person_page(qtbot: Any, ctx: Any, person_id: str) -> Any:
    from ui.views.person import PersonView

    view = PersonView(ctx, today_fn=lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1366, 720)
    view.show()
    view.show_record("person", person_id)
    qtbot.waitUntil(lambda: view.person_id == person_id and not view.busy, timeout=10000)
    return view


def shown_tab(qtbot: Any, view: Any, key: str) -> Any:
    section = view.section(key)
    view.tabs.setCurrentWidget(section)
    qtbot.waitUntil(lambda: section.data is not None and not section.pending, timeout=10000)
    return section


def verdicts(overview: Any) -> dict[str, bool]:
    """Category name → met, as the eligibility tree shows it."""
    tree = overview.eligibility
    out = {}
    for i in range(tree.topLevelItemCount()):
        text = tree.topLevelItem(i).text(0)
        if text[:2] in ("✓ ", "✗ "):
            out[text[2:]] = text.startswith("✓")
    return out


def settle(qtbot: Any, view: Any) -> None:
    """Let reads still on their way (or still to start after a change notification) arrive before the page is
    closed at the end of a test."""
    timers = [view.live.timer, view.household.live.timer, *(s.live.timer for s in view.sections.values())]

    def quiet() -> bool:
        return not view.busy and not any(t.isActive() for t in timers)

    for _ in range(2):  # twice: a read shown may itself have been followed by a notification
        qtbot.wait(100)
        qtbot.waitUntil(quiet, timeout=10000)
    view.ctx.wait_idle()
    qtbot.wait(50)
