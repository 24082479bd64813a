"""``outreach-desk export dashboard --db PATH --out FILE.xlsx|FILE.pdf [--area CODE]`` (headless).

Imported on every start to register the command: the store and the figures load only when it runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.collection import Collection

WARNING = "注意：导出的文件未加密，包含辖区统计数据和专干姓名，请妥善保管，用后及时删除。"


def export(col: Collection, out: Path | str, area: str | None = None, today: dt.date | None = None) -> Path:
    """Compute the dashboard and write it as .xlsx or .pdf (by the file's suffix)."""
    from app.dashboard.figures import compute

    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise ValueError(f"导出文件须以 .xlsx 或 .pdf 结尾：{out.name}")
    db = compute(col, today, area)
    if suffix == ".xlsx":
        from app.dashboard.export_xlsx import write_xlsx

        return write_xlsx(db, out)
    from app.dashboard.export_pdf import write_pdf

    return write_pdf(db, out)


def register(sub: Any) -> None:
    s = sub.add_parser("export", help="导出")
    s.add_argument("what", choices=["dashboard"])
    s.add_argument("--db", required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--area", help="区域代码（默认：本账号的全部辖区）")
    s.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from app.collection import Collection
    from app.commands import passphrase

    if args.what != "dashboard":
        raise ValueError(f"不支持导出：{args.what}")
    if Path(args.out).suffix.lower() not in (".xlsx", ".pdf"):
        raise ValueError(f"导出文件须以 .xlsx 或 .pdf 结尾：{args.out}")
    col = Collection.open(Path(args.db), passphrase())
    try:
        path = export(col, args.out, args.area or None)
    finally:
        col.close()
    print(WARNING, file=sys.stderr)
    print(str(path))
    return 0
