"""设置: auto-lock, language, passphrase, and where the data file is.

Settings that describe how this worker's data is protected live inside the encrypted file (declared in
app/settings.py); the language is a per-machine preference read before unlocking (QSettings).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import ops, settings
from app.passphrase import problems
from ui import i18n
from ui.context import AppContext
from ui.widgets.strength import StrengthMeter


class SettingsView(QWidget):
    auto_lock_changed = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        page = QVBoxLayout(self)
        page.setContentsMargins(16, 12, 16, 12)
        column = QWidget()
        column.setMinimumWidth(640)
        column.setMaximumWidth(760)  # a form stretched over 1366 px is hard to read
        outer = QVBoxLayout(column)
        outer.setContentsMargins(0, 0, 0, 0)
        page.addWidget(column, 0, Qt.AlignmentFlag.AlignLeft)
        page.addStretch(1)

        general = QGroupBox(self.tr("常规"))
        form = QFormLayout(general)
        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(1, 120)
        self.auto_lock.setSuffix(self.tr(" 分钟"))
        self.auto_lock.setValue(settings.AUTO_LOCK_MINUTES.get(ctx.col))
        self.auto_lock.setMaximumWidth(120)
        self.auto_lock.valueChanged.connect(self._save_auto_lock)
        form.addRow(self.tr("无操作自动锁定"), self.auto_lock)
        self.language = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.language())))
        self.language.currentIndexChanged.connect(self._save_language)
        self.language_note = QLabel(self.tr("更改界面语言后需重新启动本程序。"))
        self.language_note.setStyleSheet("color: #666;")
        lang_row = QHBoxLayout()
        lang_row.addWidget(self.language)
        lang_row.addWidget(self.language_note, 1)
        form.addRow(self.tr("界面语言"), lang_row)
        self.path = QLineEdit(str(ctx.col.path))
        self.path.setReadOnly(True)
        form.addRow(self.tr("数据文件位置"), self.path)
        user = ctx.col.user or {}
        from app import areas

        self.account = QLabel(f"{user.get('display_name', '')}（{user.get('name', '')}）  "
                              + "、".join(areas.name_of(c) for c in user.get("areas") or []))
        self.account.setWordWrap(True)
        form.addRow(self.tr("账号"), self.account)
        outer.addWidget(general)

        secret = QGroupBox(self.tr("更改密码"))
        pform = QFormLayout(secret)
        self.old = QLineEdit()
        self.new = QLineEdit()
        self.confirm = QLineEdit()
        for w in (self.old, self.new, self.confirm):
            w.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = StrengthMeter()
        self.new.textChanged.connect(self.meter.update_for)
        pform.addRow(self.tr("原密码"), self.old)
        pform.addRow(self.tr("新密码"), self.new)
        pform.addRow("", self.meter)
        pform.addRow(self.tr("再次输入新密码"), self.confirm)
        self.change_button = QPushButton(self.tr("更改密码"))
        self.change_button.clicked.connect(self.change_passphrase)
        self.message = QLabel()
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.change_button)
        row.addWidget(self.message, 1)
        pform.addRow("", row)
        outer.addWidget(secret)
        outer.addStretch(1)

    def _save_auto_lock(self, minutes: int) -> None:
        self.ctx.write(ops.settings.set_value, self.ctx.col, settings.AUTO_LOCK_MINUTES, int(minutes))
        self.auto_lock_changed.emit(int(minutes))

    def _save_language(self) -> None:
        i18n.set_language(self.language.currentData())
        self.language_note.setStyleSheet("color: #b35c00;")

    def _say(self, text: str, ok: bool) -> None:
        self.message.setStyleSheet(f"color: {'#2e7d32' if ok else '#c62828'};")
        self.message.setText(text)

    def change_passphrase(self) -> None:
        old, new = self.old.text(), self.new.text()
        if not old:
            self._say(self.tr("请输入原密码。"), False)
            return
        if issues := problems(new):
            self._say(self.tr("新密码太弱：%1").replace("%1", "；".join(issues)), False)
            return
        if new != self.confirm.text():
            self._say(self.tr("两次输入的新密码不一致。"), False)
            return
        if new == old:
            self._say(self.tr("新密码与原密码相同。"), False)
            return
        self.change_button.setEnabled(False)
        self._say(self.tr("正在更改密码…"), True)
        self.ctx.write(ops.settings.change_passphrase, self.ctx.col, old, new, on_done=self._changed, on_error=self._failed)

    def _changed(self, _result: object) -> None:
        for w in (self.old, self.new, self.confirm):
            w.clear()
        self.change_button.setEnabled(True)
        self._say(self.tr("密码已更改。下次解锁请使用新密码。"), True)

    def _failed(self, exc: Exception) -> None:
        self.change_button.setEnabled(True)
        from app.collection import WrongPassphraseError

        self._say(self.tr("原密码不正确。") if isinstance(exc, WrongPassphraseError) else str(exc), False)

    def clear(self) -> None:
        for w in (self.old, self.new, self.confirm):
            w.clear()
        self.message.clear()
