"""``python -m outreach``: the same as ``outreach-desk``."""

import sys

from outreach.desk import main

if __name__ == "__main__":  # not again in a worker process started by "spawn" (sync/client/staging.py)
    sys.exit(main())
