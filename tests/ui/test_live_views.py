"""Views follow changes by themselves and show nothing once the app locks."""

from __future__ import annotations

from app.collection import Collection
from tests.conftest import TODAY
from ui.context import AppContext


def test_supervisor_views_clear_on_lock_and_reload(qtbot, col: Collection) -> None:  # noqa: ANN001
    from ui.views.dashboard_view import DashboardView
    from ui.views.review_view import ReviewView

    col.set_user({**col.user, "role": "supervisor"})
    ctx = AppContext(col)
    dash, queue = DashboardView(ctx, today=TODAY), ReviewView(ctx, today=TODAY)
    qtbot.addWidget(dash)
    qtbot.addWidget(queue)
    qtbot.waitUntil(lambda: dash.dashboard is not None and queue.model.rowCount() > 0, timeout=20000)
    assert dash.cards["persons"].value.text() != "—"

    ctx.locking.emit()
    assert dash.cards["persons"].value.text() == "—"
    assert all(t.rowCount() == 0 for t in dash.tables.values())
    assert queue.model.rowCount() == 0 and queue.summary.text() == ""

    dash.reload()
    queue.reload()
    qtbot.waitUntil(lambda: dash.dashboard is not None and queue.model.rowCount() > 0, timeout=20000)
    ctx.wait_idle()


def test_hidden_view_reloads_when_shown(qtbot, col: Collection) -> None:  # noqa: ANN001
    from ui.views.visits_view import VisitsView

    ctx = AppContext(col)
    view = VisitsView(ctx, today_fn=lambda: TODAY)
    qtbot.addWidget(view)
    before = view.model.total
    with col.records.reading() as conn:
        person_id, household_id = conn.exec_driver_sql(
            "SELECT id, household_id FROM person WHERE deleted = 0 LIMIT 1").one()
    col.records.create("visit", {"person_id": person_id, "household_id": household_id, "planned_on": TODAY},
                       area_code="140105001001")
    qtbot.wait(50)
    assert view.live.stale and view.model.total == before  # hidden: nothing reloaded yet
    view.show()
    qtbot.waitUntil(lambda: view.model.total == before + 1, timeout=5000)
    ctx.wait_idle()
