"""Screenshots of the 数据比对 tab on a small store with hits, pushed applications (one overdue), anomalies and the
causes report of those corrected (run under Xvfb, 1366×768):

    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb .venv/bin/python tests/matching/make_screenshots.py
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

from app.collection import Collection  # noqa: E402
from app.ops.anomalies import record_correction  # noqa: E402
from app.ops.matching import import_source  # noqa: E402
from tests.conftest import PASSPHRASE, WORKER  # noqa: E402
from tests.matching.conftest import COMMUNITY, REGISTERED, add_people, si_rows, write_xlsx  # noqa: E402
from ui.context import AppContext  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
TODAY = dt.date(2026, 11, 25)


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    fid = QFontDatabase.addApplicationFont(str(ROOT / "resources" / "fonts" / "wqy-microhei.ttc"))
    app.setFont(QFont(QFontDatabase.applicationFontFamilies(fid)[0], 10))
    tmp = Path(tempfile.mkdtemp())
    col = Collection.create(tmp / "s.db", PASSPHRASE, WORKER)
    add_people(col)
    import_source(col, write_xlsx(tmp / "参保.xlsx", si_rows()), "social_insurance", today=TODAY)
    for no, name, number, day in (("SQ20261116001", "孙新来", None, dt.date(2026, 11, 16)),
                                  ("SQ20261124002", "王登记", REGISTERED, dt.date(2026, 11, 24))):
        col.records.create("registration_application", {"application_no": no, "person_name": name,
                                                        "id_number": number, "received_on": day,
                                                        "status": "pending"}, area_code=COMMUNITY)
    col.records.create("match_anomaly", {"anomaly_no": "YC2026110001", "person_name": "王登记",
                                         "problem": "登记后 5 个工作日内未联系", "reported_on": dt.date(2026, 11, 20),
                                         "status": "open"}, area_code=COMMUNITY)
    causes = ["id_typo", "id_typo", "status_stale", "late_handling", "missing_contact", "missing_contact",
              "platform_error", "duplicate"]
    for n, cause in enumerate(causes):
        area = COMMUNITY if n % 3 else "140105001002"
        anomaly = col.records.create("match_anomaly", {"anomaly_no": f"YC20261000{n:02d}", "person_name": "王登记",
                                                       "problem": "部平台反馈", "reported_on": dt.date(2026, 10, 9),
                                                       "status": "open"}, area_code=area)
        record_correction(col, anomaly, cause, "已核实更正", today=dt.date(2026, 10, 14 + n))
    from ui.views.matching.matching_view import MatchingView

    ctx = AppContext(col)
    view = MatchingView(ctx, today_fn=lambda: TODAY)
    view.resize(1366, 768)
    view.show()
    wait(1500)
    ctx.wait_idle()
    for i, name in enumerate(("matching_hits", "matching_queue", "", "matching_anomaly_report")):
        if not name:
            continue
        view.tabs.setCurrentIndex(i)
        wait(400)
        view.grab().save(str(OUT / f"{name}.png"))
    ctx.wait_idle()
    col.close()


if __name__ == "__main__":
    main()
