"""A lean laptop store: audit entries record what changed (the new values, and the old ones that were not
empty), a record's first copy from the platform only by a digest of its values; check still verifies the
chain and every record, and pages freed by acknowledged outbox entries go back to the file system."""

from __future__ import annotations

import json

from sqlalchemy import select, text

from app.queries.person_detail import history
from app.store.integrity import check_store
from app.store.tables import audit
from tests.sync.support import PASSPHRASE, add_household


def _entries(col, rid: str) -> list[dict]:  # noqa: ANN001
    with col.records.reading() as conn:
        return [json.loads(c) for c in conn.execute(
            select(audit.c.changes).where(audit.c.record_id == rid).order_by(audit.c.seq)).scalars()]


def test_audit_keeps_what_changed_and_history_shows_old_and_new(server, laptops) -> None:
    lap = laptops("a", server.url)
    hid, (pid, *_) = add_household(lap.col, persons=2)
    lap.col.records.update("person", pid, {"phone": "13900001111"})
    lap.col.records.update("person", pid, {"phone": "13900002222"})
    stored = _entries(lap.col, pid)
    assert set(stored[0]) == {"set"}  # a new record: nothing was there before
    assert stored[-1] == {"set": {"phone": "13900002222"}, "was": {"phone": "13900001111"}}
    with lap.col.records.reading() as conn:
        newest = history(conn, [("person", pid)])[0].changes
    assert [(old, new) for _label, old, new in newest] == [("13900001111", "13900002222")]
    lap.col.close()
    assert check_store(lap.path, PASSPHRASE).ok


def test_a_pulled_copy_is_audited_by_digest_and_checked(server, laptops) -> None:
    a, b = laptops("a", server.url), laptops("b", server.url)
    _, (pid, other) = add_household(a.col, persons=2)
    assert a.sync().ok and b.sync().ok
    assert _entries(b.col, pid) == []  # no entry of its own: the page's copies share one
    with b.col.records.reading() as conn:
        pages = [(k, json.loads(c)) for k, c in conn.execute(
            select(audit.c.kind, audit.c.changes).where(audit.c.record_id == ""))]
        [entry] = history(conn, [("person", pid)])
    [(kind, persons)] = [(k, c) for k, c in pages if k == "person"]
    digests = persons["copies"]["zhangli"]  # by who last changed them on the platform
    assert set(digests) == {pid, other} and len(digests[pid]) == 32  # no second copy of the values
    assert entry.action_zh == "从平台取得" and entry.changes == [] and entry.actor == "zhangli"
    # Edited here after the copy, and again on the platform: both verify against the copy's digest.
    b.col.records.update("person", pid, {"phone": "13900003333"})
    a.col.records.update("person", pid, {"name": "改过的名字"})
    assert a.sync().ok and b.sync().ok
    assert b.col.records.get("person", pid)["name"] == "改过的名字"
    assert _entries(b.col, pid)[-1]["set"] == {"name": "改过的名字"}
    b.col.close()
    assert check_store(b.path, PASSPHRASE).ok
    # A value nobody changed since the copy, changed around the program: found through the digest.
    b.reopen()
    with b.col.records.transaction() as tx:
        tx.conn.execute(text("UPDATE person SET education = 'college' WHERE id = :id"), {"id": other})
        tx.conn.execute(text("UPDATE person SET id_number = '110101199001011237' WHERE id = :id"), {"id": pid})
    b.col.close()
    report = check_store(b.path, PASSPHRASE)
    assert not report.ok
    [finding] = [f for f in report.findings if "没有审计记录" in f]
    assert f"{other[:8]} 从平台取得后的内容" in finding and f"{pid[:8]} 从平台取得后的内容" in finding


def test_check_finds_a_value_changed_without_an_entry(server, laptops) -> None:
    lap = laptops("a", server.url)
    _, (pid, *_) = add_household(lap.col, persons=1)
    with lap.col.records.transaction() as tx:
        tx.conn.execute(text("UPDATE person SET phone = '13000000000' WHERE id = :id"), {"id": pid})
    lap.col.close()
    report = check_store(lap.path, PASSPHRASE)
    assert not report.ok and any("没有审计记录" in f for f in report.findings)


def test_acknowledged_outbox_pages_are_returned(server, laptops) -> None:
    lap = laptops("a", server.url)
    for _ in range(400):
        add_household(lap.col, persons=4)
    assert lap.pending() == 2000

    def pages() -> tuple[int, int]:
        with lap.col.records.reading() as conn:
            assert conn.exec_driver_sql("PRAGMA auto_vacuum").scalar() == 2
            return (conn.exec_driver_sql("PRAGMA page_count").scalar(),
                    conn.exec_driver_sql("PRAGMA freelist_count").scalar())

    before, _ = pages()
    assert lap.sync().ok and lap.pending() == 0
    after, free = pages()
    assert free < 64  # the outbox's pages were given back, not kept as free pages
    assert after <= before  # the file did not grow, though every record took a new version
