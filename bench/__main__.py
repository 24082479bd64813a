"""Run every benchmark module, print a table, write bench-results.json."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import traceback
from pathlib import Path

from bench.context import BenchContext

MODULES = ("bench.store", "bench.ui", "bench.printing", "bench.sync", "bench.load", "bench.matching", "bench.bundle")


def main() -> int:
    p = argparse.ArgumentParser(prog="bench")
    p.add_argument("--only", action="append", help="module name(s) to run, e.g. store")
    p.add_argument("--out", default="bench-results.json")
    p.add_argument("--quick", action="store_true", help="small sizes, smoke only")
    args = p.parse_args()
    ctx = BenchContext(quick=args.quick)
    results: dict[str, dict] = {}
    out = Path(args.out)
    if out.exists() and args.only:
        results = json.loads(out.read_text())
    for name in MODULES:
        if args.only and name.split(".")[-1] not in args.only:
            continue
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        print(f"== {name}", file=sys.stderr, flush=True)
        try:
            results.update(mod.run(ctx))
        except Exception:
            traceback.print_exc()
            results[f"{name.split('.')[-1]}.error"] = {"value": None, "unit": "", "target": None, "ok": False}
        out.write_text(json.dumps(results, ensure_ascii=False, indent=2))
    print(f"{'metric':34} {'value':>12} {'unit':8} {'target':>8}  ok")
    for key, m in results.items():
        print(f"{key:34} {m['value']!s:>12} {m['unit']:8} {m['target']!s:>8}  {'✓' if m['ok'] else '✗'}")
    return 0 if all(m["ok"] for m in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
