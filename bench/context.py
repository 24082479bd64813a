"""Shared set-up for benchmark modules: prepared stores, cached between modules of one run."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PASSPHRASE = "bench-passphrase-2026"
WORK = Path(os.environ.get("OUTREACH_BENCH_DIR", "/tmp/outreach-bench"))
# Households that give about 100 000 persons with the demo generator (≈2.18 persons per household).
HOUSEHOLDS_100K = 45800


def metric(value: float, unit: str, target: float | None, *, lower_is_better: bool = True,
           **extra: Any) -> dict[str, Any]:
    ok = True if target is None else (value <= target if lower_is_better else value >= target)
    return {"value": round(value, 4), "unit": unit, "target": target, "ok": ok, **extra}


@dataclass
class BenchContext:
    work: Path = WORK
    quick: bool = False  # smaller sizes for a smoke run (never for reported figures)
    _stores: dict[str, Path] = field(default_factory=dict)

    def store(self, households: int, name: str = "store") -> Path:
        """A demo store of ``households`` households (made once per size and reused across runs)."""
        from app.collection import Collection
        from app.demo import generate

        path = self.work / f"{name}-{households}.db"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp.db")
            for p in tmp.parent.glob(tmp.name + "*"):
                p.unlink()
            col = Collection.create(tmp, PASSPHRASE, {"name": "zhangli", "role": "worker",
                                                      "areas": ["140105001001", "140105001002"]})
            generate(col, households, seed=11, today=dt.date(2026, 11, 25))
            col.close()
            tmp.rename(path)
        return path

    def copy(self, src: Path, name: str) -> Path:
        dst = self.work / name
        for p in self.work.glob(name + "*"):
            p.unlink()
        shutil.copyfile(src, dst)
        return dst
