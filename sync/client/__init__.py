"""The laptop's side of the sync protocol (docs/SYNC.md, docs/SYNC_CLIENT.md). No Qt here.

Settling what sync leaves behind (conflicts, refused changes) is ordinary store work: ``app.ops.conflicts``.
"""

from sync.client.engine import SyncClient, SyncReport
from sync.client.transport import AuthError, CancelledError, RetryPolicy, SyncError, Transport

__all__ = [
    "AuthError", "CancelledError", "RetryPolicy", "SyncClient", "SyncError", "SyncReport", "Transport",
]
