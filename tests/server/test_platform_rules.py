"""The admin's rule-set commands and the /rules endpoint (docs/RULES.md)."""

from __future__ import annotations

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
