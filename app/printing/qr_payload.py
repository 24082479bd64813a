"""What the QR code on every printed sheet says, and reading it back from a USB scanner.

Payload: ``OD1|<kind>|<id>|<version>`` — ``kind`` is a record kind (household, person, visit, help_plan…),
``id`` the record's UUID and ``version`` its server version when printed (0 = never synced). A scanner
types the text followed by Enter into whatever has focus (the shell's search box), so surrounding
whitespace is ignored; anything else that does not match exactly is rejected.
"""

from __future__ import annotations

import re

PREFIX = "OD1"
_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z_-]{0,63}")
_KIND = re.compile(r"[a-z][a-z_]{0,39}")


def format_payload(kind: str, record_id: str, version: int) -> str:
    if not _KIND.fullmatch(kind) or not _ID.fullmatch(record_id) or version < 0:
        raise ValueError(f"无法编码二维码：{kind}|{record_id}|{version}")
    return f"{PREFIX}|{kind}|{record_id}|{int(version)}"


def parse_scan(text: str) -> tuple[str, str, int] | None:
    """``(kind, id, version)`` for a scanned payload, or None when ``text`` is not one of ours."""
    if not isinstance(text, str):
        return None
    parts = text.strip().split("|")
    if len(parts) != 4 or parts[0].upper() != PREFIX:
        return None
    kind, record_id, version = parts[1], parts[2], parts[3]
    if not _KIND.fullmatch(kind) or not _ID.fullmatch(record_id):
        return None
    if not (version.isascii() and version.isdigit()) or len(version) > 12:
        return None
    from app.model.kinds import KINDS  # only record kinds the app can open

    if kind not in KINDS:
        return None
    return kind, record_id, int(version)
