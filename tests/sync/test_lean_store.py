"""A lean laptop store: audit entries record the new values only (old ones replayed), check still verifies
the chain and every record, and pages freed by acknowledged outbox entries go back to the file system."""

from __future__ import annotations

import json

from sqlalchemy import select, text

from app.queries.person_detail import history
from app.store.integrity import check_store
from app.store.tables import audit
from tests.sync.support import PASSPHRASE, add_household


def test_audit_keeps_new_values_and_history_replays_the_old(server, laptops) -> None:
    lap = laptops("a", server.url)
    hid, (pid, *_) = add_household(lap.col, persons=2)
    lap.col.records.update("person", pid, {"phone": "13900001111"})
    lap.col.records.update("person", pid, {"phone": "13900002222"})
    with lap.col.records.reading() as conn:
        stored = [json.loads(c) for c in conn.execute(
            select(audit.c.changes).where(audit.c.record_id == pid).order_by(audit.c.seq)).scalars()]
        entries = history(conn, [("person", pid)])
    assert all(set(c) == {"set"} for c in stored)
    assert stored[-1] == {"set": {"phone": "13900002222"}}  # the old value is not stored again
    newest = entries[0].changes
    assert [(old, new) for _label, old, new in newest] == [("13900001111", "13900002222")]
    lap.col.close()
    assert check_store(lap.path, PASSPHRASE).ok
    lap.reopen()
    assert lap.sync().ok  # pulled copies are audited the same way
    lap.col.close()
    assert check_store(lap.path, PASSPHRASE).ok


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
