"""Imports from the files people really have: an old 公益性岗位 ledger with a merged two-row header, a title,
blank rows and dates typed as text (made here with openpyxl), and social-insurance paid months as a GBK CSV
or a sheet with one column per month."""

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment

from app.ops import ValidationError
from app.ops import welfare_jobs as ops
from app.rules.idcard import make_id
from app.tabular import TableError, find_table, parse_date, parse_month, read_rows
from app.welfare import history
from app.welfare.export_xlsx import write_history_report
from app.welfare.history import plan_history
from app.welfare.si_months import read_paid_months
from tests.welfare.conftest import certified, not_certified

TODAY = dt.date(2026, 11, 25)
HEADER_TOP = ["序号", "人员信息", None, None, "岗位信息", None, None, "资金来源", "上岗时间", "离岗时间", "离岗原因"]
HEADER_SUB = [None, "姓名", "身份证号", "人员类别", "用人单位", "岗位名称", "岗位类型", None, None, None, None]


def messy_ledger(path: Path, rows: list[list]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["坞城街道公益性岗位人员花名册（2024年1月起）"])
    ws.merge_cells("A1:K1")
    ws.append(["填报单位：坞城街道劳动保障事务所", None, None, None, None, None, None, None, "单位：人"])
    ws.append(HEADER_TOP)
    ws.append(HEADER_SUB)
    ws.merge_cells("B3:D3")
    ws.merge_cells("E3:G3")
    for col in "AHIJK":
        ws.merge_cells(f"{col}3:{col}4")
    ws["B3"].alignment = Alignment(horizontal="center")
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def _people(col):
    """Two certified people far from retirement — the first of a category that may be placed again —
    and one who is not on the certified list."""
    young = [p for p in certified(col) if p["id_number"][6:10] >= "1975"]
    a = next(p for p in young if p["category"] in ("zero_household", "disabled", "older"))
    b = next(p for p in young if p["id"] != a["id"])
    return a, b, not_certified(col)


def test_messy_history_sheet_is_validated_then_imported_once(office, tmp_path: Path):
    a, b, unlisted = _people(office)
    unlisted_id = office.records.get("person", unlisted["id"])["id_number"]
    stranger = make_id("140105", dt.date(1984, 2, 2), 33)
    rows = [
        [1, a["name"], f" {a['id_number'].lower()} ", "低保人员", "坞城街道办事处", "社区保洁员", "保洁绿化",
         "就业补助资金", dt.date(2024, 1, 8), "2024.6.30", "市场就业"],
        [None] * 11,
        [2, a["name"], a["id_number"], None, "坞城街道办事处", "治安协管员", "治安协管", "就业补助资金",
         "2024年7月15日", None, None],
        [3, b["name"], b["id_number"], None, "坞城街道办事处", "社区保洁员", "保洁绿化", "地方财政",
         "2024/07/01", 45808, "实现市场就业"],  # 45808 = 2025-05-31 as an Excel serial day
        [],
        [4, unlisted["name"], unlisted_id, "长期失业人员", "东岗路社区居委会", "社区服务员", "社区公共服务", "就业补助资金",
         "20240815", None, None],
        [5, "外来人员", stranger, None, "坞城街道办事处", "社区保洁员", "保洁绿化", "就业补助资金", "2024.3.1", None, None],
        [6, b["name"], b["id_number"], None, "坞城街道办事处", "社区保洁员", "保洁绿化", "就业补助资金",
         "2024.13.1", None, None],
        [7, "老数据", stranger, None, "坞城街道办事处", "社区保洁员", "保洁绿化", "就业补助资金",
         "2022.3.1", "2023.12.31", "补贴期满"],
    ]
    path = messy_ledger(tmp_path / "公益性岗位花名册.xlsx", rows)
    with office.records.reading() as conn:
        plan = plan_history(conn, path, TODAY)
    status = {r.line: (r.status, r.messages) for r in plan.rows}
    assert plan.blank_rows == 2 and len(plan.rows) == 7
    assert status[5] == ("imported", [])  # "市场就业" is read as 实现市场就业
    assert status[7] == ("imported", [])
    assert status[8] == ("imported", [])
    assert status[10] == ("cleanup", ["未在已认定的就业困难人员名单中"])
    assert status[11] == ("needs_person", ["人员库中没有该身份证号，请先补录人员再重新导入本文件"])
    assert status[12][0] == "error" and "日期无法识别：2024.13.1" in status[12][1][0]
    assert status[13] == ("skipped", ["2024年1月前已离岗，不在清理范围"])
    assert "可导入 3 行" in plan.summary_zh and "空行 2 行" in plan.summary_zh

    report = load_workbook(write_history_report(plan, tmp_path / "校验报告.xlsx"))
    todo = list(report["需处理"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[3]) for r in todo] == [(10, "导入后待核实"), (11, "需先补录人员"), (12, "有错误")]

    counts = ops.import_history(office, plan)
    assert counts == {"posts": 3, "placements": 4, "cleanup": 1}
    placed = office.records.children("welfare_placement", "person_id", a["id"])
    placed.sort(key=lambda p: p["started_on"])
    assert [p["sequence"] for p in placed] == [1, 2]
    assert placed[1]["first_approved_on"] == dt.date(2024, 1, 8)  # counted from the first placement
    b_rec = office.records.children("welfare_placement", "person_id", b["id"])[0]
    assert (b_rec["ended_on"], b_rec["end_reason"]) == (dt.date(2025, 5, 31), "market_job")

    assert ops.import_history(office, plan) == {"posts": 0, "placements": 0, "cleanup": 0}  # applied twice
    with office.records.reading() as conn:  # the same file again: nothing twice
        again = plan_history(conn, path, TODAY)
    assert again.count("imported") == again.count("cleanup") == 0 and again.count("skipped") == 5


def test_unknown_leave_reason_needs_cleanup(office, tmp_path: Path):
    a, _b, _u = _people(office)
    path = messy_ledger(tmp_path / "x.xlsx", [[1, a["name"], a["id_number"], None, "坞城街道办事处", "保洁员",
                                              "环卫", "就业补助资金", "2024-02-01", "2024-05-31", "找到新工作"]])
    with office.records.reading() as conn:
        plan = plan_history(conn, path, TODAY)
    row = plan.rows[0]
    assert row.status == "cleanup"
    assert row.messages == ["离岗原因“找到新工作”无法对应，请核实", "岗位类型“环卫”无法对应，已记为“其他”"]
    ops.import_history(office, plan)
    placement = office.records.children("welfare_placement", "person_id", a["id"])[0]
    assert placement["cleanup"].startswith("离岗原因")
    ops.confirm_cleanup(office, placement["id"])
    assert office.records.get("welfare_placement", placement["id"])["cleanup"] is None


def test_sheet_without_the_needed_columns_is_refused(tmp_path: Path):
    wb = Workbook()
    wb.active.append(["姓名", "电话"])
    wb.save(tmp_path / "bad.xlsx")
    with pytest.raises(TableError, match="表头缺少这些列：身份证号、用人单位、岗位名称、上岗时间"):
        find_table(read_rows(tmp_path / "bad.xlsx"), history.ALIASES, history.REQUIRED)


@pytest.mark.parametrize(("text", "day"), [
    ("2024.3.1", dt.date(2024, 3, 1)), ("2024年3月1日", dt.date(2024, 3, 1)), ("2024/03/01", dt.date(2024, 3, 1)),
    ("2024-3-1", dt.date(2024, 3, 1)), ("20240301", dt.date(2024, 3, 1)), (45352, dt.date(2024, 3, 1)),
    (dt.datetime(2024, 3, 1, 0, 0), dt.date(2024, 3, 1)), (None, None)])
def test_dates_as_people_type_them(text, day):
    assert parse_date(text) == day


@pytest.mark.parametrize("text", ["2024.2.30", "三月一日", "2024-03"])
def test_not_a_date(text):
    with pytest.raises(ValueError, match="日期无法识别"):
        parse_date(text)


@pytest.mark.parametrize("text", ["2026-03", "2026年3月", "202603", "2026.3", dt.date(2026, 3, 9), 202603.0])
def test_months(text):
    assert parse_month(text) == "2026-03"


def test_paid_months_from_a_gbk_csv_and_stored(office, tmp_path: Path):
    a, _b, _u = _people(office)
    text = ("姓名,公民身份号码,费款所属期,险种,缴费单位\n"
            f"{a['name']},{a['id_number']},202604,养老保险,坞城街道办事处\n"
            "\n"
            f"{a['name']},{a['id_number']},2026年5月,养老保险,坞城街道办事处\n"
            f"坏数据,140105198402020000,202605,养老保险,x\n")
    path = tmp_path / "社保缴费.csv"
    path.write_bytes(text.encode("gbk"))
    got = read_paid_months(path)
    assert [(r["month"], r["payer"]) for r in got.rows] == [("2026-04", "坞城街道办事处"), ("2026-05", "坞城街道办事处")]
    assert len(got.problems) == 1 and got.problems[0].startswith("第 5 行：身份证号无效")
    result = ops.import_paid_months(office, got.rows, source=path.name)
    assert result["added"] == 2
    months = sorted(r["month"] for r in office.records.children("si_paid_month", "person_id", a["id"]))
    assert months == ["2026-04", "2026-05"]


def test_paid_months_one_column_per_month(tmp_path: Path):
    number = make_id("140105", dt.date(1984, 2, 2), 33)
    wb = Workbook()
    ws = wb.active
    ws.append(["2026年社会保险缴费明细"])
    ws.append(["姓名", "身份证号", "2026-01", "2026-02", "2026年3月"])
    ws.append(["甲", number, "√", None, 1260.5])
    ws.append(["乙", number[:-1] + "0", "√", "√", "√"])
    wb.save(tmp_path / "wide.xlsx")
    got = read_paid_months(tmp_path / "wide.xlsx")
    assert [r["month"] for r in got.rows] == ["2026-01", "2026-03"]
    assert got.problems and "身份证号无效" in got.problems[0]


def test_import_refused_for_a_worker(office, tmp_path: Path):
    office.set_user({"name": "zhangli", "display_name": "张丽", "role": "worker", "areas": ["140105001001"]})
    with pytest.raises(ValidationError):
        ops.import_paid_months(office, [], source="x")


def test_history_older_than_a_placement_in_the_store(office, tmp_path: Path):
    """History imported after a person was placed in the app: counted before it, and an open end flagged."""
    a, _b, _u = _people(office)
    post = ops.develop_post(office, {"employer": "坞城街道办事处", "post_name": "保洁员", "post_type": "sanitation",
                                     "capacity": 1, "funding": "employment_fund", "developed_on": "2025-01-01"},
                            area_code="140105001000")
    ops.place_person(office, post, a["id"], "2025-03-01")
    path = messy_ledger(tmp_path / "x.xlsx", [[1, a["name"], a["id_number"], None, "坞城街道办事处", "巡查员",
                                              "治安协管", "就业补助资金", "2024-02-01", None, None]])
    with office.records.reading() as conn:
        row = plan_history(conn, path, TODAY).rows[0]
    assert row.status == "cleanup" and row.messages == ["与 2025-03-01 起的安置重叠，请核实离岗时间"]
    assert (row.placement["sequence"], row.placement["first_approved_on"]) == (1, dt.date(2024, 2, 1))
