"""A date field that never changes what was typed behind the user's back.

QDateEdit quietly puts back the previous date when a typed one is out of range or incomplete (typing "25" for the
year keeps 2026; a year before the minimum of 下次走访日期 turns it into 未安排). ``StrictDateEdit`` notices when
the text shown after editing differs from what was typed and keeps a message until the field is edited again,
so the form can refuse to save and say why.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QWidget


class StrictDateEdit(QDateEdit):
    problem_changed = Signal(str)

    def __init__(self, date: QDate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._typed: str | None = None
        self._problem = ""
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        if date is not None:
            self.setDate(date)
        self.lineEdit().textEdited.connect(self._edited)
        self.editingFinished.connect(self._finished)

    def problem(self) -> str:
        """Chinese message when the date shown is not what was typed ("" otherwise)."""
        return self._problem

    def _set_problem(self, text: str) -> None:
        if text != self._problem:
            self._problem = text
            self.problem_changed.emit(text)

    def _edited(self, text: str) -> None:
        self._typed = text
        self._set_problem("")

    def _finished(self) -> None:
        typed, self._typed = self._typed, None
        if typed is not None and typed != self.text():
            self._set_problem(self.tr("输入的日期“{typed}”无效（已显示为 {shown}），请重新填写").format(
                typed=typed, shown=self.text()))

    def setDate(self, date: QDate) -> None:  # noqa: N802 - Qt API
        """A date set by the program (prefill, draft, calendar) is what it is: no typed text to compare."""
        self._typed = None
        self._set_problem("")
        super().setDate(date)
