"""``outreach-desk``: the app (no sub-command) and the headless commands for scripts, support and the benchmark.

Each module in ``COMMAND_MODULES`` registers its own sub-commands (``register(subparsers)``) and imports
nothing from here; its heavy imports wait until its command runs, so starting the app stays fast. A new
command is a ``register`` in its subject's module and, for a new module, one line below.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMAND_MODULES = (
    "app.commands",  # init, demo-data, simulate, stats, check, passwd
    "app.printing.commands",  # print
    "app.dashboard.commands",  # export
    "sync.commands",  # sync
    "app.matching.commands",  # import (data matching)
)


def run_app(args: argparse.Namespace) -> int:
    """The desktop app (Qt); it shows its own errors."""
    from ui.main import run

    return run(demo=args.demo, db=args.db, server=args.server)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="outreach-desk", description="就业援助走访台")
    p.add_argument("--demo", action="store_true", help="打开演示数据（并启动本地演示平台）")
    p.add_argument("--db", help="数据文件路径")
    p.add_argument("--server", help="平台地址")
    p.set_defaults(func=run_app)
    sub = p.add_subparsers(dest="command")
    for module in COMMAND_MODULES:
        importlib.import_module(module).register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.func is run_app:
        # The app shows its own errors; importing the store (SQLAlchemy) first would delay its window.
        return run_app(args)
    from app.collection import StoreError
    from app.commands import CliError

    try:
        return args.func(args)
    except (StoreError, CliError, ValueError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
