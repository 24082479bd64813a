"""Records.batch(): many unchanged operations as one transaction (the demo data's write path)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app import ops
from app.collection import Collection
from app.rules.idcard import make_id
from app.store.records import Change
from tests.conftest import PASSPHRASE, TODAY, WORKER

MEMBER = {"name": "王芳", "id_number": make_id("140105", dt.date(1980, 1, 1), 2), "relation": "户主"}


def _store(tmp_path: Path) -> Collection:
    return Collection.create(tmp_path / "batch.db", PASSPHRASE, WORKER)


def test_ops_in_a_batch_see_their_own_writes_and_commit_once(tmp_path: Path) -> None:
    col = _store(tmp_path)
    seen: list[Change] = []
    col.subscribe(seen.append)
    try:
        with col.records.batch():
            hid, (pid,) = ops.people.register_household(col, area_code="140105001001",
                                                        household={"address": "坞城南路1号"}, members=[MEMBER],
                                                        today=TODAY)
            col.set_user({**WORKER, "name": "office1", "display_name": "赵芳", "role": "office"})
            assert col.user["role"] == "office" and col.records.get("person", pid)["name"] == "王芳"
            with pytest.raises(ops.people.DuplicatePersonError):  # the check reads the batch's own rows
                ops.people.register_person(col, household_id=hid, values=MEMBER, today=TODAY)
            ops.people.update_person(col, pid, {"phone": "13812345678"}, today=TODAY)
        records = [c for c in seen if c.kinds != {"meta"}]
        assert len(records) == 1 and records[0].ids.keys() == {"household", "person"}
        person = col.records.get("person", pid)
        assert person["phone"] == "13812345678" and person["changed_by"] == "office1"  # the actor of that op
        assert col.records.pending_count() == 3  # household, person, the edit: outbox as without a batch
    finally:
        col.close()


def test_an_error_in_a_batch_leaves_nothing(tmp_path: Path) -> None:
    col = _store(tmp_path)
    try:
        with pytest.raises(RuntimeError), col.records.batch():
            ops.people.register_household(col, area_code="140105001001", household={"address": "坞城南路1号"},
                                          members=[MEMBER], today=dt.date(2026, 11, 25))
            raise RuntimeError("stop")
        assert col.records.pending_count() == 0
        with col.records.reading() as conn:
            assert ops.people.holder_of(conn, MEMBER["id_number"]) is None
    finally:
        col.close()
