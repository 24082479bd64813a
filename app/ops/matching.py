"""Data matching on the laptop: import a social-insurance or business-registration file and match it against
the people in this store; confirm a hit (the person is employed or self-employed, follow-ups are scheduled and
the case's exit is proposed) or dismiss it with a reason. Every change is audited and synced like any other.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.collection import Collection
from app.matching import sources
from app.matching.match import Candidate, candidate, find_hits
from app.matching.reader import SourceFile, read_source
from app.ops.exits import propose_exit
from app.ops.followups import schedule_employment_followups
from app.ops.validation import ValidationError
from app.rules import workflow
from app.store.tables import TABLES

MAPPING_META = "matching.mapping."  # + source: the column mapping last used for that source
DONE = ("confirmed", "dismissed")


class ImportRejected(ValueError):
    """A file with bad rows: nothing was imported. ``problems`` lists every bad row with its reason."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"文件有 {len(problems)} 行有误，未导入任何数据：\n" + "\n".join(problems))
        self.problems = problems


@dataclass
class ImportResult:
    source: str
    rows: int  # data rows read
    events: int  # distinct events after folding repeated rows
    hits_new: int
    hits_known: int  # events already matched earlier (same file again, or a platform feed)
    people: int  # distinct people hit
    ignored_columns: list[str] = field(default_factory=list)

    def summary_zh(self) -> str:
        return (f"读取 {self.rows} 行（{self.events} 条记录），比对出 {self.hits_new} 条新结果，"
                f"涉及 {self.people} 人；{self.hits_known} 条此前已比对过")


def saved_mapping(col: Collection, source_code: str) -> dict[str, str]:
    return dict(col.get_meta(MAPPING_META + source_code) or {})


def candidates(conn: Any, numbers: set[str] | None = None) -> dict[str, list[Candidate]]:
    """ID number → matching candidates among this store's people (registered unemployed or certified),
    limited to ``numbers`` (the file's) when given: a plain scan with a set test per row, then the rule only
    for people the file names — the store may hold 100 000 people."""
    p, c = TABLES["person"], TABLES["assistance_case"]
    people = conn.execute(select(p.c.id, p.c.area_code, p.c.id_number, p.c.registered_unemployed_on,
                                 p.c.employment_status).where(p.c.deleted.is_(False), p.c.id_number.is_not(None)))
    named = [r for r in people if numbers is None or r[2] in numbers]
    wanted = {r[0] for r in named}
    stages: dict[str, list[tuple[str | None, Any]]] = defaultdict(list)
    for pid, stage, certified_on in conn.execute(
            select(c.c.person_id, c.c.stage, c.c.certified_on).where(c.c.deleted.is_(False))):
        if pid in wanted:
            stages[pid].append((stage, certified_on))
    out: dict[str, list[Candidate]] = defaultdict(list)
    for pid, area, number, registered, status in named:
        cand = candidate({"id": pid, "area_code": area, "registered_unemployed_on": registered,
                          "employment_status": status}, stages.get(pid, ()))
        if cand is not None:
            out[number].append(cand)
    return out


def import_source(col: Collection, file: Path | str | SourceFile, source_code: str, *,
                  mapping: dict[str, str] | None = None, today: dt.date | None = None) -> ImportResult:
    """Read, check and match a file; store the new hits in one transaction. A file with any bad row raises
    ImportRejected (nothing stored); a file the reader cannot use raises TableError. The column mapping used
    is remembered for the source."""
    if source_code not in sources.MATCH_SOURCES:
        raise ValueError(f"不能比对的来源：{source_code}")
    today = today or dt.date.today()
    if mapping is None:
        mapping = saved_mapping(col, source_code)
    data = file if isinstance(file, SourceFile) else read_source(file, source_code, mapping)
    if data.problems:
        raise ImportRejected(data.problems)
    with col.records.reading() as conn:
        hits = find_hits(source_code, data.rows, candidates(conn, {r["id_number"] for r in data.rows}), today)
        h = TABLES["match_hit"]
        known: set[str] = set()
        ids = [x["id"] for x in hits]
        for i in range(0, len(ids), 500):
            known |= set(conn.execute(select(h.c.id).where(h.c.id.in_(ids[i:i + 500]))).scalars())
    new = [x for x in hits if x["id"] not in known]
    if new:
        with col.records.transaction() as tx:
            tx.create_many("match_hit", [(x["id"], x["area_code"],
                                          {k: v for k, v in x.items() if k not in ("id", "area_code")})
                                         for x in new])
    if mapping and not isinstance(file, SourceFile):
        col.set_meta(MAPPING_META + source_code, mapping)
    return ImportResult(source_code, data.read, len(data.rows), len(new), len(known),
                        len({x["person_id"] for x in hits}), data.ignored_columns)



def _open_hit(col: Collection, hit_id: str) -> dict[str, Any]:
    hit = col.records.get("match_hit", hit_id)
    if hit is None or hit["deleted"]:
        raise ValidationError({"hit": "找不到该比对结果"})
    if hit.get("status") in DONE or hit.get("confirmed_on"):
        raise ValidationError({"hit": "该比对结果已处理"})
    return hit


def confirm_hit(col: Collection, hit_id: str, *, today: dt.date | None = None, note: str = "") -> dict[str, Any]:
    """The person really works (参保) or runs a business (工商注册): their status changes, the adaptation and
    stabilisation follow-ups are scheduled, and the open case's exit (已就业/创业) is proposed.
    Returns {"case_id": the case proposed for exit or None}."""
    today = today or dt.date.today()
    hit = _open_hit(col, hit_id)
    person = col.records.get("person", hit["person_id"])
    if person is None or person["deleted"]:
        raise ValidationError({"hit": "比对结果所指人员不存在或已删除"})
    status = sources.source(hit["source"]).confirm_status
    employed_on = hit.get("started_on") or today
    with col.records.transaction() as tx:
        tx.update("match_hit", hit_id, {"status": "confirmed", "confirmed_by": tx.actor, "confirmed_on": today,
                                        "note": note.strip() or None})
        if person.get("employment_status") != status:
            tx.update("person", person["id"], {"employment_status": status, "employed_on": employed_on})
            # the same schedule a visit or an approved exit makes, never twice
            schedule_employment_followups(tx, person["id"], person["area_code"], max(employed_on, today))
    cases = [c for c in col.records.children("assistance_case", "person_id", person["id"])
             if not c["deleted"] and c.get("stage") in workflow.certified_stages() - workflow.exit_pending_stages()]
    evidence = {"match_hit": hit_id, "source": hit["source"], "employer": hit.get("employer"),
                "credit_code": hit.get("credit_code"), "started_on": hit.get("started_on")}
    if hit["source"] == "business_registration":  # 创业: the registration is the evidence
        evidence["business_registration"] = hit.get("credit_code") or hit.get("employer")
    else:  # enrolment data names the employer, not the post
        evidence["post"] = hit.get("post") or "待核实（参保数据不含岗位）"
    for case in cases:
        propose_exit(col, case["id"], "employed", evidence,
                     actor=col.actor_name, today=today, note=f"数据比对确认：{hit.get('detail') or ''}")
    return {"case_id": cases[0]["id"] if cases else None}


def dismiss_hit(col: Collection, hit_id: str, reason: str, *, note: str = "",
                today: dt.date | None = None) -> None:
    """Not a change of status (e.g. a short job already over): the reason from the list, and a note."""
    error = sources.check_choice(sources.dismiss_reasons(), reason, note, "排除原因")
    if error:
        raise ValidationError({"reason": error})
    _open_hit(col, hit_id)
    today = today or dt.date.today()
    with col.records.transaction() as tx:
        tx.update("match_hit", hit_id, {"status": "dismissed", "dismiss_reason": reason,
                                        "note": note.strip() or None, "confirmed_by": tx.actor,
                                        "confirmed_on": today})
