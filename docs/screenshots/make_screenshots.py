"""Take the main-screen screenshots in this folder from the real app on a demo store.

    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/make_screenshots.py

Uses a throw-away data folder (the demo store is generated there: 300 households, user 张丽).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# make screenshots runs this twice: 1366×768 into this folder, 1920×1080 at 150 % (QT_SCALE_FACTOR) into scale150/.
OUT = Path(os.environ.get("OUTREACH_SHOTS_DIR") or Path(__file__).resolve().parent)
OUT.mkdir(parents=True, exist_ok=True)
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OUTREACH_DATA_DIR", tempfile.mkdtemp(prefix="outreach-shots-"))


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from ui.main import Shell, make_app, store_path

    app = make_app()

    def pump(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def wait(cond, timeout: float = 60) -> None:  # noqa: ANN001
        end = time.monotonic() + timeout
        while not cond():
            if time.monotonic() > end:
                raise TimeoutError
            app.processEvents()
            time.sleep(0.01)

    def shot(widget, name: str) -> None:  # noqa: ANN001
        pump(0.4)
        path = OUT / f"{name}.png"
        image = widget.grab().toImage()
        image.save(str(path), "PNG", 0)  # 0 = strongest compression
        if path.stat().st_size > 290 * 1024:  # keep each file under 300 KB: 256 colours are plenty for a UI
            from PySide6.QtCore import Qt
            from PySide6.QtGui import QImage

            image.convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither
                                  | Qt.ImageConversionFlag.AvoidDither).save(str(path), "PNG", 0)
        print(f"{path.name}: {path.stat().st_size // 1024} KB")

    path = store_path(True, None)
    path.parent.mkdir(parents=True, exist_ok=True)
    shell = Shell(app, path, demo=True, start_server=False)
    shell.start()
    dlg = shell.dialog
    wait(lambda: not dlg.busy.isVisible(), 300)
    shot(dlg, "unlock")
    dlg.submit()
    wait(lambda: shell.window is not None and shell.window.isVisible())
    w = shell.window
    w.showMaximized()
    pump(0.5)
    shot(w, "main_todo")
    people = w.show_tab("people")
    wait(lambda: people.index is not None)
    people.search.setText("zh")
    people.table.selectRow(1)
    shot(w, "people_search")
    people.search.setText("")
    people.stage.setCurrentIndex(people.stage.findData("helping"))
    people.incomplete.setChecked(True)
    shot(w, "people_filters")
    rid = people.model.id_at(0)
    shell.ctx.open_record.emit("person", rid)
    shot(w, "main_record")
    for key in ("cases", "visits", "sync"):  # other engineers' screens, as the shell shows them
        w.show_tab(key)
        shot(w, f"main_{key}")
    w.show_tab("settings")
    shot(w, "settings")
    # A supervisor's screens: the role takes effect at once (no lock and unlock).
    shell.ctx.col.set_user({**shell.ctx.col.user, "role": "supervisor"})
    wait(lambda: "review" in [slot.spec.key for slot in w.slots])  # the supervisor's tabs are there
    review = w.show_tab("review")
    wait(lambda: review.model.rowCount() > 0)
    # The demo supervisor keeps up (docs/DEMO.md): a few days' work waits, hardly anything overdue — show the visits.
    review.kind_filter.setCurrentIndex(max(0, review.kind_filter.findData("visit")))
    if review.proxy.rowCount():
        review.table.selectRow(0)
    shot(w, "review_filters")
    shell.lock()
    pump(0.3)
    shot(shell.dialog, "locked")
    shell.shutdown()
    QApplication.instance().quit()
    return 0


if __name__ == "__main__":
    rc = main()
    sys.stdout.flush()
    os._exit(rc)  # skip interpreter teardown of live Qt objects
