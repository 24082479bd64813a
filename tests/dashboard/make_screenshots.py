"""Screenshots of the supervisor's 审核 and 统计 views on demo data (run under Xvfb, 1366×768).

    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb .venv/bin/python tests/dashboard/make_screenshots.py
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtGui import QFont, QFontDatabase  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.review.supervisor_demo import make_supervisor_store  # noqa: E402
from ui.context import AppContext  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> None:
    app = QApplication(sys.argv)
    fid = QFontDatabase.addApplicationFont(str(ROOT / "resources" / "fonts" / "wqy-microhei.ttc"))
    family = QFontDatabase.applicationFontFamilies(fid)[0]
    app.setFont(QFont(family, 10))
    tmp = Path(tempfile.mkdtemp())
    # Made for today: the views count working days from the real date, so the queue reads as on the office's desk.
    col = make_supervisor_store(tmp / "supervisor.db", "screenshot-pass-2026", households=300, today=dt.date.today())
    ctx = AppContext(col)
    try:  # the real main window (its 审核 and 统计 tabs hold these views)
        from ui.app_window import MainWindow

        win = MainWindow(ctx)
        show = win.show_tab
    except ImportError:  # the shell is another engineer's: fall back to a bare window with the two views
        from PySide6.QtWidgets import QMainWindow, QTabWidget

        from ui.views.dashboard_view import DashboardView
        from ui.views.review_view import ReviewView

        win, tabs = QMainWindow(), QTabWidget()
        views = {"review": ReviewView(ctx), "dashboard": DashboardView(ctx)}
        for key, v in views.items():
            tabs.addTab(v, key)
        win.setCentralWidget(tabs)

        def show(key: str):  # noqa: ANN202
            tabs.setCurrentWidget(views[key])
            return views[key]
    win.resize(1366, 768)
    win.show()
    review_view = show("review")
    wait(1500)
    ctx.wait_idle()
    wait(500)
    back = [i.id for i in review_view.model.items if i.resubmitted]  # show one with a return and an answer
    if back:
        review_view.select(back[0])
    wait(300)
    OUT.mkdir(parents=True, exist_ok=True)
    win.grab().save(str(OUT / "review_queue.png"))
    dash = show("dashboard")
    wait(1500)
    ctx.wait_idle()
    wait(500)
    win.grab().save(str(OUT / "dashboard.png"))
    if len(sys.argv) > 1 and sys.argv[1] == "--all":
        dash.tabs.setCurrentIndex(3)
        wait(300)
        win.grab().save(str(tmp / "dashboard_table.png"))
        dash.open_drill("compliance", "all", "not_met")
        ctx.wait_idle()
        wait(500)
        dash.drill_dialog.grab().save(str(tmp / "drill.png"))
        print(tmp)
    ctx.close()


if __name__ == "__main__":
    main()
