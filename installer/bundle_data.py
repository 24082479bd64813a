"""What goes into the PyInstaller bundle besides the code PyInstaller finds by itself.

The spec (installer/outreach-desk.spec) takes its lists from here, and tests/installer/test_bundle_data.py checks
them against the source tree without building anything: every file under resources/ and every migration
script must be matched, so a new rule table or migration cannot silently miss the bundle.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

# resources/ → <bundle>/resources/ (read through app.resources). Translations ship compiled only: the .ts
# sources are compiled to .qm before bundling (installer/bootstrap.sh, ``make bundle``).
RESOURCE_GLOBS = ("fonts/*.ttc", "fonts/LICENSE-*.txt", "translations/*.qm", "rules/*.toml",
                  "policies/*.toml", "areas/*.toml", "vocabulary.toml")
COMPILED = {".ts": ".qm"}  # source suffix → the suffix that ships in its place

# Alembic reads migration scripts as files (app/store/migrate.py: next to migrate.py), not as imports.
MIGRATIONS = Path("app/store/migrations")
MIGRATION_GLOBS = ("env.py", "script.py.mako", "versions/*.py")

# Modules imported by name at run time (tabs, CLI commands, printable forms), which PyInstaller cannot see:
# every module of these folders goes in. Found by walking the files, because some folders are namespace
# packages (no __init__.py, e.g. app/printing/forms) that PyInstaller's collect_submodules skips.
DYNAMIC_PACKAGES = ("outreach", "app", "ui", "sync/client", "sync/commands.py")

# Never needed on a laptop: the reference platform server and its stack (started only by ``--demo`` from a
# source checkout) and test tools. Qt modules need no list: only those the app imports are collected.
EXCLUDES = ("sync.server", "fastapi", "uvicorn", "starlette", "psycopg", "psycopg_binary", "pydantic",
            "pydantic_core", "tkinter", "pytest", "hypothesis", "schemathesis", "IPython", "zxingcpp",
            "pypdf", "numpy")

# Libraries the Qt hooks collect that the app never loads: Qt's virtual-keyboard input method (the laptops use
# the system's own on-screen keyboard) and the QML/Quick stack that only it needs. Matched case-insensitively
# against the bundle path, so the Windows DLL names (Qt6Quick.dll) match too.
DROP_BINARIES = ("virtualkeyboard", "qt6quick", "qt6qml")


def keep_binary(dest: str) -> bool:
    return not any(d in dest.lower() for d in DROP_BINARIES)


def resource_files(root: Path) -> list[Path]:
    return sorted({p for g in RESOURCE_GLOBS for p in (root / "resources").glob(g) if p.is_file()})


def migration_files(root: Path) -> list[Path]:
    return sorted({p for g in MIGRATION_GLOBS for p in (root / MIGRATIONS).glob(g) if p.is_file()})


def dynamic_modules(root: Path) -> list[str]:
    """Dotted names of every module under DYNAMIC_PACKAGES (the migration scripts are data, not modules)."""
    names = []
    for pkg in DYNAMIC_PACKAGES:
        for p in [root / pkg] if (root / pkg).is_file() else sorted((root / pkg).rglob("*.py")):
            rel = p.relative_to(root)
            if rel.is_relative_to(MIGRATIONS) or "__pycache__" in rel.parts:
                continue
            parts = rel.with_suffix("").parts
            names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def datas(root: Path) -> list[tuple[str, str]]:
    """PyInstaller ``datas``: (source file, folder inside the bundle)."""
    files = resource_files(root) + migration_files(root)
    return [(str(p), str(p.parent.relative_to(root))) for p in files]


def compile_translations(root: Path) -> list[Path]:
    """Compile each resources/translations/*.ts to its .qm (as bootstrap.sh does; also on Windows)."""
    exe = Path(sys.executable)
    tool = shutil.which("pyside6-lrelease", path=str(exe.parent)) or shutil.which("pyside6-lrelease")
    if tool is None:
        raise SystemExit("pyside6-lrelease not found: install the project (pip install -e .[bundle]) first")
    out = []
    for ts in sorted((root / "resources" / "translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        out.append(qm)
    return out
