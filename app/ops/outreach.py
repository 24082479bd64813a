"""Point-to-point policy push (“点对点”推送): one push record per person — by a visit, a phone call, an SMS text
or the 三晋通 channel (exported as CSV) — and its confirmation, which counts as a 政策咨询 toward 3+1+1.

The text is the person's own policies (the policy card's matching) in the template of discovery.toml.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from app import areas
from app.collection import Collection
from app.ops.validation import ValidationError, parse_date
from app.printing.data import get, person_context
from app.printing.policies import policies_for, tags_for
from app.rules.discovery import push_channels, push_text
from app.rules.service_package import results

CONSULTATION = "policy_consultation"


def _content(col: Collection, person_ids: list[str], today: dt.date, worker: str) -> dict[str, tuple[Any, ...]]:
    """person id → (person, policy codes, text) for the people still on file."""
    out: dict[str, tuple[Any, ...]] = {}
    with col.records.reading() as conn:
        for pid in person_ids:
            person = get(conn, "person", pid)  # live records only
            if person is None:
                continue
            household, _cases, elig = person_context(conn, person, today)
            policies = policies_for(tags_for(person, household, elig))
            text = push_text(person.get("name") or "", [p.name for p in policies],
                             areas.name_of(person["area_code"]), worker)
            out[pid] = (person, [p.code for p in policies], text)
    return out


def record_pushes(col: Collection, person_ids: list[str], channel: str, *, today: dt.date) -> list[str]:
    """A push record for each person (in one transaction); returns their ids in the order given."""
    if channel not in push_channels():
        raise ValidationError({"channel": "请选择推送渠道"})
    if not person_ids:
        raise ValidationError({"people": "请先选择要推送的人员"})
    worker = col.actor_name
    found = _content(col, list(dict.fromkeys(person_ids)), today, worker)
    if not found:
        raise ValidationError({"people": "所选人员已不存在"})
    ids = []
    with col.records.transaction() as tx:
        for pid, (person, codes, text) in found.items():
            ids.append(tx.create("policy_push", {
                "person_id": pid, "channel": channel, "policies": codes, "content": text, "sent_on": today,
                "by": worker}, area_code=person["area_code"]))
    return ids


def confirm_push(col: Collection, push_id: str, *, today: dt.date, confirmed_on: dt.date | str | None = None) -> str:
    """The person confirmed receiving the push: it counts as one 政策咨询. Returns the service record's id."""
    push = col.records.get("policy_push", push_id)
    if push is None or push["deleted"]:
        raise ValidationError({"push": "找不到该推送记录"})
    if push.get("confirmed_on"):
        raise ValidationError({"push": "该推送已确认，已计入政策咨询"})
    errors: dict[str, str] = {}
    on = parse_date({"on": confirmed_on}, "on", errors, "确认日期") or today
    if errors:
        raise ValidationError(errors)
    if on > today or (push.get("sent_on") and on < push["sent_on"]):
        raise ValidationError({"confirmed_on": "确认日期应在推送日期和今天之间"})
    worker = col.actor_name
    channel = push_channels().get(push.get("channel") or "", push.get("channel") or "")
    with col.records.transaction() as tx:
        sid = tx.create("service", {"person_id": push["person_id"], "kind": CONSULTATION, "channel": "push",
                                    "served_on": on, "by": worker, "result": results()["done"],
                                    "note": f"政策推送（{channel}）本人确认收到"}, area_code=push["area_code"])
        tx.update("policy_push", push_id, {"confirmed_on": on, "service_id": sid})
    return sid


def confirm_latest(col: Collection, person_ids: list[str], *, today: dt.date) -> int:
    """Confirm each person's unconfirmed pushes (the list's 确认收到); returns how many were confirmed."""
    n = 0
    for pid in dict.fromkeys(person_ids):
        for push in col.records.children("policy_push", "person_id", pid):
            if not push.get("confirmed_on"):
                confirm_push(col, push["id"], today=today)
                n += 1
    return n
