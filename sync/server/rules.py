"""Publishing signed rule sets and serving them to laptops (docs/RULES.md "Publishing").

The private signing key never enters the database: an admin keeps it in a file (``outreach-platform rules
keygen``) and names it when publishing. The database holds the public key (laptops fetch it with the sets)
and every published version, so an office can list, compare and preview them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select

from app.rules import signing
from app.rules.ruleset import PublishedSet, RuleSetError, applies_to, area_prefix, check, compose, parse
from sync.server.db import reading, rule_keys, rule_sets, writing


class PublishError(Exception):
    """The set was not published; ``str(err)`` is the Chinese reason."""


@dataclass(frozen=True)
class Row:
    seq: int
    text: str
    signature: str
    key_id: str
    published_by: str
    published_at: str

    def parsed(self) -> PublishedSet:
        return parse(self.text)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def register_key(engine: Engine, public_key: str) -> str:
    """Record the platform's public key (the newest one is the signing key); returns its id."""
    kid = signing.key_id(public_key)
    with writing(engine) as conn:
        if conn.execute(select(rule_keys.c.key_id).where(rule_keys.c.key_id == kid)).first() is None:
            conn.execute(insert(rule_keys).values(key_id=kid, public_key=public_key, created_at=_now()))
    return kid


def platform_key(conn: Connection) -> dict[str, str] | None:
    row = conn.execute(select(rule_keys).order_by(rule_keys.c.created_at.desc(), rule_keys.c.key_id)
                       .limit(1)).first()
    return {"key_id": row.key_id, "public_key": row.public_key} if row else None


def all_rows(conn: Connection) -> list[Row]:
    return [Row(r.seq, r.text, r.signature, r.key_id, r.published_by, r.published_at)
            for r in conn.execute(select(rule_sets).order_by(rule_sets.c.seq))]


def published(engine: Engine) -> list[PublishedSet]:
    with reading(engine) as conn:
        return [r.parsed() for r in all_rows(conn)]


def check_against(existing: list[PublishedSet], new: PublishedSet) -> None:
    """Try ``new`` with everything already published, for its own area and every city overlay inside it."""
    areas = {new.info.area} | {s.info.area for s in existing if s.info.prefix.startswith(new.info.prefix)}
    when = max(new.info.effective, date.today())
    for area in sorted(areas):
        check(compose([*existing, new], [area], when))


def publish(engine: Engine, text: str, private_pem: bytes, by: str) -> PublishedSet:
    """Check, sign and store one set; PublishError with the reason if anything is wrong (nothing stored)."""
    try:
        new = parse(text)
        public = signing.public_key_of(private_pem)
        with reading(engine) as conn:
            key = platform_key(conn)
            existing = [r.parsed() for r in all_rows(conn)]
            top = conn.execute(select(func.max(rule_sets.c.version)).where(
                rule_sets.c.set_id == new.info.set_id, rule_sets.c.area == new.info.area)).scalar()
        if key is None or key["public_key"] != public:
            raise PublishError("该私钥不是平台当前的签名密钥（请先运行 outreach-platform rules keygen）")
        if top is not None and new.info.version <= top:
            raise PublishError(f"{new.info.set_id} 已有版本 {top}，新版本号必须大于它")
        check_against(existing, new)
        signature = signing.sign(private_pem, text)
    except RuleSetError as exc:
        raise PublishError(str(exc)) from None
    i = new.info
    with writing(engine) as conn:
        conn.execute(insert(rule_sets).values(
            set_id=i.set_id, version=i.version, area=i.area, effective=i.effective.isoformat(), title=i.title,
            source=i.source, text=text, signature=signature, key_id=key["key_id"], published_by=by,
            published_at=_now()))
    return new


def for_user(conn: Connection, prefixes: tuple[str, ...], after: int) -> dict[str, Any]:
    """The pull answer: the key and the sets after ``after`` that apply to the user's areas (a province set
    and their city's overlay) or lie inside them (an admin sees every city's overlay)."""
    out, cursor = [], after
    for r in conn.execute(select(rule_sets).where(rule_sets.c.seq > after).order_by(rule_sets.c.seq)):
        cursor = r.seq
        p = area_prefix(r.area)
        if any(u.startswith(p) or p.startswith(u) for u in prefixes):
            out.append({"seq": r.seq, "text": r.text, "signature": r.signature, "key_id": r.key_id})
    return {"key": platform_key(conn), "sets": out, "cursor": cursor}


def in_use(sets: list[PublishedSet], areas: list[tuple[str, str]], today: date) -> list[tuple[str, str, str]]:
    """(area code, name, rule-set version) for each area: which set each area uses today."""
    return [(code, name, compose([s for s in sets if applies_to(s.info, [code])], [code], today).version)
            for code, name in areas]
