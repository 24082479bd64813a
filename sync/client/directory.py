"""After the pull: fetch the platform's user directory (login → display name, role) so every screen and form
shows people by name (docs/SYNC.md, "User directory"; ``app/queries/names.py`` reads it).

Cheap (one small GET per run) and never fatal: a platform without the endpoint (404) or an unusable answer
keeps the directory the laptop had, the latter with a warning.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app import settings
from app.collection import Collection
from app.ops.settings import set_value
from sync.client.transport import CancelledError, DeviceRevokedError, SyncError, Transport


def parse(body: Any) -> dict[str, dict[str, str]] | None:
    """The directory as stored, or None when the answer is not a directory."""
    if not isinstance(body, Mapping) or not isinstance(body.get("users"), list):
        return None
    out: dict[str, dict[str, str]] = {}
    for u in body["users"]:
        if not (isinstance(u, Mapping) and isinstance(u.get("name"), str) and u["name"]
                and isinstance(u.get("display_name"), str)):
            return None
        out[u["name"]] = {"display_name": u["display_name"], "role": str(u.get("role") or "")}
    return out


def pull_directory(col: Collection, transport: Transport) -> str | None:
    """Refresh the stored directory; returns a Chinese warning when it could not be, else None."""
    try:
        resp = transport.request("GET", "/users", ok=(404,))
    except (CancelledError, DeviceRevokedError):  # the run's own business: stop, or erase
        raise
    except SyncError as exc:
        return f"未能获取平台用户名单：{exc}"
    if resp.status == 404:
        return None  # an older platform without a directory: names fall back to logins
    users = parse(resp.body) if resp.status == 200 else None
    if users is None:
        return f"平台返回的用户名单无法识别（HTTP {resp.status}），仍使用上次的名单。"
    if users != settings.USER_DIRECTORY.get(col):  # unchanged: no change notification, no screen refresh
        set_value(col, settings.USER_DIRECTORY, users)
    return None
