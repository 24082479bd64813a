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


# --- office tools: which set each area uses, differences, preview ----------------------------------------

def usage(engine: Engine, today: date) -> list[dict[str, str]]:
    """For each province, city and county: the rule-set version in force there today."""
    from sync.server.db import jurisdictions

    sets = published(engine)
    with reading(engine) as conn:
        areas = conn.execute(select(jurisdictions.c.code, jurisdictions.c.name, jurisdictions.c.level)
                             .where(jurisdictions.c.level.in_(("province", "city", "county")))
                             .order_by(jurisdictions.c.code)).all()
    return [{"code": code, "name": name, "level": level, "version": version}
            for (code, name, version), (_, _, level) in zip(in_use(sets, [(a.code, a.name) for a in areas], today),
                                                            areas, strict=True)]


def find(engine: Engine, label: str) -> PublishedSet:
    """A published set by ``id@version`` (``id@version@area`` when two areas use the same id)."""
    parts = label.split("@")
    if len(parts) not in (2, 3) or not parts[1].isdigit():
        raise PublishError(f"请用 编号@版本 指定规则集：{label}")
    found = [s for s in published(engine) if s.info.set_id == parts[0] and s.info.version == int(parts[1])
             and (len(parts) == 2 or s.info.area == parts[2])]
    if not found:
        raise PublishError(f"平台上没有规则集 {label}")
    if len(found) > 1:
        raise PublishError(f"{label} 在多个地区都有，请写成 编号@版本@地区代码")
    return found[0]


def previous(engine: Engine, s: PublishedSet) -> PublishedSet | None:
    """The newest published version of the same set below ``s``'s version."""
    older = [p for p in published(engine) if p.info.set_id == s.info.set_id and p.info.area == s.info.area
             and p.info.version < s.info.version]
    return max(older, key=lambda p: p.info.version, default=None)


def preview(engine: Engine, new: PublishedSet, today: date) -> list[dict[str, str]]:
    """The case deadlines on the platform that publishing ``new`` would move (no personal data), by the same
    rule the laptops apply (app.rules.due_dates), on ``new``'s effective date when that is later than today."""
    from app.rules import due_dates, workflow
    from sync.server.db import records

    on = max(today, new.info.effective)
    sets = published(engine)
    closed = workflow.closed_stages()
    with reading(engine) as conn:
        rows = conn.execute(select(records.c.id, records.c.area_code, records.c.data).where(
            records.c.kind == "assistance_case", records.c.deleted.is_(False))).all()
    by_area: dict[str, tuple[Any, Any]] = {}
    moved = []
    for r in rows:
        data = r.data or {}
        if not (data.get("stage_started_on") and data.get("due_on")) or data.get("stage") in closed:
            continue
        if r.area_code not in by_area:
            by_area[r.area_code] = (compose(sets, [r.area_code], on), compose([*sets, new], [r.area_code], on))
        before, after = by_area[r.area_code]
        started, stored = date.fromisoformat(data["stage_started_on"]), date.fromisoformat(data["due_on"])
        m = due_dates.recompute(data["stage"], started, stored, bool(data.get("due_estimated")), before, after)
        if m is not None and m.due_on != stored:
            now = due_dates.stage_due(before, data["stage"], started)
            moved.append({"case": r.id, "area": r.area_code, "stage": data["stage"], "stored": data["due_on"],
                          "now": now.due_on.isoformat() if now else "", "new": m.due_on.isoformat()})
    return moved
