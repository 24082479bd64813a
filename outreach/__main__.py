"""``python -m outreach``: the same as ``outreach-desk``."""

import sys

from outreach.desk import main

sys.exit(main())
