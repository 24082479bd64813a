"""Rule sets published on the platform reach laptops by ordinary sync, verified against the platform's key."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import update

from app.queries.rules import REFUSED_META, rules_for
from app.rules import eligibility, signing, workdays
from app.rules.active import using
from app.rules.facts import PersonFacts
from app.rules.idcard import make_id
from app.rules.ruleset import shipped_version
from sync.server.db import rule_keys, rule_sets
from sync.server.rules import PublishError, publish, register_key
from sync.server.seed import _demo_hash, add_user

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "rules" / "examples"
HOLIDAYS = (EXAMPLES / "shanxi-holidays-2027.example.toml").read_text(encoding="utf-8")
TAIYUAN = (EXAMPLES / "taiyuan-eligibility.example.toml").read_text(encoding="utf-8")
TODAY = date(2026, 12, 10)


def _deadline(col) -> workdays.Deadline:
    with using(rules_for(col, TODAY)):
        return workdays.deadline_info(date(2027, 2, 3), 7, date(2027, 2, 3))


def test_a_published_2027_calendar_reaches_the_laptop_and_moves_a_deadline(platform, laptops):
    lap = laptops("a", platform.url)
    before = _deadline(lap.col)
    assert (before.due, before.estimated) == (date(2027, 2, 12), True)  # never synced: shipped, Mon–Fri guess
    assert rules_for(lap.col).version == shipped_version()

    publish(platform.app.state.engine, HOLIDAYS, platform.pem, "admin")
    report = lap.sync()
    assert report.ok and report.rules == ["shanxi-holidays@1"] and not report.warnings
    after = _deadline(lap.col)
    assert (after.due, after.estimated) == (date(2027, 2, 20), False)  # across the example Spring Festival
    assert after.rules == f"{shipped_version()}+shanxi-holidays@1"
    pinned = lap.col.get_meta("rules_key")
    assert pinned["how"] == "first_sync" and pinned["key_id"] == signing.key_id(signing.public_key_of(platform.pem))

    again = lap.sync()  # nothing new: the cursor moved past it
    assert again.ok and again.rules == []
    lap.reopen()  # kept in the encrypted store
    assert _deadline(lap.col).due == date(2027, 2, 20)


def test_a_city_overlay_changes_a_threshold_for_that_city_only(platform, laptops):
    engine = platform.app.state.engine
    add_user(engine, "datong1", role="worker", areas=["140213001001"], password="x", password_hash=_demo_hash(True))
    publish(engine, HOLIDAYS, platform.pem, "admin")
    publish(engine, TAIYUAN, platform.pem, "admin")
    taiyuan, datong = laptops("ty", platform.url), laptops("dt", platform.url, user="datong1")
    assert taiyuan.sync().rules == ["shanxi-holidays@1", "taiyuan-eligibility@1"]
    assert datong.sync().rules == ["shanxi-holidays@1"]  # the overlay is not even sent outside 太原市

    woman_39 = PersonFacts(id_number=make_id("140105", date(1987, 6, 1), 2), hukou_in_shanxi=True,
                           registered_unemployed_on=date(2025, 1, 1), state_or_collective_enterprise=True)
    results = {}
    for lap in (taiyuan, datong):
        with using(rules_for(lap.col, TODAY)):
            results[lap.user] = eligibility.evaluate(woman_39, TODAY)
    assert results["zhangli"].category("older").met
    assert not results["datong1"].category("older").met
    assert results["zhangli"].rules_version.endswith("+taiyuan-eligibility@1")
    assert "taiyuan" not in results["datong1"].rules_version


@pytest.mark.parametrize(("damage", "reason"), [
    ({"text": HOLIDAYS.replace("2027-02-12, 2027-02-13", "2027-02-12, 2027-02-13, 2027-02-15")}, "签名校验失败"),
    ({"signature": ""}, "没有签名"),
    ({"signature": "not base64!"}, "签名格式不正确"),
])
def test_a_tampered_or_unsigned_set_is_refused_and_nothing_changes(platform, laptops, damage, reason):
    engine = platform.app.state.engine
    lap = laptops("a", platform.url)
    publish(engine, TAIYUAN, platform.pem, "admin")
    assert lap.sync().rules == ["taiyuan-eligibility@1"]
    held = rules_for(lap.col, TODAY).version

    publish(engine, HOLIDAYS, platform.pem, "admin")
    with engine.begin() as conn:
        conn.execute(update(rule_sets).where(rule_sets.c.set_id == "shanxi-holidays").values(**damage))
    report = lap.sync()
    assert report.ok and report.rules == []
    assert len(report.warnings) == 1 and reason in report.warnings[0] and "shanxi-holidays@1" in report.warnings[0]
    assert rules_for(lap.col, TODAY).version == held  # the laptop keeps the set it had
    assert _deadline(lap.col).estimated
    refused = lap.col.get_meta(REFUSED_META)
    assert refused[-1]["label"] == "shanxi-holidays@1" and reason in refused[-1]["reason"]


def test_a_set_signed_by_another_key_is_refused_after_the_key_was_pinned(platform, laptops):
    engine = platform.app.state.engine
    lap = laptops("a", platform.url)
    publish(engine, TAIYUAN, platform.pem, "admin")
    lap.sync()
    other_pem, other_public = signing.generate()  # e.g. a rogue platform at the same address
    register_key(engine, other_public)
    with engine.begin() as conn:  # the other key becomes the platform's newest
        conn.execute(update(rule_keys).where(rule_keys.c.public_key == other_public).values(created_at="9999"))
    publish(engine, HOLIDAYS, other_pem, "admin")
    report = lap.sync()
    assert report.rules == [] and "签名校验失败" in report.warnings[0]
    assert not rules_for(lap.col, TODAY).calendar.known(2027)


def test_signed_but_broken_sets_are_refused_by_the_laptop_too(platform, laptops):
    """A platform that skipped its own checks: the laptop checks again before using anything."""
    engine = platform.app.state.engine
    lap = laptops("a", platform.url)
    broken = TAIYUAN.replace("min_age_female = 38", 'min_age_female = "38"')
    with engine.begin() as conn:
        conn.execute(rule_sets.insert().values(
            set_id="taiyuan-eligibility", version=1, area="140100000000", effective="2026-12-01", title="t",
            source="s", text=broken, signature=signing.sign(platform.pem, broken), key_id="x",
            published_by="admin", published_at="now"))
    report = lap.sync()
    assert report.ok and report.rules == [] and "类型应与原规则一致" in report.warnings[0]
    assert rules_for(lap.col, TODAY).version == shipped_version()


def test_publish_refuses_bad_files_with_the_reason(platform):
    engine = platform.app.state.engine
    with pytest.raises(PublishError, match="不是有效的 TOML"):
        publish(engine, "[set", platform.pem, "admin")
    with pytest.raises(PublishError, match="没有 min_age_femal"):
        publish(engine, TAIYUAN.replace("min_age_female", "min_age_femal"), platform.pem, "admin")
    publish(engine, HOLIDAYS, platform.pem, "admin")
    with pytest.raises(PublishError, match="新版本号必须大于"):
        publish(engine, HOLIDAYS, platform.pem, "admin")
    other_pem, _ = signing.generate()
    with pytest.raises(PublishError, match="不是平台当前的签名密钥"):
        publish(engine, TAIYUAN, other_pem, "admin")
    with engine.connect() as conn:
        assert len(conn.execute(rule_sets.select()).all()) == 1


def test_a_broken_new_version_is_refused_and_the_laptop_keeps_the_version_it_had(platform, laptops):
    engine = platform.app.state.engine
    lap = laptops("a", platform.url)
    publish(engine, TAIYUAN, platform.pem, "admin")
    lap.sync()
    v2 = TAIYUAN.replace("version = 1", "version = 2").replace("min_age_female = 38", "min_age_female = 3.8e1")
    v2 = v2.replace('code = "older"', 'code = "older"\nname = 5')
    with engine.begin() as conn:  # signed by the platform's key, but it never passed the platform's checks
        conn.execute(rule_sets.insert().values(
            set_id="taiyuan-eligibility", version=2, area="140100000000", effective="2026-12-01", title="t",
            source="s", text=v2, signature=signing.sign(platform.pem, v2), key_id="x", published_by="admin",
            published_at="now"))
    report = lap.sync()
    assert report.ok and report.rules == []
    assert "taiyuan-eligibility@2" in report.warnings[0] and "类型应与原规则一致" in report.warnings[0]
    assert rules_for(lap.col, TODAY).version.endswith("+taiyuan-eligibility@1")


def test_a_set_signed_by_another_key_names_both_keys(platform, laptops):
    engine = platform.app.state.engine
    lap = laptops("a", platform.url)
    publish(engine, TAIYUAN, platform.pem, "admin")
    lap.sync()
    other_pem, other_public = signing.generate()
    text = HOLIDAYS
    with engine.begin() as conn:
        conn.execute(rule_sets.insert().values(
            set_id="shanxi-holidays", version=1, area="140000000000", effective="2026-12-01", title="t", source="s",
            text=text, signature=signing.sign(other_pem, text), key_id=signing.key_id(other_public),
            published_by="admin", published_at="now"))
    warning = lap.sync().warnings[0]
    assert signing.key_id(other_public) in warning and lap.col.get_meta("rules_key")["key_id"] in warning


class _Answer:
    def __init__(self, status: int, body) -> None:
        self.status, self.body = status, body


class _Platform:
    """A platform answering /rules with whatever the test gives it."""

    base_url = "http://platform.invalid"

    def __init__(self, status: int, body) -> None:
        self.answer = _Answer(status, body)

    def request(self, method: str, path: str, **kw):
        assert (method, path) == ("GET", "/rules")
        return self.answer


@pytest.mark.parametrize("body", [None, [], {"sets": "many"}, {"key": None}])
def test_a_malformed_answer_stops_with_a_message_and_changes_nothing(laptops, body):
    from sync.client.rules import pull_rules
    from sync.client.transport import SyncError

    lap = laptops("a", "http://platform.invalid")
    with pytest.raises(SyncError, match="规则集数据格式不正确"):
        pull_rules(lap.col, _Platform(200, body))
    assert lap.col.get_meta("rules_cursor") is None and lap.col.get_meta("rules_key") is None


def test_items_that_are_not_rule_sets_are_refused_one_by_one(laptops):
    from sync.client.rules import pull_rules

    lap = laptops("a", "http://platform.invalid")
    pem, public = signing.generate()
    key = {"key_id": signing.key_id(public), "public_key": public}
    good = {"seq": 3, "text": TAIYUAN, "signature": signing.sign(pem, TAIYUAN), "key_id": key["key_id"]}
    got = pull_rules(lap.col, _Platform(200, {"key": key, "sets": [{"seq": 1}, "junk", good], "cursor": 3}))
    assert [s.info.label for s in got.accepted] == ["taiyuan-eligibility@1"]
    assert got.refused == ["规则集 #1 未采用：平台返回的规则集格式不正确", "规则集 #? 未采用：平台返回的规则集格式不正确"]
    assert lap.col.get_meta("rules_cursor") == {"server": "http://platform.invalid", "after": 3}


def test_a_platform_without_rule_sets_is_not_an_error(laptops):
    from sync.client.rules import pull_rules

    lap = laptops("a", "http://platform.invalid")
    got = pull_rules(lap.col, _Platform(404, {"error": "not_found"}))
    assert got.accepted == [] and got.refused == [] and lap.col.get_meta("rules_cursor") is None


def test_a_kept_set_that_no_longer_fits_the_install_is_left_out_not_fatal(laptops):
    """A set stored under an earlier install whose tables have since changed: shipped rules, and the reason."""
    from app.ops.rules import keep_set
    from app.queries.rules import summary
    from app.rules.ruleset import parse

    lap = laptops("a", "http://platform.invalid")
    lap.col.set_user({**lap.col.user, "areas": ["140105001001"]})
    stale = parse(TAIYUAN.replace("min_age_female = 38", "retired_threshold = 38"))
    with lap.col.records.transaction() as tx:
        keep_set(tx.conn, stale, "sig", "key")
    assert rules_for(lap.col, TODAY).version == shipped_version()
    left = summary(lap.col)["left_out"]
    assert left[0]["label"] == "taiyuan-eligibility@1" and "retired_threshold" in left[0]["reason"]


def test_a_deadline_computed_on_an_estimate_is_recomputed_when_the_calendar_arrives(platform, laptops):
    from app import ops
    from app.rules import workflow
    from tests.sync.support import add_household

    lap = laptops("a", platform.url)
    lap.sync()  # logged in once: the laptop knows its areas
    _, (pid, _) = add_household(lap.col)
    with lap.col.records.transaction() as tx:
        case_id = tx.create("assistance_case", {"person_id": pid, "category": "long_term", "stage": "applied"},
                            area_code="140105001001")
    ops.cases.save_materials(lap.col, case_id, {m.code: True for m in workflow.materials("long_term")})
    t = ops.cases.workflow_action(lap.col, case_id, "submit", today=date(2027, 2, 3))
    case = lap.col.records.get("assistance_case", case_id)
    assert (case["due_on"], case["due_estimated"], case["due_rules"]) == (date(2027, 2, 12), True, shipped_version())
    assert t.estimated and t.rules_version == shipped_version()

    publish(platform.app.state.engine, HOLIDAYS, platform.pem, "admin")
    report = lap.sync()
    assert report.deadlines_moved == ["测试0（社区初审）办理时限 2027-02-12 → 2027-02-20（新的节假日安排）"]
    case = lap.col.records.get("assistance_case", case_id)
    assert (case["due_on"], case["due_estimated"]) == (date(2027, 2, 20), False)
    assert case["due_rules"] == f"{shipped_version()}+shanxi-holidays@1"
    moved = lap.col.get_meta("rules_changes")
    assert [(m["old"], m["new"]) for m in moved] == [("2027-02-12", "2027-02-20")]
    assert lap.sync().deadlines_moved == []  # once only

    other = laptops("b", platform.url)  # the recomputed date reached the platform like any change
    other.sync()
    assert other.col.records.get("assistance_case", case_id)["due_on"] == date(2027, 2, 20)
