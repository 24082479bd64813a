"""Anomaly feedback from the ministry platform (部级平台异常反馈): each anomaly gets its cause (from the list in
resources/rules/matching.toml, with a note), the correction made, who and when."""

from __future__ import annotations

import datetime as dt

from app.collection import Collection
from app.matching import sources
from app.ops.validation import ValidationError


def record_correction(col: Collection, anomaly_id: str, cause: str, correction: str, *, cause_note: str = "",
                      today: dt.date | None = None) -> None:
    """Close an anomaly with its cause and the correction; raises ValidationError (nothing changed)."""
    errors: dict[str, str] = {}
    if (error := sources.check_choice(sources.anomaly_causes(), cause, cause_note, "异常原因")) is not None:
        errors["cause"] = error
    if not correction.strip():
        errors["correction"] = "请填写更正情况"
    anomaly = col.records.get("match_anomaly", anomaly_id)
    if anomaly is None or anomaly["deleted"]:
        errors["anomaly"] = "找不到该异常反馈"
    elif anomaly.get("status") == "corrected":
        errors["anomaly"] = "该异常已更正"
    if errors:
        raise ValidationError(errors)
    with col.records.transaction() as tx:
        tx.update("match_anomaly", anomaly_id, {
            "cause": cause, "cause_note": cause_note.strip() or None, "correction": correction.strip(),
            "corrected_by": tx.actor, "corrected_on": today or dt.date.today(), "status": "corrected"})
