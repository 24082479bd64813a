"""Create and unlock dialogs: the first thing the user sees, so this module imports only Qt and stays light.

Opening runs off the GUI thread (the key derivation takes ~0.2 s, longer on old laptops) behind a busy
indicator. Wrong passphrases are answered with a growing delay (a stolen laptop should not allow fast
guessing through the UI); the schedule is a constructor argument so tests do not sleep.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

# Seconds to wait after the 1st, 2nd, … wrong passphrase (the last value repeats).
DEFAULT_DELAYS: tuple[float, ...] = (0, 0, 1, 2, 4, 8, 16, 30)


class _Relay(QObject):
    """Carries a worker thread's result to the GUI thread (queued, since this object lives there)."""

    done = Signal(object)
    failed = Signal(object)


def run_off_thread(fn: Callable[[], Any], on_done: Callable[[Any], None],
                   on_failed: Callable[[Exception], None], parent: QObject) -> None:
    relay = _Relay(parent)
    relay.done.connect(on_done)
    relay.failed.connect(on_failed)
    relay.done.connect(relay.deleteLater)
    relay.failed.connect(relay.deleteLater)

    def work() -> None:
        try:
            result = fn()
        except Exception as exc:  # shown to the user by on_failed
            relay.failed.emit(exc)
        else:
            relay.done.emit(result)

    threading.Thread(target=work, name="open-store", daemon=True).start()


class _StoreDialog(QDialog):
    """Shared layout: product title, file line, a form, a message line, a busy bar and the buttons.

    Its texts name their context ("StoreDialog") explicitly: ``self.tr`` in a base class would look them up
    under the subclass's name at run time, where lupdate did not put them.
    """

    opened = Signal(object)  # the open app.collection.Collection

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.setWindowTitle(QCoreApplication.translate("StoreDialog", "就业援助走访台"))
        self.setMinimumWidth(440)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 24, 28, 20)
        outer.setSpacing(10)
        title = QLabel(QCoreApplication.translate("StoreDialog", "就业援助走访台"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        outer.addWidget(title)
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: #555;")
        self.subtitle.setWordWrap(True)
        outer.addWidget(self.subtitle)
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(12)
        outer.addLayout(self.form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        outer.addWidget(self.message)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # indeterminate
        self.busy.setFixedHeight(6)
        self.busy.setTextVisible(False)
        self.busy.hide()
        outer.addWidget(self.busy)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.quit_button = QPushButton(QCoreApplication.translate("StoreDialog", "退出"))
        self.quit_button.clicked.connect(self.reject)
        # Only the primary button answers Enter. An auto-default button becomes the default when it gets the
        # focus — and when the line edits are disabled while working, the focus lands on 退出: the Enter
        # that started the work would then also press 退出 (the app quit mid-create, leaving a broken file).
        self.quit_button.setAutoDefault(False)
        self.ok_button = QPushButton()
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submit)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.ok_button)
        outer.addLayout(buttons)

    def show_message(self, text: str, kind: str = "error") -> None:
        color = {"error": "#c62828", "warning": "#e65100", "info": "#1565c0"}.get(kind, "#333")
        self.message.setStyleSheet(f"color: {color};")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def set_busy(self, busy: bool, text: str = "") -> None:
        self.busy.setVisible(busy)
        for w in self.findChildren(QLineEdit):
            w.setEnabled(not busy)
        self.ok_button.setEnabled(not busy)
        self.quit_button.setEnabled(not busy)
        if busy:
            self.show_message(text, "info")

    def reject(self) -> None:
        """Esc and closing the window are refused while a file is being opened or written."""
        if self.busy.isVisible():
            return
        super().reject()

    def submit(self) -> None:  # overridden
        raise NotImplementedError


class UnlockDialog(_StoreDialog):
    """Ask for the passphrase of an existing store and open it."""

    create_elsewhere = Signal(object)  # Path: the user chose to make a new store there instead

    def __init__(self, path: Path, parent: QWidget | None = None, *, demo_passphrase: str | None = None,
                 delays: Sequence[float] = DEFAULT_DELAYS, note: str = "") -> None:
        super().__init__(path, parent)
        self.delays = tuple(delays)
        self.failures = 0
        self.remaining = 0.0  # seconds until another attempt is allowed
        self.subtitle.setText(self.tr("数据文件：%1").replace("%1", self.path.name))
        self.subtitle.setToolTip(str(self.path))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("请输入数据文件密码"))
        self.passphrase.returnPressed.connect(self.submit)
        self.form.addRow(self.tr("密码"), self.passphrase)
        self.reveal = QCheckBox(self.tr("显示密码"))
        self.reveal.toggled.connect(lambda on: self.passphrase.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))
        self.form.addRow("", self.reveal)
        if demo_passphrase:
            hint = QLabel(self.tr("演示模式：密码为 %1").replace("%1", demo_passphrase))
            hint.setStyleSheet("color: #1565c0;")
            hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow("", hint)
            self.demo_hint = hint
        self.ok_button.setText(self.tr("解锁"))
        # A file that is not a store (or is damaged) cannot be fixed here: offer a way forward, not a dead end.
        self.new_button = QPushButton(self.tr("在其他位置新建数据文件…"))
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self.choose_new_file)
        self.new_button.hide()
        self.layout().insertWidget(self.layout().indexOf(self.message) + 1, self.new_button,
                                   alignment=Qt.AlignmentFlag.AlignLeft)
        if note:
            self.show_message(note, "info")
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count_down)
        self.passphrase.setFocus()

    # --- opening -------------------------------------------------------------------------------------
    def submit(self) -> None:
        if self.remaining > 0 or self.busy.isVisible():
            return
        secret = self.passphrase.text()
        if not secret:
            self.show_message(self.tr("请输入密码。"))
            return
        self.set_busy(True, self.tr("正在打开数据文件…"))
        path = self.path

        def open_store() -> Any:
            from app.collection import Collection

            return Collection.open(path, secret)

        run_off_thread(open_store, self._opened, self._failed, self)

    def _opened(self, col: Any) -> None:
        self.set_busy(False)
        self.passphrase.clear()
        self.failures = 0
        self.show_message("")
        self.opened.emit(col)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        from app.collection import (
            DamagedStoreError,
            NotAStoreError,
            StoreNotFoundError,
            WrongPassphraseError,
        )

        self.set_busy(False)
        self.passphrase.selectAll()
        self.passphrase.setFocus()
        if isinstance(exc, WrongPassphraseError):
            self.failures += 1
            self.show_message(self.tr("密码不正确（第 %1 次），或数据文件的第一页已损坏。请检查大小写和输入法后重试；"
                                      "若确认密码无误，请用“outreach-desk check”检查数据文件。")
                              .replace("%1", str(self.failures)))
            self.start_delay(self.delay_for(self.failures))
        elif isinstance(exc, NotAStoreError):
            self.show_message(self.tr("无法打开：%1").replace("%1", str(exc)), "warning")
            self.new_button.show()
        elif isinstance(exc, DamagedStoreError):
            self.show_message(self.tr("数据文件已损坏：%1").replace("%1", str(exc)))
            self.new_button.show()
        elif isinstance(exc, StoreNotFoundError):
            self.show_message(str(exc), "warning")
        else:
            self.show_message(self.tr("打开失败：%1").replace("%1", str(exc)))

    def choose_new_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        suggested = self.path.with_name(self.path.stem + "-2" + self.path.suffix)
        name, _ = QFileDialog.getSaveFileName(self, self.tr("新建数据文件"), str(suggested),
                                              self.tr("走访台数据文件 (*.db)"))
        if not name:
            return
        target = Path(name)
        if target.resolve() == self.path.resolve() or target.exists():
            self.show_message(self.tr("请选择一个新的文件名，已有的文件不会被覆盖。"), "warning")
            return
        self.create_elsewhere.emit(target)

    # --- growing delay ---------------------------------------------------------------------------------
    def delay_for(self, failures: int) -> float:
        if failures <= 0 or not self.delays:
            return 0.0
        return float(self.delays[min(failures, len(self.delays)) - 1])

    def start_delay(self, seconds: float) -> None:
        self.remaining = float(seconds)
        if self.remaining <= 0:
            self.remaining = 0
            return
        self.ok_button.setEnabled(False)
        self.passphrase.setEnabled(False)
        self._show_countdown()
        self._tick.start()

    def _count_down(self) -> None:
        self.remaining = max(0.0, self.remaining - 1)
        if self.remaining <= 0:
            self.finish_delay()
        else:
            self._show_countdown()

    def _show_countdown(self) -> None:
        self.ok_button.setText(self.tr("请等待 %1 秒").replace("%1", str(int(self.remaining + 0.999))))

    def finish_delay(self) -> None:
        """End the wait (the timer does this; tests call it instead of sleeping)."""
        self._tick.stop()
        self.remaining = 0
        self.ok_button.setText(self.tr("解锁"))
        self.ok_button.setEnabled(True)
        self.passphrase.setEnabled(True)
        self.passphrase.setFocus()


class CreateDialog(_StoreDialog):
    """First run: choose the passphrase (twice, with a strength meter) and create the encrypted store."""

    def __init__(self, path: Path, parent: QWidget | None = None, user: dict[str, Any] | None = None) -> None:
        super().__init__(path, parent)
        from ui.widgets.strength import StrengthMeter

        self.user_defaults = dict(user or {})
        self.subtitle.setText(self.tr("首次使用：设置数据文件密码。所有数据加密保存在本机，忘记密码将无法恢复。"))
        self.display_name = QLineEdit(self.user_defaults.get("display_name", ""))
        self.display_name.setPlaceholderText(self.tr("例如：张丽"))
        self.account = QLineEdit(self.user_defaults.get("name", ""))
        self.account.setPlaceholderText(self.tr("平台登录账号"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("至少 10 个字符，混合字母、数字、汉字或符号"))
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.returnPressed.connect(self.submit)
        self.meter = StrengthMeter()
        self.passphrase.textChanged.connect(self.meter.update_for)
        self.passphrase.textChanged.connect(lambda _t: QTimer.singleShot(0, self, self._grow))
        self.form.addRow(self.tr("姓名"), self.display_name)
        self.form.addRow(self.tr("账号"), self.account)
        self.form.addRow(self.tr("密码"), self.passphrase)
        self.form.addRow("", self.meter)
        self.form.addRow(self.tr("再次输入"), self.confirm)
        self.ok_button.setText(self.tr("创建"))

    def _grow(self) -> None:
        """The strength meter's reasons wrap onto more lines as they change: grow so none is clipped."""
        lay = self.layout()
        lay.activate()
        need = lay.totalHeightForWidth(self.width()) if lay.hasHeightForWidth() else lay.totalMinimumSize().height()
        if self.height() < need:
            self.resize(self.width(), need)

    def submit(self) -> None:
        from app.passphrase import problems

        if self.busy.isVisible():
            return
        secret = self.passphrase.text()
        if not self.display_name.text().strip():
            self.show_message(self.tr("请填写姓名。"))
            return
        issues = problems(secret)
        if issues:
            self.show_message(self.tr("密码太弱：%1").replace("%1", "；".join(issues)))
            return
        if secret != self.confirm.text():
            self.show_message(self.tr("两次输入的密码不一致。"))
            return
        user = {**self.user_defaults, "display_name": self.display_name.text().strip(),
                "name": self.account.text().strip() or self.user_defaults.get("name") or "worker"}
        path = self.path
        self.set_busy(True, self.tr("正在创建加密数据文件…"))

        def create() -> Any:
            from app.collection import Collection

            return Collection.create(path, secret, user)

        run_off_thread(create, self._created, self._failed, self)

    def _created(self, col: Any) -> None:
        self.set_busy(False)
        self.passphrase.clear()
        self.confirm.clear()
        self.opened.emit(col)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.set_busy(False)
        self.show_message(self.tr("创建失败：%1").replace("%1", str(exc)))
