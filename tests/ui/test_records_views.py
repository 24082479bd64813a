"""PersonView, TodoView, CasesView and VisitsView on the demo store: they show the store, refresh themselves
from ctx.changed, open persons through ctx.open_record and forget everything on ctx.locking."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy import select

from app import ops
from app.queries import cases as cases_q
from app.queries import todo as todo_q
from app.queries import visits as visits_q
from app.queries.person_detail import person_services
from app.store.tables import TABLES
from tests.ui.test_records_support import TODAY, ctx, type_text, unemployed_person  # noqa: F401
from ui.views.cases_view import CasesView
from ui.views.person import PersonView
from ui.views.todo_view import TodoView
from ui.views.visits_view import VisitsView


def _today() -> dt.date:
    return TODAY


def _loaded(qtbot, view):  # noqa: ANN001, ANN202
    """Add and show a view that loads in the background, and wait for its first load."""
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.refreshed, timeout=10000):
        view.show()  # the first load's answer is queued; it arrives inside this wait
    return view


def _person_page(qtbot, ctx, kind: str, record_id: str) -> PersonView:  # noqa: ANN001, F811
    """A shown person page, once everything on screen has been read (off the GUI thread)."""
    view = PersonView(ctx, today_fn=_today)
    qtbot.addWidget(view)
    view.show()
    _open(qtbot, view, kind, record_id)
    return view


def _open(qtbot, view: PersonView, kind: str, record_id: str) -> None:  # noqa: ANN001
    with qtbot.waitSignal(view.refreshed, timeout=10000):
        view.show_record(kind, record_id)
    qtbot.waitUntil(lambda: not view.busy, timeout=10000)


def _case_person(col, stage: str) -> tuple[str, str]:  # noqa: ANN001
    c = TABLES["assistance_case"]
    with col.records.reading() as conn:
        row = conn.execute(select(c.c.id, c.c.person_id).where(c.c.stage == stage).limit(1)).first()
    return row.id, row.person_id


def test_person_view_shows_household_person_and_case(qtbot, ctx, col) -> None:  # noqa: F811
    case_id, pid = _case_person(col, "community_review")
    person = col.records.get("person", pid)
    view = _person_page(qtbot, ctx, "person", pid)
    hh, overview = view.section("household"), view.section("overview")
    assert view.name_label.text() == person["name"]
    members = col.records.children("person", "household_id", person["household_id"])
    assert hh.members.rowCount() == len(members)
    assert overview.eligibility.topLevelItem(0).text(0).startswith("看起来")
    assert overview.stage_label.text().startswith("环节：社区初审")
    assert "个工作日" in overview.deadline_label.text() or "今天到期" in overview.deadline_label.text()
    assert overview.materials.count() >= 5
    buttons = {b.objectName(): b for b in overview.actions_box.findChildren(QPushButton)}
    assert set(buttons) == {"action_pass_community", "action_reject", "action_return"}
    texts = [lbl.text() for lbl in overview.actions_box.findChildren(type(view.name_label))]
    assert any("不少于 7 个工作日" in t for t in texts)
    history = view.section("history")
    assert history.data is None  # a tab nobody opened has read nothing
    view.tabs.setCurrentWidget(history)
    qtbot.waitUntil(lambda: history.history.topLevelItemCount() >= 2, timeout=5000)  # person and household
    # opening by another record kind lands on the same person
    _open(qtbot, view, "assistance_case", case_id)
    assert view.person_id == pid
    # selecting another member shows that member
    other = (
        next(
            r
            for r in range(hh.members.rowCount())
            if hh.members.item(r, 0).data(Qt.ItemDataRole.UserRole) != pid
        )
        if len(members) > 1
        else None
    )
    if other is not None:
        name = hh.members.item(other, 0).text()
        other_id = hh.members.item(other, 0).data(Qt.ItemDataRole.UserRole)
        hh.members.selectRow(other)
        assert view.person_id == other_id
        qtbot.waitUntil(lambda: view.name_label.text() == name, timeout=5000)


def test_person_view_refreshes_from_changes_and_saves_materials(qtbot, ctx, col) -> None:  # noqa: F811
    case_id, pid = _case_person(col, "community_review")
    view = _person_page(qtbot, ctx, "person", pid)
    ctx.write(col.records.update, "person", pid, {"phone": "13912345678"})
    qtbot.waitUntil(lambda: "13912345678" in view.sub_label.text(), timeout=5000)
    # a material ticked in the checklist is saved on the case
    overview = view.section("overview")
    item = overview.materials.item(2)
    code = item.data(Qt.ItemDataRole.UserRole)
    wanted = item.checkState() != Qt.CheckState.Checked
    item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
    qtbot.waitUntil(
        lambda: col.records.get("assistance_case", case_id)["materials"].get(code) is wanted, timeout=5000
    )
    # a service added elsewhere shows up with the 3+1+1 progress: counted in the tab title while the tab is
    # hidden (the hidden tab reads nothing), listed once the tab is shown
    services = view.section("services")
    index = view.tabs.indexOf(services)
    before = len(person_services(col, pid).services)
    assert view.tabs.tabText(index) == f"服务（{before}）" and services.data is None
    ctx.write(ops.visits.add_service, col, pid, {"kind": "career_guidance", "served_on": TODAY})
    qtbot.waitUntil(lambda: view.tabs.tabText(index) == f"服务（{before + 1}）", timeout=5000)
    assert services.data is None
    view.tabs.setCurrentWidget(services)
    qtbot.waitUntil(lambda: services.data is not None and len(services.data.services) == before + 1,
                    timeout=5000)
    assert services.services.rowCount() == before + 1
    assert services.package_text.text() == services.data.package.text_zh


def test_hidden_person_page_reads_nothing_until_shown(qtbot, ctx, col) -> None:  # noqa: F811
    _case_id, pid = _case_person(col, "community_review")
    view = _person_page(qtbot, ctx, "person", pid)
    head = view.section("household")
    view.hide()
    ctx.write(col.records.update, "person", pid, {"phone": "13700001111"})
    ctx.wait_idle()
    qtbot.wait(400)  # longer than LiveRefresh's delay: a visible page would have reloaded by now
    assert "13700001111" not in view.sub_label.text() and head.live.stale and not view.busy
    view.show()
    qtbot.waitUntil(lambda: "13700001111" in view.sub_label.text(), timeout=5000)


def test_returned_review_answer_box(qtbot, ctx, col) -> None:  # noqa: F811
    person = unemployed_person(col)
    rid = col.records.create(
        "review",
        {
            "target_kind": "person",
            "target_id": person["id"],
            "person_id": person["id"],
            "decision": "returned",
            "comment": "请核实家庭成员就业状态",
            "reviewer": "街道督导",
            "decided_on": TODAY,
        },
        area_code=person["area_code"],
    )
    todo_view = _loaded(qtbot, TodoView(ctx, today_fn=_today))
    assert any(i.record_id == rid for i in todo_view.items)
    view = _person_page(qtbot, ctx, "review", rid)
    reviews = view.section("reviews")
    assert "1 待答复" in view.tabs.tabText(view.tabs.indexOf(reviews))
    view.tabs.setCurrentWidget(reviews)
    qtbot.waitUntil(lambda: rid in reviews.answer_edits, timeout=5000)
    edit = reviews.answer_edits[rid]
    button = reviews.reviews_area.widget().findChild(QPushButton, f"answer_{rid}")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # empty answer: said inline, nothing written
    assert col.records.get("review", rid)["answer"] is None
    type_text(edit, "已入户核实，配偶已就业")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (col.records.get("review", rid) or {}).get("answer") == "已入户核实，配偶已就业", timeout=5000
    )
    r = col.records.get("review", rid)
    assert r["answered_by"] == col.user["name"] and r["answered_on"] == TODAY
    # both views follow the change by themselves
    qtbot.waitUntil(lambda: not any(i.record_id == rid for i in todo_view.items), timeout=5000)
    qtbot.waitUntil(lambda: "待答复" not in view.tabs.tabText(view.tabs.indexOf(reviews)), timeout=5000)


def test_todo_view_groups_counts_and_opens_person(qtbot, ctx, col) -> None:  # noqa: F811
    view = _loaded(qtbot, TodoView(ctx, today_fn=_today))
    items = todo_q.todo(col, TODAY)
    counts = todo_q.counts(items)
    tops = [view.tree.topLevelItem(i).text(0) for i in range(view.tree.topLevelItemCount())]
    assert tops == [f"{label}（{counts[k]}）" for k, label in todo_q.GROUPS.items()]
    group = view.tree.topLevelItem(list(todo_q.GROUPS).index("visit"))
    first = group.child(0)
    view.tree.setCurrentItem(first)
    with qtbot.waitSignal(ctx.open_record, timeout=2000) as sig:
        qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    want = next(i for i in items if i.kind == "visit")
    assert sig.args == ["person", want.person_id]
    # planning a visit for today elsewhere adds an item without anyone poking the view
    person = unemployed_person(col)
    n = counts["visit"]
    ctx.write(ops.visits.plan_visit, col, person["id"], TODAY)
    qtbot.waitUntil(lambda: todo_q.counts(view.items)["visit"] == n + 1, timeout=5000)
    assert view.tree.topLevelItem(list(todo_q.GROUPS).index("visit")).text(0) == f"今日走访（{n + 1}）"


def test_cases_view_board_filter_and_open(qtbot, ctx, col) -> None:  # noqa: F811
    view = _loaded(qtbot, CasesView(ctx, today_fn=_today))
    counts = cases_q.stage_counts(col)
    for code, column in view.columns.items():
        assert column.header.text().endswith(f"（{counts[code]}）")
        assert column.list.count() == min(counts[code], 100) + (counts[code] > 100)
    # filter by community
    i = view.community.findData("140105001002")
    with qtbot.waitSignal(view.refreshed, timeout=5000):
        view.community.setCurrentIndex(i)
    filtered = cases_q.stage_counts(col, "140105001002")
    assert all(view.columns[c].count == n for c, n in filtered.items())
    with qtbot.waitSignal(view.refreshed, timeout=5000):
        view.community.setCurrentIndex(0)
    column = view.columns["community_review"]
    item = column.list.item(0)
    column.list.setCurrentItem(item)
    with qtbot.waitSignal(ctx.open_record, timeout=2000) as sig:
        qtbot.keyClick(column.list, Qt.Key.Key_Return)
    assert sig.args[0] == "person" and sig.args[1] == item.data(Qt.ItemDataRole.UserRole)
    # a workflow step moves the card by itself
    case_id, _pid = _case_person(col, "community_review")
    n_review, n_pub = view.columns["community_review"].count, view.columns["publicity"].count
    ctx.write(ops.cases.workflow_action, col, case_id, "pass_community", today=TODAY)
    qtbot.waitUntil(lambda: view.columns["publicity"].count == n_pub + 1, timeout=5000)
    assert view.columns["community_review"].count == n_review - 1


def test_visits_view_lazy_model(qtbot, ctx, col, monkeypatch) -> None:  # noqa: F811
    monkeypatch.setattr(visits_q, "PAGE", 10)
    view = VisitsView(ctx, today_fn=_today)
    qtbot.addWidget(view)
    view.start.setDate(view.start.date().addYears(-5))
    view.refresh()
    total = visits_q.count(col, start=TODAY - dt.timedelta(days=5 * 366), end=TODAY + dt.timedelta(days=14))
    assert view.model.total == total > 10 and view.model.rowCount() == 10
    while view.model.canFetchMore(view.model.index(-1, -1)):
        view.model.fetchMore(view.model.index(-1, -1))
    assert view.model.rowCount() == total
    view.which.setCurrentIndex(view.which.findData(visits_q.PLANNED))
    assert all(r.planned for r in view.model.rows)
    index = view.model.index(0, 2)
    with qtbot.waitSignal(ctx.open_record, timeout=2000) as sig:
        view.table.activated.emit(index)
    assert sig.args == ["person", view.model.rows[0].person_id]


def test_views_clear_on_locking(qtbot, ctx, col) -> None:  # noqa: F811
    person_view = PersonView(ctx, today_fn=_today)
    todo_view = _loaded(qtbot, TodoView(ctx, today_fn=_today))
    cases_view = _loaded(qtbot, CasesView(ctx, today_fn=_today))
    visits_view = VisitsView(ctx, today_fn=_today)
    for w in (person_view, visits_view):
        qtbot.addWidget(w)
        w.show()
    _open(qtbot, person_view, "person", unemployed_person(col)["id"])
    members = person_view.section("household").members
    assert members.rowCount() and todo_view.items and visits_view.model.rowCount()
    ctx.locking.emit()
    assert person_view.person_id is None and members.rowCount() == 0
    overview = person_view.section("overview")
    assert overview.eligibility.topLevelItemCount() == 0 and not person_view.visit_btn.isEnabled()
    assert todo_view.items == [] and todo_view.tree.topLevelItemCount() == 0
    assert all(c.list.count() == 0 for c in cases_view.columns.values())
    assert visits_view.model.rowCount() == 0
    # a late change notification after locking does not bring data back
    ops.visits.plan_visit(col, unemployed_person(col)["id"], TODAY)
    QApplication.processEvents()
    qtbot.wait(300)
    assert todo_view.tree.topLevelItemCount() == 0 and visits_view.model.rowCount() == 0
