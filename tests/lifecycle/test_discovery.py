"""Discovery and point-to-point push on the demo data (a real SQLCipher store)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from app.ops import ValidationError
from app.ops.outreach import confirm_push, record_pushes
from app.queries.discovery import eligible_without_case, sanjintong_csv, unvisited_key_groups
from app.queries.person_detail import facts_for, person_services
from app.rules import workflow
from app.rules.eligibility import evaluate
from tests.conftest import TODAY


def _people(col):
    with col.records.reading() as conn:
        from sqlalchemy import text

        return [dict(r._mapping) for r in conn.execute(text("SELECT id FROM person WHERE deleted = 0"))]


def test_eligible_without_case_on_demo_data(col):
    rows = eligible_without_case(col, TODAY)
    assert rows, "the demo data has eligible people who never applied"
    for r in rows:
        person = col.records.get("person", r.person_id)
        hh = col.records.get("household", person["household_id"])
        cases = col.records.children("assistance_case", "person_id", r.person_id)
        assert not [c for c in cases if c["stage"] in workflow.open_stages()]
        assert person["employment_status"] not in ("employed", "self_employed")
        assert evaluate(facts_for(person, hh), TODAY).appears_eligible or r.categories
        assert r.categories and r.community
    # Cross-check against the rules applied to everyone: nobody eligible without a case is missed.
    listed = {r.person_id for r in rows}
    for p in _people(col):
        person = col.records.get("person", p["id"])
        cases = col.records.children("assistance_case", "person_id", p["id"])
        if [c for c in cases if c["stage"] in workflow.open_stages()] or person["employment_status"] in (
                "employed", "self_employed"):
            assert p["id"] not in listed
    # Applying takes a person off the list.
    first = rows[0]
    person = col.records.get("person", first.person_id)
    col.records.create("assistance_case", {"person_id": first.person_id, "stage": "applied",
                                           "applied_on": TODAY}, area_code=person["area_code"])
    assert first.person_id not in {r.person_id for r in eligible_without_case(col, TODAY)}


def test_key_groups_without_recent_visit(col):
    rows = unvisited_key_groups(col, TODAY, 90)
    assert rows and all(r.groups for r in rows)
    assert all(r.last_visit is None or r.last_visit < TODAY - dt.timedelta(days=90) for r in rows)
    assert len(unvisited_key_groups(col, TODAY, 10000)) <= len(rows) <= len(unvisited_key_groups(col, TODAY, 1))
    # A visit today takes the person off the list.
    from app.ops.visits import record_visit

    pid = rows[0].person_id
    person = col.records.get("person", pid)
    record_visit(col, pid, {"visited_on": TODAY, "employment_status": person["employment_status"] or "unemployed",
                            "employment_intention": "有意愿", "service_needs": ["政策咨询"]}, [], today=TODAY,
                 employment={"employer": "某公司", "post": "工人", "started_on": TODAY})
    assert pid not in {r.person_id for r in unvisited_key_groups(col, TODAY, 90)}


def test_push_confirmed_counts_as_policy_consultation(col):
    rows = eligible_without_case(col, TODAY)
    pids = [r.person_id for r in rows[:3]]
    with pytest.raises(ValidationError, match="推送渠道"):
        record_pushes(col, pids, "fax", today=TODAY)
    ids = record_pushes(col, pids, "sanjintong", today=TODAY)
    assert len(ids) == 3
    push = col.records.get("policy_push", ids[0])
    person = col.records.get("person", pids[0])
    assert push["content"].startswith(f"【就业援助】{person['name']}您好") and push["policies"]
    assert eligible_without_case(col, TODAY)[0].push_unconfirmed == 1
    text = sanjintong_csv(col, ids)
    table = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert table[0] == ["推送编号", "姓名", "身份证号", "手机号", "所属社区", "推送内容", "推送日期"]
    assert [r[0] for r in table[1:]] == ids and table[1][1] == person["name"]
    before = {r.service: r.done for r in person_services(col, pids[0]).package.requirements}
    sid = confirm_push(col, ids[0], today=TODAY)
    after = {r.service: r.done for r in person_services(col, pids[0]).package.requirements}
    assert after["policy_consultation"] == before["policy_consultation"] + 1
    assert col.records.get("service", sid)["channel"] == "push"
    assert col.records.get("policy_push", ids[0])["service_id"] == sid
    with pytest.raises(ValidationError, match="已确认"):
        confirm_push(col, ids[0], today=TODAY)


def test_discovery_view_prints_pushes_and_exports(qtbot, col, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt

    from ui.context import AppContext
    from ui.views.discovery_view import DiscoveryView

    ctx = AppContext(col)
    try:
        view = DiscoveryView(ctx, today_fn=lambda: TODAY)
        qtbot.addWidget(view)
        view.show()
        qtbot.waitUntil(lambda: not view.loading and bool(view.rows), timeout=10000)
        assert view.table.rowCount() == len(eligible_without_case(col, TODAY))
        view.mode.setCurrentIndex(view.mode.findData("unvisited"))
        qtbot.waitUntil(lambda: not view.loading, timeout=10000)
        assert view.table.rowCount() == len(unvisited_key_groups(col, TODAY, view.days.value()))
        # Batch policy cards for the selection: one card per person.
        view.table.selectRow(0)
        first = view.rows[0].person_id
        from ui import print_actions

        calls = []  # the batch itself is print_actions' (tested in tests/ui); here: what the list hands it
        monkeypatch.setattr(print_actions, "batch_print", lambda c, p, kind, sel: calls.append((kind, list(sel))))
        qtbot.mouseClick(view.print_btn, Qt.MouseButton.LeftButton)
        assert calls == [("policy-card", [first])]
        # An SMS push for the selected person, then its confirmation.
        view.channel.setCurrentIndex(view.channel.findData("sms"))
        qtbot.mouseClick(view.push_btn, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(col.records.children("policy_push", "person_id", first)) == 1, timeout=10000)
        qtbot.waitUntil(lambda: any(r.person_id == first and r.push_unconfirmed for r in view.rows), timeout=10000)
        view.table.selectRow(next(i for i, r in enumerate(view.rows) if r.person_id == first))
        qtbot.mouseClick(view.confirm_btn, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: col.records.children("policy_push", "person_id", first)[0]["confirmed_on"] == TODAY,
                        timeout=10000)
        # The 三晋通 file.
        push_id = col.records.children("policy_push", "person_id", first)[0]["id"]
        out = tmp_path / "sjt.csv"
        view.export_csv([push_id], str(out))
        assert out.read_text(encoding="utf-8").splitlines()[1].startswith(push_id)
    finally:
        ctx.wait_idle()
        ctx.close()
