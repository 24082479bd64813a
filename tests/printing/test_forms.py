"""Each form rendered from the demo store, read back as text, fonts checked, QR decoded."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from typing import Any

import pytest
from pypdf import PdfReader

from app.printing import render
from app.printing.api import all_households
from app.printing.data import SelectionError, mask_phone
from app.printing.qr_payload import parse_scan
from app.rules.idcard import parse_id
from tests.printing.conftest import TODAY, decode_qr, pdf_text


def _render(col: Any, kind: str, **kw: Any) -> bytes:
    buf = io.BytesIO()
    pages = render(col, kind, out=buf, today=TODAY, **kw)
    assert pages >= 1
    return buf.getvalue()


def _fonts(data: bytes) -> list[tuple[str, bool]]:
    """(font name, has an embedded TrueType program) for every font any page or form uses."""
    seen: dict[str, bool] = {}

    def walk(resources: Any) -> None:
        if not resources:
            return
        resources = resources.get_object()
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            desc = font.get("/FontDescriptor")
            seen[str(font.get("/BaseFont"))] = bool(desc and "/FontFile2" in desc.get_object())
        for xobj in (resources.get("/XObject") or {}).values():
            walk(xobj.get_object().get("/Resources"))

    for page in PdfReader(io.BytesIO(data)).pages:
        walk(page.get("/Resources"))
    return list(seen.items())


def _assert_embedded(data: bytes) -> None:
    fonts = _fonts(data)
    assert fonts, "no fonts found"
    assert all(embedded for _, embedded in fonts), fonts
    assert all("WenQuanYi" in name for name, _ in fonts), fonts
    if shutil.which("pdffonts"):  # poppler's view as well: every row "emb yes"
        with tempfile.NamedTemporaryFile(suffix=".pdf") as fh:  # test-only file (synthetic data)
            fh.write(data)
            fh.flush()
            out = subprocess.run(["pdffonts", fh.name], capture_output=True, text=True, check=True).stdout
        rows = out.splitlines()[2:]
        assert rows and all(r.split()[-5] == "yes" for r in rows), out


def test_visit_sheet_prefilled(col: Any, ids: dict[str, str]) -> None:
    data = _render(col, "visit-sheet", household_id=ids["household"])
    text = pdf_text(data)
    household = col.records.get("household", ids["household"])
    people = col.records.children("person", "household_id", ids["household"])
    assert "入户走访登记表" in text
    assert "太原市小店区" in text  # community full name
    for p in people:
        assert p["name"] in text
        assert mask_phone(p["phone"]) in text
        assert p["phone"] not in text  # phone masked
        info = parse_id(p["id_number"], TODAY)
        assert f"{info.sex}{info.age}" in text.replace(" ", "") or str(info.age) in text
    assert household["address"][:6] in text
    for clear in ("人员底数清", "就业状态清", "就业意愿清", "服务需求清"):
        assert clear in text
    assert "岗位推荐" in text and "/3" in text  # 3+1+1 progress
    assert "经办人签字" in text and "被走访人签字" in text
    assert "第 1 页" in text and "共" in text
    _assert_embedded(data)
    assert parse_scan(decode_qr(data)[0]) == ("household", household["id"], household["version"])


def test_visit_sheet_blank(col: Any) -> None:
    data = _render(col, "visit-sheet", blank=True)
    text = pdf_text(data)
    assert "入户走访登记表" in text and "人员底数清" in text and "经办人签字" in text
    _assert_embedded(data)
    assert decode_qr(data) == []  # no record, no code


def test_visit_record(col: Any, ids: dict[str, str]) -> None:
    data = _render(col, "visit-record", visit_id=ids["visit"])
    text = pdf_text(data)
    visit = col.records.get("visit", ids["visit"])
    person = col.records.get("person", visit["person_id"])
    assert "走访记录" in text and person["name"] in text
    assert f"{visit['visited_on'].year}年{visit['visited_on'].month}月{visit['visited_on'].day}日" in text
    assert visit["employment_intention"] in text
    assert person["id_number"] not in text  # masked on a visit record
    _assert_embedded(data)
    assert parse_scan(decode_qr(data)[0]) == ("visit", visit["id"], visit["version"])


def test_help_plan(col: Any, ids: dict[str, str]) -> None:
    data = _render(col, "help-plan", person_id=ids["plan_person"])
    text = pdf_text(data)
    plan = col.records.children("help_plan", "person_id", ids["plan_person"])[0]
    person = col.records.get("person", ids["plan_person"])
    assert "就业援助方案" in text and person["name"] in text
    assert plan["difficulty_type"] in text and plan["barriers"] in text
    assert plan["measures"][0]["text"] in text
    assert "最低服务包" in text and "政策咨询" in text
    _assert_embedded(data)
    assert parse_scan(decode_qr(data)[0]) == ("help_plan", plan["id"], plan["version"])


def test_help_plan_missing_is_a_clear_error(col: Any, ids: dict[str, str]) -> None:
    # Anyone without a plan (the busiest household's members may all have one: everyone there is helped).
    households = [ids["household"], *all_households(col)]
    people = [p for h in households for p in col.records.children("person", "household_id", h)]
    without = [p for p in people if not col.records.children("help_plan", "person_id", p["id"])]
    with pytest.raises(SelectionError, match="还没有就业援助方案"):
        _render(col, "help-plan", person_id=without[0]["id"])


def test_policy_card(col: Any, ids: dict[str, str]) -> None:
    from app.printing import data as q
    from app.printing.policies import policies_for, tags_for

    pid = ids["case_person"]
    data = _render(col, "policy-card", person_id=pid)
    text = pdf_text(data)
    person = col.records.get("person", pid)
    with col.records.reading() as conn:
        household, _, elig = q.person_context(conn, person, TODAY)
    expected = policies_for(tags_for(person, household, elig))
    assert "政策明白卡" in text and person["name"] in text and "您可以" in text
    for pol in expected:
        assert pol.name in text.replace("\n", "")
    assert "政策依据" in text
    _assert_embedded(data)
    assert parse_scan(decode_qr(data)[0]) == ("person", pid, person["version"])


def test_policy_library_is_valid() -> None:
    from app.printing.policies import library, policies_for

    lib = library()
    assert len(lib) >= 10
    assert len({p.code for p in lib}) == len(lib)
    assert all(p.gives.startswith("您") for p in lib)
    assert all(p.source for p in lib)
    older = {p.code for p in policies_for({"older", "any_category", "registered_unemployed", "everyone"})}
    assert {"social_insurance_subsidy", "public_welfare_job", "certification"} <= older
    assert {p.code for p in policies_for({"everyone"})} == {"public_service"}


def test_application_form(col: Any, ids: dict[str, str]) -> None:
    from app.printing.data import category_name

    pid = ids["case_person"]
    data = _render(col, "application-form", person_id=pid)
    text = pdf_text(data).replace("\n", "")
    person = col.records.get("person", pid)
    case = col.records.children("assistance_case", "person_id", pid)[0]
    assert "山西省就业困难人员认定情况表" in text
    assert person["name"] in text and person["id_number"] in text and person["phone"] in text
    info = parse_id(person["id_number"], TODAY)
    assert f"{info.birth_date.year}年{info.birth_date.month}月" in text
    assert category_name(case["category"]) in text
    for box in ("社区初审意见", "复核意见", "审核确认意见", "本人承诺", "居民身份证"):
        assert box in text
    _assert_embedded(data)
    assert parse_scan(decode_qr(data)[0]) == ("person", pid, person["version"])


def test_application_form_blank(col: Any) -> None:
    text = pdf_text(_render(col, "application-form", blank=True))
    assert "山西省就业困难人员认定情况表" in text and "大龄失业人员" in text


def test_route(col: Any, ids: dict[str, str]) -> None:
    from app.printing.api import route_visits

    data = _render(col, "route", date=ids["planned_on"])
    text = pdf_text(data)
    with col.records.reading() as conn:
        visits = route_visits(conn, __import__("datetime").date.fromisoformat(ids["planned_on"]))
    assert visits and "走访路线单" in text
    names = [col.records.get("person", v["person_id"])["name"] for v in visits]
    positions = [text.find(n) for n in names]
    assert all(pos >= 0 for pos in positions)
    codes = {parse_scan(t) for t in decode_qr(data, dpi=200)}
    rows_on_page_1 = {("visit", v["id"], v["version"]) for v in visits[:10]}
    assert rows_on_page_1 <= codes


def test_selector_errors_are_chinese(col: Any) -> None:
    with pytest.raises(SelectionError, match="需要指定人员"):
        _render(col, "policy-card", household_id="x")
    with pytest.raises(SelectionError, match="找不到家庭"):
        _render(col, "visit-sheet", household_id="no-such-household")
    with pytest.raises(SelectionError, match="没有空白版"):
        _render(col, "route", blank=True)
    with pytest.raises(SelectionError, match="未知的表单类型"):
        _render(col, "poster", household_id="x")


def test_metadata_has_no_personal_data(col: Any, ids: dict[str, str]) -> None:
    data = _render(col, "visit-sheet", household_id=ids["household"])
    meta = PdfReader(io.BytesIO(data)).metadata
    people = col.records.children("person", "household_id", ids["household"])
    blob = " ".join(str(v) for v in meta.values())
    assert all(p["name"] not in blob for p in people)
