"""ID numbers as people type them into spreadsheets: full-width digits, a lower-case x, spaces, the old 15-digit
form (GB 11643-1989: YYMMDD birth date, no check character) — all brought to the 18-character form."""

from __future__ import annotations

import unicodedata

from app.rules.idcard import IdNumberError, check_char, parse_id


def to_18(raw: object) -> str:
    """The 18-character number for a cell, validated (check character, real birth date); IdNumberError else.

    A 15-digit number gets the century "19" (15-digit numbers were issued only to people born 1900–1999)
    and its check character computed.
    """
    if raw is None:
        raise IdNumberError("身份证号码为空")
    if isinstance(raw, float) and raw.is_integer():  # a number cell: Excel kept only the digits
        raw = int(raw)
    text = "".join(unicodedata.normalize("NFKC", str(raw)).split()).upper()
    if len(text) == 15 and text.isascii() and text.isdigit():
        body = text[:6] + "19" + text[6:]
        text = body + check_char(body)
    return parse_id(text).number
