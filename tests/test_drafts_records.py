"""Draft autosave core: drafts live only inside the encrypted store."""

from __future__ import annotations

from pathlib import Path

from app.collection import Collection
from app.ops import drafts
from app.queries.drafts import load_draft, pending_drafts


def test_save_load_replace_delete_and_pending(tmp_path: Path) -> None:
    col = Collection.create(tmp_path / "d.db", "draft-pass")
    assert pending_drafts(col) == []
    key = drafts.visit_key("p1")
    drafts.save_draft(
        col, key, drafts.VISIT_FORM, {"person_id": "p1", "title": "王芳", "values": {"notes": "一"}}
    )
    drafts.save_draft(col, drafts.help_plan_key("p2"), drafts.HELP_PLAN_FORM, {"person_id": "p2"})
    drafts.save_draft(
        col, key, drafts.VISIT_FORM, {"person_id": "p1", "title": "王芳", "values": {"notes": "二"}}
    )
    d = load_draft(col, key)
    assert d.data["values"]["notes"] == "二" and d.person_id == "p1" and d.title == "王芳"
    assert len(d.saved_at_text) == 16  # 2026-11-25 14:03
    assert {p.key for p in pending_drafts(col)} == {key, "help_plan:p2"}
    assert [p.key for p in pending_drafts(col, drafts.VISIT_FORM)] == [key]
    drafts.delete_draft(col, key)
    assert load_draft(col, key) is None
    drafts.delete_draft(col, key)  # deleting twice is harmless
    # drafts are local working state: no outbox op, no audit entry
    assert col.records.pending_count() == 0
    col.close()


def test_draft_text_is_never_in_plaintext_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "d.db"
    col = Collection.create(path, "draft-pass")
    marker = "草稿里的敏感内容-身份证140105198001010012"
    drafts.save_draft(col, drafts.visit_key("p1"), drafts.VISIT_FORM, {"person_id": "p1", "notes": marker})
    # before close (WAL still holds it) and after
    blobs = b"".join(f.read_bytes() for f in tmp_path.iterdir() if f.is_file())
    assert marker.encode() not in blobs and "敏感内容".encode() not in blobs
    col.close()
    blobs = b"".join(f.read_bytes() for f in tmp_path.iterdir() if f.is_file())
    assert marker.encode() not in blobs
    col = Collection.open(path, "draft-pass")
    assert pending_drafts(col)[0].data["notes"] == marker
    col.close()


def test_unreadable_draft_does_not_break_the_prompt(tmp_path: Path) -> None:
    from app.store.tables import draft

    col = Collection.create(tmp_path / "d.db", "draft-pass")
    with col.store.lock, col.store.engine.begin() as conn:
        conn.execute(draft.insert().values(key="visit:x", form="visit", data="{broken", saved_at="bad"))
    (d,) = pending_drafts(col)
    assert d.data == {} and d.saved_at_text == "bad"
    col.close()
