"""Qt glue for sync: one run (sync/client/runs.py) at a time on ``ctx.background`` with progress and cancel,
and an optional timer that syncs when the platform answers its health check.

The platform password lives only in this object's memory for the session. After a login the sync client keeps
the bearer token in the encrypted store, so later runs (and the timer) work without the password until it
expires.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QTimer, Signal

from app import ops, settings
from app.queries.rules import activate
from sync.client import SyncReport
from sync.client.runs import check_health, run_sync, token_state
from ui.context import AppContext, Job

# Engine stage → what the worker sees (Chinese source text; the sync screen translates it in its context).
STAGES = {
    "login": QT_TRANSLATE_NOOP("SyncView", "登录"),
    "upload": QT_TRANSLATE_NOOP("SyncView", "上传附件"),
    "push": QT_TRANSLATE_NOOP("SyncView", "上传修改"),
    "pull": QT_TRANSLATE_NOOP("SyncView", "下载更新"),
    "download": QT_TRANSLATE_NOOP("SyncView", "下载附件"),
    "done": QT_TRANSLATE_NOOP("SyncView", "完成"),
}


class SyncRunner(QObject):
    """Starts and cancels sync runs for the 同步 tab and the background timer; one run at a time."""

    started = Signal(bool)  # auto
    progress = Signal(str, int, int)  # stage, done, total
    finished = Signal(object)  # SyncReport
    failed = Signal(str)  # an unexpected error (not network/login trouble, which the report carries)
    busy_changed = Signal(bool)
    health = Signal(bool)  # result of the timer's reachability check

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        col = ctx.col
        self.server = settings.SYNC_SERVER.get(col)
        self.user: str = settings.SYNC_USER.get(col) or col.user.get("name", "")
        self.password: str | None = None  # this session only; never written anywhere
        self.auto_enabled: bool = settings.SYNC_AUTO.get(col)
        self.auto_minutes: int = settings.SYNC_MINUTES.get(col)
        # Test seams: passed to SyncClient / Transport (e.g. a hook that stalls at a point, short timeouts).
        self.client_options: dict[str, Any] = {}
        self.transport_options: dict[str, Any] = {}
        self._job: Job | None = None
        self._checking = False
        # Jobs held until they report: AppContext keeps no reference, and a collected Job loses its signals.
        self._held: set[Job] = set()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check_and_sync)
        self._apply_timer()
        ctx.locking.connect(self.cancel)

    # --- settings -----------------------------------------------------------------------------------
    def set_connection(self, server: str, user: str, password: str | None) -> None:
        server, user = server.strip().rstrip("/"), user.strip()
        if password:
            self.password = password
        if (server, user) != (self.server, self.user):
            self.server, self.user = server, user
            self._save_settings()

    def set_auto(self, enabled: bool, minutes: int | None = None) -> None:
        self.auto_enabled = enabled
        if minutes:
            self.auto_minutes = max(1, int(minutes))
        self._apply_timer()
        self._save_settings()

    def _apply_timer(self, interval_ms: int | None = None) -> None:
        self.timer.stop()
        if self.auto_enabled:
            self.timer.start(interval_ms or self.auto_minutes * 60_000)

    def _save_settings(self) -> None:
        self._hold(self.ctx.write(ops.settings.save_sync_settings, self.ctx.col, self.server, self.user,
                                  self.auto_enabled, self.auto_minutes))

    def _hold(self, job: Job) -> None:
        self._held.add(job)
        release = lambda *_a: self._held.discard(job)  # noqa: E731
        job.signals.done.connect(release)
        job.signals.failed.connect(release)

    # --- runs ---------------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._job is not None

    def start(self, auto: bool = False) -> bool:
        """Start a run; False when one is already running."""
        if self._job is not None:
            return False
        self._job = self.ctx.background(
            run_sync, self.ctx.col, self.server, self.user, self.password, auto=auto,
            client_options=dict(self.client_options), transport_options=dict(self.transport_options),
            on_progress=lambda d, t, stage: self.progress.emit(stage, d, t),
            on_done=self._done, on_error=self._error)
        self.busy_changed.emit(True)
        self.started.emit(auto)
        return True

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def _done(self, report: SyncReport) -> None:
        self._job = None
        if report.rules:  # new rule sets arrived: they are in force from now on
            activate(self.ctx.col)
        if report.deadlines_moved:
            shown = "；".join(report.deadlines_moved[:5])
            more = len(report.deadlines_moved) - 5
            self.ctx.notice.emit(self.tr("新的规则已生效，%1 个办理时限已重新计算：%2").replace(
                "%1", str(len(report.deadlines_moved))).replace("%2", shown + ("…" if more > 0 else "")))
        self.busy_changed.emit(False)
        self.finished.emit(report)

    def _error(self, exc: Exception) -> None:
        # Store trouble (disk full, damaged file): the client only absorbs network and login errors.
        self._job = None
        self.busy_changed.emit(False)
        self.failed.emit(self.tr("同步时出现意外错误（%1），本机数据未受影响，请稍后重试。").replace(
            "%1", type(exc).__name__))

    # --- background sync ----------------------------------------------------------------------------
    def check_and_sync(self) -> None:
        """Timer tick: when the platform answers and we can log in (password this session, or a saved token),
        sync; otherwise wait for the next tick. Never disturbs a running sync."""
        if self._job is not None or self._checking:
            return
        self._checking = True
        col, server, user, has_password = self.ctx.col, self.server, self.user, bool(self.password)

        def probe() -> tuple[bool, bool]:
            reachable = check_health(server)
            return reachable, reachable and (has_password or token_state(col, server, user) is not None)

        self._hold(self.ctx.background(probe, on_done=self._probed,
                                       on_error=lambda _e: self._probed((False, False))))

    def _probed(self, result: tuple[bool, bool]) -> None:
        self._checking = False
        reachable, can_login = result
        self.health.emit(reachable)
        if reachable and can_login and self.auto_enabled:
            self.start(auto=True)
