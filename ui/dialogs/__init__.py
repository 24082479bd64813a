"""Dialogs for entering data (visit form, help plan, workflow step) and their shared small widgets."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

ERROR_STYLE = "color: #c62828;"


class ErrorLabel(QLabel):
    """A red, word-wrapped message shown right next to the field it is about; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.hide()

    def show_error(self, text: str | None) -> None:
        self.setText(text or "")
        self.setVisible(bool(text))


def to_qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    """Buttons side by side on the left (add / remove under a list)."""
    row = QHBoxLayout()
    for b in buttons:
        row.addWidget(b)
    row.addStretch(1)
    return row


def stacked(*widgets: QWidget) -> QWidget:
    """Widgets one under another with no margins: a field with its hints and error message below it."""
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(1)
    for w in widgets:
        lay.addWidget(w)
    return box


def with_error(widget: QWidget, error: ErrorLabel) -> QWidget:
    """A field with its error message right under it."""
    return stacked(widget, error)


def open_dialog(dlg: QDialog) -> QDialog:
    """Show a modeless dialog that deletes itself when closed; returns it."""
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.show()
    return dlg
