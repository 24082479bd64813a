"""The demo laptop syncs without refusals: what 赵芳 and 王军 did on it reaches the platform as their own work
(pushed with their own sessions, ``sync.client.office.hand_over``, as the demo does when it makes the office),
and 张丽's first sync in the demo then has nothing refused, lost or duplicated."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select

from app.collection import Collection
from app.demo import OFFICE, SUPERVISOR, generate
from app.model.kinds import KINDS
from app.queries.op_authors import op_authors
from app.store import sync_state as st
from app.store.tables import TABLES
from sync.client.office import author_runs, hand_over
from sync.client.runs import run_sync
from sync.server.seed import DEMO_PASSWORD
from sync.server.testing import run_server_process
from tests.conftest import PASSPHRASE, TODAY, WORKER

# Six households of seed 7: every actor's work, a return the worker answered, an exit proposed and decided.
HOUSEHOLDS, SEED = 6, 7


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Collection]:
    col = Collection.create(tmp_path / "demo.db", PASSPHRASE, WORKER)
    generate(col, HOUSEHOLDS, seed=SEED, today=TODAY)
    yield col
    col.close()


@pytest.fixture
def platform(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """The demo platform as the demo starts it (``serve --demo``, a process on 127.0.0.1): (url, db url)."""
    db = f"sqlite:///{tmp_path / 'platform.db'}"
    handle = run_server_process(db, demo=True)
    yield handle.url, db
    handle.stop()


def _platform_records(db: str) -> dict[str, dict[str, int]]:
    from sync.server.db import records

    engine = create_engine(db)
    try:
        with engine.connect() as conn:
            out: dict[str, dict[str, int]] = {}
            for r in conn.execute(select(records.c.kind, records.c.id, records.c.version)):
                out.setdefault(r.kind, {})[r.id] = int(r.version)
            return out
    finally:
        engine.dispose()


def _laptop_records(col: Collection) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    with col.records.reading() as conn:
        for kind in KINDS:
            t = TABLES[kind]
            rows = {r.id: int(r.version) for r in conn.execute(select(t.c.id, t.c.version))}
            if rows:
                out[kind] = rows
    return out


def test_the_office_work_is_each_authors(office: Collection) -> None:
    """The outbox says nothing of who made an op; the audit log does, one entry per queued op."""
    with office.records.reading() as conn:
        authors = op_authors(conn)
        queued = st.outbox_count(conn)
        reviews = {r.id for r in conn.execute(select(TABLES["review"].c.id))}
        answered = {r.id for r in conn.execute(select(TABLES["review"].c.id).where(
            TABLES["review"].c.answer.is_not(None)))}
        ops = st.pending_ops(conn, queued)
    assert len(authors) == queued
    by = Counter(authors.values())
    assert set(by) == {WORKER["name"], OFFICE["name"], SUPERVISOR["name"]} and min(by.values()) >= 3, by
    # Every review is created by the supervisor; an answer to a return is the worker's change of it.
    made = {o.record_id: authors[o.op_id] for o in ops if o.kind == "review" and o.base_version == 0
            and "decision" in o.fields}
    assert made.keys() == reviews and set(made.values()) == {SUPERVISOR["name"]}
    answers = [authors[o.op_id] for o in ops if o.kind == "review" and "answer" in o.fields
               and "decision" not in o.fields]
    assert answered and answers and set(answers) == {WORKER["name"]}


def test_an_op_is_paired_with_its_own_audit_entry_after_earlier_ones_were_pushed(tmp_path: Path) -> None:
    """A record's queued ops are its last local audit entries: entries of ops already acknowledged (and the
    pulled copies' "sync" entries) come before them and are not counted."""
    from app.store.tables import outbox

    col = Collection.create(tmp_path / "s.db", PASSPHRASE, WORKER)
    try:
        with col.records.transaction() as tx:
            hh = tx.create("household", {"address": "小店区坞城南路 1 号"}, area_code=WORKER["areas"][0])
        with col.records.transaction() as tx:
            tx.conn.execute(outbox.delete())  # as if pushed and acknowledged
        col.set_user({**SUPERVISOR, "areas": WORKER["areas"]})
        with col.records.transaction() as tx:
            tx.update("household", hh, {"address": "小店区坞城南路 2 号"})
        col.set_user(WORKER)
        with col.records.transaction() as tx:
            tx.update("household", hh, {"address": "小店区坞城南路 3 号"})
        with col.records.reading() as conn:
            ops = st.pending_ops(conn, 10)
            assert [op_authors(conn)[o.op_id] for o in ops] == [SUPERVISOR["name"], WORKER["name"]]
    finally:
        col.close()


def test_author_runs_keep_each_records_order() -> None:
    ops = [{"op_id": f"o{i}", "kind": "k", "id": rid} for i, rid in enumerate("aabacab")]
    authors = {"o0": "w", "o1": "s", "o2": "w", "o3": "w", "o4": "s", "o5": "s", "o6": "s"}
    runs = [(who, [op["op_id"] for op in run]) for who, run in author_runs(ops, authors, "w")]
    # Record a goes w, s, w, s; b goes w, s; c is s's alone: each record's ops in queue order, each op in
    # a run of its author.
    assert runs == [("s", ["o4"]), ("w", ["o0", "o2"]), ("s", ["o1", "o6"]), ("w", ["o3"]), ("s", ["o5"])]
    assert author_runs(ops[:1], {}, "w") == [("w", ops[:1])]  # an op of no known author is the owner's


def test_the_demo_laptops_first_sync_has_no_refusals(office: Collection, platform: tuple[str, str]) -> None:
    url, db = platform
    queued = office.records.pending_count()
    handed = hand_over(office, url, DEMO_PASSWORD, wait=10)
    assert handed.ok, handed.errors
    assert handed.rejected == 0 and not handed.rejected_ops, handed.rejected_ops[:3]
    assert handed.pushed == queued and handed.conflict == 0 and handed.pending == 0

    # 张丽 opens the demo and syncs (as the app does, with her own login): nothing to push, nothing refused.
    first = run_sync(office, url, WORKER["name"], DEMO_PASSWORD)
    assert first.ok, first.errors
    assert (first.pushed, first.rejected, first.pulled, first.conflicts, first.pending) == (0, 0, 0, 0, 0)
    with office.records.reading() as conn:
        assert not st.list_rejected(conn)

    # Nothing lost or duplicated: the platform holds exactly the laptop's records, at the laptop's versions.
    laptop, server = _laptop_records(office), _platform_records(db)
    assert laptop.keys() == server.keys()
    for kind in laptop:
        assert laptop[kind] == server[kind], kind
    assert 0 not in {v for rows in laptop.values() for v in rows.values()}

    # Each author's work is theirs on the platform: its history names who pushed each change.
    from sync.server.db import record_history

    engine = create_engine(db)
    try:
        with engine.connect() as conn:
            pushed = Counter(conn.execute(select(record_history.c.user_name)).scalars())
    finally:
        engine.dispose()
    assert set(pushed) == {WORKER["name"], OFFICE["name"], SUPERVISOR["name"]}, pushed


def test_pushed_as_the_worker_alone_the_platform_refuses_the_supervisors_work(
        office: Collection, platform: tuple[str, str]) -> None:
    """Why the hand-over exists: the old first sync of the demo laptop."""
    url, _db = platform
    report = run_sync(office, url, WORKER["name"], DEMO_PASSWORD)
    assert report.rejected > 0 and {r["kind"] for r in report.rejected_ops} == {"review"}


def test_make_demo_starts_the_laptop_in_step_with_a_fresh_platform(
        qtbot: Any, make_shell: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``make demo`` as the user runs it: the Shell starts the demo platform (``serve --demo --fresh``), makes
    the office and hands its work over; the platform then holds exactly the laptop's records — not also an
    earlier demo office's, left in the demo platform's database by a demo made before."""
    import ui.main
    from sync.server.cli import _engine, demo_db_url
    from sync.server.importer import import_records
    from sync.server.testing import free_port

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))  # the demo platform's database, for this test
    monkeypatch.setattr(ui.main, "DEMO_HOUSEHOLDS", HOUSEHOLDS)
    old = _engine(demo_db_url())
    import_records(old, [{"kind": "household", "id": "an-earlier-demo-household", "area_code": WORKER["areas"][0],
                          "deleted": False, "fields": {"address": "小店区坞城南路 1 号"}}], "import")
    old.dispose()

    path = tmp_path / "demo" / "demo.db"
    path.parent.mkdir()
    shell = make_shell(path, demo=True, start_server=True, demo_port=free_port())
    assert shell.server_proc is not None
    qtbot.waitUntil(lambda: "演示数据已生成" in shell.dialog.message.text(), timeout=120_000)
    assert "没有交给" not in shell.dialog.message.text(), shell.dialog.message.text()

    col = Collection.open(path, ui.main.DEMO_PASSPHRASE)
    try:
        assert col.records.pending_count() == 0
        # 张丽's first sync in the demo, as the 同步 tab runs it: on the saved session, no password typed.
        first = run_sync(col, f"http://127.0.0.1:{shell.demo_port}", WORKER["name"], None)
        assert first.ok, first.errors
        assert (first.pushed, first.rejected, first.pulled) == (0, 0, 0)
        laptop = _laptop_records(col)
        with col.records.reading() as conn:
            assert not st.list_rejected(conn)
    finally:
        col.close()
    server = _platform_records(demo_db_url())
    assert laptop == server and len(laptop["review"]) > 10
    assert "an-earlier-demo-household" not in laptop["household"]  # (a hand-over alone would have pulled it)


def test_fresh_only_ever_empties_the_demo_database(tmp_path: Path) -> None:
    from sync.server.cli import main

    db = tmp_path / "platform.db"
    db.write_bytes(b"a real platform's data")
    for argv in (["serve", "--db", f"sqlite:///{db}", "--fresh"], ["serve", "--demo", "--db", f"sqlite:///{db}",
                                                                     "--fresh"]):
        with pytest.raises(SystemExit, match="--fresh 只用于演示库"):
            main(argv)
    assert db.read_bytes() == b"a real platform's data"
