"""Households and people (入户登记): register a household with its members, add a member, edit every fact the
eligibility rules read, and merge two records of the same person.

The ID number is stored in its canonical form (``idcard.canonical``: full-width digits, a lower-case x and an
old 15-digit number normalised); a number already in the store is never registered twice — the caller gets
``DuplicatePersonError`` naming the person who has it, and opens that person instead.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from app import vocabulary
from app.collection import Collection
from app.model.kinds import KINDS
from app.ops.validation import ValidationError, parse_date, required_text, validate_person
from app.rules.idcard import canonical
from app.store.tables import TABLES

RELATIONS = vocabulary.values("relation")  # resources/vocabulary.toml
EDUCATIONS = vocabulary.values("education")
# Person fields the intake and fact forms may set (the four clears stay with the visit form).
PERSON_FIELDS = (
    "name", "id_number", "phone", "relation", "education", "hukou_in_shanxi", "able_to_work", "willing_to_work",
    "employment_status", "registered_unemployed_on", "dibao_urban", "disability_cert", "veteran",
    "land_fully_requisitioned", "state_or_collective_enterprise", "ui_contribution_months", "college_fulltime",
    "graduated_on", "family_dibao", "family_poverty_lifted", "worker",
)
HOUSEHOLD_FIELDS = ("address", "zero_employment", "zero_flagged_on", "dibao", "poverty_lifted", "note")
_DATE_LABELS = {"registered_unemployed_on": "失业登记日期", "graduated_on": "毕业日期", "employed_on": "就业日期",
                "zero_flagged_on": "认定零就业家庭日期"}
MAX_UI_MONTHS = 600  # 50 years of contributions: more is a typing error
# Kinds that belong to a person through ``person_id``: a merge moves them all to the person kept.
PERSON_OWNED = tuple(name for name, k in KINDS.items() if "person_id" in k.field_names)


class DuplicatePersonError(ValidationError):
    """The ID number belongs to a person already in the store (``existing_id``)."""

    def __init__(self, existing_id: str, name: str) -> None:
        super().__init__({"id_number": f"该身份证号码已登记（{name}），已为您打开此人"})
        self.existing_id = existing_id


def _dates_ok(values: dict[str, Any], today: dt.date, errors: dict[str, str]) -> None:
    for name, label in _DATE_LABELS.items():
        if name in values:
            d = parse_date(values, name, errors, label)
            if d is not None and d > today:
                errors[name] = f"{label}不能晚于今天"
            elif d is not None and d.year < 1950:
                errors[name] = f"{label}不合理：{d.isoformat()}"
            elif d is not None:
                values[name] = d


def clean_person(values: dict[str, Any], today: dt.date, *, new: bool) -> tuple[dict[str, Any], dict[str, str]]:
    """Checked person values (canonical ID number, typed dates and counts) and the errors per field."""
    unknown = set(values) - set(PERSON_FIELDS)
    if unknown:
        raise ValueError(f"人员登记不能修改这些字段：{', '.join(sorted(unknown))}")
    out = dict(values)
    for name in ("name", "phone", "relation", "education", "worker"):
        if name in out:
            out[name] = required_text(out[name])
    if "id_number" in out or new:
        out["id_number"] = canonical(out.get("id_number") or "")
    # An edit checks the fields it changes; a kept name stands in for the one not being edited.
    errors = validate_person(out if new or "name" in out else {**out, "name": "—"}, today)
    if "id_number" in out and not out["id_number"]:
        errors["id_number"] = "请填写身份证号码"
    _dates_ok(out, today, errors)
    if "ui_contribution_months" in out:
        raw = out["ui_contribution_months"]
        try:
            months = int(raw or 0)
        except (TypeError, ValueError):
            errors["ui_contribution_months"] = "失业保险缴费月数须为整数"
        else:
            if not 0 <= months <= MAX_UI_MONTHS:
                errors["ui_contribution_months"] = f"失业保险缴费月数应在 0–{MAX_UI_MONTHS} 之间"
            out["ui_contribution_months"] = months
    if out.get("relation") and out["relation"] not in RELATIONS:
        errors["relation"] = "请选择与户主关系"
    if out.get("employment_status") and out["employment_status"] not in vocabulary.values("employment_status"):
        errors["employment_status"] = "请选择就业状态"
    return out, errors


def clean_household(values: dict[str, Any], today: dt.date) -> tuple[dict[str, Any], dict[str, str]]:
    unknown = set(values) - set(HOUSEHOLD_FIELDS)
    if unknown:
        raise ValueError(f"家庭登记不能修改这些字段：{', '.join(sorted(unknown))}")
    out, errors = dict(values), {}
    if "address" in out:
        out["address"] = required_text(out["address"])
        if not out["address"]:
            errors["address"] = "请填写住址"
    _dates_ok(out, today, errors)
    if out.get("zero_employment") and not out.get("zero_flagged_on") and "zero_flagged_on" in out:
        errors["zero_flagged_on"] = "零就业家庭须填写认定日期"
    return out, errors


def holder_of(conn: Any, id_number: str, *, besides: str | None = None) -> tuple[str, str] | None:
    """(id, name) of the live person holding ``id_number`` (canonical), other than ``besides``."""
    t = TABLES["person"]
    stmt = select(t.c.id, t.c.name).where(t.c.id_number == id_number, t.c.deleted.is_(False))
    if besides:
        stmt = stmt.where(t.c.id != besides)
    row = conn.execute(stmt.limit(1)).first()
    return (row.id, row.name or "") if row else None



def create_person_tx(tx: Any, household: dict[str, Any], values: dict[str, Any], worker: str) -> str:
    """Inside a caller's transaction: a person from values already checked by ``clean_person``."""
    return tx.create("person", {"worker": worker, **values, "household_id": household["id"]},
                     area_code=household["area_code"])


def register_person(col: Collection, *, household_id: str, values: dict[str, Any], actor: str | None = None,
                    today: dt.date | None = None) -> str:
    """Add one person to an existing household; returns the new person's id.

    ``values`` holds fields of ``PERSON_FIELDS`` (name and ID number required). ``actor`` is the responsible
    worker's name (default: the logged-in user's). Raises ``ValidationError`` (per field, Chinese) or
    ``DuplicatePersonError`` when the ID number is already registered — nothing is stored then."""
    today = today or dt.date.today()
    values, errors = clean_person(values, today, new=True)
    if errors:
        raise ValidationError(errors)
    household = col.records.get("household", household_id)
    if household is None or household["deleted"]:
        raise ValidationError({"household_id": "找不到该家庭"})
    worker = actor or col.actor_name  # read before the transaction: settings use their own connection
    with col.records.transaction() as tx:
        if held := holder_of(tx.conn, values["id_number"]):
            raise DuplicatePersonError(*held)
        return create_person_tx(tx, household, values, worker)


def register_household(col: Collection, *, area_code: str, household: dict[str, Any],
                       members: list[dict[str, Any]], actor: str | None = None,
                       today: dt.date | None = None) -> tuple[str, list[str]]:
    """A new household with its members, all or nothing; returns (household id, member ids in order).

    Errors are keyed ``household.<field>`` and ``members.<i>.<field>``; a member whose ID number is already
    in the store raises ``DuplicatePersonError`` (the form offers to open that person)."""
    today = today or dt.date.today()
    hh, errors = clean_household(household, today)
    errors = {f"household.{k}": v for k, v in errors.items()}
    if not members:
        errors["members"] = "请至少登记一名家庭成员"
    cleaned, seen = [], {}
    for i, m in enumerate(members):
        values, errs = clean_person(m, today, new=True)
        errors.update({f"members.{i}.{k}": v for k, v in errs.items()})
        if "id_number" not in errs and values["id_number"] in seen:
            errors[f"members.{i}.id_number"] = f"与第 {seen[values['id_number']] + 1} 名成员的身份证号码相同"
        seen.setdefault(values["id_number"], i)
        cleaned.append(values)
    if not area_code:
        errors["household.area_code"] = "请选择所属社区"
    if errors:
        raise ValidationError(errors)
    worker = actor or col.actor_name
    with col.records.transaction() as tx:
        for values in cleaned:
            if held := holder_of(tx.conn, values["id_number"]):
                raise DuplicatePersonError(*held)
        hid = tx.create("household", hh, area_code=area_code)
        record = {"id": hid, "area_code": area_code}
        return hid, [create_person_tx(tx, record, values, worker) for values in cleaned]


def update_person(col: Collection, person_id: str, changes: dict[str, Any], *, today: dt.date | None = None) -> None:
    """Edit a person's facts (validated as at registration); a changed ID number must not belong to another."""
    update_facts(col, person_id, changes, {}, today=today)


def update_household(col: Collection, household_id: str, changes: dict[str, Any], *,
                     today: dt.date | None = None) -> None:
    """Edit the household's address and flags (零就业家庭 with the date found, 低保, 脱贫/监测)."""
    today = today or dt.date.today()
    changes, errors = clean_household(changes, today)
    if errors:
        raise ValidationError(errors)
    if changes.get("zero_employment") is False:
        changes["zero_flagged_on"] = None
    col.records.update("household", household_id, changes)


def update_facts(col: Collection, person_id: str, person: dict[str, Any], household: dict[str, Any], *,
                 today: dt.date | None = None) -> None:
    """The fact form's save: the person's and the household's changes checked together, written in one
    transaction (errors keyed by field; household fields as ``household.<field>``)."""
    today = today or dt.date.today()
    person, errors = clean_person(person, today, new=False)
    household, hh_errors = clean_household(household, today)
    errors.update({f"household.{k}": v for k, v in hh_errors.items()})
    if errors:
        raise ValidationError(errors)
    rec = col.records.get("person", person_id)
    if rec is None or rec["deleted"]:
        raise ValidationError({"person": "找不到该人员"})
    if household.get("zero_employment") is False:
        household["zero_flagged_on"] = None
    with col.records.transaction() as tx:
        if "id_number" in person and (held := holder_of(tx.conn, person["id_number"], besides=person_id)):
            raise DuplicatePersonError(*held)
        if person:
            tx.update("person", person_id, person)
        if household and rec.get("household_id"):
            tx.update("household", rec["household_id"], household)


def merge_persons(col: Collection, keep_id: str, other_id: str, *, chosen: dict[str, Any] | None = None) -> None:
    """Make two records of the same person one: every record of ``other_id`` (visits, services, plans, cases,
    follow-ups, reviews, match hits, attachments) moves to ``keep_id``; fields empty on the kept record take the
    other's value; ``chosen`` sets the fields where the two differ; then ``other_id`` is deleted. One transaction:
    nothing is dropped."""
    keep, other = col.records.get("person", keep_id), col.records.get("person", other_id)
    if keep is None or other is None or keep["deleted"] or other["deleted"] or keep_id == other_id:
        raise ValidationError({"merge": "请选择两条不同的人员记录"})
    unknown = set(chosen or {}) - set(KINDS["person"].field_names)
    if unknown:
        raise ValidationError({"merge": f"无法合并这些字段：{', '.join(sorted(unknown))}"})
    fill = {n: other[n] for n in KINDS["person"].field_names
            if keep.get(n) in (None, "") and other.get(n) not in (None, "")}
    fill.update(chosen or {})
    with col.records.transaction() as tx:
        for kind in PERSON_OWNED:
            t = TABLES[kind]
            for (rid,) in tx.conn.execute(select(t.c.id).where(t.c.person_id == other_id, t.c.deleted.is_(False))):
                tx.update(kind, rid, {"person_id": keep_id})
        t = TABLES["attachment"]
        for (rid,) in tx.conn.execute(select(t.c.id).where(t.c.owner_kind == "person", t.c.owner_id == other_id,
                                                           t.c.deleted.is_(False))):
            tx.update("attachment", rid, {"owner_id": keep_id})
        if fill:
            tx.update("person", keep_id, fill)
        tx.delete("person", other_id)
