"""Take the intake screenshots (docs/INTAKE.md) from the real widgets on a small synthetic demo store.

    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb .venv/bin/python \
        docs/screenshots/make_intake_screenshots.py

Everything shown is synthetic (demo data and made-up ID numbers with valid check characters).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OUTREACH_DATA_DIR", tempfile.mkdtemp(prefix="outreach-intake-shots-"))
TODAY = dt.date(2026, 11, 25)
AREA = "140105001001"


def main() -> int:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    from app import ops
    from app.collection import Collection
    from app.demo import generate
    from app.rules.idcard import make_id
    from ui.context import AppContext
    from ui.dialogs.apply_dialog import ApplyDialog
    from ui.dialogs.merge_dialog import MergeDialog
    from ui.dialogs.register_dialog import NewHouseholdDialog
    from ui.main import make_app
    from ui.views.person import PersonView

    app = make_app()

    def pump(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def wait(cond: Any, timeout: float = 30) -> None:
        end = time.monotonic() + timeout
        while not cond():
            if time.monotonic() > end:
                raise TimeoutError
            app.processEvents()
            time.sleep(0.01)

    def shot(widget: Any, name: str) -> None:
        pump(0.4)
        path = OUT / f"{name}.png"
        widget.grab().toImage().save(str(path), "PNG", 0)
        print(f"{path.name}: {path.stat().st_size // 1024} KB")

    col = Collection.create(Path(os.environ["OUTREACH_DATA_DIR"]) / "intake.db", "shots-pass-2026",
                            {"name": "zhangli", "display_name": "张丽", "role": "worker",
                             "areas": [AREA, "140105001002"]})
    generate(col, 30, seed=3, today=TODAY)
    ctx = AppContext(col)

    # 1. 新建家庭: three members, the second one's ID number refused at its field.
    dlg = NewHouseholdDialog(ctx, today=TODAY)
    dlg.resize(640, 740)
    dlg.show()
    dlg.address.setText("坞城南路 12 号 2 单元 301")
    people = [("周建国", make_id("140105", dt.date(1972, 3, 9), 111), "13912345678"),
              ("吴秀英", make_id("140105", dt.date(1974, 6, 2), 222)[:-1] + "0", ""),
              ("周小明", make_id("140105", dt.date(2001, 9, 1), 333), "")]
    for i, (name, number, phone) in enumerate(people):
        block = dlg.members[i] if i < len(dlg.members) else dlg.add_member("配偶" if i == 1 else "子女")
        block.name.setText(name)
        block.id_number.setText(number)
        block.phone.setText(phone)
    dlg.save()
    wait(lambda: dlg.members[1].errors["id_number"].isVisible())
    shot(dlg, "intake_new_household")
    dlg.close()

    # A person who meets 大龄失业人员 once her unemployment-insurance months are recorded.
    _hid, (pid,) = ops.people.register_household(
        col, area_code=AREA, household={"address": "坞城南路 5 号"}, today=TODAY,
        members=[{"name": "冯桂兰", "id_number": make_id("140105", dt.date(1978, 4, 2), 14), "relation": "户主",
                  "phone": "13911110000"}])
    ops.people.update_person(col, pid, {"hukou_in_shanxi": True, "registered_unemployed_on": "2025-06-01",
                                        "employment_status": "unemployed", "ui_contribution_months": 8},
                             today=TODAY)
    view = PersonView(ctx, today_fn=lambda: TODAY)
    view.resize(1366, 768)
    view.show()
    view.show_record("person", pid)
    wait(lambda: view.person_id == pid and not view.busy)

    def tab(key: str) -> Any:
        section = view.section(key)
        view.tabs.setCurrentWidget(section)
        wait(lambda: section.data is not None and not section.pending)
        return section

    # 2. 基本情况: every fact the rules read, editable.
    tab("facts")
    shot(view, "intake_facts")

    # 3. 申请认定 from the eligibility panel, with another category chosen (the warning).
    overview = tab("overview")
    apply = ApplyDialog(ctx, pid, overview.data.eligibility, view, today=TODAY, person_name="冯桂兰")
    apply.show()
    apply.category.setCurrentIndex(apply.category.findData("dibao"))
    shot(apply, "intake_apply")
    apply.category.setCurrentIndex(apply.category.findData("older"))
    apply.save()
    wait(lambda: apply.case_id is not None)

    # 4. 申请材料: a photo attached, the rest still missing.
    materials = tab("materials")
    img = QImage(640, 400, QImage.Format.Format_RGB32)
    img.fill(QColor("#e3f2fd"))
    painter = QPainter(img)
    painter.setFont(QFont(app.font().family(), 28))
    painter.drawText(img.rect(), 0x84, "居民身份证（示例，虚构）")
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    loaded = []
    materials.loaded.connect(lambda: loaded.append(1))
    materials.attach("id_card", "身份证正面.png", "image/png", bytes(data.data()))
    wait(lambda: loaded)
    materials.tree.setCurrentItem(materials.tree.topLevelItem(0).child(0))
    shot(view, "intake_materials")

    # 5. The same person arriving from another laptop: both records side by side.
    number = col.records.get("person", pid)["id_number"]
    with col.records.transaction() as tx:
        other = tx.create("person", {"household_id": view.household_id, "name": "冯桂兰", "id_number": number,
                                     "phone": "13755556666", "worker": "刘强", "education": "高中"},
                          area_code=AREA)
    from app.queries.people import merge_candidates

    merge = MergeDialog(ctx, merge_candidates(col, [pid, other]))
    merge.resize(980, 700)
    merge.show()
    merge.choose("phone", 2)
    shot(merge, "intake_merge")
    merge.close()

    view.close()
    ctx.wait_idle()
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
