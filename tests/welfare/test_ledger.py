"""The dynamic ledger, the usage-efficiency figures (checked by hand below), the Excel export and the
printed ledger (rendered, its text read back, its pages turned into images)."""

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.ops import welfare_jobs as ops
from app.printing import render
from app.welfare.export_xlsx import write_xlsx
from app.welfare.ledger import analyse, build
from tests.welfare.conftest import STREET, certified

D = dt.date
TODAY = D(2026, 7, 1)


@pytest.fixture
def scene(office):
    """One post of 2 places from 2026-01-01: A on it Jan–Mar then a market job, B from 1 February; A's
    Jan–Mar 岗位补贴 passed; one imported placement still waiting for clean-up."""
    young = [p for p in certified(office) if p["id_number"][6:10] >= "1975"]
    a, b, c = young[:3]
    post = ops.develop_post(office, {"employer": "坞城街道办事处", "post_name": "社区保洁员", "post_type": "sanitation",
                                     "capacity": 2, "funding": "employment_fund", "developed_on": "2026-01-01"},
                            area_code=STREET)
    pa = ops.place_person(office, post, a["id"], "2026-01-01")
    ops.place_person(office, post, b["id"], "2026-02-01")
    ops.end_placement(office, pa, "2026-03-31", "market_job")
    ops.import_paid_months(office, [{"id_number": a["id_number"], "month": m} for m in ("2026-01", "2026-02", "2026-03")],
                           source="x")
    for m in ("2026-01", "2026-02", "2026-03"):
        claim = ops.create_claim(office, pa, "post", "month", m, "1880")
        ops.record_tax_check(office, claim, "normal", "2026-04-02")
    held = ops.create_claim(office, pa, "social_insurance", "month", "2026-04", "700")  # after leaving: held
    with office.records.transaction() as tx:
        tx.create("welfare_placement", {"post_id": post, "person_id": c["id"], "started_on": D(2026, 3, 1),
                                        "employer": "坞城街道办事处", "post_name": "社区保洁员", "source": "历史数据导入",
                                        "cleanup": "未在已认定的就业困难人员名单中"}, area_code=c["area_code"])
    return {"a": a, "b": b, "c": c, "post": post, "held": held}


def test_efficiency_figures_by_hand(office, scene):
    with office.records.reading() as conn:
        ledger = build(conn, TODAY)
    assert [r.name for r in ledger.cleanup] == [scene["c"]["name"]]  # not counted
    assert len(ledger.placements) == 2 and len(ledger.active) == 1
    post = ledger.posts[0]
    assert (post.capacity, post.occupied, post.vacancies) == (2, 1, 1)
    assert post.open_report is not None and post.open_report.due == D(2026, 4, 8)  # 5 working days after 3-31
    e = analyse(ledger, D(2026, 1, 1), D(2026, 6, 30)).total
    assert e.post_days == 2 * 181
    assert e.occupied_days == 90 + 150  # A: Jan–Mar; B: 1 Feb – 30 Jun
    assert e.vacancy_days == 362 - 240
    assert e.occupancy == pytest.approx(240 / 362)
    assert (e.exits, e.market_exits, e.market_share) == (1, 1, 1.0)
    assert e.turnover == pytest.approx(1 / (240 / 181))
    assert e.people == 2 and e.subsidy_cents == 3 * 188000 and e.subsidy_per_person_cents == 282000
    later = analyse(ledger, D(2026, 4, 1), D(2026, 6, 30)).total
    assert (later.exits, later.people, later.subsidy_cents) == (0, 1, 0)
    with pytest.raises(ValueError, match="结束日期不能早于开始日期"):
        analyse(ledger, D(2026, 6, 30), D(2026, 1, 1))


def test_held_claim_shows_its_reason(office, scene):
    with office.records.reading() as conn:
        ledger = build(conn, TODAY)
    held = next(c for c in ledger.claims if c.id == scene["held"])
    assert held.status_zh == "暂缓发放"
    assert held.hold_reasons[0] == "2026-04 不在在岗期间（2026-01-01 至 2026-03-31）"


def test_excel_export_has_real_numbers(office, scene, tmp_path: Path):
    with office.records.reading() as conn:
        ledger = build(conn, TODAY)
    path = write_xlsx(ledger, analyse(ledger, D(2026, 1, 1), D(2026, 6, 30)), tmp_path / "台账.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["说明", "动态台账", "岗位", "使用效率分析", "补贴申领", "空岗报告", "待清理"]
    rows = list(wb["动态台账"].iter_rows(min_row=2, values_only=True))
    a = next(r for r in rows if r[1] == scene["a"]["name"])
    assert a[2] == scene["a"]["id_number"] and a[12] == 5640.0 and a[10] == "实现市场就业"
    eff = list(wb["使用效率分析"].iter_rows(min_row=2, values_only=True))
    assert eff[-1][0] == "合计" and eff[-1][5] == 122 and eff[-1][13] == 2820.0
    assert wb["使用效率分析"].cell(3, 7).number_format == "0.0%"
    assert [r[6] for r in wb["待清理"].iter_rows(min_row=2, values_only=True)] == ["未在已认定的就业困难人员名单中"]


def test_printed_ledger(office, scene, tmp_path: Path):
    buf = io.BytesIO()
    pages = render(office, "welfare-ledger", date=TODAY, out=buf, today=TODAY)
    assert pages == 1  # the analysis runs 1 January to the day: 241 person-days of 2 × 182
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(buf.getvalue())).pages)
    for needle in ("公益性岗位动态管理台账", "社区保洁员", scene["a"]["name"], "实现市场就业", "使用效率分析",
                   "66.2%", "待清理的历史数据（1 条", "5,640.00"):
        assert needle in text, needle
    assert scene["a"]["id_number"] not in text  # masked on paper
    assert scene["a"]["id_number"][:6] + "********" + scene["a"]["id_number"][14:] in text
    if shutil.which("pdftoppm"):
        pdf = tmp_path / "ledger.pdf"
        pdf.write_bytes(buf.getvalue())
        subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "p")], check=True)
        assert (tmp_path / "p-1.png").stat().st_size > 5000
