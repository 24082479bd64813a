"""One sync run as the app makes it (no Qt): log in with what the worker typed or the saved token, sync,
and keep a summary of the run in the encrypted file's sync log (app.settings.SYNC_LOG).

The GUI runs ``run_sync`` on ``ctx.background`` (ui/sync_runner.py); the CLI and tests call it directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import requests

from app import ops, settings
from app.collection import Collection
from app.store import sync_state as st
from sync.client.engine import SyncClient, SyncReport
from sync.client.transport import Transport

HEALTH_TIMEOUT = 2.0  # seconds: the check only asks "is the platform reachable now?"


def summary(report: SyncReport, auto: bool) -> dict[str, Any]:
    """One log entry. Error texts come from the client and name no person (codes, counts, HTTP status)."""
    return {"at": st.utc_now(), "auto": auto, "ok": report.ok, "cancelled": report.cancelled,
            "pushed": report.pushed, "applied": report.applied, "duplicate": report.duplicate,
            "conflict": report.conflict, "rejected": report.rejected, "pulled": report.pulled,
            "uploaded": report.uploaded, "downloaded": report.downloaded, "pending": report.pending,
            "conflicts": report.conflicts, "duration": report.duration, "errors": report.errors[:3],
            "warnings": report.warnings[:3]}


def read_log(col: Collection) -> list[dict[str, Any]]:
    return settings.SYNC_LOG.get(col)


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
    ops.settings.append_sync_log(col, summary(report, auto))
    return report


def check_health(server: str, timeout: float = HEALTH_TIMEOUT) -> bool:
    try:
        return requests.get(server.rstrip("/") + "/api/v1/health", timeout=timeout).status_code == 200
    except requests.RequestException:
        return False
