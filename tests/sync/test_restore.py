"""A PostgreSQL backup restored (pg_dump / pg_restore) serves laptops that then converge — including a laptop
whose cursor had moved past the backup, once ``outreach-platform restored`` has run."""

from __future__ import annotations

import subprocess

import pytest

from sync.server.cli import main as platform_main
from sync.server.testing import run_server_process
from tests.sync.support import add_household, assert_converged, server_stats

pytestmark = pytest.mark.postgres


def _pg(pg_server, tool: str, *args: str) -> None:  # noqa: ANN001
    cmd = [str(pg_server.bin_dir / tool), "-h", "127.0.0.1", "-p", str(pg_server.port), "-U", "postgres", *args]
    subprocess.run(cmd, check=True, capture_output=True)


def test_restored_backup_serves_laptops_that_converge(pg_server, laptops, tmp_path) -> None:  # noqa: F811
    url = pg_server.create_database()
    dbname = url.rsplit("/", 1)[1]
    handle = run_server_process(url, demo=True)
    a = laptops("a", handle.url)
    add_household(a.col, persons=2)
    assert a.sync().ok
    dump = tmp_path / "platform.dump"
    _pg(pg_server, "pg_dump", "-Fc", "-f", str(dump), dbname)  # the nightly backup

    b = laptops("b", handle.url)
    add_household(b.col, persons=3)  # after the backup: pulled by a, then lost with the database
    assert b.sync().ok and a.sync().ok
    handle.kill()

    restored = pg_server.create_database()
    _pg(pg_server, "pg_restore", "--no-owner", "-d", restored.rsplit("/", 1)[1], str(dump))
    assert platform_main(["restored", "--db", restored]) == 0
    port = int(handle.url.rsplit(":", 1)[1])
    handle = run_server_process(restored, port)  # same address: the laptops know no difference
    try:
        assert server_stats(handle.url)["kinds"]["household"]["total"] == 1
        add_household(a.col, persons=1)  # a's cursor is past the restored counter: new versions must lie above it
        assert a.sync().ok
        c = laptops("c", handle.url)
        assert c.sync().ok
        add_household(c.col, persons=1)
        assert c.sync().ok and a.sync().ok
        assert server_stats(handle.url)["kinds"]["household"]["total"] == 3
        assert a.col.counts()["household"] == 4  # plus b's, which the restored platform lost (docs/DEPLOY.md)
        assert c.col.counts()["household"] == 3
        assert_converged(handle.url, c)
    finally:
        handle.stop()
