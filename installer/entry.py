"""The bundle's entry script (installer/outreach-desk.spec): the product's entry point, plus ``self-test``."""

import multiprocessing
import sys

if __name__ == "__main__":
    # A first pull's staging workers (sync/client/staging.py) are this executable started again: let it act as one.
    multiprocessing.freeze_support()
    if sys.argv[1:2] == ["self-test"]:
        from selftest import main  # installer/selftest.py, bundled next to this script

        sys.exit(main(sys.argv[2:]))
    from outreach.desk import main  # the product's entry point

    sys.exit(main())
