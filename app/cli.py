"""``outreach-desk``: the app (no sub-command) and headless commands for scripts, support and the benchmark.

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

from app.config import default_store_path

PASS_ENV = "OUTREACH_PASSPHRASE"


class CliError(Exception):
    pass


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


def _open(path: str):  # noqa: ANN202
    from app.collection import Collection

    return Collection.open(Path(path), passphrase())


def _new(path: str, user: dict | None = None):  # noqa: ANN202
    from app.collection import Collection
    from app.passphrase import problems

    secret = passphrase(confirm=True)
    if os.environ.get(PASS_ENV) is None and (issues := problems(secret)):
        raise CliError("密码太弱：" + "；".join(issues))
    return Collection.create(Path(path), secret, user)


def cmd_init(args: argparse.Namespace) -> int:
    col = _new(args.out, {"name": args.user, "areas": args.area or []})
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
    col = _new(args.out, {k: user[k] for k in ("name", "display_name", "role", "areas")})
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

    col = _open(args.db)
    try:
        summary = simulate(col, args.changes, seed=args.seed)
    finally:
        col.close()
    print(json.dumps(summary, ensure_ascii=False, sort_keys=True))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from app.stats import store_stats

    col = _open(args.db)
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

    col = _open(args.db)
    try:
        new = os.environ.get("OUTREACH_NEW_PASSPHRASE") or getpass.getpass("新密码：")
        if issues := problems(new):
            raise CliError("新密码太弱：" + "；".join(issues))
        col.change_passphrase(new)
    finally:
        col.close()
    print("密码已更改。")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from sync.client.cli import run_sync_command

    secret = passphrase()
    password = os.environ.get("OUTREACH_PLATFORM_PASSWORD")
    if not password:
        if not sys.stdin.isatty():
            raise CliError("请输入平台密码（或设置环境变量 OUTREACH_PLATFORM_PASSWORD）。")
        password = getpass.getpass(f"平台账号 {args.user} 的密码：")
    return run_sync_command(args.db, args.server, args.user, secret, password, verify=args.ca or True)


def cmd_app(args: argparse.Namespace) -> int:
    from ui.main import run

    return run(demo=args.demo, db=args.db, server=args.server)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="outreach-desk", description="就业援助走访台")
    p.add_argument("--demo", action="store_true", help="打开演示数据（并启动本地演示平台）")
    p.add_argument("--db", help="数据文件路径")
    p.add_argument("--server", help="平台地址")
    p.set_defaults(func=cmd_app)
    sub = p.add_subparsers(dest="command")

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

    s = sub.add_parser("print", help="打印表单到 PDF 文件（注意：PDF 不加密）")
    s.add_argument("kind", choices=["visit-sheet", "visit-record", "help-plan", "policy-card",
                                    "application-form", "route"])
    s.add_argument("--db", required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--household")
    s.add_argument("--person")
    s.add_argument("--visit")
    s.add_argument("--date")
    s.add_argument("--all", action="store_true")
    s.add_argument("--blank", action="store_true")
    s.set_defaults(func=_lazy("app.printing.commands", "run"))

    s = sub.add_parser("sync", help="与平台同步")
    s.add_argument("--db", required=True)
    s.add_argument("--server", required=True)
    s.add_argument("--user", required=True)
    s.add_argument("--ca", help="平台证书（CA 文件）")
    s.set_defaults(func=cmd_sync)

    s = sub.add_parser("export", help="导出")
    s.add_argument("what", choices=["dashboard"])
    s.add_argument("--db", required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--area", help="区域代码（默认：本账号的全部辖区）")
    s.set_defaults(func=_lazy("app.dashboard.commands", "run"))
    return p


def _lazy(module: str, name: str) -> Callable[[argparse.Namespace], int]:
    """Import a command's module only when it runs, so starting the app stays fast."""

    def call(args: argparse.Namespace) -> int:
        import importlib

        return getattr(importlib.import_module(module), name)(args)

    return call


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.func is cmd_app:
        # The app shows its own errors; importing the store (SQLAlchemy) first would delay its window.
        return cmd_app(args)
    from app.store.engine import StoreError

    try:
        return args.func(args)
    except (StoreError, CliError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
