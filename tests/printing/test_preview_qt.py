"""The in-app path: preview from memory, paint to a printer device, batch with progress and cancel — and no
file appears in the temp directory or the working directory on the way."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QIODevice, QSize
from PySide6.QtGui import QPdfWriter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QMessageBox, QPushButton

from app.printing.api import all_households
from tests.printing.conftest import TODAY


def _listing(path: Path, recursive: bool) -> set[str]:
    if not path.exists():
        return set()
    if recursive:
        return {str(p) for p in path.rglob("*")}
    return {p.name for p in path.iterdir()}


@pytest.fixture
def watched_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    """A fresh TMPDIR (what Python's tempfile and Qt's QDir::tempPath use), plus the working directory and the
    system temp dir, listed before and after."""
    private_tmp = tmp_path / "tmpdir"
    private_tmp.mkdir()
    system_tmp = Path(tempfile.gettempdir())
    monkeypatch.setenv("TMPDIR", str(private_tmp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    assert Path(tempfile.gettempdir()) == private_tmp
    before = (_listing(Path.cwd(), False), _listing(system_tmp, False))
    yield private_tmp
    assert _listing(private_tmp, True) == set(), "files written to TMPDIR"
    assert _listing(Path.cwd(), False) - before[0] == set(), "files written to the working directory"
    # Other processes may use the shared temp dir; flag only what a print path could have left there.
    new = _listing(system_tmp, False) - before[1]
    assert not {n for n in new if n.lower().endswith(".pdf") or n.lower().startswith("qt")}, new


def _pdf(col: Any, household_id: str) -> bytes:
    from ui.print_actions import render_bytes

    return render_bytes(col, "visit-sheet", household_id=household_id, today=TODAY)


def test_preview_and_print_leave_no_files(qtbot: Any, col: Any, ids: dict[str, str], watched_dirs: Path,
                                          monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from ui.dialogs.print_preview import PrintPreviewDialog, paint_pages

    pdf = _pdf(col, ids["household"])
    dlg = PrintPreviewDialog(pdf, "入户走访登记表")
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.document.status() == QPdfDocument.Status.Ready, timeout=5000)
    # Every page of the PDF is in the preview (a household with several open cases runs onto a second page).
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert dlg.document.pageCount() == pages
    assert str(pages) in dlg.pages_label.text()

    image = dlg.document.render(0, QSize(300, 424))
    dark = sum(1 for x in range(0, 300, 3) for y in range(0, 424, 3) if image.pixelColor(x, y).lightness() < 128)
    assert dark > 50  # the page really rendered (grid lines, text)

    # "Printing": the same painting a QPrinter gets, onto an in-memory paged device.
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(150)
    assert paint_pages(dlg.document, writer) == pages
    buffer.close()
    assert bytes(buffer.data()).startswith(b"%PDF")

    # "另存为 PDF…" warns first; declining writes nothing.
    asked: list[str] = []

    def decline(*args: Any) -> QMessageBox.StandardButton:
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", decline)
    assert dlg.save_as() is False
    assert "不加密" in asked[0]

    # Accepting writes exactly where the person chose, and nowhere else.
    target = tmp_path / "saved" / "sheet.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: QMessageBox.StandardButton.Save)
    monkeypatch.setattr("ui.dialogs.print_preview.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(target.with_suffix("")), ""))
    assert dlg.save_as() is True
    assert target.read_bytes() == pdf
    dlg.close()


def test_batch_print_progress_and_cancel(qtbot: Any, col: Any, watched_dirs: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.print_actions as pa
    from ui.context import AppContext

    ctx = AppContext(col)
    opened: list[tuple[bytes, str]] = []
    monkeypatch.setattr(pa, "open_preview", lambda parent, pdf, title: opened.append((pdf, title)))
    statuses: list[str] = []
    ctx.status.connect(statuses.append)
    try:
        ids = all_households(col)
        job = pa.batch_print(ctx, None, "visit-sheet", ids[:12])
        progress: list[int] = []
        job.signals.progress.connect(lambda done, total, label: progress.append(done))
        qtbot.waitUntil(lambda: bool(opened), timeout=20000)
        assert opened[0][0].startswith(b"%PDF") and "12 份" in opened[0][1]
        assert progress[-1] == 12

        # Cancel from the progress dialog on the first progress report of a long batch.
        opened.clear()
        job = pa.batch_print(ctx, None, "visit-sheet", ids * 40)
        cancel_button = job.progress_dialog.findChild(QPushButton)
        assert cancel_button.text() == "取消"
        job.signals.progress.connect(lambda *a: cancel_button.click() if cancel_button.isVisible() else None)
        job.progress_dialog.show()
        qtbot.waitUntil(lambda: any("取消" in s for s in statuses), timeout=30000)
        assert opened == []
    finally:
        ctx.wait_idle()
        ctx._unsubscribe()


def test_print_menu_lists_forms(qtbot: Any, col: Any, ids: dict[str, str]) -> None:
    from PySide6.QtWidgets import QMenu

    from ui.context import AppContext
    from ui.print_actions import fill_print_menu

    ctx = AppContext(col)
    try:
        menu = QMenu()
        sub = fill_print_menu(menu, ctx, None, person_id=ids["case_person"], household_id=ids["household"])
        labels = [a.text() for a in sub.actions()]
        assert labels == ["入户走访登记表…", "政策明白卡…", "就业援助方案…", "就业困难人员认定情况表…"]
    finally:
        ctx._unsubscribe()


def test_no_qt_in_app_printing() -> None:
    root = Path(__file__).resolve().parents[2] / "app" / "printing"
    for path in root.rglob("*.py"):
        assert "PySide6" not in path.read_text(encoding="utf-8"), path
