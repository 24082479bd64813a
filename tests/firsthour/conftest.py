"""The fixtures of tests/ui: a started Shell over real files, an AppContext over the demo store, and for the
sync tab a real platform server on 127.0.0.1 with laptops on real stores."""

from tests.ui.conftest import _cjk_font, ctx, make_shell  # noqa: F401 - pytest fixtures
from tests.ui.test_sync_view import server, stores, view_of  # noqa: F401 - pytest fixtures
