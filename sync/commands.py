"""``outreach-desk sync --db PATH --server URL --user NAME``: one sync run from the command line.

Registered on the launcher's parser; the sync client (requests, the store) loads only when it runs. The store
passphrase comes from a prompt or OUTREACH_PASSPHRASE, the platform password from a prompt or
OUTREACH_PLATFORM_PASSWORD; neither is written anywhere.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

PASSWORD_ENV = "OUTREACH_PLATFORM_PASSWORD"


def register(sub: Any) -> None:
    s = sub.add_parser("sync", help="与平台同步")
    s.add_argument("--db", required=True)
    s.add_argument("--server", required=True)
    s.add_argument("--user", required=True)
    s.add_argument("--ca", help="平台证书（CA 文件）")
    s.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from app.commands import CliError, passphrase
    from sync.client.cli import run_sync_command

    secret = passphrase()
    password = os.environ.get(PASSWORD_ENV)
    if not password:
        if not sys.stdin.isatty():
            raise CliError(f"请输入平台密码（或设置环境变量 {PASSWORD_ENV}）。")
        password = getpass.getpass(f"平台账号 {args.user} 的密码：")
    return run_sync_command(args.db, args.server, args.user, secret, password, verify=args.ca or True)
