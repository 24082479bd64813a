"""``import_records`` / ``outreach-platform import``: records the platform already holds, bulk-loaded so that
laptops receive them by their ordinary pull (docs/SERVER.md)."""

from __future__ import annotations

import io
import json

import pytest
from platform_api import COMMUNITY_A, COMMUNITY_A2, COMMUNITY_B, make_op

from sync.server import server_stats
from sync.server.cli import main
from sync.server.importer import ImportFailed, import_records


def _rec(kind: str, rid: str, area: str = COMMUNITY_A, deleted: bool = False, **fields) -> dict:
    return {"kind": kind, "id": rid, "area_code": area, "deleted": deleted, "fields": fields}


def test_import_then_pull_push_and_reimport(login, server) -> None:
    engine = server.app.state.engine
    recs = [_rec("household", "h-1", zero_employment=True),
            _rec("person", "p-1", name="导入甲", household_id="h-1", ui_contribution_months="7"),
            _rec("person", "p-2", COMMUNITY_A2, name="导入乙", registered_unemployed_on=20240301),
            _rec("person", "p-3", COMMUNITY_B, name="别的社区"),
            _rec("visit", "v-1", deleted=True, service_needs=["职业指导"])]
    assert import_records(engine, recs, "admin", chunk=2) == {"inserted": 5, "updated": 0, "unchanged": 0}
    zhang = login("zhangli")
    changes, cursor = zhang.pull_all()
    assert [c["id"] for c in changes] == ["h-1", "p-1", "p-2", "v-1"] and cursor == 5  # in import order
    p1 = changes[1]
    assert p1["fields"]["ui_contribution_months"] == 7 and p1["changed_by"] == "admin"  # canonical values
    assert changes[2]["fields"]["registered_unemployed_on"] == "2024-03-01" and changes[3]["deleted"] is True
    assert server_stats(engine, COMMUNITY_A)["kinds"]["person"]["count"] == 1

    # A laptop's edit on an imported record merges field by field like any other change.
    r = zhang.push_one(id="p-1", base_version=p1["version"], fields={"phone": "13800000021"})
    assert r["status"] == "applied" and r["record"]["fields"]["name"] == "导入甲"

    # The same file again changes nothing; a changed record is a new version, the laptop's phone is replaced
    # only because the imported copy (the system of record) says so.
    assert import_records(engine, recs, "admin") == {"inserted": 0, "updated": 1, "unchanged": 4}
    assert zhang.pull_all(r["version"])[0][0]["fields"]["phone"] is None
    recs[0]["fields"]["zero_employment"] = False
    assert import_records(engine, recs, "admin") == {"inserted": 0, "updated": 1, "unchanged": 4}
    [h] = zhang.pull_all(r["version"] + 1)[0]
    assert h["id"] == "h-1" and h["fields"]["zero_employment"] is False


def test_import_stops_at_a_bad_record_keeping_earlier_chunks(server) -> None:
    engine = server.app.state.engine
    recs = [_rec("person", f"q-{i}", name=f"甲{i}") for i in range(4)]
    recs.insert(3, _rec("person", "q-bad", birthday="2000-01-01"))
    with pytest.raises(ImportFailed, match="第 4 条.*birthday"):
        import_records(engine, recs, "admin", chunk=2)
    assert server_stats(engine, COMMUNITY_A)["kinds"]["person"]["total"] == 2  # the first chunk only
    del recs[3]
    assert import_records(engine, recs, "admin", chunk=2) == {"inserted": 2, "updated": 0, "unchanged": 2}


def test_cli_import(db_url, tmp_path, capsys, monkeypatch) -> None:
    path = tmp_path / "records.jsonl"
    lines = [json.dumps(_rec("person", f"c-{i}", name=f"命令行{i}"), ensure_ascii=False) for i in range(3)]
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    assert main(["import", str(path), "--db", db_url, "--by", "admin"]) == 0
    assert json.loads(capsys.readouterr().out) == {"inserted": 3, "updated": 0, "unchanged": 0}
    monkeypatch.setattr("sys.stdin", io.StringIO(lines[0] + "\n{not json\n"))
    assert main(["import", "-", "--db", db_url]) == 2
    assert "第 2 行" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(_rec("spaceship", "x")) + "\n"))
    assert main(["import", "-", "--db", db_url]) == 2
    assert "未知的记录类型" in capsys.readouterr().err


def test_imported_and_pushed_changes_share_one_sequence(login, server) -> None:
    zhang = login("zhangli")
    first = zhang.push_one(fields={"area_code": COMMUNITY_A})
    import_records(server.app.state.engine, [_rec("person", "s-1")], "admin")
    second = zhang.push(make_op(fields={"area_code": COMMUNITY_A}))[0]
    changes, _ = zhang.pull_all()
    assert [c["version"] for c in changes] == [first["version"], first["version"] + 1, second["version"]]
