"""The shell fixtures of tests/ui (a started Shell over real files, an AppContext over the demo store)."""

from tests.ui.conftest import _cjk_font, ctx, make_shell  # noqa: F401 - pytest fixtures
