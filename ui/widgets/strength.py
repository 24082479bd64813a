"""Passphrase strength meter (app.passphrase.strength 0–4) with the reasons a passphrase is refused."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from app.passphrase import problems, strength

_COLORS = ("#c62828", "#c62828", "#ef6c00", "#2e7d32", "#1b5e20")


class StrengthMeter(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.bar = QProgressBar()
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        self.word = QLabel()
        row.addWidget(self.bar, 1)
        row.addWidget(self.word)
        lay.addLayout(row)
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.reasons.setStyleSheet("color: #c62828;")
        lay.addWidget(self.reasons)
        self.update_for("")

    def update_for(self, secret: str) -> list[str]:
        score = strength(secret)
        issues = problems(secret) if secret else []
        words = (self.tr("太弱"), self.tr("弱"), self.tr("一般"), self.tr("较强"), self.tr("强"))
        self.bar.setValue(score)
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {_COLORS[score]}; }}")
        self.word.setText(words[score] if secret else "")
        self.reasons.setText("；".join(issues))
        self.reasons.setVisible(bool(issues))
        return issues
