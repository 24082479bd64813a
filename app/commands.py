"""The core's headless commands (``outreach-desk init | demo-data | simulate | stats | check | passwd``) and
what every command shares: the passphrase prompt, opening and creating a store, and ``CliError``.

Commands register themselves on the launcher's parser (``register``); the launcher (outreach/desk.py) only
lists the modules that have commands. Keep this module's imports light: it is imported on every start.

A passphrase comes from a prompt or from ``OUTREACH_PASSPHRASE``, never from the command line, where other
users of the machine could read it.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.config import default_store_path

PASS_ENV = "OUTREACH_PASSPHRASE"


class CliError(Exception):
    """A command's error, shown as 错误：… with exit code 2."""


def passphrase(confirm: bool = False) -> str:
    value = os.environ.get(PASS_ENV)
    if value:
        return value
    if not sys.stdin.isatty():
        raise CliError(f"请输入数据文件密码（或设置环境变量 {PASS_ENV}）。")
    value = getpass.getpass("数据文件密码：")
    if confirm and getpass.getpass("再次输入密码：") != value:
        raise CliError("两次输入的密码不一致。")
    return value


def open_store(path: str | Path) -> Any:
    """The Collection at ``path``, unlocked with the passphrase from the environment or a prompt."""
    from app.collection import Collection

    return Collection.open(Path(path), passphrase())


def new_store(path: str | Path, user: dict | None = None) -> Any:
    from app.collection import Collection
    from app.passphrase import problems

    secret = passphrase(confirm=True)
    if os.environ.get(PASS_ENV) is None and (issues := problems(secret)):
        raise CliError("密码太弱：" + "；".join(issues))
    return Collection.create(Path(path), secret, user)


def lazy(module: str, name: str) -> Callable[[argparse.Namespace], int]:
    """A command's function, imported only when it runs, so starting the app stays fast."""

    def call(args: argparse.Namespace) -> int:
        import importlib

        return getattr(importlib.import_module(module), name)(args)

    return call


def cmd_init(args: argparse.Namespace) -> int:
    col = new_store(args.out, {"name": args.user, "areas": args.area or []})
    col.close()
    print(f"已创建空数据文件：{args.out}")
    return 0


def cmd_demo_data(args: argparse.Namespace) -> int:
    from app import areas
    from app.demo import generate

    user = next((u for u in areas.demo_users() if u["name"] == args.user), None)
    if user is None:
        names = "、".join(u["name"] for u in areas.demo_users())
        raise CliError(f"没有演示账号“{args.user}”，可选：{names}")
    col = new_store(args.out, {k: user[k] for k in ("name", "display_name", "role", "areas")})
    try:
        counts = generate(col, args.households, seed=args.seed,
                          progress=lambda d, t: print(f"\r{d}/{t} 户", end="", file=sys.stderr))
        print(file=sys.stderr)
    finally:
        col.close()
    print(json.dumps({"path": args.out, "created": counts}, ensure_ascii=False))
    return 0


def cmd_simulate(args: argparse.Namespace) -> int:
    from app.simulate import simulate

    col = open_store(args.db)
    try:
        summary = simulate(col, args.changes, seed=args.seed)
    finally:
        col.close()
    print(json.dumps(summary, ensure_ascii=False, sort_keys=True))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from app.stats import store_stats

    col = open_store(args.db)
    try:
        with col.records.reading() as conn:
            stats = store_stats(conn)
    finally:
        col.close()
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, sort_keys=True))
    else:
        for name, s in stats["kinds"].items():
            print(f"{name:28} {s['count']:>8} {s['digest'][:16]}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from app.store.integrity import check_store

    report = check_store(Path(args.db), passphrase())
    if not report.ok:
        raise CliError("\n".join(report.findings))
    print("数据文件完好，审计记录链完整。")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    from app.passphrase import problems

    col = open_store(args.db)
    try:
        new = os.environ.get("OUTREACH_NEW_PASSPHRASE") or getpass.getpass("新密码：")
        if issues := problems(new):
            raise CliError("新密码太弱：" + "；".join(issues))
        col.change_passphrase(new)
    finally:
        col.close()
    print("密码已更改。")
    return 0


def register(sub: Any) -> None:
    s = sub.add_parser("init", help="新建空数据文件")
    s.add_argument("--out", default=str(default_store_path()))
    s.add_argument("--user", default="worker")
    s.add_argument("--area", action="append", help="负责的社区代码（可多次）")
    s.set_defaults(func=cmd_init)

    s = sub.add_parser("demo-data", help="生成演示数据文件（虚构人员）")
    s.add_argument("--out", required=True)
    s.add_argument("--households", type=int, default=300)
    s.add_argument("--seed", type=int, default=7)
    s.add_argument("--user", default="zhangli", help="演示账号（决定所属社区）")
    s.set_defaults(func=cmd_demo_data)

    s = sub.add_parser("simulate", help="模拟专干一天的修改")
    s.add_argument("--db", required=True)
    s.add_argument("--changes", type=int, required=True)
    s.add_argument("--seed", type=int, default=1)
    s.set_defaults(func=cmd_simulate)

    s = sub.add_parser("stats", help="各类记录数量与摘要（不含个人信息）")
    s.add_argument("--db", required=True)
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_stats)

    s = sub.add_parser("check", help="检查数据文件是否损坏、审计记录是否被改动")
    s.add_argument("--db", required=True)
    s.set_defaults(func=cmd_check)

    s = sub.add_parser("passwd", help="更改数据文件密码")
    s.add_argument("--db", required=True)
    s.set_defaults(func=cmd_passwd)
