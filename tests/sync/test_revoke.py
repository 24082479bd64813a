"""A lost laptop (issue 15, item 8): an admin revokes it; its token stops working at once, and when it connects
again it is told to erase its copy, which it does without pushing anything further."""

from __future__ import annotations

import json

import requests
from sqlalchemy import func, select

from app.store import sync_state as st
from app.store.erase import ERASED_KEY
from app.store.tables import TABLES, audit, blob
from sync.server.cli import main as platform
from tests.sync.support import add_household, assert_converged, server_stats


def _devices(capsys, db_url: str) -> list[dict]:
    capsys.readouterr()
    assert platform(["device", "list", "--db", db_url, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_revoked_laptop_is_cut_off_and_erases_its_copy(server, sqlite_url, laptops, capsys) -> None:
    a = laptops("a", server.url)
    b = laptops("b", server.url)
    add_household(a.col, persons=2)
    with a.col.records.transaction() as tx:
        st.put_blob(tx.conn, b"photo bytes")
    assert a.sync().ok and b.sync().ok
    device = a.col.get_meta("device_id")
    [row] = [d for d in _devices(capsys, sqlite_url) if d["device_id"] == device]
    assert (row["user"], row["display_name"], row["state"]) == ("zhangli", "张丽", "active")
    assert row["last_sync"]

    token = a.col.get_meta(st.TOKEN_KEY)["token"]
    backup = a.path.with_name(a.path.name + ".bak-0003-20261201000000")
    backup.write_bytes(b"an old encrypted copy")
    assert platform(["device", "revoke", device, "--db", sqlite_url]) == 0

    # At once: the saved token is refused.
    me = requests.get(f"{server.url}/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"}, timeout=5)
    assert me.status_code == 401

    # The laptop kept working offline; its next sync pushes none of it and erases everything.
    before = server_stats(server.url)["kinds"]["household"]["total"]
    hh, _ = add_household(a.col, persons=1)
    assert a.pending() == 2
    report = a.sync()
    assert report.erased and not report.ok
    assert "停用" in report.errors[0] and "清除" in report.errors[0]
    assert server_stats(server.url)["kinds"]["household"]["total"] == before
    with a.col.records.reading() as conn:
        for name, t in TABLES.items():
            assert conn.execute(select(func.count()).select_from(t)).scalar() == 0, name
        assert conn.execute(select(func.count()).select_from(audit)).scalar() == 0
        assert st.outbox_count(conn) == 0
        assert conn.execute(select(func.count()).select_from(blob)).scalar() == 0
    assert a.col.get_meta(ERASED_KEY)["records"] >= 4
    assert a.col.get_meta(st.TOKEN_KEY) is None
    assert not backup.exists()
    assert "测试".encode() not in a.path.read_bytes()  # encrypted anyway; and the pages were vacuumed

    # Logging in again is refused too, and the list says the laptop was told to erase.
    again = requests.post(f"{server.url}/api/v1/auth/login", timeout=5,
                          json={"username": "zhangli", "password": "demo1234", "device_id": device})
    assert again.status_code == 403 and again.json()["error"] == "device_revoked"
    [row] = [d for d in _devices(capsys, sqlite_url) if d["device_id"] == device]
    assert row["state"] == "erase_sent" and row["state_label"].startswith("已停用")

    # The same user on another laptop is unaffected.
    add_household(b.col, persons=1)
    assert b.sync().ok
    assert_converged(server.url, b)


def test_revoking_an_unknown_device_says_so(server, sqlite_url, capsys) -> None:
    assert platform(["device", "revoke", "no-such-device", "--db", sqlite_url]) == 1
    assert "没有这个设备" in capsys.readouterr().err
