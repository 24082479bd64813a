"""Start the desktop app: the fast path to the unlock dialog, then the unlock → work → lock cycle.

Only Qt, the font and the translator are loaded before the unlock dialog shows (BRIEF §4: start to unlock
dialog ≤ 2× a bare PySide6 window). SQLAlchemy, the store and the main window's modules are imported on a
background thread while the user types the passphrase.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ui.unlock import DEFAULT_DELAYS, CreateDialog, UnlockDialog

DEMO_PASSPHRASE = "demo-pass-2026"
DEMO_USER = "zhangli"
DEMO_HOUSEHOLDS = 300
PLATFORM_WAIT_S = 60.0  # how long a demo being made waits for the platform started with it
BENCH_ENV = "OUTREACH_BENCH_EXIT_ON_SHOWN"
PREWARMED = threading.Event()  # set when the background imports are done (the benchmark waits for it)


def _prewarm() -> None:
    """Import what unlocking needs while the user types (imports are the slow part of starting)."""
    if PREWARMED.is_set():
        return

    def work() -> None:
        import importlib

        # Module imports only (no widgets are made off the GUI thread). Any failure shows again, properly,
        # when the module is imported for real on unlock.
        for name in ("app.collection", "app.search", "app.queries.person_list", "app.rules.workflow",
                     "app.rules.eligibility", "ui.context", "ui.models.person_list", "ui.views.people_view",
                     "ui.app_window", "ui.views.todo_view"):
            try:
                importlib.import_module(name)
            except Exception:
                pass
        PREWARMED.set()

    threading.Thread(target=work, name="prewarm", daemon=True).start()


class Shell(QObject):
    """Owns the session: which dialog shows, the open AppContext, the main window and the idle lock."""

    def __init__(self, app: QApplication, path: Path, *, demo: bool = False, server: str | None = None,
                 delays: tuple[float, ...] = DEFAULT_DELAYS, idle_check_ms: int = 5000,
                 start_server: bool = True, demo_port: int = 8765) -> None:
        super().__init__()
        from ui.lock import IdleLock

        self.app = app
        self.path = Path(path)
        self.demo = demo
        self.server = server
        self.delays = delays
        self.ctx: Any = None
        self.window: Any = None
        self.dialog: QWidget | None = None
        self.state: dict[str, Any] | None = None
        self.server_proc: subprocess.Popen | None = None
        self._start_server = start_server
        self.demo_port = demo_port
        self.platform_problem = ""  # why the local demo platform is not running, shown wherever the user is
        self._fresh_platform = False  # a new demo office is being made: its platform starts afresh too
        self._watch = QTimer(self)
        self._watch.setInterval(500)
        self._watch.timeout.connect(self._watch_server)
        self._watch_left = 0
        self.idle = IdleLock(app, check_ms=idle_check_ms)
        self.idle.idle.connect(self.lock)

    # --- dialogs -------------------------------------------------------------------------------------
    def start(self) -> None:
        self._fresh_platform = self.demo and not self.path.exists()
        if self.demo and self._start_server:
            self._launch_server()
        if self.demo and not self.path.exists():
            self.show_unlock(preparing=True)
            self._make_demo()
        elif self.path.exists():
            self.show_unlock()
        else:
            self.show_create()

    def show_unlock(self, preparing: bool = False, note: str = "") -> UnlockDialog:
        dlg = UnlockDialog(self.path, self.window, demo_passphrase=DEMO_PASSPHRASE if self.demo else None,
                           delays=self.delays, note=note)
        if self.demo:
            dlg.passphrase.setText(DEMO_PASSPHRASE)
        dlg.create_elsewhere.connect(self._create_elsewhere)
        self._show_dialog(dlg)
        if self.platform_problem and not preparing:
            dlg.show_message(self.platform_problem, "warning")
        if preparing:
            dlg.set_busy(True, QCoreApplication.translate("Shell", "正在生成演示数据（约 %1 户），请稍候…").replace("%1", str(DEMO_HOUSEHOLDS)))
        return dlg

    def show_create(self) -> CreateDialog:
        dlg = CreateDialog(self.path, self.window, {"name": "", "display_name": "", "role": "worker"})
        self._show_dialog(dlg)
        return dlg

    def _create_elsewhere(self, path: Path) -> None:
        """The current file cannot be opened: make a new store at ``path`` and open that from now on."""
        old = self.dialog
        self.dialog = None
        if old is not None:
            old.rejected.disconnect(self._dialog_rejected)
            old.close()
            old.deleteLater()
        self.path = Path(path)
        if not self.demo:
            from app.config import remember_store_path

            remember_store_path(self.path)
        self.show_create()

    def _show_dialog(self, dlg: UnlockDialog | CreateDialog) -> None:
        self.dialog = dlg
        dlg.opened.connect(self._unlocked)
        dlg.rejected.connect(self._dialog_rejected)
        if self.window is not None and self.window.isVisible():
            dlg.setModal(True)
        dlg.show()
        dlg.raise_()
        dlg.activateWindow()
        if os.environ.get(BENCH_ENV):
            QTimer.singleShot(0, _bench_exit)
        else:
            _prewarm()

    def _dialog_rejected(self) -> None:
        self.dialog = None
        self.app.quit()

    def _make_demo(self) -> None:
        from ui.unlock import run_off_thread

        path = self.path
        # The office's work goes to the platform this shell started (not to whatever holds the port).
        platform = f"http://127.0.0.1:{self.demo_port}" if self.server_proc is not None else None

        def make() -> str:
            from app import areas
            from app.collection import Collection
            from app.demo import generate

            user = next(u for u in areas.demo_users() if u["name"] == DEMO_USER)
            tmp = path.with_name(path.name + ".making")
            for p in tmp.parent.glob(tmp.name + "*"):
                p.unlink()
            col = Collection.create(tmp, DEMO_PASSPHRASE, {k: user[k] for k in ("name", "display_name", "role",
                                                                               "areas")})
            problem = ""
            try:
                generate(col, DEMO_HOUSEHOLDS)
                if platform:
                    try:
                        problem = _hand_over(col, platform)
                    except Exception as exc:  # noqa: BLE001 - the store is complete; sync is restartable
                        problem = f"{type(exc).__name__}: {exc}"
            finally:
                col.close()
            tmp.rename(path)  # only a complete demo store ever has the real name
            return problem

        def done(problem: str) -> None:
            if isinstance(self.dialog, UnlockDialog):
                self.dialog.set_busy(False)
                done_text = QCoreApplication.translate("Shell", "演示数据已生成。")
                if problem:
                    self.dialog.show_message(done_text + "\n" + QCoreApplication.translate(
                        "Shell", "办公室的工作没有交给本地演示平台（%1），首次同步时经办人员和督导的修改会被拒绝。")
                        .replace("%1", problem), "warning")
                elif self.platform_problem:
                    self.dialog.show_message(done_text + "\n" + self.platform_problem, "warning")
                else:
                    self.dialog.show_message(done_text, "info")

        def failed(exc: Exception) -> None:
            if isinstance(self.dialog, UnlockDialog):
                self.dialog.set_busy(False)
                self.dialog.show_message(QCoreApplication.translate("Shell", "生成演示数据失败：%1").replace("%1", str(exc)))

        run_off_thread(make, done, failed, self)

    # --- unlocked ------------------------------------------------------------------------------------
    def _unlocked(self, col: Any) -> None:
        from app import settings
        from ui.app_window import MainWindow
        from ui.context import AppContext

        self.dialog = None
        self.ctx = AppContext(col)
        self._remember_server(col)
        if self.window is None:
            self.window = MainWindow()
            self.window.lock_requested.connect(self.lock)
            self.window.auto_lock_changed.connect(self.idle.set_minutes)
        self.window.attach(self.ctx)
        self.window.restore(self.state)
        self.state = None
        self.window.show()
        self.window.raise_()
        self.idle.set_minutes(settings.AUTO_LOCK_MINUTES.get(col))
        self.idle.start()
        if self.platform_problem:
            self.window.show_status(self.platform_problem)

    def _remember_server(self, col: Any) -> None:
        from app import ops, settings

        try:
            if self.server:
                self.ctx.write_now(ops.settings.remember_server, col, self.server)
            elif self.demo:
                self.ctx.write_now(ops.settings.remember_server, col, settings.DEMO_SERVER, only_if_unset=True)
        except Exception:  # not worth refusing to unlock over
            pass

    def lock(self) -> None:
        """Drop the key and everything decrypted; show the unlock dialog. Unlocking resumes here."""
        from ui.app_window import top_level_others

        if self.ctx is None or self.window is None:
            return
        self.idle.stop()
        ctx, self.ctx = self.ctx, None
        self.state = self.window.save_state()
        ctx.locking.emit()  # forms save their drafts and close themselves
        ctx.wait_idle()
        for w in top_level_others((self.window, self.dialog)):
            w.close()  # anything else still open (dialogs, previews) must not outlive the key
        self.window.detach()
        ctx.close()
        self.show_unlock(note=QCoreApplication.translate("Shell", "已锁定。请输入密码继续工作。"))

    # --- the demo platform ---------------------------------------------------------------------------
    def _server_cmd(self) -> list[str]:
        cmd = [sys.executable, "-m", "sync.server.cli", "serve", "--demo", "--host", "127.0.0.1",
               "--port", str(self.demo_port)]
        return [*cmd, "--fresh"] if self._fresh_platform else cmd

    def _launch_server(self) -> None:
        import importlib.util
        import socket

        try:
            if importlib.util.find_spec("sync.server.cli") is None:
                return
        except (ImportError, ValueError):
            return
        probe = socket.socket()
        try:
            probe.bind(("127.0.0.1", self.demo_port))
        except OSError:
            self._platform_failed(QCoreApplication.translate(
                "Shell", "本地演示平台没有启动：端口 %1 已被占用（也许另一个演示正在运行）。同步会连到占用该端口的程序。")
                .replace("%1", str(self.demo_port)))
            return
        finally:
            probe.close()
        root = Path(__file__).resolve().parents[1]
        log = (self.path.parent / "platform.log") if self.path.parent.exists() else None
        try:
            out = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115 - closed with the process
            self.server_proc = subprocess.Popen(self._server_cmd(), cwd=root, stdout=out, stderr=subprocess.STDOUT)
        except OSError as exc:
            self.server_proc = None
            self._platform_failed(QCoreApplication.translate("Shell", "本地演示平台没有启动：%1").replace(
                "%1", str(exc)))
            return
        self._watch_left = 30  # 15 s: a platform that dies at start (a port taken meanwhile, a bad install)
        self._watch.start()

    def _watch_server(self) -> None:
        proc = self.server_proc
        self._watch_left -= 1
        if proc is None or self._watch_left <= 0:
            self._watch.stop()
            return
        code = proc.poll()
        if code is None:
            return
        self._watch.stop()
        self.server_proc = None
        log = self.path.parent / "platform.log"
        self._platform_failed(QCoreApplication.translate(
            "Shell", "本地演示平台启动后退出了（退出码 %1），同步将连不上。原因见 %2。")
            .replace("%1", str(code)).replace("%2", str(log)))

    def _platform_failed(self, text: str) -> None:
        """Say so where the user looks: the open dialog, else the main window's status bar; and on stderr."""
        self.platform_problem = text
        print(text, file=sys.stderr, flush=True)
        if isinstance(self.dialog, UnlockDialog):
            self.dialog.show_message(text, "warning")
        elif self.window is not None:
            self.window.show_status(text)

    def shutdown(self) -> None:
        self._watch.stop()
        self.idle.dispose()
        if self.ctx is not None:
            ctx, self.ctx = self.ctx, None
            if self.window is not None:
                self.window.detach()
            ctx.close()
        if self.server_proc is not None and self.server_proc.poll() is None:
            self.server_proc.terminate()
            try:
                self.server_proc.wait(5)
            except subprocess.TimeoutExpired:
                self.server_proc.kill()
        self.server_proc = None


def _hand_over(col: Any, platform: str) -> str:
    """The demo office's first sync, each change pushed by the person who made it (sync/client/office.py), so
    张丽's laptop starts in step with the platform; "" when done, else why not (the store stays complete)."""
    from sync.client.office import hand_over
    from sync.server.seed import DEMO_PASSWORD  # this shell started the server: its package is installed

    report = hand_over(col, platform, DEMO_PASSWORD, wait=PLATFORM_WAIT_S)
    if report.errors:
        return report.errors[0]
    if report.rejected:
        return QCoreApplication.translate("Shell", "平台拒绝了 %1 条修改").replace("%1", str(report.rejected))
    return ""


def _bench_exit() -> None:
    """Benchmark hook: report when the dialog is on screen, then leave."""
    print(f"SHOWN {time.time():.6f}", flush=True)
    QApplication.instance().quit()


def store_path(demo: bool, db: str | None) -> Path:
    from app.config import default_store_path, demo_store_path

    if db:
        return Path(db).expanduser()
    return demo_store_path() if demo else default_store_path()


def make_app(argv: list[str] | None = None) -> QApplication:
    from ui import fonts, gui_gc, i18n

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    gui_gc.install(app)
    app.setApplicationName("OutreachDesk")
    app.setOrganizationName("OutreachDesk")
    fonts.install(app)
    i18n.install(app)
    app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "就业援助走访台"))
    return app


def run(demo: bool = False, db: str | None = None, server: str | None = None) -> int:
    app = make_app()
    shell = Shell(app, store_path(demo, db), demo=demo, server=server,
                  start_server=not os.environ.get(BENCH_ENV))
    if demo:
        shell.path.parent.mkdir(parents=True, exist_ok=True)
    shell.start()
    try:
        return app.exec()
    finally:
        shell.shutdown()


if __name__ == "__main__":
    # ``python -m ui.main [--demo] [--db PATH] [--server URL]``: the app without the CLI's other commands.
    import argparse

    _p = argparse.ArgumentParser(prog="ui.main")
    _p.add_argument("--demo", action="store_true")
    _p.add_argument("--db")
    _p.add_argument("--server")
    _a = _p.parse_args()
    sys.exit(run(demo=_a.demo, db=_a.db, server=_a.server))
