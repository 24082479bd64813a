"""Operations moved out of the screens keep their checks: conflict choices for one record commit together,
a worker's answer goes through the review rules, ticking materials needs a live case."""

from __future__ import annotations

import pytest
from sqlalchemy import exists, select

from app import ops, settings
from app.queries.conflicts import conflicts_of
from app.store import sync_state as st
from app.store.tables import TABLES


def _household(col) -> dict:
    t = TABLES["household"]
    with col.records.reading() as conn:
        rid = conn.execute(select(t.c.id).where(t.c.deleted.is_(False)).limit(1)).scalar()
    return col.records.get("household", rid)


def _conflict(col, rec: dict, **fields: tuple[str, str]) -> None:
    with col.records.transaction() as tx:
        for field, (local, server) in fields.items():
            st.put_conflict(tx.conn, "household", rec["id"], field, local, server, rec["version"] + 1)
        t = TABLES["household"]
        tx.conn.execute(t.update().where(t.c.id == rec["id"]).values(conflict=True))


def _outbox(col) -> int:
    return col.records.pending_count()


def test_choices_for_one_record_commit_together(col) -> None:
    rec = _household(col)
    _conflict(col, rec, note=("本机备注", "平台备注"), address=("本机地址", "平台地址"))
    before = _outbox(col)
    left = ops.conflicts.resolve_choices(col, "household", rec["id"], {"note": "server", "address": "local"})
    assert left == 0 and conflicts_of(col, rec["id"]) == []
    after = col.records.get("household", rec["id"])
    assert (after["note"], after["address"], after["conflict"]) == ("平台备注", "本机地址", False)
    assert _outbox(col) > before


def test_a_failing_choice_leaves_every_field_of_the_record_in_conflict(col) -> None:
    rec = _household(col)
    _conflict(col, rec, note=("本机备注", "平台备注"))
    before = _outbox(col)
    with pytest.raises(LookupError):  # "address" is not in conflict: the whole choice is refused
        ops.conflicts.resolve_choices(col, "household", rec["id"], {"note": "server", "address": "local"})
    [c] = conflicts_of(col, rec["id"])
    assert c["field"] == "note"
    assert col.records.get("household", rec["id"])["note"] == rec["note"]
    assert _outbox(col) == before


def _decided(col, decide, *comment: str) -> str:
    """A supervisor's decision on a visit made and waiting for review: the review record's id."""
    user = col.user
    col.set_user({**user, "role": "supervisor"})
    t = TABLES["visit"]
    with col.records.reading() as conn:  # the demo's supervisor reviewed all but the last days' visits
        vid = conn.execute(select(t.c.id).where(t.c.visited_on.is_not(None), t.c.deleted.is_(False), ~exists(
            select(TABLES["review"].c.id).where(TABLES["review"].c.target_id == t.c.id))).limit(1)).scalar()
    rid = decide(col, "visit", vid, *comment)
    col.set_user(user)
    return rid


def test_answer_checks_the_text_and_that_the_item_was_returned(col) -> None:
    rid = _decided(col, ops.reviews.return_, "请补充家庭成员就业状态")
    with pytest.raises(ops.ValidationError) as err:
        ops.reviews.answer(col, rid, "   ")
    assert "answer" in err.value.errors
    assert not col.records.get("review", rid).get("answer")
    ops.reviews.answer(col, rid, "已补充")
    assert col.records.get("review", rid)["answer"] == "已补充"


def test_answer_refuses_an_approval(col) -> None:
    rid = _decided(col, ops.reviews.approve)
    with pytest.raises(ValueError, match="只有被退回"):
        ops.reviews.answer(col, rid, "多余的答复")


def test_materials_need_a_live_case(col) -> None:
    with pytest.raises(ops.ValidationError):
        ops.cases.save_materials(col, "no-such-case", {"id_card": True})
    t = TABLES["assistance_case"]
    with col.records.reading() as conn:
        cid = conn.execute(select(t.c.id).where(t.c.deleted.is_(False)).limit(1)).scalar()
    ops.cases.save_materials(col, cid, {"id_card": True, "hukou": False})
    assert col.records.get("assistance_case", cid)["materials"] == {"id_card": True, "hukou": False}


def test_sync_log_keeps_the_last_runs(col) -> None:
    for i in range(settings.SYNC_LOG_SIZE + 3):
        ops.settings.append_sync_log(col, {"n": i})
    log = settings.SYNC_LOG.get(col)
    assert len(log) == settings.SYNC_LOG_SIZE and log[-1] == {"n": settings.SYNC_LOG_SIZE + 2}


def test_unknown_subject_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        ops.no_such_subject  # noqa: B018
