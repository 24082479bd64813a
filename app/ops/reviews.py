"""Supervisor review (督导审核), the writing side: approve, return with a comment, and the worker's answer.

A decision is an ordinary synced ``review`` record (kinds.py), created through ``col.records`` so it is audited,
queued in the outbox and flows down to the worker, whose 今日待办 lists returned, unanswered reviews. The queue
itself is ``app.queries.reviews``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import text as sql_text

from app.collection import Collection
from app.model.kinds import KINDS
from app.ops.validation import ValidationError, required_text
from app.queries.reviews import APPROVED, RETURNED, REVIEWABLE, SETTLED

DECIDING_ROLES = ("supervisor", "admin")


def _check_role(user: dict[str, Any]) -> None:
    if user.get("role") not in DECIDING_ROLES:
        raise PermissionError("只有督导/审核人员或管理员可以作出审核决定")


def _decide(col: Collection, kind: str, record_id: str, decision: str, comment: str,
            today: dt.date | None) -> str:
    user = col.user  # a settings read: once, outside the write transaction
    _check_role(user)
    if kind not in REVIEWABLE:
        raise ValueError(f"「{KINDS[kind].label if kind in KINDS else kind}」不需要审核")
    comment = required_text(comment)
    if decision == RETURNED and not comment:
        raise ValidationError({"comment": "退回必须填写审核意见，说明需要专干补正的内容"})
    today = today or dt.date.today()
    reviewer = user.get("name")
    with col.records.transaction() as tx:
        row = tx.conn.execute(sql_text(  # the item and whether its version is settled, in one read
            f"SELECT t.version, t.area_code, t.person_id, t.deleted, {SETTLED.format(t='t')} AS settled"
            f" FROM {kind} t WHERE t.id = :id"), {"id": record_id}).first()
        if row is None or row.deleted:
            raise LookupError(f"记录不存在或已删除：{record_id}")
        if row.settled:
            raise ValueError("该记录的当前版本已有审核结论，无需重复审核")
        return tx.create("review", {
            "target_kind": kind, "target_id": record_id, "target_version": int(row.version or 0),
            "person_id": row.person_id, "decision": decision, "comment": comment,
            "reviewer": reviewer, "decided_on": today,
        }, area_code=row.area_code)


def approve(col: Collection, kind: str, record_id: str, comment: str = "", *, today: dt.date | None = None) -> str:
    """通过: returns the new review record's id."""
    return _decide(col, kind, record_id, APPROVED, comment, today)


def return_(col: Collection, kind: str, record_id: str, comment: str, *, today: dt.date | None = None) -> str:
    """退回 with a required comment that reaches the worker's to-do list; returns the review record's id."""
    return _decide(col, kind, record_id, RETURNED, comment, today)


def answer(col: Collection, review_id: str, text: str, *, today: dt.date | None = None) -> dict[str, Any]:
    """The worker's answer to a return: puts the item back in the supervisor's queue. Returns the diff."""
    text = required_text(text)
    if not text:
        raise ValidationError({"answer": "请填写对退回意见的答复"})
    rec = col.records.get("review", review_id)
    if rec is None or rec["deleted"]:
        raise LookupError(f"审核意见不存在：{review_id}")
    if rec["decision"] != RETURNED:
        raise ValueError("只有被退回的记录需要答复")
    who = col.user.get("name")
    return col.records.update("review", review_id, {
        "answer": text, "answered_by": who, "answered_on": today or dt.date.today()})
