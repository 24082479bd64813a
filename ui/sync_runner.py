"""Qt glue for sync: one run at a time on ``ctx.background`` with progress and cancel, a run log kept in the
encrypted meta, and an optional timer that syncs when the platform answers its health check.

The platform password lives only in this object's memory for the session. After a login the sync client keeps
the bearer token in the encrypted store, so later runs (and the timer) work without the password until it
expires.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import requests
from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QTimer, Signal

from app.collection import Collection
from app.queries.rules import activate
from app.store import sync_state as st
from sync.client import SyncClient, SyncReport, Transport
from ui.context import AppContext, Job

DEFAULT_SERVER = "http://127.0.0.1:8765"  # the demo platform (outreach-platform serve --demo)
SERVER_KEY = "sync_server"  # platform URL (meta)
SETTINGS_KEY = "sync_settings"  # {"user", "auto", "minutes"} (meta)
LOG_KEY = "sync_log"  # the last LOG_SIZE run summaries (meta): counts and Chinese messages, no record data
LOG_SIZE = 50
DEFAULT_MINUTES = 15
HEALTH_TIMEOUT = 2.0  # seconds: the check only asks "is the platform reachable now?"

# Engine stage → what the worker sees (Chinese source text; the sync screen translates it in its context).
STAGES = {
    "login": QT_TRANSLATE_NOOP("SyncView", "登录"),
    "upload": QT_TRANSLATE_NOOP("SyncView", "上传附件"),
    "push": QT_TRANSLATE_NOOP("SyncView", "上传修改"),
    "pull": QT_TRANSLATE_NOOP("SyncView", "下载更新"),
    "download": QT_TRANSLATE_NOOP("SyncView", "下载附件"),
    "done": QT_TRANSLATE_NOOP("SyncView", "完成"),
}


def _summary(report: SyncReport, auto: bool) -> dict[str, Any]:
    """One log entry. Error texts come from the client and name no person (codes, counts, HTTP status)."""
    return {"at": st.utc_now(), "auto": auto, "ok": report.ok, "cancelled": report.cancelled,
            "pushed": report.pushed, "applied": report.applied, "duplicate": report.duplicate,
            "conflict": report.conflict, "rejected": report.rejected, "pulled": report.pulled,
            "uploaded": report.uploaded, "downloaded": report.downloaded, "pending": report.pending,
            "conflicts": report.conflicts, "duration": report.duration, "errors": report.errors[:3],
            "warnings": report.warnings[:3]}


def append_log(col: Collection, entry: dict[str, Any]) -> None:
    log = col.get_meta(LOG_KEY, [])
    col.set_meta(LOG_KEY, (log + [entry])[-LOG_SIZE:])


def read_log(col: Collection) -> list[dict[str, Any]]:
    return col.get_meta(LOG_KEY, [])


def token_state(col: Collection, server: str, user: str) -> str | None:
    """The expiry (UTC ISO) of a saved, still valid token for this server and user, else None."""
    saved = col.get_meta(st.TOKEN_KEY) or {}
    if saved.get("server") != server.rstrip("/") or saved.get("user") != user or not saved.get("token"):
        return None
    expires = saved.get("expires_at")
    try:
        if expires and dt.datetime.fromisoformat(expires) <= dt.datetime.now(dt.UTC):
            return None
    except ValueError:
        return None
    return expires or ""


def run_sync(col: Collection, server: str, user: str, password: str | None, *, auto: bool = False,
             progress: Callable[..., None] | None = None, cancel: Any = None,
             client_options: dict[str, Any] | None = None,
             transport_options: dict[str, Any] | None = None) -> SyncReport:
    """One sync run (worker thread). Never raises for network or login trouble: see ``report.errors``."""
    transport = Transport(server, username=user, password=password or None, **(transport_options or {}))
    client = SyncClient(col, transport, **(client_options or {}))
    # ctx.background's progress is (done, total, label); the engine's is (stage, done, total).
    relay = (lambda stage, done, total: progress(done, total, stage)) if progress else None
    try:
        report = client.sync(progress=relay, cancel=cancel)
    finally:
        transport.close()
    append_log(col, _summary(report, auto))
    return report


def check_health(server: str, timeout: float = HEALTH_TIMEOUT) -> bool:
    try:
        return requests.get(server.rstrip("/") + "/api/v1/health", timeout=timeout).status_code == 200
    except requests.RequestException:
        return False


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
        self.server = ctx.col.get_meta(SERVER_KEY) or DEFAULT_SERVER
        settings = ctx.col.get_meta(SETTINGS_KEY) or {}
        self.user: str = settings.get("user") or ctx.col.user.get("name", "")
        self.password: str | None = None  # this session only; never written anywhere
        self.auto_enabled: bool = bool(settings.get("auto", False))
        self.auto_minutes: int = int(settings.get("minutes") or DEFAULT_MINUTES)
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
        col, server = self.ctx.col, self.server
        settings = {"user": self.user, "auto": self.auto_enabled, "minutes": self.auto_minutes}

        def save() -> None:
            col.set_meta(SERVER_KEY, server)
            col.set_meta(SETTINGS_KEY, settings)

        self._hold(self.ctx.write(save))

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
            self.ctx.notice.emit(self.tr("新的节假日安排已生效，%1 个办理时限已重新计算：%2").replace(
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
