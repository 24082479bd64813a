"""Languages: Chinese is the source text; English comes from resources/translations/outreach_en.ts.

The language is a per-machine preference (QSettings), not a secret, so it is read before unlocking.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QSettings, QTranslator

from app.resources import RESOURCES

TRANSLATIONS = RESOURCES / "translations"
LANGUAGES = {"zh_CN": "中文（简体）", "en": "English"}
_installed: list[QTranslator] = []
_current = "zh_CN"  # the language installed last


def settings() -> QSettings:
    return QSettings("OutreachDesk", "OutreachDesk")


def language() -> str:
    """``OUTREACH_LANG`` wins over the saved setting; default Chinese."""
    lang = os.environ.get("OUTREACH_LANG") or str(settings().value("language", "zh_CN") or "zh_CN")
    return lang if lang in LANGUAGES else "zh_CN"


def current() -> str:
    """The interface language in use now (``install`` sets it)."""
    return _current


def set_language(lang: str) -> None:
    settings().setValue("language", lang)


def _qm_for(lang: str) -> Path | None:
    """The compiled catalogue; compiled into the data folder on the fly when only the .ts is present
    (a source checkout without installer/bootstrap.sh having run, and the tests)."""
    qm = TRANSLATIONS / f"outreach_{lang}.qm"
    ts = TRANSLATIONS / f"outreach_{lang}.ts"
    if qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
        return qm
    if not ts.exists():
        return None
    from app.config import data_dir

    out = data_dir() / "translations" / qm.name
    if out.exists() and out.stat().st_mtime >= ts.stat().st_mtime:
        return out
    tool = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([tool, "-silent", str(ts), "-qm", str(out)], check=True, timeout=60,
                       capture_output=True)
    except (OSError, subprocess.SubprocessError):
        return None
    return out if out.exists() else None


def install(app: QCoreApplication, lang: str | None = None) -> str:
    """Load the app's catalogue and Qt's own (standard buttons, dialogs) for ``lang``; returns it."""
    global _current
    lang = lang or language()
    _current = lang
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if lang == "zh_CN":
        t = QTranslator(app)
        if t.load("qtbase_zh_CN", qt_dir):
            app.installTranslator(t)
            _installed.append(t)
        # What Qt's catalogue lacks ("&Look in:", "Files of &type:" …), installed after it so it is asked first.
        qm = _qm_for(lang)
        extra = QTranslator(app)
        if qm is not None and extra.load(str(qm)):
            app.installTranslator(extra)
            _installed.append(extra)
        return lang
    qm = _qm_for(lang)
    if qm is not None:
        t = QTranslator(app)
        if t.load(str(qm)):
            app.installTranslator(t)
            _installed.append(t)
    return lang
