"""Acting on a hit: confirming changes the person's status, schedules follow-ups and proposes the case's exit;
dismissing needs a reason from the list; each decision is audited and queued for sync."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from app.matching.sources import dismiss_reasons
from app.ops.matching import confirm_hit, dismiss_hit, import_source
from app.ops.validation import ValidationError
from app.store.tables import audit, outbox
from tests.matching.conftest import REGISTERED, TODAY, si_rows, write_csv, write_xlsx


def _hit_of(col, person_id: str) -> dict:  # noqa: ANN001
    (hit,) = [h for h in col.records.children("match_hit", "person_id", person_id)]
    return hit


def _trail(col, record_id: str) -> tuple[list[dict], list[dict]]:  # noqa: ANN001
    with col.records.reading() as conn:
        a = [dict(r._mapping) for r in conn.execute(select(audit).where(audit.c.record_id == record_id))]
        o = [dict(r._mapping) for r in conn.execute(select(outbox).where(outbox.c.record_id == record_id))]
    return a, o


@pytest.fixture
def imported(store, tmp_path: Path):  # noqa: ANN001, ANN201
    col, ids = store
    import_source(col, write_xlsx(tmp_path / "参保.xlsx", si_rows()), "social_insurance", today=TODAY)
    return col, ids


def test_confirm_a_certified_persons_hit(imported) -> None:  # noqa: ANN001
    col, ids = imported
    hit = _hit_of(col, ids["helping"])
    result = confirm_hit(col, hit["id"], today=TODAY, note="电话核实，已在岗")
    assert result["case_id"] == ids["case"]
    hit = col.records.get("match_hit", hit["id"])
    assert (hit["status"], hit["confirmed_by"], hit["confirmed_on"]) == ("confirmed", "zhangli", TODAY)
    person = col.records.get("person", ids["helping"])
    assert person["employment_status"] == "employed" and person["employed_on"] == hit["started_on"]
    followups = col.records.children("followup", "person_id", ids["helping"])
    assert len(followups) >= 2 and all(f["due_on"] > TODAY for f in followups)
    case = col.records.get("assistance_case", ids["case"])
    assert case["stage"] not in ("helping", "certified")
    steps = col.records.children("case_step", "case_id", ids["case"])
    assert any("参保" in (s["note"] or "") or "match_hit" in (s["note"] or "") for s in steps)
    entries, ops = _trail(col, hit["id"])
    assert [e["action"] for e in entries] == ["create", "update"] and entries[-1]["actor"] == "zhangli"
    assert json.loads(ops[-1]["fields"])["status"] == "confirmed"
    assert col.verify_audit() == []
    with pytest.raises(ValidationError, match="已处理"):
        confirm_hit(col, hit["id"], today=TODAY)


def test_confirm_a_registered_persons_business(store, tmp_path: Path) -> None:  # noqa: ANN001
    col, ids = store
    header = ["市场主体名称", "统一社会信用代码", "经营者身份证号", "成立日期"]
    path = write_csv(tmp_path / "工商.csv", [["王记面馆", "92140105MA0K00003X", REGISTERED, "2026-09-15"]],
                     header=header)
    import_source(col, path, "business_registration", today=TODAY)
    hit = _hit_of(col, ids["registered"])
    assert confirm_hit(col, hit["id"], today=TODAY)["case_id"] is None  # registered, not certified: no case
    assert col.records.get("person", ids["registered"])["employment_status"] == "self_employed"


def test_dismiss_needs_a_reason_from_the_list(imported) -> None:  # noqa: ANN001
    col, ids = imported
    hit = _hit_of(col, ids["registered"])
    with pytest.raises(ValidationError, match="排除原因"):
        dismiss_hit(col, hit["id"], "", today=TODAY)
    with pytest.raises(ValidationError, match="须填写说明"):
        dismiss_hit(col, hit["id"], "other", today=TODAY)
    assert col.records.get("match_hit", hit["id"])["status"] == "open"
    assert "short_term" in {c.code for c in dismiss_reasons()}
    dismiss_hit(col, hit["id"], "short_term", note="干了两周已离职", today=TODAY)
    hit = col.records.get("match_hit", hit["id"])
    assert (hit["status"], hit["dismiss_reason"], hit["note"]) == ("dismissed", "short_term", "干了两周已离职")
    person = col.records.get("person", ids["registered"])
    assert person["employment_status"] == "unemployed"  # nothing else changed
    entries, ops = _trail(col, hit["id"])
    assert entries[-1]["action"] == "update" and json.loads(ops[-1]["fields"])["dismiss_reason"] == "short_term"
    assert _hit_of(col, ids["helping"])["status"] == "open"


def test_a_deleted_hit_cannot_be_confirmed(imported) -> None:  # noqa: ANN001
    col, ids = imported
    hit = _hit_of(col, ids["registered"])
    col.records.delete("match_hit", hit["id"])
    with pytest.raises(ValidationError, match="找不到"):
        confirm_hit(col, hit["id"], today=TODAY)
    assert col.records.get("person", ids["registered"])["employment_status"] == "unemployed"
