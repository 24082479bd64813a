"""Fast checks of the bundle recipe without building it (the build itself: ``make bundle-test``).

The spec takes its data lists from installer/bundle_data.py; these tests hold them to the source tree, so a
new resource file, migration or lazily imported module cannot be left out of the bundle unnoticed. The
self-test the bundle runs is exercised here from the source tree.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from fnmatch import fnmatch
from pathlib import Path

from tests.fixtures.make_release_stores import release_store

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("bundle_data", ROOT / "installer" / "bundle_data.py")
bundle_data = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bundle_data)


def _shipped_name(rel: str) -> str:
    """The name a resources/ file has in the bundle (.ts sources ship compiled)."""
    for src, dst in bundle_data.COMPILED.items():
        if rel.endswith(src):
            return rel[: -len(src)] + dst
    return rel


def test_every_resource_file_is_in_a_data_list() -> None:
    tracked = subprocess.run(["git", "ls-files", "resources"], cwd=ROOT, check=True, capture_output=True,
                             text=True).stdout.split()
    assert tracked
    missing = [f for f in tracked if not any(fnmatch(_shipped_name(f.removeprefix("resources/")), g)
                                             for g in bundle_data.RESOURCE_GLOBS)]
    assert missing == [], f"add these to RESOURCE_GLOBS in installer/bundle_data.py: {missing}"
    unused = [g for g in bundle_data.RESOURCE_GLOBS
              if not any(fnmatch(_shipped_name(f.removeprefix("resources/")), g) for f in tracked)]
    assert unused == []


def test_every_migration_file_is_bundled() -> None:
    folder = ROOT / bundle_data.MIGRATIONS
    on_disk = {p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert on_disk and set(bundle_data.migration_files(ROOT)) == on_disk
    dests = dict(bundle_data.datas(ROOT))
    assert dests[str(folder / "env.py")] == str(bundle_data.MIGRATIONS)
    assert dests[str(folder / "versions" / "0001_initial_schema.py")] == str(bundle_data.MIGRATIONS / "versions")


def test_modules_imported_by_name_are_hidden_imports() -> None:
    from app.printing.api import FORMS
    from ui.app_window import TABS

    names = set(bundle_data.dynamic_modules(ROOT))
    assert {f"app.printing.forms.{m}" for m in FORMS.values()} <= names  # a namespace package
    assert {t.module for t in TABS} <= names
    assert {"app.printing.commands", "app.dashboard.commands", "sync.client.cli"} <= names
    assert not [n for n in names if n.startswith("app.store.migrations")]  # data, never imported


def test_self_test_from_source(tmp_path: Path) -> None:
    """What the bundle runs in ``make bundle-test``: unlock, search, print, all through the real widgets."""
    store = tmp_path / "s.db"
    shutil.copyfile(release_store("336e761"), store)
    env = {**os.environ, "OUTREACH_PASSPHRASE": "release-fixture-2026", "OUTREACH_LANG": "en",
           "QT_QPA_PLATFORM": "offscreen", "OUTREACH_DATA_DIR": str(tmp_path / "data")}
    run = subprocess.run([sys.executable, str(ROOT / "installer" / "entry.py"), "self-test", "--db", str(store),
                          "--out", str(tmp_path / "out")], env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen["ok"] and not seen["frozen"] and seen["found"] == seen["query"] and seen["pages"] >= 1
    assert (tmp_path / "out" / "visit-sheet.pdf").read_bytes()[:5] == b"%PDF-"

    run = subprocess.run([sys.executable, str(ROOT / "installer" / "entry.py"), "self-test", "--db", str(store),
                          "--out", str(tmp_path / "out")], env={**env, "OUTREACH_PASSPHRASE": "wrong-one"},
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1 and '"ok": false' in run.stdout
