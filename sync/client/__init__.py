"""The laptop's side of the sync protocol (docs/SYNC.md, docs/SYNC_CLIENT.md). No Qt here."""

from sync.client.conflicts import Value, dismiss_rejected, list_conflicts, list_rejected, resolve_conflict
from sync.client.engine import SyncClient, SyncReport
from sync.client.transport import AuthError, CancelledError, RetryPolicy, SyncError, Transport

__all__ = [
    "AuthError", "CancelledError", "RetryPolicy", "SyncClient", "SyncError", "SyncReport", "Transport", "Value",
    "dismiss_rejected", "list_conflicts", "list_rejected", "resolve_conflict",
]
