"""``outreach-desk check``: is the file intact, is the key right, has the history been tampered with?

Each finding is a Chinese sentence for the person running the check. The command only reads; it never
repairs. See docs/SECURITY.md for what each finding means and what it cannot detect.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field
from pathlib import Path

from app.store.engine import PAGE_SIZE, StoreError, WrongPassphraseError, sniff

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
        for b in col.verify_audit()[:20]:
            report.bad(f"审计记录被改动：{b.reason}。")
    finally:
        col.close()
    return report
