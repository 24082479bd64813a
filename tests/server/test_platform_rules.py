"""The admin's rule-set commands and the /rules endpoint (docs/RULES.md)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sync.server.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "rules" / "examples"
HOLIDAYS = EXAMPLES / "shanxi-holidays-2027.example.toml"
TAIYUAN = EXAMPLES / "taiyuan-eligibility.example.toml"


@pytest.fixture
def admin(tmp_path: Path):
    db = f"sqlite:///{tmp_path / 'platform.db'}"
    key = tmp_path / "secret" / "rules.pem"
    assert main(["seed-demo", "--db", db]) == 0
    assert main(["rules", "keygen", "--db", db, "--key", str(key)]) == 0
    return db, key


def test_keygen_writes_an_owner_only_key_and_never_overwrites(admin, capsys):
    db, key = admin
    assert key.stat().st_mode & 0o777 == 0o600
    first = key.read_bytes()
    assert main(["rules", "keygen", "--db", db, "--key", str(key)]) == 1
    assert key.read_bytes() == first and "不会覆盖" in capsys.readouterr().err


def test_publish_from_the_command_line(admin, capsys, tmp_path):
    db, key = admin
    assert main(["rules", "publish", str(HOLIDAYS), "--db", db, "--key", str(key)]) == 0
    assert "已发布 shanxi-holidays@1" in capsys.readouterr().out
    bad = tmp_path / "bad.toml"
    bad.write_text(TAIYUAN.read_text(encoding="utf-8").replace('area = "140100000000"', 'area = "1401"'),
                   encoding="utf-8")
    assert main(["rules", "publish", str(bad), "--db", db, "--key", str(key)]) == 2
    assert "未发布：规则集地区必须是 12 位区划代码" in capsys.readouterr().err
    assert main(["rules", "publish", str(tmp_path / "missing.toml"), "--db", db, "--key", str(key)]) == 2


def test_rules_endpoint_needs_a_login_and_sends_only_the_users_sets(make_server, tmp_path):
    from app.rules import signing
    from sync.server.rules import publish, register_key

    server = make_server()
    engine = server.app.state.engine
    pem, public = signing.generate()
    register_key(engine, public)
    publish(engine, HOLIDAYS.read_text(encoding="utf-8"), pem, "admin")
    publish(engine, TAIYUAN.read_text(encoding="utf-8"), pem, "admin")
    import requests

    url = f"{server.url}/api/v1/rules"
    assert requests.get(url, timeout=5).status_code == 401

    def sets_for(user: str, after: int = 0) -> dict:
        token = requests.post(f"{server.url}/api/v1/auth/login", json={
            "username": user, "password": "demo1234", "device_id": "t"}, timeout=5).json()["token"]
        return requests.get(url, params={"after": after}, headers={"Authorization": f"Bearer {token}"},
                            timeout=5).json()

    answer = sets_for("zhangli")
    assert answer["key"] == {"key_id": signing.key_id(public), "public_key": public}
    assert [s["seq"] for s in answer["sets"]] == [1, 2] and answer["cursor"] == 2
    assert sets_for("zhangli", after=2)["sets"] == []


def test_list_diff_and_preview_for_the_office(admin, capsys, tmp_path):
    from sqlalchemy import insert

    from sync.server.db import make_engine, records

    db, key = admin
    engine = make_engine(db)
    case = {"person_id": "p", "category": "long_term", "stage": "community_review",
            "stage_started_on": "2027-02-03", "due_on": "2027-02-12"}
    with engine.begin() as conn:  # a case whose deadline was computed on the Mon–Fri estimate
        conn.execute(insert(records).values(kind="assistance_case", id="case-1", area_code="140105001001",
                                            version=1, deleted=False, data=case, field_versions={}))
        conn.execute(insert(records).values(kind="assistance_case", id="case-2", area_code="140105001001",
                                            version=2, deleted=False, data={**case, "stage_started_on": "2027-03-03",
                                                                            "due_on": "2027-03-12"},
                                            field_versions={}))
    engine.dispose()

    assert main(["rules", "preview", str(HOLIDAYS), "--db", db, "--date", "2026-12-10", "--json"]) == 0
    moved = json.loads(capsys.readouterr().out)
    assert moved == [{"case": "case-1", "area": "140105001001", "stage": "community_review",
                      "stored": "2027-02-12", "now": "2027-02-12", "new": "2027-02-20"}]

    assert main(["rules", "list", "--db", db, "--date", "2026-12-10"]) == 0
    assert "平台尚未发布规则集" in capsys.readouterr().out
    for f in (HOLIDAYS, TAIYUAN):
        assert main(["rules", "publish", str(f), "--db", db, "--key", str(key)]) == 0
    capsys.readouterr()
    assert main(["rules", "list", "--db", db, "--date", "2026-12-10"]) == 0
    out = capsys.readouterr().out
    assert "taiyuan-eligibility@1" in out and "示例，非官方" in out
    lines = {line.split()[0]: line for line in out.splitlines() if line.startswith("  14")}
    assert lines["140100000000"].endswith("+shanxi-holidays@1+taiyuan-eligibility@1")  # 太原市
    assert lines["140200000000"].endswith("+shanxi-holidays@1")  # 大同市: the province's set only

    v2 = tmp_path / "taiyuan-v2.toml"
    v2.write_text(TAIYUAN.read_text(encoding="utf-8").replace("version = 1", "version = 2")
                  .replace("min_age_female = 38", "min_age_female = 39\nmin_ui_contribution_months = 3"),
                  encoding="utf-8")
    assert main(["rules", "diff", "taiyuan-eligibility@1", str(v2), "--db", db]) == 0
    out = capsys.readouterr().out
    assert "eligibility.category[older].min_age_female：38 → 39" in out
    assert "eligibility.category[older].min_ui_contribution_months：6 → 3" in out
    assert main(["rules", "diff", "taiyuan-eligibility@1", "--db", db]) == 0  # first version: against the shipped rules
    assert "eligibility.category[older].min_age_female：40 → 38" in capsys.readouterr().out
    assert main(["rules", "diff", "shanxi-holidays@1", "--db", db]) == 0
    assert "2027 年新增放假：2027-01-01、2027-01-02" in capsys.readouterr().out
    with pytest.raises(SystemExit, match="平台上没有规则集 nope@3"):
        main(["rules", "diff", "nope@3", "--db", db])


def test_preview_of_a_limit_change_follows_the_laptops_rule(admin):
    """Before publishing a shorter 社区初审 the office sees the cases it would move, by the rule the laptops apply:
    a stage started before the set is effective keeps its limit unless the set says applies_to_running."""
    from sqlalchemy import insert

    from app.rules.ruleset import parse
    from sync.server.db import make_engine, records
    from sync.server.rules import preview
    from tests.sync.test_rules_limits import KEEP, RUNNING

    db, _ = admin
    engine = make_engine(db)
    cases = {"before": ("community_review", "2026-05-20", "2026-05-29"),
             "after": ("community_review", "2026-06-03", "2026-06-12"),
             "street": ("street_review", "2026-05-20", "2026-05-29"),
             "closed": ("rejected", "2026-06-03", "2026-06-12")}
    with engine.begin() as conn:
        for version, (cid, (stage, started, due)) in enumerate(cases.items(), start=1):
            conn.execute(insert(records).values(
                kind="assistance_case", id=cid, area_code="140105001001", version=version, deleted=False,
                field_versions={}, data={"person_id": "p", "stage": stage, "stage_started_on": started, "due_on": due}))
    try:
        kept = preview(engine, parse(KEEP), date(2026, 12, 10))
        running = preview(engine, parse(RUNNING), date(2026, 12, 10))
    finally:
        engine.dispose()
    assert [(m["case"], m["stored"], m["now"], m["new"]) for m in kept] == [
        ("after", "2026-06-12", "2026-06-12", "2026-06-10")]
    assert sorted((m["case"], m["new"]) for m in running) == [("after", "2026-06-10"), ("before", "2026-05-27")]
