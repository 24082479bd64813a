"""``outreach-desk sync``'s function: JSON summary, non-zero exit with a Chinese message on failure."""

from __future__ import annotations

import io
import json

from sync.client.cli import EXIT_OK, EXIT_STORE, EXIT_SYNC, run_sync_command
from tests.sync.support import PASSPHRASE, PASSWORD, add_household, assert_converged


def test_cli_sync_ok_then_failures(server, laptops) -> None:
    a = laptops("a", server.url)
    add_household(a.col)
    a.col.close()
    out, err = io.StringIO(), io.StringIO()
    code = run_sync_command(a.path, server.url, "zhangli", PASSPHRASE, PASSWORD, out=out, err=err)
    assert code == EXIT_OK, err.getvalue()
    summary = json.loads(out.getvalue())
    assert summary["ok"] and summary["applied"] == 3

    b = laptops("b", server.url)  # never logged in, so no stored token to fall back on
    b.col.close()
    out, err = io.StringIO(), io.StringIO()
    code = run_sync_command(b.path, server.url, "zhangli", PASSPHRASE, "wrong", out=out, err=err)
    assert code == EXIT_SYNC
    assert "同步失败" in err.getvalue() and "密码" in err.getvalue()
    assert json.loads(out.getvalue())["ok"] is False

    out, err = io.StringIO(), io.StringIO()
    code = run_sync_command(a.path, server.url, "zhangli", "not the passphrase", PASSWORD, out=out, err=err)
    assert code == EXIT_STORE and "密码不正确" in err.getvalue()

    a.reopen()
    assert_converged(server.url, a)
