"""``outreach-desk import social-insurance|business-registration FILE --db DB [--map 字段=表头 …]``: import a
matching file into a store and match it; prints the counts, or every bad row (exit code 1, nothing stored)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

SOURCES = {"social-insurance": "social_insurance", "business-registration": "business_registration"}


def register(sub: Any) -> None:
    s = sub.add_parser("import", help="导入社保参保或工商注册数据并比对")
    s.add_argument("source", choices=list(SOURCES))
    s.add_argument("file", help="CSV（UTF-8/GBK）、XLSX 或 XLS 文件")
    s.add_argument("--db", required=True)
    s.add_argument("--map", action="append", default=[], metavar="字段=表头",
                   help="表头不是常见写法时指定对应列，如 id_number=证件号 或 参保日期=起保日期；可重复")
    s.add_argument("--json", action="store_true", help="以 JSON 输出计数")
    s.set_defaults(func=run)


def parse_mapping(source_code: str, items: list[str]) -> dict[str, str]:
    """``字段=表头`` pairs; the field may be its code (id_number) or any of its usual labels (身份证号码)."""
    from app.matching.sources import source

    src = source(source_code)
    out: dict[str, str] = {}
    for item in items:
        name, sep, header = item.partition("=")
        name, header = name.strip(), header.strip()
        field = name if name in src.aliases else next((f for f, a in src.aliases.items() if name in a), None)
        if not sep or not header or field is None:
            known = "、".join(f"{f}（{a[0]}）" for f, a in src.aliases.items())
            raise ValueError(f"无法理解的列对应：{item}（应为 字段=表头，字段可为：{known}）")
        out[field] = header
    return out


def run(args: argparse.Namespace) -> int:
    from app.commands import open_store
    from app.ops.matching import ImportRejected, import_source

    source_code = SOURCES[args.source]
    mapping = parse_mapping(source_code, args.map) or None
    col = open_store(args.db)
    try:
        result = import_source(col, args.file, source_code, mapping=mapping)
    except ImportRejected as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        col.close()
    counts = {"rows": result.rows, "events": result.events, "hits_new": result.hits_new,
              "hits_known": result.hits_known, "people": result.people}
    print(json.dumps(counts, ensure_ascii=False) if args.json else result.summary_zh())
    if result.ignored_columns:
        print("未使用的列：" + "、".join(result.ignored_columns), file=sys.stderr)
    return 0
