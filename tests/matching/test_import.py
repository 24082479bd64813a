"""Importing matching files: every format people bring, bad rows, wrong encodings, empty files, odd columns,
the same file twice, a remembered column mapping, and the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.matching.ids import to_18
from app.matching.reader import read_source
from app.ops.matching import ImportRejected, import_source, saved_mapping
from app.rules.idcard import IdNumberError
from app.store.tables import TABLES
from app.tabular import TableError
from tests.conftest import PASSPHRASE
from tests.matching.conftest import (
    HELPING,
    REGISTERED,
    SI_HEADER,
    TODAY,
    si_rows,
    write_csv,
    write_xls,
    write_xlsx,
)


def _hits(col) -> list[dict]:  # noqa: ANN001
    with col.records.reading() as conn:
        t = TABLES["match_hit"]
        return [dict(r._mapping) for r in conn.execute(select(t).order_by(t.c.started_on))]



def test_id_numbers_normalised() -> None:
    assert to_18(REGISTERED.replace("1", "１")) == REGISTERED
    assert to_18(f" {HELPING[:6]} {HELPING[6:].lower()} ") == HELPING
    fifteen = REGISTERED[:6] + REGISTERED[8:17]
    assert to_18(fifteen) == REGISTERED
    assert to_18(int(REGISTERED)) == REGISTERED if REGISTERED[-1] != "X" else True
    with pytest.raises(IdNumberError):
        to_18(REGISTERED[:-1] + ("0" if REGISTERED[-1] != "0" else "1"))


@pytest.mark.parametrize("fmt", ["csv-utf8", "csv-utf8-bom", "csv-gbk", "csv-gb18030", "xlsx", "xls"])
def test_every_format_gives_the_same_hits(store, tmp_path: Path, fmt: str) -> None:  # noqa: ANN001
    col, ids = store
    rows = si_rows()
    path = {
        "csv-utf8": lambda: write_csv(tmp_path / "参保.csv", rows),
        "csv-utf8-bom": lambda: write_csv(tmp_path / "参保.csv", rows, "utf-8-sig"),
        "csv-gbk": lambda: write_csv(tmp_path / "参保.csv", rows, "gbk"),
        "csv-gb18030": lambda: write_csv(tmp_path / "参保.csv", rows, "gb18030"),
        "xlsx": lambda: write_xlsx(tmp_path / "参保.xlsx", rows),
        "xls": lambda: write_xls(tmp_path / "参保.xls", rows),
    }[fmt]()
    result = import_source(col, path, "social_insurance", today=TODAY)
    # 5 rows, the first two one event (two 险种); the employed and the stranger give no hit.
    assert (result.rows, result.events, result.hits_new, result.people) == (5, 4, 2, 2)
    hits = _hits(col)
    assert [(h["person_id"], h["employer"], h["started_on"].isoformat()) for h in hits] == [
        (ids["helping"], "山西某餐饮有限公司", "2026-09-01"),
        (ids["registered"], "太原市某物业公司", "2026-10-08"),
    ]
    assert hits[1]["credit_code"] == "91140105MA0K000001" and hits[1]["source"] == "social_insurance"
    assert all(h["status"] == "open" and h["found_on"] == TODAY for h in hits)


def test_same_file_twice_adds_nothing(store, tmp_path: Path) -> None:  # noqa: ANN001
    col, _ = store
    path = write_xlsx(tmp_path / "参保.xlsx", si_rows())
    first = import_source(col, path, "social_insurance", today=TODAY)
    with col.records.reading() as conn:
        before = conn.execute(select(func.count()).select_from(TABLES["match_hit"])).scalar_one()
    again = import_source(col, path, "social_insurance", today=TODAY)
    with col.records.reading() as conn:
        after = conn.execute(select(func.count()).select_from(TABLES["match_hit"])).scalar_one()
    assert first.hits_new == 2 and (again.hits_new, again.hits_known) == (0, 2) and before == after == 2


def test_bad_rows_all_reported_and_nothing_imported(store, tmp_path: Path) -> None:  # noqa: ANN001
    col, _ = store
    rows = si_rows() + [
        [6, "甲", "1401051980050611", "某公司", "", "养老保险", "2026-01-01"],  # 16 digits
        [7, "乙", REGISTERED[:-1] + ("1" if REGISTERED[-1] == "0" else "0"), "某公司", "", "养老保险", "2026-01-01"],
        [8, "丙", HELPING, None, "", "养老保险", "2026-01-01"],  # no employer
        [9, "丁", HELPING, "某公司", "", "养老保险", "明年春天"],
    ]
    path = write_csv(tmp_path / "bad.csv", rows)
    with pytest.raises(ImportRejected) as err:
        import_source(col, path, "social_insurance", today=TODAY)
    problems = err.value.problems
    assert [p.split("：")[0] for p in problems] == ["第 7 行", "第 8 行", "第 9 行", "第 10 行"]
    assert "长度" in problems[0] and "校验码" in problems[1] and "缺少单位名称" in problems[2]
    assert "日期无法识别" in problems[3]
    assert _hits(col) == []


def test_wrong_encoding_is_a_clear_error(store, tmp_path: Path) -> None:  # noqa: ANN001
    col, _ = store
    path = tmp_path / "乱码.csv"
    path.write_bytes(bytes(range(128, 256)) * 40)  # no text encoding reads this as a table with our header
    with pytest.raises(TableError) as err:
        import_source(col, path, "social_insurance", today=TODAY)
    assert "表头" in str(err.value) or "编码" in str(err.value)
    # A GBK file saved with a .csv name but read as UTF-8 would be mojibake: detection gets the header right.
    gbk = write_csv(tmp_path / "gbk.csv", si_rows(), "gbk")
    assert read_source(gbk, "social_insurance").rows[0]["employer"] == "太原市某物业公司"


def test_empty_and_header_only_files(store, tmp_path: Path) -> None:  # noqa: ANN001
    col, _ = store
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(TableError, match="空的"):
        import_source(col, empty, "social_insurance", today=TODAY)
    header_only = write_csv(tmp_path / "header.csv", [])
    with pytest.raises(TableError, match="没有数据行"):
        import_source(col, header_only, "social_insurance", today=TODAY)
    assert _hits(col) == []


def test_extra_columns_ignored_missing_columns_named(store, tmp_path: Path) -> None:  # noqa: ANN001
    col, _ = store
    header = [*SI_HEADER, "备注", "经办机构"]
    path = write_xlsx(tmp_path / "extra.xlsx", [r + ["", "小店区"] for r in si_rows()], header)
    result = import_source(col, path, "social_insurance", today=TODAY)
    assert result.hits_new == 2 and {"备注", "经办机构", "序号"} <= set(result.ignored_columns)
    missing = write_csv(tmp_path / "missing.csv", [r[:6] for r in si_rows()], header=SI_HEADER[:6])
    with pytest.raises(TableError, match="参保日期"):
        import_source(col, missing, "social_insurance", today=TODAY)


def test_duplicate_id_numbers(store, tmp_path: Path) -> None:  # noqa: ANN001
    col, ids = store
    rows = [
        [1, "王登记", REGISTERED, "甲公司", "", "养老保险", "2026-10-08"],
        [2, "王登记", REGISTERED, "甲公司", "", "失业保险", "2026-10-08"],  # same event, another 险种
        [3, "王登记", REGISTERED, "乙公司", "", "养老保险", "2026-11-02"],  # a second job: its own hit
    ]
    result = import_source(col, write_csv(tmp_path / "dup.csv", rows), "social_insurance", today=TODAY)
    assert (result.events, result.hits_new) == (2, 2)
    assert sorted(h["employer"] for h in _hits(col) if h["person_id"] == ids["registered"]) == ["乙公司", "甲公司"]


def test_mapping_for_unusual_headers_is_remembered(store, tmp_path: Path) -> None:  # noqa: ANN001
    col, _ = store
    header = ["证件号", "人员姓名", "工作单位", "起保日期"]
    rows = [[REGISTERED, "王登记", "甲公司", "2026-10-08"]]
    path = write_csv(tmp_path / "odd.csv", rows, header=header)
    with pytest.raises(TableError):
        import_source(col, path, "social_insurance", today=TODAY)
    mapping = {"id_number": "证件号", "employer": "工作单位", "started_on": "起保日期"}
    assert import_source(col, path, "social_insurance", mapping=mapping, today=TODAY).hits_new == 1
    assert saved_mapping(col, "social_insurance") == mapping
    rows2 = [[HELPING, "李帮扶", "乙公司", "2026-10-09"]]
    again = import_source(col, write_csv(tmp_path / "odd2.csv", rows2, header=header), "social_insurance",
                          today=TODAY)  # no mapping given: the remembered one is used
    assert again.hits_new == 1


def test_business_registration_file(store, tmp_path: Path) -> None:  # noqa: ANN001
    col, ids = store
    header = ["市场主体名称", "统一社会信用代码", "经营者姓名", "经营者身份证号", "成立日期", "市场主体类型"]
    rows = [["小店区王记面馆", "92140105MA0K00003X", "王登记", REGISTERED, "2026-09-15", "个体工商户"]]
    result = import_source(col, write_xlsx(tmp_path / "工商.xlsx", rows, header), "business_registration",
                           today=TODAY)
    assert result.hits_new == 1
    (hit,) = _hits(col)
    assert (hit["source"], hit["employer"], hit["credit_code"]) == (
        "business_registration", "小店区王记面馆", "92140105MA0K00003X")
    assert hit["person_id"] == ids["registered"]


def _cli(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "outreach", *args], capture_output=True, text=True, env=env,
                          cwd=Path(__file__).resolve().parents[2], timeout=120)


def test_command_line(store, tmp_path: Path) -> None:  # noqa: ANN001
    import os

    col, _ = store
    db = col.path
    col.close()
    env = {**os.environ, "OUTREACH_PASSPHRASE": PASSPHRASE}
    good = write_xls(tmp_path / "参保.xls", si_rows())
    out = _cli("import", "social-insurance", str(good), "--db", str(db), "--json", env=env)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {"rows": 5, "events": 4, "hits_new": 2, "hits_known": 0, "people": 2}
    bad = write_csv(tmp_path / "bad.csv", si_rows() + [[6, "甲", "123", "某公司", "", "", "2026-01-01"],
                                                       [7, "乙", REGISTERED, "", "", "", ""]], "gbk")
    out = _cli("import", "social-insurance", str(bad), "--db", str(db), env=env)
    assert out.returncode == 1
    assert "第 7 行" in out.stderr and "第 8 行" in out.stderr and "未导入" in out.stderr
    odd = write_csv(tmp_path / "odd.csv", [[REGISTERED, "乙公司", "2026-11-01"]], header=["证件号", "工作单位", "起保"])
    out = _cli("import", "social-insurance", str(odd), "--db", str(db), "--map", "身份证号码=证件号",
               "--map", "employer=工作单位", "--map", "参保日期=起保", env=env)
    assert out.returncode == 0, out.stderr
    assert "1 条新结果" in out.stdout
