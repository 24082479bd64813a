"""The bundled CJK font: Chinese renders even where the system has no CJK font (offscreen, Xvfb, bare Linux)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.resources import RESOURCES

FONT_FILE = RESOURCES / "fonts" / "wqy-microhei.ttc"
_families: list[str] = []


def install(app: QApplication) -> list[str]:
    """Register the bundled font for Chinese text.

    Where the platform's UI font has Chinese glyphs (Windows' Microsoft YaHei UI, most Linux desktops) it stays
    first and the bundled font is only a fallback. Where it has none (offscreen, Xvfb, bare Linux) the bundled
    font comes first: falling back glyph by glyph looks patchy and makes every table cell cost more to lay out.
    """
    if not _families:
        fid = QFontDatabase.addApplicationFont(str(FONT_FILE))
        _families.extend(QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else [])
    if _families:
        font = QFont(app.font())
        base = [f for f in font.families() or [font.family()] if f not in _families]
        cjk = QFontDatabase.WritingSystem.SimplifiedChinese
        has_cjk = bool(base) and cjk in QFontDatabase.writingSystems(base[0])
        font.setFamilies([*base, _families[0]] if has_cjk else [_families[0], *base])
        if font.pointSizeF() < 10:
            font.setPointSizeF(10)  # Chinese at 9 pt is hard to read on a 1366×768 laptop
        app.setFont(font)
    return list(_families)
