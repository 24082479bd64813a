"""Item 4 (screens), the 援助对象 board: at 1366×768 every stage column shows its header, its step line and each
line of its cards whole (no wrapping mid-word, nothing cut); the board scrolls sideways instead."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QScrollArea

SCREEN_W, SCREEN_H = 1366, 768
TASKBAR = 40


def _label_cut(label: QLabel) -> bool:
    return label.fontMetrics().horizontalAdvance(label.text()) > label.contentsRect().width()


def test_board_columns_read_whole_at_1366x768(qtbot: Any, ctx: Any, monkeypatch: Any) -> None:
    from PySide6.QtCore import QRect

    from app.rules import workflow
    from ui.app_window import MainWindow
    from ui.widgets import fit

    monkeypatch.setattr(fit, "available", lambda _w: QRect(0, 0, SCREEN_W, SCREEN_H - TASKBAR))
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.resize(SCREEN_W - 16, SCREEN_H - TASKBAR - 30)
    w.show()
    try:
        board = w.show_tab("cases")
        qtbot.waitUntil(lambda: sum(c.count for c in board.columns.values()) > 0, timeout=10000)
        qtbot.wait(100)
        assert "exit_proposed" in board.columns and len(board.columns) == len(workflow.stages())
        problems = []
        for code, col in board.columns.items():
            for label in col.findChildren(QLabel):  # the stage and count, the step and its time limit
                if _label_cut(label):
                    problems.append(f"{code}: {label.text()!r} cut at {label.contentsRect().width()} px")
            room = col.list.viewport().width() - 8  # the card's padding
            fm = col.list.fontMetrics()
            for i in range(min(col.list.count(), 30)):
                for line in col.list.item(i).text().split("\n"):
                    if fm.horizontalAdvance(line) > room:
                        problems.append(f"{code}: card line {line!r} wraps in {room} px")
        assert problems == [], problems
        # The board is wider than the window: it scrolls sideways, and the last column can be reached whole.
        scroll = board.findChild(QScrollArea)
        last = list(board.columns.values())[-1]
        scroll.ensureWidgetVisible(last, 0, 0)
        qtbot.wait(20)
        left = last.mapTo(scroll.viewport(), last.rect().topLeft()).x()
        assert left >= 0 and left + last.width() <= scroll.viewport().width()
    finally:
        w.detach()
