"""The one font every printed character uses: WenQuanYi Micro Hei, subset-embedded (BRIEF §6).

ReportLab embeds TrueType outlines only, and only the glyphs used; registering once per process keeps
the parsed font (≈0.2 s to load) shared by every document.
"""

from __future__ import annotations

import threading
from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.resources import RESOURCES

FONT = "WQY"
FONT_PATH = RESOURCES / "fonts" / "wqy-microhei.ttc"
_lock = threading.Lock()


def register() -> str:
    """Register the CJK font (idempotent, thread-safe); returns its ReportLab name."""
    with _lock:
        if FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(FONT, str(FONT_PATH), subfontIndex=0))
    return FONT


@cache
def _face_widths() -> tuple[dict[int, int], int]:
    face = pdfmetrics.getFont(register()).face
    return face.charWidths, face.defaultWidth


_width_cache: dict[str, float] = {}


def char_width(ch: str) -> float:
    """Advance width of one character at 1 pt (cached: wrapping measures every character)."""
    w = _width_cache.get(ch)
    if w is None:
        widths, default = _face_widths()
        w = _width_cache[ch] = widths.get(ord(ch), default) / 1000.0
    return w


def text_width(text: str, size: float) -> float:
    cw = char_width
    return sum(cw(ch) for ch in text) * size
