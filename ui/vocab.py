"""The domain's choice lists (app/vocabulary.py, resources/vocabulary.toml) on screen: each choice shows its
Chinese or English text by the interface language, while what is stored is always the choice's value."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from app import vocabulary
from app.vocabulary import Choice
from ui import i18n


def text(choice: Choice) -> str:
    return choice.en if i18n.current() == "en" else choice.zh


def label(name: str, value: str | None) -> str:
    """The shown text of a stored value (the value itself when it is not in the list: typed by a person)."""
    for c in vocabulary.choices(name):
        if c.value == value:
            return text(c)
    return value or ""


def value_of(name: str, shown: str) -> str:
    """The value to store for a shown (or typed) text: a choice's value when it names one, else the text."""
    shown = shown.strip()
    for c in vocabulary.choices(name):
        if shown in (c.zh, c.en, c.value):
            return c.value
    return shown


def fill_combo(combo: QComboBox, name: str, *, blank: str | None = "") -> None:
    """The list's choices (data: the value), after a first entry with no value when ``blank`` is not None."""
    if blank is not None:
        combo.addItem(blank, None)
    for c in vocabulary.choices(name):
        combo.addItem(text(c), c.value)


def combo_value(combo: QComboBox, name: str) -> str:
    """What an (editable) combo stands for: the chosen choice's value, or the text typed in it."""
    return value_of(name, combo.currentText())


def set_combo_value(combo: QComboBox, name: str, value: str | None) -> None:
    i = combo.findData(value) if value else -1
    if i >= 0:
        combo.setCurrentIndex(i)
    elif combo.isEditable():
        combo.setCurrentText(label(name, value))
    else:
        combo.setCurrentIndex(0)
