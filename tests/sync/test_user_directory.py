"""The user directory travels with sync: laptop B names A's user 张丽 (not the login zhangli) on every screen
that says who did something; an old platform without the directory, or a failing one, does not fail the run."""

from __future__ import annotations

import datetime as dt

from app import ops, settings
from app.queries import person_detail, reviews, visits
from app.queries.names import name_of
from tests.sync.faultproxy import FaultProxy
from tests.sync.support import add_household

TODAY = dt.date(2026, 11, 25)
VISIT = {"visited_on": TODAY, "employment_status": "unemployed", "employment_intention": "有意愿",
         "service_needs": ["岗位推荐"], "members": []}


def test_laptop_b_names_a_change_by_a_user_by_display_name(server, laptops) -> None:
    a = laptops("a", server.url, user="zhangli")
    b = laptops("b", server.url, user="wangjun")  # the street supervisor
    _, (pid, _) = add_household(a.col)
    ops.visits.record_visit(a.col, pid, VISIT, [{"kind": "policy_consultation"}], today=TODAY)
    assert a.sync().ok
    assert name_of(b.col, "zhangli") == "zhangli"  # nothing known yet: the login, as a last resort
    report = b.sync()
    assert report.ok and not report.warnings

    assert settings.USER_DIRECTORY.get(b.col)["zhangli"] == {"display_name": "张丽", "role": "worker"}
    assert name_of(b.col, "zhangli") == "张丽" and name_of(b.col, "wangjun") == "王军"
    history = person_detail.person_history(b.col, pid)
    assert history and {e.actor for e in history} == {"张丽"}
    assert [v["worker"] for v in person_detail.person_visits(b.col, pid).visits] == ["张丽"]
    assert [s["by"] for s in person_detail.person_services(b.col, pid).services] == ["张丽"]
    assert {r.worker for r in visits.page(b.col)} == {"张丽"}
    assert {i.worker for i in reviews.queue(b.col, TODAY)} == {"张丽"}
    # The stored records keep the login: names are for showing only.
    assert b.col.records.get("person", pid)["changed_by"] == "zhangli"


def test_old_platform_without_directory_leaves_sync_ok(server, laptops) -> None:
    routes = server.app.router.routes
    routes[:] = [r for r in routes if getattr(r, "path", "") != "/api/v1/users"]  # as an older platform
    a = laptops("a", server.url)
    add_household(a.col)
    report = a.sync()
    assert report.ok and not report.warnings and report.applied == 3
    assert settings.USER_DIRECTORY.get(a.col) == {}
    assert name_of(a.col, "zhangli") == "张丽"  # her own display name, from the login answer


def test_failing_directory_is_a_warning_and_keeps_the_old_one(server, laptops) -> None:
    proxy = FaultProxy(int(server.url.rsplit(":", 1)[1]))
    try:
        a = laptops("a", proxy.url)
        assert a.sync().ok
        known = settings.USER_DIRECTORY.get(a.col)
        assert known["wangjun"]["display_name"] == "王军"
        proxy.add("status", "GET", "/api/v1/users", times=100)
        add_household(a.col)
        report = a.sync()
        assert report.ok and report.applied == 3
        assert len(report.warnings) == 1 and "用户名单" in report.warnings[0]
        assert settings.USER_DIRECTORY.get(a.col) == known
    finally:
        proxy.close()
