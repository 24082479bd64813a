"""Printing is reachable where people work: a person's 打印 menu and the to-do's batch buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from app.collection import Collection
from tests.conftest import TODAY
from ui.context import AppContext


def _previews() -> list:
    from ui.dialogs.print_preview import PrintPreviewDialog

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreviewDialog) and w.isVisible()]


def test_person_print_menu_opens_a_preview(qtbot, col: Collection) -> None:  # noqa: ANN001
    from ui.views.person import PersonView

    ctx = AppContext(col)
    view = PersonView(ctx, today_fn=lambda: TODAY)
    qtbot.addWidget(view)
    with col.records.reading() as conn:
        pid = conn.exec_driver_sql("SELECT person_id FROM assistance_case WHERE deleted = 0 LIMIT 1").scalar()
    view.show()
    with qtbot.waitSignal(view.refreshed, timeout=10000):
        view.show_record("person", pid)
    view._fill_print_menu()
    actions = view.print_menu.actions()
    assert [a.text() for a in actions][:1] == ["入户走访登记表…"]
    actions[0].trigger()
    qtbot.waitUntil(lambda: bool(_previews()), timeout=30000)
    for w in _previews():
        w.close()
    ctx.wait_idle()


def test_todo_prints_todays_route(qtbot, col: Collection) -> None:  # noqa: ANN001
    from ui.views.todo_view import TodoView

    ctx = AppContext(col)
    view = TodoView(ctx, today_fn=lambda: TODAY)
    qtbot.addWidget(view)
    view.route_btn.click()
    qtbot.waitUntil(lambda: bool(_previews()), timeout=30000)
    for w in _previews():
        w.close()
    ctx.wait_idle()
