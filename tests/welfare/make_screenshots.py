"""Screenshots of the 公益性岗位 tab (ledger, analysis, posts, history clean-up) and of the printed ledger, on
demo data as 坞城街道's office staff (run under Xvfb, 1366×768):

    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb .venv/bin/python tests/welfare/make_screenshots.py
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from openpyxl import Workbook  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtGui import QFont, QFontDatabase  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.collection import Collection  # noqa: E402
from app.demo import generate  # noqa: E402
from app.printing import render  # noqa: E402
from app.rules.idcard import make_id  # noqa: E402
from app.welfare.demo import add_demo  # noqa: E402
from ui.context import AppContext  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
TODAY = dt.date(2026, 11, 25)
OFFICE = {"name": "office1", "display_name": "赵芳", "role": "office", "areas": ["140105001000"]}


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def settle(ctx: AppContext) -> None:
    wait(800)
    ctx.wait_idle()
    wait(600)


def old_ledger(path: Path, col: Collection) -> Path:
    """A small old spreadsheet: one row to import, one needing clean-up, one whose person is missing."""
    from sqlalchemy import select

    from app.store.tables import TABLES

    p = TABLES["person"]
    with col.records.reading() as conn:
        rows = conn.execute(select(p.c.name, p.c.id_number).order_by(p.c.id).limit(40)).all()
    wb = Workbook()
    ws = wb.active
    ws.append(["坞城街道公益性岗位花名册"])
    ws.append(["序号", "姓名", "身份证号", "用人单位", "岗位名称", "上岗时间", "离岗时间", "离岗原因"])
    ws.append([1, rows[-1].name, rows[-1].id_number, "营盘街道办事处", "公共设施巡查员", "2024.4.1", "2024.9.30", "家里有事"])
    ws.append([])
    ws.append([2, "外来人员", make_id("140105", dt.date(1984, 2, 2), 33), "营盘街道办事处", "公共设施巡查员", "2024年5月6日", None, None])
    ws.append([3, rows[-2].name, rows[-2].id_number, "营盘街道办事处", "公共设施巡查员", "2024.13.1", None, None])
    wb.save(path)
    return path


def main() -> None:
    app = QApplication(sys.argv)
    fid = QFontDatabase.addApplicationFont(str(ROOT / "resources" / "fonts" / "wqy-microhei.ttc"))
    app.setFont(QFont(QFontDatabase.applicationFontFamilies(fid)[0], 10))
    tmp = Path(tempfile.mkdtemp())
    col = Collection.create(tmp / "office.db", "screenshot-pass-2026", OFFICE)
    generate(col, 160, seed=5, today=TODAY)
    add_demo(col, TODAY)
    ctx = AppContext(col)
    from ui.app_window import MainWindow

    win = MainWindow(ctx)
    win.resize(1366, 768)
    win.show()
    view = win.show_tab("welfare")
    view.today_fn = lambda: TODAY
    view.end.setDate(view.end.date().fromString(TODAY.isoformat(), "yyyy-MM-dd"))
    settle(ctx)
    OUT.mkdir(parents=True, exist_ok=True)
    for index, name in ((1, "welfare_ledger"), (3, "welfare_analysis"), (0, "welfare_posts"), (2, "welfare_claims")):
        view.tabs.setCurrentIndex(index)
        wait(300)
        win.grab().save(str(OUT / f"{name}.png"))
    view.tabs.setCurrentIndex(4)
    view.check_history(str(old_ledger(tmp / "花名册.xlsx", col)))
    settle(ctx)
    view.apply_btn.click()
    settle(ctx)
    view.check_history(str(tmp / "花名册.xlsx"))  # again: shows what was skipped and what still needs a person
    settle(ctx)
    win.grab().save(str(OUT / "welfare_history.png"))
    pdf = tmp / "ledger.pdf"
    with pdf.open("wb") as fh:
        render(col, "welfare-ledger", date=TODAY, out=fh, today=TODAY)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(OUT / "welfare_ledger_print")], check=True)
    ctx.close()


if __name__ == "__main__":
    main()
