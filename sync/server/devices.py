"""Laptops the platform knows: the audit chain head each last proved, and revocation (docs/SECURITY.md).

Anchoring: at the end of every sync the laptop asks which of its audit entries the platform holds as its
anchor (only the sequence number is told, never the hash), then sends the hash of its own entry at that
number and its present head. The platform flags a chain that does not extend the anchor — shorter than it,
or with a different entry there — and keeps the old anchor, so the flag stays until an admin looks.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select, update

from sync.server.auth import User, token_digest
from sync.server.db import devices, reading, tokens, users, writing
from sync.server.errors import ApiError
from sync.server.ops import utc_now

STATES = {"active": "正常", "revoked": "已停用", "erase_sent": "已停用，已通知清除"}


def _row(conn: Connection, device_id: str) -> Any:
    return conn.execute(select(devices).where(devices.c.device_id == device_id)).first()


def _own(conn: Connection, user: User) -> Any:
    """The device row of the caller's token, if it is this user's (a store that changed hands starts a new
    anchor for its new user; an earlier flag stays)."""
    if not user.device_id:
        raise ApiError(422, "invalid_request", "登录时没有提供设备编号。")
    row = _row(conn, user.device_id)
    return row if row is not None and row.user_name == user.name else None


def anchor_seq(engine: Engine, user: User) -> int | None:
    with reading(engine) as conn:
        row = _own(conn, user)
    return int(row.audit_seq) if row is not None and row.audit_seq is not None else None


def prove(engine: Engine, user: User, head_seq: int, head_hash: str, anchor_seq_: int | None,
          anchor_hash: str | None) -> dict[str, Any]:
    """Check the laptop's chain against its anchor and move the anchor to its head; {"ok", "flag"}."""
    now = utc_now()
    with writing(engine) as conn:
        row = _own(conn, user)
        if row is None:
            fresh = {"user_name": user.name, "last_sync": now, "audit_seq": head_seq, "audit_hash": head_hash}
            if _row(conn, user.device_id) is None:
                conn.execute(insert(devices).values(device_id=user.device_id, first_seen=now, state="active",
                                                    **fresh))
            else:
                conn.execute(update(devices).where(devices.c.device_id == user.device_id).values(**fresh))
            return {"ok": True, "flag": None}
        flag = _verdict(row, head_seq, head_hash, anchor_seq_, anchor_hash)
        values: dict[str, Any] = {"last_sync": now}
        if flag:
            values.update(audit_flag=flag, audit_flag_at=now)
        else:
            values.update(audit_seq=head_seq, audit_hash=head_hash)
        conn.execute(update(devices).where(devices.c.device_id == user.device_id).values(**values))
    return {"ok": flag is None, "flag": flag}


def _verdict(row: Any, head_seq: int, head_hash: str, anchor_seq_: int | None, anchor_hash: str | None) -> str | None:
    if row.audit_seq is None:
        return None
    seq = int(row.audit_seq)
    if head_seq == seq and head_hash == row.audit_hash:
        return None  # nothing new, or the repeat of a call whose answer was lost
    if head_seq < seq:
        return f"本机审计记录只到第 {head_seq} 条，上次同步时已有 {seq} 条：最新的审计记录被删除了。"
    if anchor_seq_ != seq or anchor_hash != row.audit_hash:
        return f"本机第 {seq} 条审计记录与上次同步时不同：审计历史被改写过。"
    return None


def refuse_revoked(engine: Engine, device_id: str, token: str) -> None:
    """After a good password: a revoked laptop gets no token and is told to erase its copy (403
    ``device_revoked``); the device list then says it was told."""
    with writing(engine) as conn:
        row = _row(conn, device_id)
        if row is None or row.state == "active":
            return
        conn.execute(delete(tokens).where(tokens.c.token_sha256 == token_digest(token)))
        conn.execute(update(devices).where(devices.c.device_id == device_id).values(state="erase_sent"))
    raise ApiError(403, "device_revoked", "本机已被管理员停用，本机上的数据将被清除。如有疑问请联系管理员。")


def revoke(engine: Engine, device_id: str, by: str) -> bool:
    """Stop a laptop at once: its tokens are deleted and it may not log in again. False if unknown."""
    with writing(engine) as conn:
        if _row(conn, device_id) is None:
            return False
        conn.execute(update(devices).where(devices.c.device_id == device_id, devices.c.state == "active")
                     .values(state="revoked", revoked_at=utc_now(), revoked_by=by))
        conn.execute(delete(tokens).where(tokens.c.device_id == device_id))
    return True


def list_devices(engine: Engine) -> list[dict[str, Any]]:
    with reading(engine) as conn:
        rows = conn.execute(select(devices, users.c.display_name)
                            .join(users, users.c.name == devices.c.user_name, isouter=True)
                            .order_by(devices.c.user_name, devices.c.first_seen)).all()
    return [{"device_id": r.device_id, "user": r.user_name, "display_name": r.display_name or r.user_name,
             "last_sync": r.last_sync, "state": r.state, "state_label": STATES.get(r.state, r.state),
             "audit_seq": r.audit_seq, "audit_flag": r.audit_flag, "audit_flag_at": r.audit_flag_at,
             "revoked_at": r.revoked_at, "revoked_by": r.revoked_by} for r in rows]
