"""ID numbers as people type them into spreadsheets: full-width digits, a lower-case x, spaces, the old 15-digit
form (GB 11643-1989: YYMMDD birth date, no check character) — all brought to the 18-character form.

This runs once per row of a 100 000-row file, so the common case (18 plain characters) is checked here
directly — the same checks as ``app.rules.idcard.parse_id`` — and anything unusual goes through parse_id for
its message."""

from __future__ import annotations

import datetime as dt
import unicodedata
from operator import mul

from app.rules.idcard import IdNumberError, check_char, parse_id

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_ZERO_SUM = 48 * sum(_WEIGHTS)  # the weighted sum of seventeen b"0": subtracted once instead of int() per digit


def _fast(text: str, today: dt.date) -> str | None:
    """The number when ``text`` is a valid plain 18-character number; None to take the slow path."""
    body = text[:17]
    if len(text) != 18 or not (body.isascii() and body.isdigit()):
        return None
    if _CHECK[(sum(map(mul, body.encode(), _WEIGHTS)) - _ZERO_SUM) % 11] != text[17]:
        return None
    try:
        birth = dt.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return None
    return text if birth.year >= 1900 and birth <= today else None


def to_18(raw: object, today: dt.date | None = None) -> str:
    """The 18-character number for a cell, validated (check character, real past birth date); IdNumberError
    with a Chinese message otherwise.

    A 15-digit number gets the century "19" (15-digit numbers were issued only to people born 1900–1999)
    and its check character computed.
    """
    if raw is None:
        raise IdNumberError("身份证号码为空")
    if isinstance(raw, float) and raw.is_integer():  # a number cell: Excel kept only the digits
        raw = int(raw)
    text = str(raw)
    today = today or dt.date.today()
    if (number := _fast(text, today)) is not None:
        return number
    text = "".join(unicodedata.normalize("NFKC", text).split()).upper()
    if len(text) == 15 and text.isascii() and text.isdigit():
        body = text[:6] + "19" + text[6:]
        text = body + check_char(body)
    return parse_id(text, today).number
