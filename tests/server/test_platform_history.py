"""History on the platform: every accepted change kept (who, when, device, which fields), and an access log
of who pulled which area — neither holding personal data."""

from __future__ import annotations

import json

from platform_api import COMMUNITY_A, make_op
from sqlalchemy import select

from sync.server.db import access_log, reading, record_history
from sync.server.importer import import_records


def _rows(engine, table):  # noqa: ANN001, ANN202
    with reading(engine) as conn:
        return [dict(r._mapping) for r in conn.execute(select(table))]


def test_every_accepted_change_is_kept_without_values(server, login) -> None:
    api = login("zhangli")
    create = make_op(fields={"area_code": COMMUNITY_A, "name": "历史甲", "phone": "13911112222"})
    first = api.push(create)[0]
    edit = make_op(id=create["id"], base_version=first["version"], fields={"phone": "13933334444"})
    second = api.push(edit)[0]
    api.push(edit)  # a duplicate is not a new change
    api.push(make_op(id=create["id"], base_version=second["version"], fields={"phone": "13933334444"}))  # no-op
    engine = server.app.state.engine
    rows = sorted((r for r in _rows(engine, record_history) if r["record_id"] == create["id"]),
                  key=lambda r: r["version"])
    assert [r["version"] for r in rows] == [first["version"], second["version"]]
    assert rows[0]["fields"] == ["area_code", "name", "phone"] and rows[1]["fields"] == ["phone"]
    assert {r["user_name"] for r in rows} == {"zhangli"} and {r["device_id"] for r in rows} == {api.device}
    assert all(r["at"] and r["area_code"] == COMMUNITY_A for r in rows)
    dumped = json.dumps(rows, ensure_ascii=False)
    assert "历史甲" not in dumped and "1391111" not in dumped and "1393333" not in dumped


def test_imported_records_enter_the_history(server) -> None:
    engine = server.app.state.engine
    rec = {"kind": "person", "id": "imp-1", "area_code": COMMUNITY_A, "fields": {"name": "导入乙"}}
    import_records(engine, [rec], "loader")
    rows = [r for r in _rows(engine, record_history) if r["record_id"] == "imp-1"]
    assert len(rows) == 1 and rows[0]["user_name"] == "loader" and rows[0]["device_id"] == "platform-import"


def test_each_pull_is_logged_with_user_device_and_areas(server, login) -> None:
    worker = login("zhangli")
    worker.push(make_op(fields={"area_code": COMMUNITY_A, "name": "拉取丙"}))
    supervisor = login("wangjun")
    supervisor.pull_all(limit=1)
    rows = [r for r in _rows(server.app.state.engine, access_log) if r["user_name"] == "wangjun"]
    assert rows and all(r["device_id"] == supervisor.device and r["areas"] == ["140105001000"] for r in rows)
    assert sum(r["records"] for r in rows) >= 1 and rows[0]["cursor"] == 0
    assert "拉取丙" not in json.dumps(rows, ensure_ascii=False)
