"""The platform anchors each laptop's audit chain (issue 15, item 3): a worker who knows the passphrase and the
scheme can make the local check pass, but not the platform's comparison with the head it saw last time."""

from __future__ import annotations

from sqlalchemy import text

from app.store import audit
from app.store.integrity import check_store
from sync.server.devices import list_devices
from tests.sync.support import PASSPHRASE, add_household


def _forge(lap, sql: str, recompute: bool = False) -> None:
    """Edit the history and re-sign the head: everything the laptop itself could check now agrees."""
    key = audit.head_key(PASSPHRASE)
    with lap.col.store.lock, lap.col.store.engine.begin() as conn:
        conn.execute(text(sql))
        if recompute:
            prev = audit.GENESIS
            for row in conn.execute(text("SELECT * FROM audit ORDER BY seq")).all():
                digest = audit._hash(prev, row.at, row.actor, row.kind, row.record_id, row.action, row.changes)
                conn.execute(text("UPDATE audit SET prev_hash = :p, hash = :h WHERE seq = :s"),
                             {"p": prev, "h": digest, "s": row.seq})
                prev = digest
        audit.start_head(conn, key)


def _device(server, lap) -> dict:
    [dev] = [d for d in list_devices(server.app.state.engine) if d["device_id"] == lap.col.get_meta("device_id")]
    return dev


def test_normal_syncs_extend_the_anchor(server, laptops) -> None:
    a = laptops("a", server.url)
    add_household(a.col)
    assert a.sync().ok
    first = _device(server, a)
    assert first["audit_seq"] > 0 and first["audit_flag"] is None and first["user"] == "zhangli"
    b = laptops("b", server.url)
    add_household(b.col)
    assert b.sync().ok and a.sync().ok  # a pulls b's records: its chain grows by sync entries
    report = a.sync()
    assert report.ok and not report.warnings
    again = _device(server, a)
    assert again["audit_seq"] > first["audit_seq"] and again["audit_flag"] is None
    assert check_store(a.path, PASSPHRASE).ok


def test_truncated_history_is_flagged_by_the_platform(server, laptops) -> None:
    a = laptops("a", server.url)
    add_household(a.col, persons=3)
    assert a.sync().ok
    _forge(a, "DELETE FROM audit WHERE seq > (SELECT max(seq) - 2 FROM audit)")
    a.col.records.create("household", {"address": "删除之后"}, area_code="140105001001")
    a.col.close()
    # The forged head fools the laptop's own chain check (its record check may still notice other things)…
    assert not any("被删除" in f for f in check_store(a.path, PASSPHRASE).findings)
    a.reopen()
    report = a.sync()
    assert any("审计" in w for w in report.warnings), report.warnings  # …but not the platform
    dev = _device(server, a)
    assert dev["audit_flag"] and "被删除" in dev["audit_flag"]
    a.col.close()
    findings = check_store(a.path, PASSPHRASE).findings
    assert any("平台" in f and "被删除" in f for f in findings), findings


def test_rewritten_history_is_flagged_by_the_platform(server, laptops) -> None:
    a = laptops("a", server.url)
    add_household(a.col, persons=2)
    assert a.sync().ok
    _forge(a, "UPDATE audit SET actor = 'someone-else' WHERE seq = 2", recompute=True)
    a.col.records.create("household", {"address": "改写之后"}, area_code="140105001001")
    report = a.sync()
    assert report.ok  # the records still sync; the platform keeps the flag for an admin
    dev = _device(server, a)
    assert dev["audit_flag"] and "改写" in dev["audit_flag"]
    # It stays flagged: the anchor does not move onto the rewritten chain.
    assert a.sync().ok
    assert "改写" in _device(server, a)["audit_flag"]
