"""The demo tests start the app's Shell too (``make demo`` end to end): its fixture from tests/ui."""

from tests.ui.conftest import make_shell  # noqa: F401 - pytest fixture
