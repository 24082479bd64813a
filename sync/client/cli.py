"""``outreach-desk sync``: one sync run from the command line, JSON summary on stdout.

The lead's argparse wiring passes the store passphrase (prompt or OUTREACH_PASSPHRASE) and the platform
password (prompt or OUTREACH_PLATFORM_PASSWORD); neither is written anywhere.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

from app.collection import Collection
from app.store.engine import StoreError
from sync.client.engine import SyncClient
from sync.client.transport import Transport

EXIT_OK, EXIT_SYNC, EXIT_STORE = 0, 1, 2


def run_sync_command(db_path: str | Path, server_url: str, user: str, passphrase: str, password: str, *,
                     verify: bool | str = True, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Open the store, sync once, print the report as JSON. Returns the process exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        col = Collection.open(db_path, passphrase)
    except StoreError as exc:
        print(f"无法打开数据文件：{exc}", file=err)
        return EXIT_STORE
    transport = Transport(server_url, username=user, password=password, verify=verify)
    try:
        report = SyncClient(col, transport).sync()
    finally:
        transport.close()
        col.close()
    print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2), file=out)
    if report.errors:
        print(f"同步失败：{report.errors[0]}", file=err)
        return EXIT_SYNC
    return EXIT_OK
