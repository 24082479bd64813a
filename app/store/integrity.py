"""``outreach-desk check``: is the file intact, is the key right, has the history been tampered with?

Each finding is a Chinese sentence for the person running the check. It repairs nothing (opening the store
may migrate it, and rebuilds a lost chain head marked as rebuilt, as any open does). See docs/SECURITY.md for what each finding means and what it cannot detect.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from app.model.canonical import coerce
from app.model.kinds import KINDS
from app.store import audit, bulk, tables
from app.store.engine import PAGE_SIZE, StoreError, WrongPassphraseError, sniff
from app.store.sync_state import get_meta

# What the platform answered when this laptop's chain head was last anchored (sync/client writes it).
ANCHOR_KEY = "audit_anchor"

# SQLCipher 4 defaults (BRIEF §6): PBKDF2-HMAC-SHA512, 256 000 iterations, 16-byte salt at the start of
# page 1, and per page a 16-byte IV and a 64-byte HMAC-SHA512 in the reserved tail.
_KDF_ITER = 256_000
_HMAC_KDF_ITER = 2
_SALT = 16
_IV = 16
_MAC = 64
_RESERVE = 80  # IV + MAC, rounded to the cipher block


@dataclass
class CheckReport:
    ok: bool = True
    findings: list[str] = field(default_factory=list)  # Chinese, one sentence each

    def bad(self, message: str) -> None:
        self.ok = False
        self.findings.append(message)


def page_mac_ok(data: bytes, pgno: int, hmac_key: bytes, page_size: int = PAGE_SIZE) -> bool:
    """Whether page ``pgno`` (1-based) of an SQLCipher 4 file carries a valid HMAC under ``hmac_key``."""
    page = data[(pgno - 1) * page_size: pgno * page_size]
    if len(page) < page_size:
        return False
    start = _SALT if pgno == 1 else 0
    end = page_size - _RESERVE + _IV  # the ciphertext and the IV are authenticated, with the page number
    mac = page[end: end + _MAC]
    want = hmac.new(hmac_key, page[start:end] + pgno.to_bytes(4, "little"), "sha512").digest()
    return hmac.compare_digest(mac, want)


def hmac_key(passphrase: str, salt: bytes) -> bytes:
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode(), salt, _KDF_ITER, 32)
    return hashlib.pbkdf2_hmac("sha512", key, bytes(b ^ 0x3A for b in salt), _HMAC_KDF_ITER, 32)


def first_page_damaged(path: Path, passphrase: str, pages: int = 8) -> bool | None:
    """Tell a damaged first page from a wrong passphrase, where the file allows it.

    SQLCipher refuses both the same way (page 1's HMAC fails). But the other pages are authenticated with
    the same key: if any of the next few verifies under this passphrase, the passphrase is right and page 1
    is damaged (True). None of them verifying means a wrong passphrase — or damaged salt bytes at the very
    start of the file, which no check can tell apart (None when the file has no second page to ask).
    """
    data = Path(path).read_bytes()[: PAGE_SIZE * (pages + 1)]
    if len(data) < 2 * PAGE_SIZE:
        return None
    key = hmac_key(passphrase, data[:_SALT])
    if page_mac_ok(data, 1, key):
        return False
    return any(page_mac_ok(data, n, key) for n in range(2, len(data) // PAGE_SIZE + 1))


def check_store(path: Path, passphrase: str) -> CheckReport:
    """Open the store and check it; never raises for what it finds (StoreError only for a missing file)."""
    from app.collection import Collection

    report = CheckReport()
    path = Path(path)
    sniff(path)
    try:
        col = Collection.open(path, passphrase)
    except WrongPassphraseError:
        damaged = first_page_damaged(path, passphrase)
        if damaged:
            report.bad("密码正确，但数据文件的第一页已损坏（其余页面能用该密码验证）。请联系管理员，用备份恢复。")
        else:
            report.bad("密码不正确（其余页面也无法用该密码验证）。若确认密码无误，则是文件开头的加密参数已损坏，"
                       "这种情况与密码错误无法区分，请用备份恢复。")
        return report
    try:
        try:
            col.check_integrity()
        except StoreError as exc:
            report.bad(str(exc))
        with col.records.reading() as conn:
            for finding in audit_findings(conn, col.store.audit_key):
                report.bad(finding)
    finally:
        col.close()
    return report


LIMIT = 20  # findings of one sort listed one by one; the rest are counted


def audit_findings(conn: Connection, key: bytes | None) -> list[str]:
    """The audit chain against its anchored head, each record against its audit entries, and what the
    platform said at the last sync. Chinese sentences; empty when all agree."""
    out = [f"审计记录被改动：{b.reason}。" for b in audit.verify(conn)[:LIMIT]]
    out += _head_findings(conn, key)
    if not out:
        # Only a whole chain can be replayed; with entries missing every later record would differ.
        out += _record_findings(conn)
    verdict = get_meta(conn, ANCHOR_KEY) or {}
    if verdict.get("flag"):
        out.append(f"平台在 {verdict.get('at', '')} 同步时发现本机审计记录有问题：{verdict['flag']}")
    return out


def _head_findings(conn: Connection, key: bytes | None) -> list[str]:
    head = audit.read_head(conn)
    if head is None:
        return ["审计链头缺失：无法确认最新的审计记录没有被删除。"]
    out = []
    if key is None or not audit.head_mac_ok(head, key):
        return ["审计链头的校验码不符：链头被改动过（或被不知道本程序规则的工具改写）。"]
    if head.get("restarted"):
        out.append(f"审计链头曾丢失，于 {head['restarted']} 重建：在此之前被删除的审计记录无法发现。")
    seq, want = int(head["seq"]), head["hash"]
    last, _ = audit.tail(conn)
    if last < seq:
        if last <= int(head.get("since") or 0) and not conn.execute(select(tables.audit.c.seq).limit(1)).first():
            out.append(f"审计记录已全部被删除（原有至第 {seq} 条）。")
        else:
            out.append(f"最新的 {seq - last} 条审计记录（第 {last + 1} 至 {seq} 条）已被删除。")
    elif last > seq:
        out.append(f"第 {seq + 1} 至 {last} 条审计记录不是由本程序写入的（链头不知道它们）。")
    else:
        have = conn.execute(select(tables.audit.c.hash).where(tables.audit.c.seq == seq)).scalar()
        if seq and have != want:
            out.append(f"审计记录被改写：第 {seq} 条与链头记下的不同，整条链被重新计算过。")
    return out


@dataclass
class _Replayed:
    """One record's state after replaying its entries: the values set (the newest of each field), and for a
    record whose first copy came from the platform, that copy's digest and the values the fields set since
    had in it."""

    values: dict[str, Any] = field(default_factory=dict)
    copy: str | None = None
    was: dict[str, Any] = field(default_factory=dict)
    seq: int | None = None  # of the newest entry naming the record itself (page entries name none)

    def copied(self, digest: str) -> None:
        self.values, self.copy, self.was = {}, digest, {}

    def add(self, seq: int, changes: dict[str, Any]) -> None:
        self.seq = seq
        copy, new, was = audit.parts(changes)
        if copy is not None:
            self.copied(copy)
            return
        if self.copy is not None:
            for name in new:
                if name not in self.values and name not in self.was:
                    self.was[name] = was.get(name)
        self.values.update(new)


def _record_findings(conn: Connection) -> list[str]:
    """Replay every record's audit entries and compare with the row: a value that differs was changed
    without an entry; a record no entry names was written around the program."""
    replayed: dict[tuple[str, str], _Replayed] = {}
    a = tables.audit
    for seq, kind_name, rid, changes in conn.execute(
            select(a.c.seq, a.c.kind, a.c.record_id, a.c.changes).order_by(a.c.seq)):
        if rid == audit.PAGE:
            for digests in audit.page_copies(changes).values():
                for copied, digest in digests.items():
                    replayed.setdefault((kind_name, copied), _Replayed()).copied(digest)
        else:
            replayed.setdefault((kind_name, rid), _Replayed()).add(seq, json.loads(changes))
    # A first pull begun by a version before page entries derives its records' pointers at its end
    # (store/bulk.py): while it is unfinished, a missing pointer is not a finding.
    loading = bulk.deferred(conn)
    pointers = {(r.kind, r.record_id): int(r.seq) for r in conn.execute(select(tables.record_audit))}
    unlogged: list[str] = []
    changed: list[str] = []
    for name, t in tables.TABLES.items():
        kind = KINDS[name]
        fields = kind.fields
        for rid, *values in conn.execute(select(t.c.id, *(t.c[f.name] for f in fields))):
            k = (name, rid)
            label = f"{kind.label} {rid[:8]}"
            state = replayed.get(k)
            if state is None:
                unlogged.append(f"{label} 没有任何审计记录（未经本程序写入）")
                continue
            if pointers.get(k) != state.seq and not (loading and k not in pointers):
                unlogged.append(f"{label} 记下的最新审计记录（第 {pointers.get(k)} 条）不是它实际最新的一条"
                                f"（第 {state.seq} 条）")
            copied: dict[str, Any] = {}
            for f, raw in zip(fields, values, strict=True):
                if f.name not in state.values:
                    copied[f.name] = state.was[f.name] if f.name in state.was else coerce(kind, f.name, raw)
                    if state.copy is None and copied[f.name] is not None:
                        changed.append(f"{label} 的“{f.label or f.name}”")
                    continue
                want = state.values[f.name]
                # Most values already compare equal as stored; only the rest (dates, JSON) are canonicalised.
                if raw != want and coerce(kind, f.name, raw) != want:
                    changed.append(f"{label} 的“{f.label or f.name}”")
                if f.name in state.was:
                    copied[f.name] = state.was[f.name]
            if state.copy is not None and audit.digest(copied) != state.copy:
                changed.append(f"{label} 从平台取得后的内容")
    out = []
    if unlogged:
        out.append(_listed("记录与审计记录对不上：", unlogged))
    if changed:
        out.append(_listed("记录被改动却没有审计记录：", changed))
    return out


def _listed(lead: str, items: list[str]) -> str:
    more = f"等，共 {len(items)} 处" if len(items) > LIMIT else ""
    return lead + "；".join(items[:LIMIT]) + more + "。"
