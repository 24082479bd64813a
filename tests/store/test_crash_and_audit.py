"""A killed writer never leaves half a change; the audit log shows any tampering."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.collection import Collection
from app.model.canonical import FieldValueError
from app.store.tables import TABLES, audit, outbox
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]

WRITER = textwrap.dedent("""
    import sys, time
    from app.collection import Collection
    col = Collection.open(sys.argv[1], sys.argv[2])
    with col.records.transaction() as tx:
        for i in range(400):
            tx.create("household", {"address": f"崩溃测试{i}号"}, area_code="140105001001")
        print("inside", flush=True)
        time.sleep(60)  # killed here, mid-transaction
""")


def _counts(col: Collection) -> tuple[int, int, int]:
    with col.records.reading() as conn:
        return (conn.execute(select(func.count()).select_from(TABLES["household"])).scalar(),
                conn.execute(select(func.count()).select_from(outbox)).scalar(),
                conn.execute(select(func.count()).select_from(audit)).scalar())


def test_writer_killed_mid_transaction_leaves_store_consistent(demo_store: Path) -> None:
    col = Collection.open(demo_store, PASSPHRASE)
    before = _counts(col)
    col.close()
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(demo_store), PASSPHRASE], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "inside"
        time.sleep(0.2)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    col = Collection.open(demo_store, PASSPHRASE)
    try:
        assert _counts(col) == before
        assert col.verify_audit() == []
        col.check_integrity()
        col.records.create("household", {"address": "恢复后写入"}, area_code="140105001001")
        assert _counts(col)[0] == before[0] + 1
    finally:
        col.close()


def test_change_row_audit_and_outbox_commit_together(col: Collection) -> None:
    before = _counts(col)
    with pytest.raises(FieldValueError), col.records.transaction() as tx:
        tx.create("household", {"address": "会回滚"}, area_code="140105001001")
        tx.create("person", {"name": "错", "ui_contribution_months": "not a number"}, area_code="140105001001")
    assert _counts(col) == before
    pid = col.records.create("household", {"address": "一次提交"}, area_code="140105001001")
    with col.records.reading() as conn:
        op = conn.execute(select(outbox).where(outbox.c.record_id == pid)).one()
    assert op.base_version == 0 and op.op == "upsert"
    assert json.loads(op.fields) == {"area_code": "140105001001", "address": "一次提交"}


def test_update_writes_only_real_changes(col: Collection) -> None:
    pid = col.records.create("person", {"name": "张三", "phone": "13912345678"}, area_code="140105001001")
    assert col.records.update("person", pid, {"name": "张三"}) == {}
    assert col.records.update("person", pid, {"phone": "13800000000"}) == {"phone": ["13912345678", "13800000000"]}
    person = col.records.get("person", pid)
    assert (person["name_pinyin"], person["name_initials"]) == ("zhangsan", "zs")
    col.records.delete("person", pid)
    assert col.records.get("person", pid)["deleted"] is True
    with col.records.reading() as conn:
        ops = conn.execute(select(outbox.c.op).where(outbox.c.record_id == pid).order_by(outbox.c.seq)).scalars()
        assert list(ops) == ["upsert", "upsert", "delete"]


@pytest.mark.parametrize("tamper", ["edit", "delete_middle", "reorder_hash"])
def test_audit_tampering_is_detected(col: Collection, tamper: str) -> None:
    assert col.verify_audit() == []
    with col.store.engine.begin() as conn:
        seq = conn.execute(select(func.max(audit.c.seq))).scalar() // 2
        if tamper == "edit":
            conn.exec_driver_sql(f"UPDATE audit SET actor = 'someone' WHERE seq = {seq}")
        elif tamper == "delete_middle":
            conn.exec_driver_sql(f"DELETE FROM audit WHERE seq = {seq}")
        else:
            conn.exec_driver_sql(f"UPDATE audit SET changes = '{{}}' WHERE seq = {seq}")
    breaks = col.verify_audit()
    assert breaks and breaks[0].seq in (seq, seq + 1)


def test_check_command_reports_tampering(demo_store: Path) -> None:
    env = {**os.environ, "OUTREACH_PASSPHRASE": PASSPHRASE}
    ok = subprocess.run([sys.executable, "-m", "outreach", "check", "--db", str(demo_store)], cwd=ROOT, env=env,
                        capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    col = Collection.open(demo_store, PASSPHRASE)
    with col.store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE audit SET actor = 'x' WHERE seq = 5")
    col.close()
    bad = subprocess.run([sys.executable, "-m", "outreach", "check", "--db", str(demo_store)], cwd=ROOT, env=env,
                         capture_output=True, text=True)
    assert bad.returncode != 0 and "审计记录" in bad.stderr
