"""Where the read-only data files live: ``resources/`` in the source tree, or inside a frozen bundle.

PyInstaller unpacks nothing in a one-folder bundle; it sets ``sys.frozen`` and puts the data it was given
(installer/bundle_data.py lists the files of ``resources/``) under ``sys._MEIPASS``. Every module that reads
fonts, translations, rule tables, policies or areas asks here, so both layouts work the same way.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


RESOURCES = resources_dir()
