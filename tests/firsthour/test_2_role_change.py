"""Item 2: who the user is (role, name) takes effect while unlocked — no lock and unlock needed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.ui.conftest import unlock


def _titles(w: Any) -> list[str]:
    return [w.tabs.tabText(i) for i in range(w.tabs.count())]


def test_a_role_change_shows_at_once(qtbot: Any, make_shell: Any, demo_store: Path) -> None:
    shell = make_shell(demo_store)
    unlock(qtbot, shell)
    w = shell.window
    w.show_tab("people")
    assert "审核" not in _titles(w) and "社区专干" in w.status_user.text()
    col = shell.ctx.col
    col.set_user({**col.user, "role": "supervisor", "display_name": "王督导"})  # as the first sync does
    qtbot.waitUntil(lambda: _titles(w)[-2:] == ["审核", "统计"], timeout=5000)
    assert "督导审核" in w.status_user.text() and "王督导" in w.status_user.text()
    assert w.current_key() == "people"  # where the user was
    review = w.show_tab("review")
    assert review is not None and w.current_key() == "review"
    col.set_user({**col.user, "role": "worker"})
    qtbot.waitUntil(lambda: "审核" not in _titles(w), timeout=5000)
    assert "社区专干" in w.status_user.text() and w.current_key() == "todo"
