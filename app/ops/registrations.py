"""Ministry-pushed unemployment-registration applications (失业登记申请编号, notice 三(八)): accept (the person
is registered unemployed today, linked to an existing person or created) or refuse with a reason; then record
the first contact, due within 5 working days of the registration."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from app.collection import Collection
from app.matching import sources
from app.ops import people
from app.ops.validation import ValidationError
from app.rules import workflow
from app.store.records import Tx
from app.store.tables import TABLES

OPEN = (None, "", "pending")


def _open_application(col: Collection, app_id: str) -> dict[str, Any]:
    app = col.records.get("registration_application", app_id)
    if app is None or app["deleted"]:
        raise ValidationError({"application": "找不到该失业登记申请"})
    if app.get("status") not in OPEN or app.get("handled_on"):
        raise ValidationError({"application": "该申请已办结"})
    return app


def person_for(col: Collection, app: dict[str, Any]) -> str | None:
    """The person this application is about: the one it names, else the one with its ID number."""
    if app.get("person_id"):
        p = col.records.get("person", app["person_id"])
        if p is not None and not p["deleted"]:
            return app["person_id"]
    p = TABLES["person"]
    with col.records.reading() as conn:
        return conn.execute(select(p.c.id).where(p.c.id_number == app.get("id_number"),
                                                 p.c.deleted.is_(False)).limit(1)).scalar()


def _person_values(app: dict[str, Any], today: dt.date) -> dict[str, Any]:
    """The new person's facts from the application, checked as the intake form checks them."""
    values, errors = people.clean_person({"name": app.get("person_name"), "id_number": app.get("id_number"),
                                          "phone": app.get("phone")}, today, new=True)
    if errors:
        raise ValidationError(errors)
    return {**values, "hukou_in_shanxi": values["id_number"].startswith("14") or None}


def _create_person(tx: Tx, app: dict[str, Any], values: dict[str, Any], household_id: str | None,
                   worker: str) -> str:
    """A new person (in a new household unless one is given), written as ops.people writes one."""
    area = app["area_code"]
    if household_id is None:
        household_id = tx.create("household", {"note": f"由失业登记申请 {app.get('application_no') or ''} 建立"},
                                 area_code=area)
    return people.create_person_tx(tx, {"id": household_id, "area_code": area}, values, worker)


def accept_application(col: Collection, app_id: str, *, person_id: str | None = None,
                       household_id: str | None = None, today: dt.date | None = None) -> str:
    """Register the person as unemployed today; returns the person's id. Links ``person_id`` when given, else
    the person with the application's ID number, else creates one (in ``household_id`` or a new household)."""
    today = today or dt.date.today()
    app = _open_application(col, app_id)
    if person_id is not None:
        person = col.records.get("person", person_id)
        if person is None or person["deleted"]:
            raise ValidationError({"person": "找不到要关联的人员"})
        if person.get("id_number") and person["id_number"] != app.get("id_number"):
            raise ValidationError({"person": "该人员的身份证号与申请不一致"})
    else:
        person_id = person_for(col, app)
    contact_due = workflow.registration_deadlines(today, today)["contact"].due
    values = _person_values(app, today) if person_id is None else None
    worker = col.actor_name
    with col.records.transaction() as tx:
        if person_id is None:
            person_id = _create_person(tx, app, values, household_id, worker)
        tx.update("person", person_id, {"registered_unemployed_on": today, "employment_status": "unemployed"})
        tx.update("registration_application", app_id, {
            "status": "accepted", "handled_on": today, "handled_by": tx.actor, "person_id": person_id,
            "registered_on": today, "contact_due_on": contact_due})
    return person_id


def refuse_application(col: Collection, app_id: str, reason: str, *, note: str = "",
                       today: dt.date | None = None) -> None:
    error = sources.check_choice(sources.refuse_reasons(), reason, note, "不予受理原因")
    if error:
        raise ValidationError({"reason": error})
    _open_application(col, app_id)
    with col.records.transaction() as tx:
        tx.update("registration_application", app_id, {
            "status": "rejected", "refuse_reason": reason, "note": note.strip() or None,
            "handled_on": today or dt.date.today(), "handled_by": tx.actor})


def record_contact(col: Collection, app_id: str, contacted_on: dt.date, *, note: str = "") -> None:
    """The first contact after registering (登记后 5 个工作日内联系)."""
    app = col.records.get("registration_application", app_id)
    if app is None or app["deleted"] or app.get("status") != "accepted":
        raise ValidationError({"application": "只有已受理的申请才需要登记后联系"})
    if app.get("registered_on") and contacted_on < app["registered_on"]:
        raise ValidationError({"contacted_on": "联系日期不能早于登记日期"})
    if contacted_on > dt.date.today() + dt.timedelta(days=1):
        raise ValidationError({"contacted_on": "联系日期不能晚于今天"})
    changes: dict[str, Any] = {"contacted_on": contacted_on}
    if note.strip():
        changes["note"] = note.strip()
    col.records.update("registration_application", app_id, changes)
