"""Item 4 (screens): at 1366×768 every window and dialog fits the screen and can shrink to it, table cells show
their text whole, and the create dialog's strength reasons are not clipped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QWidget

from tests.ui.conftest import TODAY

SCREEN_W, SCREEN_H = 1366, 768
TASKBAR = 40  # a Windows task bar
ROOM_W, ROOM_H = SCREEN_W - 16, SCREEN_H - TASKBAR - 30  # less the window frame and title bar


def _fits(w: QWidget) -> list[str]:
    problems = []
    size, least = w.size(), w.minimumSizeHint().expandedTo(w.minimumSize())
    if size.width() > ROOM_W or size.height() > ROOM_H:
        problems.append(f"{type(w).__name__} opens at {size.width()}×{size.height()}")
    if least.width() > ROOM_W or least.height() > ROOM_H:
        problems.append(f"{type(w).__name__} cannot shrink below {least.width()}×{least.height()}")
    return problems


def _person(col: Any) -> str:
    with col.records.reading() as conn:
        return conn.exec_driver_sql("SELECT person_id FROM visit WHERE deleted = 0 AND visited_on IS NOT NULL "
                                    "LIMIT 1").scalar()


def test_every_window_and_dialog_fits_1366x768(qtbot: Any, ctx: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from PySide6.QtCore import QRect

    from ui.widgets import fit

    monkeypatch.setattr(fit, "available", lambda _w: QRect(0, 0, SCREEN_W, SCREEN_H - TASKBAR))
    from ui.app_window import MainWindow
    from ui.dialogs.conflict_dialog import ConflictDialog
    from ui.dialogs.help_plan_editor import HelpPlanEditor
    from ui.dialogs.print_preview import PrintPreviewDialog
    from ui.dialogs.visit_form import VisitForm
    from ui.dialogs.workflow_dialog import WorkflowDialog
    from ui.print_actions import render_bytes
    from ui.unlock import CreateDialog, UnlockDialog

    pid = _person(ctx.col)
    made: list[QWidget] = [MainWindow(ctx), CreateDialog(tmp_path / "x.db"), UnlockDialog(tmp_path / "x.db"),
                           PrintPreviewDialog(render_bytes(ctx.col, "help-plan", blank=True), "援助方案"),
                           HelpPlanEditor(ctx, pid), ConflictDialog(ctx, "person", pid)]
    try:
        made.append(VisitForm(ctx, pid, today=TODAY))
    except TypeError:
        made.append(VisitForm(ctx, pid))
    with ctx.col.records.reading() as conn:
        case = conn.exec_driver_sql("SELECT id FROM assistance_case WHERE deleted = 0 LIMIT 1").scalar()
    try:
        made.append(WorkflowDialog(ctx, case))
    except TypeError:
        pass
    problems = []
    for w in made:
        qtbot.addWidget(w)
        problems += _fits(w)
    made[0].detach()
    for w in made[1:]:
        w.close()
    assert problems == [], problems


def _cut_cells(view: Any, rows: int = 25, elastic: tuple[int, ...] = (), last: bool = False) -> list[str]:
    model, header = view.model(), view.horizontalHeader()
    fm = view.fontMetrics()
    cut = []
    columns = model.columnCount(QModelIndex())
    for c in range(columns if last else columns - 1):  # the last column stretches (to the viewport's edge)
        if c in elastic:
            continue
        for r in range(min(rows, model.rowCount(QModelIndex()))):
            text = model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole)
            width = (min(header.sectionSize(c), view.viewport().width() - header.sectionPosition(c))
                     if c == columns - 1 else header.sectionSize(c))
            if text and fm.horizontalAdvance(str(text)) + 8 > width:
                cut.append(f"{model.headerData(c, Qt.Orientation.Horizontal)}: {text}")
    return cut


def test_table_cells_show_their_text_whole(qtbot: Any, ctx: Any) -> None:
    from ui.app_window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.resize(SCREEN_W, SCREEN_H - TASKBAR)
    w.show()
    try:
        people = w.show_tab("people")
        qtbot.waitUntil(lambda: people.index is not None and people.model.rowCount() > 0, timeout=10000)
        qtbot.wait(50)
        visits = w.show_tab("visits")
        qtbot.waitUntil(lambda: visits.model.rowCount() > 0, timeout=10000)
        from ui.views.people_view import ADDRESS_COLUMN

        assert _cut_cells(people.table, elastic=(ADDRESS_COLUMN,)) == []  # the address gives way, by design
        header = people.table.horizontalHeader()
        last = people.model.columnCount() - 1
        assert header.sectionPosition(last) + 120 < people.table.viewport().width()  # every column on screen
        assert _cut_cells(visits.table) == []
    finally:
        w.detach()


def test_create_dialog_shows_every_strength_reason(qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtTest import QTest

    from ui.unlock import CreateDialog

    dlg = CreateDialog(tmp_path / "x.db")
    qtbot.addWidget(dlg)
    dlg.show()
    QTest.keyClicks(dlg.passphrase, "abc")
    qtbot.wait(50)
    reasons = dlg.meter.reasons
    assert reasons.isVisible() and "；" in reasons.text()
    assert reasons.height() >= reasons.heightForWidth(reasons.width())
    bottom = reasons.mapTo(dlg, reasons.rect().bottomLeft()).y()
    assert bottom <= dlg.confirm.mapTo(dlg, dlg.confirm.rect().topLeft()).y()  # not under the next field
