"""The visit form driven through its widgets against a real SQLCipher store."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from sqlalchemy import select

from app.ops import drafts
from app.queries.drafts import load_draft, pending_drafts
from app.store.tables import audit, blob, outbox
from tests.ui.test_records_support import TODAY, ctx, snapshot, type_text, unemployed_person  # noqa: F401
from ui.dialogs.visit_form import VisitForm

JPEG = b"\xff\xd8\xff\xe0" + b"synthetic document photo" * 50


def _fill_valid(qtbot, form: VisitForm) -> None:  # noqa: ANN001
    form.employment_status.setCurrentIndex(form.employment_status.findData("employed"))
    form.employment_intention.lineEdit().clear()
    type_text(form.employment_intention.lineEdit(), "有意愿，希望尽快就业")
    qtbot.mouseClick(form.needs["岗位推荐"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.needs["技能培训"], Qt.MouseButton.LeftButton)
    type_text(form.notes, "本人已在社区超市找到工作")
    form.next_visit_on.setDate(QDate(2026, 12, 20))
    # 已就业 asks for the job found (the evidence of the exit it proposes)
    assert form.employment_box.isVisible()
    for key, text in (("employer", "社区超市"), ("post", "收银员"), ("started_on", TODAY.isoformat())):
        type_text(form.employment.edits[key], text)


def test_record_visit_through_form(qtbot, ctx, col) -> None:  # noqa: F811
    person = unemployed_person(col)
    form = VisitForm(ctx, person["id"], today=TODAY, restore=False)
    qtbot.addWidget(form)
    form.show()
    before = snapshot(col)
    _fill_valid(qtbot, form)
    # a job recommendation with employer/post/wage/result, and a policy consultation
    qtbot.mouseClick(form.add_service_btn, Qt.MouseButton.LeftButton)
    form.services.cellWidget(0, 0).setCurrentIndex(
        form.services.cellWidget(0, 0).findData("job_recommendation")
    )
    for col_no, text in ((1, "小店区某超市"), (2, "收银员"), (3, "3200元/月"), (4, "已录用")):
        form.services.item(0, col_no).setText(text)
    qtbot.mouseClick(form.add_service_btn, Qt.MouseButton.LeftButton)
    form.services.cellWidget(1, 0).setCurrentIndex(
        form.services.cellWidget(1, 0).findData("policy_consultation")
    )
    form.add_attachment("身份证正面.jpg", "image/jpeg", JPEG)
    # confirm the first household member, and correct another member's status
    form.members.item(0, 4).setCheckState(Qt.CheckState.Checked)
    other_row = next(
        r
        for r in range(form.members.rowCount())
        if form.members.item(r, 0).data(Qt.ItemDataRole.UserRole)["person_id"] != person["id"]
    )
    other_id = form.members.item(other_row, 0).data(Qt.ItemDataRole.UserRole)["person_id"]
    other_combo = form.members.cellWidget(other_row, 3)
    other_combo.setCurrentIndex(other_combo.findData("retired"))

    with qtbot.waitSignal(form.saved, timeout=15000) as sig:
        qtbot.mouseClick(form.save_btn, Qt.MouseButton.LeftButton)
    vid = sig.args[0]
    assert form.result() == QDialog.DialogCode.Accepted

    visit = col.records.get("visit", vid)
    assert visit["visited_on"] == TODAY and visit["employment_status"] == "employed"
    assert visit["service_needs"] == ["岗位推荐", "技能培训"]
    assert visit["notes"] == "本人已在社区超市找到工作"
    assert visit["members"][0]["confirmed"] is True
    services = col.records.children("service", "visit_id", vid)
    assert sorted(s["kind"] for s in services) == ["job_recommendation", "policy_consultation"]
    job = next(s for s in services if s["kind"] == "job_recommendation")
    assert (job["employer"], job["post"], job["wage"], job["result"]) == (
        "小店区某超市",
        "收银员",
        "3200元/月",
        "已录用",
    )
    updated = col.records.get("person", person["id"])
    assert updated["employment_status"] == "employed" and updated["employed_on"] == TODAY
    assert col.records.children("followup", "person_id", person["id"])  # follow-ups scheduled
    assert col.records.get("person", other_id)["employment_status"] == "retired"
    assert {"person_id": other_id, "status": "retired"}.items() <= next(
        m for m in visit["members"] if m["person_id"] == other_id
    ).items()
    (att,) = col.records.children("attachment", "owner_id", vid)
    with col.records.reading() as conn:
        stored = conn.execute(select(blob.c.data).where(blob.c.sha256 == att["sha256"])).scalar()
        ops_kinds = [r.kind for r in conn.execute(select(outbox).where(outbox.c.seq > before["outbox"]))]
        audited = {r.record_id for r in conn.execute(select(audit).where(audit.c.seq > before["audit"]))}
    assert stored == JPEG
    assert {"visit", "service", "person", "followup", "attachment"} <= set(ops_kinds)
    assert {vid, person["id"], att["id"], *(s["id"] for s in services)} <= audited
    after = snapshot(col)
    assert after["visit"] == before["visit"] + 1 and after["service"] == before["service"] + 2
    assert load_draft(col, drafts.visit_key(person["id"])) is None  # the draft went with the save


def test_invalid_visit_shows_errors_and_stores_nothing(qtbot, ctx, col) -> None:  # noqa: F811
    person = unemployed_person(col)
    form = VisitForm(ctx, person["id"], today=TODAY, restore=False)
    qtbot.addWidget(form)
    form.show()
    form.employment_status.setCurrentIndex(0)  # 请选择
    form.visited_on.setDate(QDate(2026, 11, 26))  # tomorrow
    qtbot.mouseClick(form.add_service_btn, Qt.MouseButton.LeftButton)
    form.services.cellWidget(0, 0).setCurrentIndex(
        form.services.cellWidget(0, 0).findData("job_recommendation")
    )
    form.text["contact_method"].setText("1234")
    before = snapshot(col)
    qtbot.mouseClick(form.save_btn, Qt.MouseButton.LeftButton)
    ctx.wait_idle()
    errors = form._errors
    assert errors["employment_status"].isVisible() and errors["employment_status"].text() == "请选择就业状态"
    assert errors["visited_on"].text() == "走访日期不能晚于今天"
    assert errors["employment_intention"].text() == "请填写就业意愿"
    assert "服务需求" in errors["service_needs"].text()
    assert "推荐单位和岗位" in errors["services"].text()
    assert errors["contact_method"].isVisible()
    assert form.isVisible() and form.save_btn.isEnabled()
    after = snapshot(col)
    # nothing stored: every table, the outbox and the audit log are unchanged
    assert after == before
    # fixing a field clears its message (live re-validation after the first attempt)
    form.employment_status.setCurrentIndex(form.employment_status.findData("unemployed"))
    assert not errors["employment_status"].isVisible()
    assert errors["visited_on"].isVisible()


def test_locking_saves_draft_and_reopening_offers_it(qtbot, ctx, col, monkeypatch) -> None:  # noqa: F811
    person = unemployed_person(col)
    form = VisitForm(ctx, person["id"], today=TODAY, restore=False)
    qtbot.addWidget(form)
    form.show()
    type_text(form.notes, "锁屏前正在输入的内容")
    qtbot.mouseClick(form.needs["政策咨询"], Qt.MouseButton.LeftButton)
    form.add_attachment("户口簿.png", "image/png", b"\x89PNG fake")
    assert load_draft(col, drafts.visit_key(person["id"])) is None  # autosave not due yet
    ctx.locking.emit()  # auto-lock: the draft must be on disk before the key goes
    assert not form.isVisible()
    d = load_draft(col, drafts.visit_key(person["id"]))
    assert d is not None and d.data["values"]["notes"] == "锁屏前正在输入的内容"
    assert [p.key for p in pending_drafts(col, drafts.VISIT_FORM)] == [d.key]

    asked = []

    def yes(parent, title, text, *args):  # noqa: ANN001, ANN202
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    again = VisitForm(ctx, person["id"], today=TODAY)
    qtbot.addWidget(again)
    assert asked and asked[0].startswith("发现未保存的走访记录草稿（") and asked[0].endswith("），是否恢复？")
    assert again.notes.toPlainText() == "锁屏前正在输入的内容"
    assert again.needs["政策咨询"].isChecked()
    assert again._attachments == [("户口簿.png", "image/png", b"\x89PNG fake")]


def test_autosave_after_typing(qtbot, ctx, col) -> None:  # noqa: F811
    person = unemployed_person(col)
    VisitForm.AUTOSAVE_MS, old = 200, VisitForm.AUTOSAVE_MS
    try:
        form = VisitForm(ctx, person["id"], today=TODAY, restore=False)
    finally:
        VisitForm.AUTOSAVE_MS = old
    qtbot.addWidget(form)
    form.show()
    type_text(form.text["intended_job"], "电工")
    key = drafts.visit_key(person["id"])
    qtbot.waitUntil(lambda: load_draft(col, key) is not None, timeout=5000)
    assert load_draft(col, key).data["values"]["intended_job"].endswith("电工")


def test_declining_the_restore_offer_discards_the_draft(qtbot, ctx, col, monkeypatch) -> None:  # noqa: F811
    person = unemployed_person(col)
    key = drafts.visit_key(person["id"])
    drafts.save_draft(col, key, drafts.VISIT_FORM, {"person_id": person["id"], "values": {"notes": "旧草稿"}})
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    form = VisitForm(ctx, person["id"], today=TODAY)
    qtbot.addWidget(form)
    assert form.notes.toPlainText() == ""
    assert load_draft(col, key) is None


CHILD = r"""
import sys, time
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest
from app.ops import drafts
from app.queries.drafts import load_draft, pending_drafts
from app.collection import Collection
from tests.ui.test_records_support import TODAY, type_text
from ui.context import AppContext
from ui.dialogs.visit_form import VisitForm

app = QApplication([])
col = Collection.open(sys.argv[1], sys.argv[2])
ctx = AppContext(col)
VisitForm.AUTOSAVE_MS = 300
form = VisitForm(ctx, sys.argv[3], today=TODAY, restore=False)
form.show()
type_text(form.notes, "断电前输入的走访情况")
type_text(form.text["intended_job"], "仓库管理员")
form.needs["职业指导"].click()
key = drafts.visit_key(sys.argv[3])
deadline = time.monotonic() + 20
while load_draft(col, key) is None and time.monotonic() < deadline:
    QTest.qWait(50)  # the autosave timer fires inside the event loop, as in the app
print("READY", flush=True)
while True:
    QTest.qWait(1000)
"""


def test_draft_survives_killed_process(qtbot, demo_store, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    import os
    import signal
    import subprocess
    import sys
    from pathlib import Path

    from app.collection import Collection
    from tests.ui.test_records_support import PASSPHRASE
    from ui.context import AppContext

    col = Collection.open(demo_store, PASSPHRASE)
    person = unemployed_person(col)
    col.close()
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)}
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(demo_store), PASSPHRASE, person["id"]],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=root,
        text=True,
    )
    try:
        line = proc.stdout.readline()
        assert line.strip() == "READY", proc.stderr.read() if proc.poll() is not None else line
    finally:
        proc.send_signal(signal.SIGKILL)  # a crash or flat battery: no close, no checkpoint
        proc.wait(10)
    assert proc.returncode == -signal.SIGKILL

    col = Collection.open(demo_store, PASSPHRASE)
    app_ctx = AppContext(col)
    try:
        pending = pending_drafts(col)
        assert [d.person_id for d in pending] == [person["id"]]
        asked = []
        monkeypatch.setattr(
            QMessageBox,
            "question",
            lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes,
        )
        form = VisitForm(app_ctx, person["id"], today=TODAY)
        qtbot.addWidget(form)
        assert asked and "发现未保存的走访记录草稿" in asked[0]
        assert form.notes.toPlainText() == "断电前输入的走访情况"
        assert form.text["intended_job"].text().endswith("仓库管理员")
        assert form.needs["职业指导"].isChecked()
        # the draft text is nowhere in the file in plaintext (it is inside the encrypted store)
        for f in tmp_path.rglob("*"):
            if f.is_file():
                assert "断电前输入".encode() not in f.read_bytes()
    finally:
        app_ctx.wait_idle()
        app_ctx._unsubscribe()
        col.close()


def test_closing_keeps_a_draft_and_saving_fills_the_planned_visit(qtbot, ctx, col) -> None:  # noqa: F811
    from app import ops
    from ui.dialogs.visit_form import open_visit_form

    person = unemployed_person(col)
    for v in col.records.children("visit", "person_id", person["id"]):
        if not v["visited_on"]:
            col.records.delete("visit", v["id"])
    planned = ops.visits.plan_visit(col, person["id"], TODAY)
    ops.visits.plan_visit(col, person["id"], TODAY + dt.timedelta(days=3))  # a later one is left for later
    form = open_visit_form(ctx, person["id"], today=TODAY)  # deletes itself on close
    assert form.planned_visit_id == planned
    type_text(form.notes, "关闭前写的")
    qtbot.mouseClick(form.cancel_btn, Qt.MouseButton.LeftButton)
    d = load_draft(col, drafts.visit_key(person["id"]))
    assert d.data["values"]["notes"] == "关闭前写的" and d.data["planned_visit_id"] == planned
    form2 = VisitForm.from_draft(ctx, d, today=TODAY)
    qtbot.addWidget(form2)
    form2.show()
    assert form2.notes.toPlainText() == "关闭前写的" and form2.planned_visit_id == planned
    _fill_valid(qtbot, form2)
    visits_before = len(col.records.children("visit", "person_id", person["id"]))
    with qtbot.waitSignal(form2.saved, timeout=10000) as sig:
        qtbot.mouseClick(form2.save_btn, Qt.MouseButton.LeftButton)
    assert sig.args[0] == planned  # the planned visit became the visit made
    assert len(col.records.children("visit", "person_id", person["id"])) == visits_before
    assert col.records.get("visit", planned)["visited_on"] == TODAY
    assert pending_drafts(col) == []
