"""Screenshots of the case lifecycle (issue 11) from the real app on a demo store (docs/LIFECYCLE.md).

    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb .venv/bin/python \
        docs/screenshots/make_lifecycle_screenshots.py

A throw-away demo store (120 households, user 张丽) is prepared with an employment visit, refusals and an
evaluation due, then the to-do, the dialogs, the 主动发现 tab, the supervisor's review queue and the dashboard
are grabbed at 1366×768.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    from app import ops
    from app.collection import Collection
    from app.demo import generate
    from ui.context import AppContext
    from ui.main import make_app

    app = make_app()
    today = dt.date.today()

    def pump(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def shot(widget, name: str) -> None:  # noqa: ANN001
        pump(0.6)
        path = OUT / f"{name}.png"
        image = widget.grab().toImage()
        image.save(str(path), "PNG", 0)
        if path.stat().st_size > 290 * 1024:  # under 300 KB: 256 colours are plenty for a UI
            image.convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither
                                  | Qt.ImageConversionFlag.AvoidDither).save(str(path), "PNG", 0)
        print(f"{path.name}: {path.stat().st_size // 1024} KB")

    tmp = Path(tempfile.mkdtemp(prefix="outreach-life-"))
    worker = {"name": "zhangli", "display_name": "张丽", "role": "worker",
              "areas": ["140105001001", "140105001002"]}
    col = Collection.create(tmp / "demo.db", "screenshot-pass-2026", worker)
    generate(col, 120, seed=11, today=today)

    # An employment visit (proposes the exit), three refusals (an exit signal), an evaluation due.
    with col.records.reading() as conn:
        from sqlalchemy import text

        helping = [r[0] for r in conn.execute(text(
            "SELECT person_id FROM assistance_case WHERE stage = 'helping' AND deleted = 0 ORDER BY id"))]
        certified = [tuple(r) for r in conn.execute(text(
            "SELECT id, person_id FROM assistance_case WHERE stage IN ('certified', 'helping') AND deleted = 0"
            " ORDER BY id"))]
    employed_pid = helping[0]
    col.records.update("person", employed_pid, {"employment_status": "unemployed"})
    started = today - dt.timedelta(days=12)
    ops.visits.record_visit(col, employed_pid, {
        "visited_on": today - dt.timedelta(days=2), "employment_status": "employed", "employment_intention": "已就业",
        "service_needs": ["暂无需求"]}, [], today=today,
        employment={"employer": "小店区华联超市", "post": "收银员", "started_on": started.isoformat()})
    refuser = helping[1]
    for n in range(3):
        ops.visits.add_service(col, refuser, {"kind": "job_recommendation", "employer": "某物业公司", "post": "保洁员",
                                              "result": "无正当理由拒绝", "served_on": today - dt.timedelta(days=5 * n)})
    case_id = next(cid for cid, pid in certified if pid not in (employed_pid, refuser))
    col.records.update("assistance_case", case_id, {"valid_until": today + dt.timedelta(days=20)})

    ctx = AppContext(col)
    from ui.app_window import MainWindow

    win = MainWindow(ctx)
    win.resize(1366, 768)
    win.show()
    todo = win.show_tab("todo")
    pump(2.0)
    ctx.wait_idle()
    shot(win, "lifecycle_todo")

    # 记录回访 from the to-do.
    fu = next(i for i in todo.items if i.kind == "followup" and i.person_id == employed_pid)
    from ui.dialogs.followup_dialog import EvaluationDialog, FollowupDialog

    dlg = FollowupDialog(ctx, fu.record_id, win, today=today)
    dlg.contact_method.setCurrentIndex(dlg.contact_method.findData("phone"))
    dlg.contacted.setCurrentIndex(dlg.contacted.findData(True))
    dlg.still_employed.setCurrentIndex(dlg.still_employed.findData(True))
    dlg.difficulties.setText("上班路程较远，早班赶不上公交")
    dlg.help_given.setText("介绍了 2 路早班车；讲解稳岗补贴")
    dlg.show()
    shot(dlg, "lifecycle_followup")
    dlg.close()

    ev = EvaluationDialog(ctx, case_id, win, today=today)
    ev.contact_method.setCurrentIndex(ev.contact_method.findData("home"))
    ev.outcome.setCurrentIndex(ev.outcome.findData("market_job"))
    ev.show()
    shot(ev, "lifecycle_evaluation")
    ev.close()

    # The exit signal's proposal, prefilled with the refusals.
    from app.queries.exit_signals import exit_signals
    from ui.dialogs.workflow_dialog import WorkflowDialog

    signal = next(s for s in exit_signals(col, today, refuser) if s.reason == "refused_service")
    wf = WorkflowDialog(ctx, signal.case_id, "propose_exit", win, today=today, exit_reason=signal.reason,
                        evidence=signal.evidence)
    wf.show()
    shot(wf, "lifecycle_propose_exit")
    wf.close()

    # The visit form asking for the job found.
    from ui.dialogs.visit_form import VisitForm

    vf = VisitForm(ctx, helping[2], None, win, today=today, restore=False)
    vf.employment_status.setCurrentIndex(vf.employment_status.findData("employed"))
    vf.employment_intention.setCurrentText("已就业")
    vf.needs["暂无需求"].setChecked(True)
    for key, value in (("employer", "山西某物流公司"), ("post", "分拣员"), ("started_on", today.isoformat())):
        vf.employment.edits[key].setText(value)
    vf.resize(1340, 740)
    vf.show()
    shot(vf, "lifecycle_visit_employment")
    vf._finished = True  # no draft for a screenshot
    vf.close()

    disc = win.show_tab("discovery")
    pump(1.0)
    ctx.wait_idle()
    pump(0.5)
    shot(win, "lifecycle_discovery")
    disc.mode.setCurrentIndex(disc.mode.findData("unvisited"))
    pump(1.0)
    ctx.wait_idle()
    shot(win, "lifecycle_discovery_unvisited")

    # The supervisor: the proposal in the review queue, then the dashboard's exit figure.
    col.set_user({"name": "wangjun", "display_name": "王军", "role": "supervisor", "areas": ["140105001000"]})
    win.close()
    win = MainWindow(ctx)
    win.resize(1366, 768)
    win.show()
    review = win.show_tab("review")
    pump(1.5)
    ctx.wait_idle()
    step = next(s for s in col.records.children("case_step", "person_id", employed_pid) if s["action"] == "propose_exit")
    review.select(step["id"])
    pump(0.5)
    shot(win, "lifecycle_review_exit")
    ops.exits.decide_exit(col, col.records.get("case_step", step["id"])["case_id"], True, actor="王军", today=today)
    dash = win.show_tab("dashboard")
    pump(2.0)
    ctx.wait_idle()
    pump(0.5)
    keys = list(dash.dashboard.figures) if dash.dashboard else []
    if "exits" in keys:
        dash.tabs.setCurrentIndex(keys.index("exits") + 1)  # after the 概览 page
    shot(win, "lifecycle_dashboard")
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
