"""公益性岗位 operations: develop a post, place a person and end a placement (with its vacancy report),
claim a subsidy and re-run its checks, record the manual personal-tax check, and store social-insurance
paid months. Each checks its input, then changes records in one transaction (audited and queued for sync
like every other change). Bad input raises ValidationError and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select

from app.collection import Collection
from app.ops.validation import ValidationError
from app.ops.validation import parse_date as _date
from app.rules import welfare_jobs as wj
from app.rules import workflow
from app.rules.idcard import IdNumberError, normalise
from app.store.records import Tx, from_db
from app.store.tables import TABLES


def _require_manager(col: Collection) -> None:
    if col.user.get("role") not in wj.manager_roles():
        raise ValidationError({"role": "公益性岗位由经办人员或督导办理，社区专干只能查看"})



def _codes(choices: Iterable[wj.Choice]) -> set[str]:
    return {c.code for c in choices}


def _live(tx: Tx, kind: str, record_id: str) -> dict[str, Any] | None:
    t = TABLES[kind]
    row = tx.conn.execute(select(t).where(t.c.id == record_id, t.c.deleted.is_(False))).first()
    return from_db(kind, row) if row is not None else None


def _rows(tx: Tx, kind: str, *where: Any) -> list[dict[str, Any]]:
    t = TABLES[kind]
    return [from_db(kind, r) for r in tx.conn.execute(select(t).where(t.c.deleted.is_(False), *where))]


# --- posts -----------------------------------------------------------------------------------------------------
def validate_post(values: dict[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    for name, label in (("employer", "用人单位"), ("post_name", "岗位名称")):
        if not str(values.get(name) or "").strip():
            errors[name] = f"请填写{label}"
    if values.get("post_type") not in _codes(wj.post_types()):
        errors["post_type"] = "请选择岗位类型"
    if values.get("funding") not in _codes(wj.fundings()):
        errors["funding"] = "请选择资金来源"
    try:
        if int(values.get("capacity") or 0) < 1:
            errors["capacity"] = "开发岗位数至少为 1"
    except (TypeError, ValueError):
        errors["capacity"] = "开发岗位数须为整数"
    if _date(values, "developed_on", errors, "开发日期") is None and "developed_on" not in errors:
        errors["developed_on"] = "请填写开发日期"
    return errors


def develop_post(col: Collection, values: dict[str, Any], *, area_code: str) -> str:
    """Record a post developed in ``area_code`` (a street or community code)."""
    _require_manager(col)
    errors = validate_post(values)
    if len(area_code or "") != 12 or not area_code.isdigit():
        errors["area_code"] = "请选择岗位所在街道或社区"
    if errors:
        raise ValidationError(errors)
    return col.records.create("welfare_post", {**values, "capacity": int(values["capacity"])}, area_code=area_code)


def update_post(col: Collection, post_id: str, values: dict[str, Any]) -> None:
    _require_manager(col)
    post = col.records.get("welfare_post", post_id)
    if post is None or post["deleted"]:
        raise ValidationError({"post": "找不到该岗位"})
    errors = validate_post({**post, **values})
    if errors:
        raise ValidationError(errors)
    col.records.update("welfare_post", post_id, values)



def _required_date(value: dt.date | str | None, name: str, label: str) -> dt.date:
    """``value`` as a date; a missing or malformed one is a field error (nothing is stored)."""
    errors: dict[str, str] = {}
    day = _date({name: value}, name, errors, label)
    if day is None:
        raise ValidationError(errors or {name: f"请填写{label}"})
    return day

def close_post(col: Collection, post_id: str, closed_on: dt.date | str) -> None:
    """Withdraw a post (撤销): only once nobody is on it; its open vacancy reports need no filling."""
    _require_manager(col)
    day = _required_date(closed_on, "closed_on", "撤销日期")
    with col.records.transaction() as tx:
        post = _live(tx, "welfare_post", post_id)
        if post is None:
            raise ValidationError({"post": "找不到该岗位"})
        if post.get("closed_on"):
            raise ValidationError({"closed_on": f"该岗位已于 {post['closed_on']} 撤销"})
        if post.get("developed_on") and day < post["developed_on"]:
            raise ValidationError({"closed_on": "撤销日期不能早于开发日期"})
        p = TABLES["welfare_placement"]
        on_it = _rows(tx, "welfare_placement", p.c.post_id == post_id, p.c.ended_on.is_(None))
        if on_it:
            raise ValidationError({"closed_on": f"该岗位还有 {len(on_it)} 人在岗，请先办理离岗"})
        tx.update("welfare_post", post_id, {"closed_on": day})


# --- placements -------------------------------------------------------------------------------------------------
def certified_category(tx: Tx, person_id: str) -> str | None:
    """The category of the person's case on the certified list, or None when they are not on it."""
    cases = _rows(tx, "assistance_case", TABLES["assistance_case"].c.person_id == person_id)
    live = [c for c in cases if c.get("stage") in workflow.certified_stages()]  # the certified list
    live.sort(key=lambda c: c.get("certified_on") or dt.date.min, reverse=True)
    return live[0].get("category") if live else None


def _placement_values(tx: Tx, post: dict[str, Any], person: dict[str, Any], started_on: dt.date,
                      category: str | None) -> dict[str, Any]:
    """The new placement's fields, or ValidationError with every reason it is not allowed."""
    p = TABLES["welfare_placement"]
    earlier = _rows(tx, "welfare_placement", p.c.person_id == person["id"])
    errors = wj.placement_errors(category, earlier, started_on, person.get("id_number") or "")
    active = _rows(tx, "welfare_placement", p.c.post_id == post["id"], p.c.ended_on.is_(None))
    if len(active) >= int(post.get("capacity") or 0):
        errors.append(f"该岗位 {post.get('capacity')} 个名额已满")
    if post.get("closed_on"):
        errors.append("该岗位已撤销")
    if errors:
        raise ValidationError({f"rule.{i}": e for i, e in enumerate(errors)})
    first = wj.first_approval(earlier, started_on)
    try:
        period = wj.subsidy_period(person["id_number"], first)
    except IdNumberError as exc:
        raise ValidationError({"id_number": str(exc)}) from None
    return {"post_id": post["id"], "person_id": person["id"], "category": category,
            "sequence": len(earlier) + 1, "started_on": started_on, "first_approved_on": first,
            "subsidy_until": period.until, "to_retirement": period.to_retirement,
            "employer": post.get("employer"), "post_name": post.get("post_name")}


def place_person(col: Collection, post_id: str, person_id: str, started_on: dt.date | str) -> str:
    """Place a person from the certified list on a post; fills an open vacancy report of that post."""
    _require_manager(col)
    start = _required_date(started_on, "started_on", "上岗日期")
    with col.records.transaction() as tx:
        post = _live(tx, "welfare_post", post_id)
        person = _live(tx, "person", person_id)
        if post is None or person is None:
            raise ValidationError({"post": "找不到该岗位或人员"})
        category = certified_category(tx, person_id)
        if category is None:
            raise ValidationError({"person_id": "该人员不在已认定的就业困难人员名单中，不能安置"})
        values = _placement_values(tx, post, person, start, category)
        pid = tx.create("welfare_placement", values, area_code=person["area_code"])
        v = TABLES["welfare_vacancy_report"]
        open_reports = _rows(tx, "welfare_vacancy_report", v.c.post_id == post_id, v.c.filled_on.is_(None))
        for r in sorted(open_reports, key=lambda r: r["vacant_on"])[:1]:
            tx.update("welfare_vacancy_report", r["id"], {"filled_on": start})
    return pid


def end_placement(col: Collection, placement_id: str, ended_on: dt.date | str, reason: str,
                  note: str = "") -> str:
    """Record a person leaving a post; the post falls vacant, so a vacancy report is opened with its
    deadline. Returns the vacancy report's id."""
    _require_manager(col)
    errors: dict[str, str] = {}
    end = _date({"ended_on": ended_on}, "ended_on", errors, "离岗日期")
    if end is None:
        errors.setdefault("ended_on", "请填写离岗日期")
    if reason not in _codes(wj.end_reasons()):
        errors["end_reason"] = "请选择离岗原因"
    if reason == "other" and not note.strip():
        errors["end_note"] = "离岗原因为“其他”时请填写说明"
    if errors:
        raise ValidationError(errors)
    assert end is not None
    with col.records.transaction() as tx:
        placement = _live(tx, "welfare_placement", placement_id)
        if placement is None:
            raise ValidationError({"placement": "找不到该安置记录"})
        if placement.get("ended_on"):
            raise ValidationError({"ended_on": f"该人员已于 {placement['ended_on']} 离岗"})
        if end < placement["started_on"]:
            raise ValidationError({"ended_on": "离岗日期不能早于上岗日期"})
        tx.update("welfare_placement", placement_id, {"ended_on": end, "end_reason": reason, "end_note": note})
        post = _live(tx, "welfare_post", placement["post_id"])
        area = post["area_code"] if post else placement["area_code"]
        return tx.create("welfare_vacancy_report", {
            "post_id": placement["post_id"], "placement_id": placement_id, "vacant_on": end,
            "due_on": wj.vacancy_report_due(end)}, area_code=area)


def report_vacancy(col: Collection, report_id: str, reported_on: dt.date | str, note: str = "") -> None:
    _require_manager(col)
    day = _required_date(reported_on, "reported_on", "报告日期")
    report = col.records.get("welfare_vacancy_report", report_id)
    if report is None or report["deleted"]:
        raise ValidationError({"report": "找不到该空岗报告"})
    if day < report["vacant_on"]:
        raise ValidationError({"reported_on": "报告日期不能早于空岗日期"})
    col.records.update("welfare_vacancy_report", report_id,
                       {"reported_on": day, "reported_by": col.actor_name, "note": note})


def confirm_cleanup(col: Collection, placement_id: str) -> None:
    """A person has checked an imported placement: it now counts in the ledger and the analysis."""
    _require_manager(col)
    col.records.update("welfare_placement", placement_id, {"cleanup": None})


# --- claims -----------------------------------------------------------------------------------------------------
def parse_amount(text: Any) -> int:
    """Yuan as typed ("1,850.50") → cents; ValueError with a Chinese message."""
    try:
        value = Decimal(str(text).replace(",", "").replace("，", "").strip())
    except InvalidOperation:
        raise ValueError(f"金额格式不正确：{text}") from None
    if value <= 0 or value != value.quantize(Decimal("0.01")):
        raise ValueError(f"金额须为正数，最多两位小数：{text}")
    return int(value * 100)


def _paid_months(tx: Tx, person_id: str) -> set[str]:
    s = TABLES["si_paid_month"]
    return {r["month"] for r in _rows(tx, "si_paid_month", s.c.person_id == person_id)}


def _check(tx: Tx, claim: dict[str, Any], placement: dict[str, Any], today: dt.date) -> dict[str, Any]:
    reasons = wj.hold_reasons(
        claim["months"], started_on=placement["started_on"], ended_on=placement.get("ended_on"),
        subsidy_until=placement.get("subsidy_until"), paid_months=_paid_months(tx, placement["person_id"]),
        tax_result=claim.get("tax_result"), tax_checked_by=claim.get("tax_checked_by"))
    if placement.get("cleanup"):
        reasons.append(f"安置记录待核实：{placement['cleanup']}")
    return {"status": "held" if reasons else "passed", "hold_reasons": reasons, "checked_on": today}


def create_claim(col: Collection, placement_id: str, subsidy: str, period: str, first_month: str,
                 amount: Any, *, today: dt.date | None = None, note: str = "") -> str:
    """A subsidy claim for one month or quarter, checked at once: held with its reasons, or passed."""
    _require_manager(col)
    today = today or dt.date.today()
    errors: dict[str, str] = {}
    if subsidy not in _codes(wj.subsidy_kinds()):
        errors["subsidy"] = "请选择补贴项目"
    months: list[str] = []
    try:
        months = wj.claim_months(first_month, period)
    except ValueError as exc:
        errors["months"] = str(exc)
    cents = 0
    try:
        cents = parse_amount(amount)
    except ValueError as exc:
        errors["amount"] = str(exc)
    if errors:
        raise ValidationError(errors)
    with col.records.transaction() as tx:
        placement = _live(tx, "welfare_placement", placement_id)
        if placement is None:
            raise ValidationError({"placement": "找不到该安置记录"})
        c = TABLES["welfare_claim"]
        for other in _rows(tx, "welfare_claim", c.c.placement_id == placement_id, c.c.subsidy == subsidy):
            twice = sorted(set(other["months"] or []) & set(months))
            if twice:
                raise ValidationError({"months": f"{wj.name_of(wj.subsidy_kinds(), subsidy)} "
                                                 f"{'、'.join(twice)} 已申领过"})
        claim = {"placement_id": placement_id, "person_id": placement["person_id"],
                 "post_id": placement["post_id"], "subsidy": subsidy, "period": period, "months": months,
                 "amount_cents": cents, "note": note}
        claim.update(_check(tx, claim, placement, today))
        return tx.create("welfare_claim", claim, area_code=placement["area_code"])


def record_tax_check(col: Collection, claim_id: str, result: str, checked_on: dt.date | str,
                     *, today: dt.date | None = None) -> str:
    """Record the manual personal-tax check (who, when, result) and check the claim again; returns the
    new status."""
    _require_manager(col)
    errors: dict[str, str] = {}
    if result not in _codes(wj.tax_results()):
        errors["tax_result"] = "请选择纳税核查结论"
    day = _date({"tax_checked_on": checked_on}, "tax_checked_on", errors, "核查日期")
    if day is None:
        errors.setdefault("tax_checked_on", "请填写核查日期")
    if errors:
        raise ValidationError(errors)
    return _recheck(col, claim_id, today or dt.date.today(),
                    {"tax_result": result, "tax_checked_by": col.actor_name, "tax_checked_on": day})


def recheck_claim(col: Collection, claim_id: str, *, today: dt.date | None = None) -> str:
    """Run the checks again (after new social-insurance data arrived); returns the new status."""
    _require_manager(col)
    return _recheck(col, claim_id, today or dt.date.today(), {})


def _recheck(col: Collection, claim_id: str, today: dt.date, changes: dict[str, Any]) -> str:
    with col.records.transaction() as tx:
        claim = _live(tx, "welfare_claim", claim_id)
        placement = _live(tx, "welfare_placement", claim["placement_id"]) if claim else None
        if claim is None or placement is None:
            raise ValidationError({"claim": "找不到该申领记录或其安置记录"})
        claim.update(changes)
        result = _check(tx, claim, placement, today)
        tx.update("welfare_claim", claim_id, {**changes, **result})
        return str(result["status"])


# --- social-insurance paid months -----------------------------------------------------------------------------
def import_paid_months(col: Collection, rows: Iterable[dict[str, Any]], *, source: str,
                       today: dt.date | None = None) -> dict[str, Any]:
    """Store paid months read from a file (``app.welfare.si_months``): rows with id_number, month and
    optionally insurance and payer. Only people in the store are kept (matched by ID number); a month
    already stored for that person is skipped. Returns counts and the ID numbers not found."""
    _require_manager(col)
    today = today or dt.date.today()
    rows = list(rows)
    p, s = TABLES["person"], TABLES["si_paid_month"]
    wanted = {normalise(r["id_number"]) for r in rows}
    with col.records.transaction() as tx:
        people: dict[str, tuple[str, str]] = {}
        for chunk in _chunks(sorted(wanted), 500):
            for r in tx.conn.execute(select(p.c.id, p.c.id_number, p.c.area_code)
                                     .where(p.c.id_number.in_(chunk), p.c.deleted.is_(False))):
                people[normalise(r.id_number)] = (r.id, r.area_code)
        have: set[tuple[str, str]] = set()
        ids = [v[0] for v in people.values()]
        for chunk in _chunks(ids, 500):
            have |= {(r.person_id, r.month) for r in tx.conn.execute(
                select(s.c.person_id, s.c.month).where(s.c.person_id.in_(chunk), s.c.deleted.is_(False)))}
        new: list[tuple[str, str, dict[str, Any]]] = []
        unknown: set[str] = set()
        for r in rows:
            number = normalise(r["id_number"])
            if number not in people:
                unknown.add(number)
                continue
            person_id, area = people[number]
            if (person_id, r["month"]) in have:
                continue
            have.add((person_id, r["month"]))
            new.append((str(uuid.uuid4()), area, {
                "person_id": person_id, "month": r["month"], "insurance": r.get("insurance") or None,
                "payer": r.get("payer") or None, "source": source, "imported_on": today}))
        tx.create_many("si_paid_month", new)
    return {"added": len(new), "rows": len(rows), "unknown_ids": sorted(unknown)}


def _chunks(items: list[str], n: int) -> Iterable[list[str]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


# --- history (app.welfare.history) ------------------------------------------------------------------------------
def import_history(col: Collection, plan: Any) -> dict[str, int]:
    """Write what a checked ``HistoryPlan`` would import, in one transaction: its new posts, then a
    placement per importable row (rows needing clean-up carry their reasons and do not count yet).
    A plan applied twice (two windows, a double click) adds nothing the second time."""
    _require_manager(col)
    rows = [r for r in plan.rows if r.status in ("imported", "cleanup")]
    pl, po = TABLES["welfare_placement"], TABLES["welfare_post"]
    with col.records.transaction() as tx:
        people = sorted({r.placement["person_id"] for r in rows})
        done = {(x.person_id, x.started_on) for chunk in _chunks(people, 500) for x in tx.conn.execute(
            select(pl.c.person_id, pl.c.started_on).where(pl.c.person_id.in_(chunk), pl.c.deleted.is_(False)))}
        rows = [r for r in rows if (r.placement["person_id"], r.placement["started_on"]) not in done]
        post_ids = dict(plan.existing_posts)
        post_ids |= {(x.employer or "", x.post_name or ""): x.id for x in tx.conn.execute(
            select(po.c.id, po.c.employer, po.c.post_name).where(po.c.deleted.is_(False)))}
        made = 0
        for key, values in plan.posts.items():
            if key in post_ids or not any(r.post_key == key for r in rows):
                continue
            post = {k: v for k, v in values.items() if k != "area_code"}
            post_ids[key] = tx.create("welfare_post", post, area_code=values["area_code"])
            made += 1
        for r in rows:
            tx.create("welfare_placement", {**r.placement, "post_id": post_ids[r.post_key]}, area_code=r.area_code)
    return {"posts": made, "placements": len(rows), "cleanup": sum(1 for r in rows if r.status == "cleanup")}
