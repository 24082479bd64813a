"""The audit chain is anchored (issue 15, item 3): `check` sees truncation, a recomputed chain and a record
changed without an entry, each in Chinese."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Connection, select, text

from app.collection import Collection
from app.store import audit
from app.store.engine import connect
from app.store.integrity import check_store
from app.store.tables import audit as audit_t
from tests.conftest import PASSPHRASE
from tests.store.test_encryption import _cli


def _raw(path: Path, change: Callable[[Connection], None]) -> None:
    """Edit the file the way someone with the passphrase and an SQLCipher shell would: around the program."""
    eng = connect(path, PASSPHRASE)
    try:
        with eng.begin() as conn:
            change(conn)
    finally:
        eng.dispose()


def _recompute_chain(conn: Connection) -> None:
    prev = audit.GENESIS
    for row in conn.execute(select(audit_t).order_by(audit_t.c.seq)).all():
        digest = audit._hash(prev, row.at, row.actor, row.kind, row.record_id, row.action, row.changes)
        conn.execute(audit_t.update().where(audit_t.c.seq == row.seq).values(prev_hash=prev, hash=digest))
        prev = digest


def _delete_newest(n: int | None) -> Callable[[Connection], None]:
    def change(conn: Connection) -> None:
        if n is None:
            conn.execute(text("DELETE FROM audit"))
        else:
            conn.execute(text(f"DELETE FROM audit WHERE seq > (SELECT max(seq) - {n} FROM audit)"))
    return change


def _rewrite(conn: Connection) -> None:
    seq = conn.execute(text("SELECT max(seq) / 2 FROM audit")).scalar()
    conn.execute(text(f"UPDATE audit SET actor = 'someone-else' WHERE seq = {seq}"))
    _recompute_chain(conn)


def _rewrite_newest(conn: Connection) -> None:
    conn.execute(text("UPDATE audit SET changes = '{}' WHERE seq = (SELECT max(seq) FROM audit)"))
    _recompute_chain(conn)


def _edit_record(conn: Connection) -> None:
    conn.execute(text("UPDATE person SET phone = '13999999999' WHERE rowid = (SELECT min(rowid) FROM person)"))


def _insert_record(conn: Connection) -> None:
    conn.execute(text("INSERT INTO household (id, area_code, version, deleted, conflict, address) "
                      "VALUES ('00000000-0000-0000-0000-000000000001', '140105001001', 0, 0, 0, '暗中添加')"))


def _tamper_head(conn: Connection) -> None:
    head = json.loads(conn.execute(text("SELECT value FROM meta WHERE key = 'audit_head'")).scalar())
    head["seq"] -= 3  # as if three fewer entries had been written, to hide their deletion
    conn.execute(text("UPDATE meta SET value = :v WHERE key = 'audit_head'"), {"v": json.dumps(head)})


CASES = {
    "newest entry deleted": (_delete_newest(1), "最新的 1 条审计记录"),
    "newest 50 deleted": (_delete_newest(50), "最新的 50 条审计记录"),
    "all deleted": (_delete_newest(None), "审计记录已全部被删除"),
    "entry changed, chain recomputed": (_rewrite, "整条链被重新计算过"),
    "newest entry changed, chain recomputed": (_rewrite_newest, "整条链被重新计算过"),
    "record changed without an entry": (_edit_record, "记录被改动却没有审计记录：人员"),
    "record written around the program": (_insert_record, "没有任何审计记录"),
    "head edited": (_tamper_head, "链头的校验码不符"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_check_reports_tampering(demo_store: Path, case: str) -> None:
    change, words = CASES[case]
    assert check_store(demo_store, PASSPHRASE).ok
    _raw(demo_store, change)
    report = check_store(demo_store, PASSPHRASE)
    assert not report.ok
    assert any(words in f for f in report.findings), report.findings


def test_check_command_prints_the_finding_in_chinese(demo_store: Path) -> None:
    assert _cli("check", "--db", str(demo_store)).returncode == 0
    _raw(demo_store, _delete_newest(50))
    r = _cli("check", "--db", str(demo_store))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "最新的 50 条审计记录" in r.stderr


def test_lost_head_is_rebuilt_and_reported(demo_store: Path) -> None:
    _raw(demo_store, lambda c: (c.execute(text("DELETE FROM meta WHERE key = 'audit_head'")),
                                _delete_newest(5)(c)))
    report = check_store(demo_store, PASSPHRASE)
    assert any("审计链头曾丢失" in f for f in report.findings), report.findings


def test_writes_after_truncation_leave_a_gap(demo_store: Path) -> None:
    _raw(demo_store, _delete_newest(10))
    col = Collection.open(demo_store, PASSPHRASE)
    try:
        col.records.create("household", {"address": "之后写入"}, area_code="140105001001")
    finally:
        col.close()
    report = check_store(demo_store, PASSPHRASE)
    assert any("被删除" in f for f in report.findings), report.findings


def test_head_survives_a_passphrase_change_and_normal_work(demo_store: Path) -> None:
    col = Collection.open(demo_store, PASSPHRASE)
    try:
        with col.records.reading() as conn:
            person = conn.execute(text("SELECT id FROM person LIMIT 1")).scalar()
        col.change_passphrase("另一个 long passphrase 2")
        col.records.create("household", {"address": "改密后写入"}, area_code="140105001001")
        col.records.update("person", person, {"phone": "13800138000"})
    finally:
        col.close()
    report = check_store(demo_store, "另一个 long passphrase 2")
    assert report.ok, report.findings
