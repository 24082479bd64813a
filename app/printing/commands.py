"""``outreach-desk print KIND --db PATH --out FILE.pdf`` (headless printing to a PDF file).

Imported on every start to register the command: ReportLab and the store load only when it runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

WARNING = "注意：输出的 PDF 文件未加密，内含个人信息。请妥善保管，打印后及时删除。"


def register(sub: Any) -> None:
    s = sub.add_parser("print", help="打印表单到 PDF 文件（注意：PDF 不加密）")
    s.add_argument("kind", choices=["visit-sheet", "visit-record", "help-plan", "policy-card",
                                    "application-form", "route", "welfare-ledger"])
    s.add_argument("--db", required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--household")
    s.add_argument("--person")
    s.add_argument("--visit")
    s.add_argument("--date")
    s.add_argument("--all", action="store_true")
    s.add_argument("--blank", action="store_true")
    s.set_defaults(func=run)


def _date(text: str | None) -> dt.date | None:
    from app.printing.data import SelectionError

    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise SelectionError(f"日期格式不正确：{text}（应为 YYYY-MM-DD，例如 2026-11-25）") from None


def _check(args: argparse.Namespace) -> None:
    """Reject selectors that do not fit the form before the store is opened (clear Chinese messages)."""
    from app.printing.api import FORMS, SELECTOR_LABEL, form
    from app.printing.data import SelectionError

    if args.kind not in FORMS:
        raise SelectionError(f"未知的表单类型：{args.kind}（可选：{'、'.join(FORMS)}）")
    mod = form(args.kind)
    given = [k for k in ("household", "person", "visit", "date") if getattr(args, k, None)]
    if args.blank:
        if not getattr(mod, "BLANK_OK", False):
            raise SelectionError(f"{mod.TITLE}没有空白版（--blank 仅适用于 visit-sheet、help-plan、application-form）")
        return
    if args.all:
        if args.kind != "visit-sheet":
            raise SelectionError("--all 仅适用于 visit-sheet（打印所有家庭的入户走访登记表）")
        return
    if args.date and args.kind == "visit-sheet":
        return
    wanted = mod.SELECTOR
    if not getattr(args, wanted, None):
        hint = f"（{'、'.join(SELECTOR_LABEL[k] for k in given)}不适用于此表）" if given else ""
        extra = "，或 --date / --all / --blank" if args.kind == "visit-sheet" else ""
        raise SelectionError(f"{mod.TITLE}需要指定{SELECTOR_LABEL[wanted]}{extra}{hint}")


def run(args: argparse.Namespace) -> int:
    from app.commands import open_store
    from app.printing.api import all_households, render, render_batch
    from app.printing.data import SelectionError

    try:
        _check(args)
        day = _date(getattr(args, "date", None))
    except SelectionError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    print(WARNING, file=sys.stderr)
    out = Path(args.out)
    col = open_store(args.db)
    try:
        with out.open("wb") as fh:
            if args.blank:
                pages = render(col, args.kind, blank=True, out=fh)
            elif args.all or (day and args.kind == "visit-sheet"):
                selection = all_households(col) if args.all else day
                assert selection is not None
                result = render_batch(col, args.kind, selection, fh, progress=_progress)
                print(file=sys.stderr)
                pages = result.pages
                if result.skipped:
                    print(f"已跳过 {len(result.skipped)} 条不存在的记录", file=sys.stderr)
            else:
                pages = render(col, args.kind, household_id=args.household, person_id=args.person,
                               visit_id=args.visit, date=day, out=fh)
    except (SelectionError, ValueError) as exc:
        out.unlink(missing_ok=True)  # no half-written PDF left behind
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    finally:
        col.close()
    print(f"已输出 {pages} 页：{out}")
    return 0


def _progress(done: int, total: int, label: str = "") -> None:
    print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)
