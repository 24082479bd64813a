"""Mainland mobile numbers: ``^1[3-9]\\d{9}$`` (ASCII digits only)."""

from __future__ import annotations

import re

# [0-9], not \d: Python's \d also matches full-width and other Unicode digits.
_MOBILE = re.compile(r"1[3-9][0-9]{9}")


def is_mobile(s: str) -> bool:
    """True for an 11-digit mainland mobile number; surrounding whitespace is ignored."""
    return _MOBILE.fullmatch(s.strip()) is not None


def mobile_error(s: str) -> str | None:
    """Chinese message explaining why ``s`` is not a mobile number, or None if it is."""
    text = s.strip()
    if not text:
        return "请填写手机号码"
    if not (text.isascii() and text.isdigit()):
        return "手机号码只能包含数字"
    if len(text) != 11:
        return f"手机号码应为11位，实际为{len(text)}位"
    if not _MOBILE.fullmatch(text):
        return "手机号码应以13–19开头"
    return None
