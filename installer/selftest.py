"""``OutreachDesk self-test --db STORE --out DIR``: drive the real app once, as a worker would, and say if it works.

Run inside the built bundle (installer/entry.py dispatches here), so what it proves is the bundle: Qt's platform,
PDF and print plugins, the bundled font and translations, the rule tables, SQLCipher and the Alembic
migrations all load from the frozen folder. Steps: the unlock dialog shows, the passphrase
(``OUTREACH_PASSPHRASE``) unlocks the store, a name typed into the search box finds its person, that person's
household visit sheet renders into the print preview, and is written to ``DIR/visit-sheet.pdf`` (the bytes
"另存为 PDF" saves) and painted to ``DIR/visit-sheet-printed.pdf`` through QPdfWriter (the printer path).
Prints one JSON line of what it saw; exit 0 only if every step passed. Support staff can run it on a laptop.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

TIMEOUT_S = 60.0


def _wait(app: Any, what: str, cond: Callable[[], Any], timeout: float = TIMEOUT_S) -> Any:
    """Process Qt events until ``cond()`` is truthy; fail with ``what`` after ``timeout`` seconds."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        value = cond()
        if value:
            return value
        time.sleep(0.01)
    raise TimeoutError(f"timed out: {what}")


def run(db: Path, out: Path) -> dict[str, Any]:
    from PySide6.QtGui import QPdfWriter

    from ui import fonts, i18n, print_actions
    from ui.dialogs.print_preview import PrintPreviewDialog, paint_pages
    from ui.main import Shell, make_app
    from ui.unlock import UnlockDialog

    seen: dict[str, Any] = {"frozen": bool(getattr(sys, "frozen", False))}
    t0 = time.monotonic()
    app = make_app()
    seen.update(language=i18n.language(), translators=len(i18n._installed), fonts=fonts.install(app),
                title=app.applicationDisplayName())
    shell = Shell(app, db, start_server=False, delays=(0,))
    try:
        shell.start()
        dlg = _wait(app, "unlock dialog", lambda: isinstance(shell.dialog, UnlockDialog)
                    and shell.dialog.isVisible() and shell.dialog)
        seen["unlock_dialog_s"] = round(time.monotonic() - t0, 3)

        dlg.passphrase.setText(os.environ["OUTREACH_PASSPHRASE"])
        dlg.ok_button.click()
        def unlocked() -> bool:
            if shell.dialog is dlg and not dlg.busy.isVisible() and dlg.message.text():
                raise RuntimeError(f"unlock refused: {dlg.message.text()}")  # e.g. wrong passphrase
            return shell.ctx is not None and shell.window is not None and shell.window.isVisible()

        _wait(app, "main window after unlock", unlocked)
        col = shell.ctx.col
        seen["persons"] = col.counts()["person"]

        view = shell.window.show_tab("people")
        _wait(app, "search index", lambda: view.index is not None)
        with col.records.reading() as conn:
            name = conn.exec_driver_sql("SELECT name FROM person WHERE deleted = 0 ORDER BY id LIMIT 1").scalar()
        view.search.setText(name)
        _wait(app, f"search hits for {name}", lambda: view.model.rowCount() > 0)
        found = view.model._ids[0]
        person = col.records.get("person", found)
        seen.update(query=name, hits=view.model.rowCount(), found=person["name"])
        if person["name"] != name:
            raise AssertionError(f"searched {name!r}, first hit is {person['name']!r}")

        failures: list[Exception] = []
        print_actions._error = lambda _parent, exc: failures.append(exc)  # no modal box to block on
        print_actions.preview(shell.ctx, shell.window, "visit-sheet", household_id=person["household_id"])
        def shown() -> Any:
            if failures:
                raise failures[0]
            return next((w for w in app.topLevelWidgets()
                         if isinstance(w, PrintPreviewDialog) and w.isVisible()), None)

        preview = _wait(app, "print preview", shown)
        pages = _wait(app, "preview pages", lambda: preview.document.pageCount())
        out.mkdir(parents=True, exist_ok=True)
        saved = out / "visit-sheet.pdf"
        saved.write_bytes(preview._pdf)
        printed = out / "visit-sheet-printed.pdf"
        writer = QPdfWriter(str(printed))
        writer.setResolution(100)
        seen.update(pages=pages, painted=paint_pages(preview.document, writer), pdf=str(saved),
                    printed=str(printed))
        del writer  # the file is finished when the writer goes
        preview.close()
        shell.lock()
        _wait(app, "unlock dialog after lock", lambda: isinstance(shell.dialog, UnlockDialog))
        seen["total_s"] = round(time.monotonic() - t0, 3)
    finally:
        shell.shutdown()
        for w in app.topLevelWidgets():
            w.close()
    return seen


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="OutreachDesk self-test")
    p.add_argument("--db", required=True, help="an existing store (OUTREACH_PASSPHRASE unlocks it)")
    p.add_argument("--out", required=True, help="folder for the PDFs")
    args = p.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        seen = run(Path(args.db), Path(args.out))
    except Exception as exc:
        traceback.print_exc()
        print(json.dumps({"ok": False, "error": f"{type(exc).__name__}: {exc}"}, ensure_ascii=False), flush=True)
        return 1
    print(json.dumps({"ok": True, **seen}, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
