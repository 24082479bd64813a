"""Step 5 of a sync run: fetch the platform's signed rule sets, verify them, keep the good ones (docs/RULES.md).

Trust: the platform's public key is the one shipped with the install (``resources/rules/platform_key.pub``)
when there is one; otherwise the key the platform presents at the first sync after login is pinned in the
encrypted store (trust on first use) and every later set must verify against that pinned key. A set that is
unsigned, tampered with, signed by another key, malformed or that breaks the rules is refused with its reason
and the laptop keeps the sets it had.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.collection import Collection
from app.ops.rules import keep_set, note_refused, pin_key, recompute_deadlines
from app.queries.rules import CURSOR_META, DEADLINES_CHECKED_META, KEY_META, rules_for, stored_sets
from app.rules import signing
from app.rules._data import RULES_DIR
from app.rules.ruleset import PublishedSet, RuleSetError, compose_checked, parse
from app.store.sync_state import set_meta
from sync.client.transport import SyncError, Transport

log = logging.getLogger("outreach.sync")

SHIPPED_KEY = RULES_DIR / "platform_key.pub"


@dataclass
class RulesResult:
    accepted: list[PublishedSet] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # Chinese reasons
    moved: list[dict[str, Any]] = field(default_factory=list)  # deadlines new rules moved


def shipped_key() -> dict[str, str] | None:
    """The platform key built into the install, if the installer put one there."""
    if not SHIPPED_KEY.exists():
        return None
    public = SHIPPED_KEY.read_text(encoding="ascii").strip()
    return {"key_id": signing.key_id(public), "public_key": public}


def _trusted(col: Collection, offered: Any) -> tuple[dict[str, str] | None, str]:
    """(key to verify with, how it is trusted); None with a reason when no key can be trusted."""
    built_in = shipped_key()
    if built_in:
        return built_in, "shipped"
    pinned = col.get_meta(KEY_META)
    if pinned:
        return pinned, "pinned"
    if not (isinstance(offered, Mapping) and isinstance(offered.get("public_key"), str)):
        return None, "平台没有提供规则签名公钥"
    try:
        kid = signing.key_id(offered["public_key"])
    except RuleSetError as exc:
        return None, str(exc)
    return {"key_id": kid, "public_key": offered["public_key"]}, "first_sync"


def pull_rules(col: Collection, transport: Transport, today: dt.date | None = None) -> RulesResult:
    """Fetch the sets published since the last run and keep those that verify and fit. Raises SyncError only
    for transport trouble; a bad set is a refusal in the result, never an exception."""
    result = RulesResult()
    server = transport.base_url
    cursor = col.get_meta(CURSOR_META) or {}
    after = int(cursor.get("after", 0)) if cursor.get("server") == server else 0
    resp = transport.request("GET", "/rules", params={"after": after}, ok=(404,))
    if resp.status == 404:
        return result  # a platform without rule sets: keep what we have
    if resp.status != 200 or not isinstance(resp.body, Mapping) or not isinstance(resp.body.get("sets"), list):
        raise SyncError(f"平台返回的规则集数据格式不正确（HTTP {resp.status}）。")
    body = resp.body
    key, how = _trusted(col, body.get("key"))
    offered = body.get("key") if isinstance(body.get("key"), Mapping) else {}
    if key is not None and offered.get("key_id") not in (None, key["key_id"]):
        log.warning("rules: platform key %s differs from trusted %s", offered.get("key_id"), key["key_id"])
    today = today or dt.date.today()
    areas = col.user.get("areas") or []
    # The rules the due dates were last brought up to: as of the day that was done (a set whose tables became
    # effective since then changes the rules without arriving now), from the sets held before this run.
    checked = col.get_meta(DEADLINES_CHECKED_META)
    before = rules_for(col, min(dt.date.fromisoformat(checked), today) if checked else today)
    with col.records.transaction() as tx:
        conn = tx.conn
        kept = stored_sets(conn)
        for item in body["sets"]:
            reason, new = _judge(item, key, how, kept, areas, today)
            if new is None:
                label = _label(item)
                result.refused.append(f"规则集 {label} 未采用：{reason}")
                note_refused(conn, label, reason)
                log.warning("rules: refused %s: %s", label, reason)
                continue
            keep_set(conn, new, item["signature"], str(item.get("key_id") or ""))
            kept.append(new)
            result.accepted.append(new)
        if key is not None and how == "first_sync" and result.accepted:
            pin_key(conn, key, how)  # pinned only once a set verified against it
        set_meta(conn, CURSOR_META, {"server": server, "after": int(body.get("cursor") or after)})
    result.moved = recompute_deadlines(col, before, rules_for(col, today), checked_on=today)
    return result


def _judge(item: Any, key: dict[str, str] | None, how: str, kept: list[PublishedSet], areas: list[str],
           today: dt.date) -> tuple[str, PublishedSet | None]:
    if not isinstance(item, Mapping) or not isinstance(item.get("text"), str):
        return "平台返回的规则集格式不正确", None
    if key is None:
        return how, None
    try:
        signing.verify(key["public_key"], item["text"], str(item.get("signature") or ""))
        new = parse(item["text"])
    except RuleSetError as exc:
        if item.get("key_id") and item.get("key_id") != key["key_id"]:
            return (f"{exc}。它由另一把密钥（{item.get('key_id')}）签名，本机信任的平台密钥是 {key['key_id']}；"
                    "如平台确实更换了密钥，请联系管理员"), None
        return str(exc), None
    _, left_out = compose_checked([*kept, new], areas, max(today, new.info.effective))
    reason = next((why for label, why in left_out if label == new.info.label), "")
    return (reason, None) if reason else ("", new)


def _label(item: Any) -> str:
    """The set's id@version for messages, read without trusting it (it may be the tampered part)."""
    text = item.get("text") if isinstance(item, Mapping) else None
    if isinstance(text, str):
        try:
            return parse(text).info.label
        except RuleSetError:
            pass
    return f"#{item.get('seq') if isinstance(item, Mapping) else '?'}"

