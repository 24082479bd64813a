"""Login: token kept in the encrypted store and reused, expired or unknown token → transparent re-login,
wrong password → a clear Chinese error and nothing touched."""

from __future__ import annotations

import time

from app.store import sync_state as st
from sync.client import AuthError, Transport
from tests.sync.faultproxy import FaultProxy
from tests.sync.support import add_household, assert_converged, start_server

LOGIN = "/api/v1/auth/login"


def test_token_reused_then_expired_token_relogs_in(sqlite_url, laptops) -> None:
    srv = start_server(sqlite_url, token_ttl_s=2)
    proxy = FaultProxy(int(srv.url.rsplit(":", 1)[1]))
    try:
        a = laptops("a", proxy.url)
        add_household(a.col)
        assert a.sync().ok
        assert proxy.count("POST", LOGIN) == 1
        assert a.col.get_meta(st.TOKEN_KEY)["token"]
        add_household(a.col)
        assert a.sync().ok
        assert proxy.count("POST", LOGIN) == 1  # the stored token was reused
        time.sleep(2.2)
        add_household(a.col)
        report = a.sync()
        assert report.ok, report.errors
        assert proxy.count("POST", LOGIN) == 2  # 401 token_expired → one new login, then the push went on
        assert_converged(srv.url, a)
    finally:
        proxy.close()
        srv.stop()


def test_unknown_token_relogs_in(server, laptops) -> None:
    a = laptops("a", server.url)
    assert a.sync().ok
    a.col.set_meta(st.TOKEN_KEY, {**a.col.get_meta(st.TOKEN_KEY), "token": "forged"})
    add_household(a.col)
    report = a.sync()
    assert report.ok, report.errors
    assert a.col.get_meta(st.TOKEN_KEY)["token"] != "forged"


def test_wrong_password_is_a_clear_error(server, laptops) -> None:
    a = laptops("a", server.url)
    a.password = "wrong"
    add_household(a.col)
    report = a.sync()
    assert not report.ok
    assert report.errors == ["用户名或密码不正确。"]
    assert a.pending() == 3
    t = Transport(server.url, username="zhangli", password="nope")
    try:
        t.login()
        raise AssertionError("login should fail")
    except AuthError as exc:
        assert "密码" in str(exc)
    finally:
        t.close()


def test_supervisor_login_stores_role_and_areas(server, laptops) -> None:
    s = laptops("s", server.url, user="wangjun")
    s.col.set_meta("user", {**s.col.user, "theme": "dark"})
    assert s.sync().ok
    user = s.col.user
    assert (user["role"], user["areas"], user["theme"]) == ("supervisor", ["140105001000"], "dark")
    assert user["display_name"] == "王军"
