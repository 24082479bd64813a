"""Run one sync in a child process and stall at a named point so the test can SIGKILL it there.

Usage: python -m tests.sync.child_sync DB URL USER STALL_POINT[#N] MARKER [PULL_LIMIT]
(``#N``: stall the N-th time the point is reached, default the first)
(passphrase and password come from the environment: OUTREACH_PASSPHRASE, OUTREACH_PLATFORM_PASSWORD).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    db, url, user, spec, marker = argv[:5]
    point, _, nth = spec.partition("#")
    left = [int(nth or 1)]
    pull_limit = int(argv[5]) if len(argv) > 5 else 500
    from app.collection import Collection
    from sync.client import SyncClient, Transport

    def hook(name: str) -> None:
        if name != point:
            return
        left[0] -= 1
        if left[0] == 0:
            Path(marker).write_text(name)
            time.sleep(120)  # the parent kills us here

    col = Collection.open(db, os.environ["OUTREACH_PASSPHRASE"])
    transport = Transport(url, username=user, password=os.environ["OUTREACH_PLATFORM_PASSWORD"])
    report = SyncClient(col, transport, hook=hook, pull_limit=pull_limit).sync()
    print(report.as_dict())
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
