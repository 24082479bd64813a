"""Printing from the app: what the main window and the person view call.

Forms are rendered off the GUI thread into memory and shown in a preview; from there a person prints or
(explicitly, with a warning) saves. No unencrypted file is written on the way.

    preview(ctx, parent, "policy-card", person_id=pid)        # one form for a record
    batch_print(ctx, parent, "visit-sheet", date(2026, 11, 25)) # the day's visit sheets, with progress/cancel
    fill_print_menu(menu, ctx, parent, person_id=pid)          # the forms for a record, into a menu
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QMenu, QMessageBox, QProgressDialog, QWidget

from ui.context import AppContext, Job

FORM_LABELS: dict[str, str] = {  # Chinese source text; label() translates
    "visit-sheet": QT_TRANSLATE_NOOP("PrintActions", "入户走访登记表"),
    "visit-record": QT_TRANSLATE_NOOP("PrintActions", "走访记录"),
    "help-plan": QT_TRANSLATE_NOOP("PrintActions", "就业援助方案"),
    "policy-card": QT_TRANSLATE_NOOP("PrintActions", "政策明白卡"),
    "application-form": QT_TRANSLATE_NOOP("PrintActions", "就业困难人员认定情况表"),
    "route": QT_TRANSLATE_NOOP("PrintActions", "走访路线单"),
}
# Which forms fit which record (for menus): record kind → form kinds.
FORMS_FOR: dict[str, tuple[str, ...]] = {
    "household": ("visit-sheet",),
    "person": ("policy-card", "help-plan", "application-form"),
    "visit": ("visit-record",),
}
_open: set[QWidget] = set()  # previews without a parent stay alive until closed
translate = QCoreApplication.translate  # lupdate reads translate("context", "source") calls


def _t(text: str) -> str:
    return translate("PrintActions", text)


def label(kind: str) -> str:
    """A form's name in the interface language."""
    return _t(FORM_LABELS[kind]) if kind in FORM_LABELS else kind


def render_bytes(col: Any, kind: str, **selector: Any) -> bytes:
    """One form as PDF bytes (in memory). Runs on a worker thread."""
    from app.printing.api import render

    buf = io.BytesIO()
    render(col, kind, out=buf, **selector)
    return buf.getvalue()


def render_batch_bytes(col: Any, kind: str, selection: Sequence[str] | dt.date, progress: Any = None,
                       cancel: Any = None) -> tuple[bytes | None, Any]:
    """A batch as PDF bytes, or ``(None, result)`` when cancelled. Runs on a worker thread."""
    from app.printing.api import render_batch

    buf = io.BytesIO()
    result = render_batch(col, kind, selection, buf, progress=progress, cancel=cancel)
    return (None if result.cancelled else buf.getvalue()), result


def open_preview(parent: QWidget | None, pdf: bytes, title: str) -> QWidget:
    from ui.dialogs.print_preview import PrintPreviewDialog

    dlg = PrintPreviewDialog(pdf, title, parent, suggested_name=f"{title}.pdf")
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open.add(dlg)
    dlg.finished.connect(lambda *_: _open.discard(dlg))
    dlg.show()
    return dlg


def _error(parent: QWidget | None, exc: Exception) -> None:
    QMessageBox.warning(parent, translate("PrintActions", "无法打印"), str(exc) or exc.__class__.__name__)


def preview(ctx: AppContext, parent: QWidget | None, kind: str, *, household_id: str | None = None,
            person_id: str | None = None, visit_id: str | None = None, date: dt.date | None = None,
            blank: bool = False) -> Job:
    """Render one form in the background, then open the preview. Errors (e.g. no help plan yet) show a message."""
    title = label(kind)
    ctx.status.emit(translate("PrintActions", "正在生成{title}…").format(title=title))
    return ctx.background(
        render_bytes, ctx.col, kind, household_id=household_id, person_id=person_id, visit_id=visit_id,
        date=date, blank=blank,
        on_done=lambda pdf: open_preview(parent, pdf, title),
        on_error=lambda exc: _error(parent, exc),
    )


def batch_print(ctx: AppContext, parent: QWidget | None, kind: str,
                selection_or_date: Sequence[str] | dt.date) -> Job:
    """Render many sheets into one PDF job with a progress dialog (cancel stops between sheets), then preview."""
    title = label(kind)
    total = len(selection_or_date) if not isinstance(selection_or_date, dt.date) else 0
    dialog = QProgressDialog(translate("PrintActions", "正在生成{title}…").format(title=title),
                             translate("PrintActions", "取消"), 0, total, parent)
    dialog.setWindowTitle(translate("PrintActions", "批量打印"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def on_progress(done: int, count: int, text: str) -> None:
        dialog.setMaximum(count)
        dialog.setValue(done)
        if text:
            dialog.setLabelText(translate("PrintActions", "正在生成：{item}").format(item=text))

    def finish() -> None:
        # hide, not close: QProgressDialog's closeEvent emits canceled()
        dialog.hide()
        dialog.deleteLater()

    def on_done(value: tuple[bytes | None, Any]) -> None:
        finish()
        pdf, result = value
        if pdf is None:
            ctx.status.emit(translate("PrintActions", "已取消批量打印（{title}）").format(title=title))
            return
        note = ""
        if result.skipped:
            note = translate("PrintActions", "，跳过 {n} 条已删除的记录").format(n=len(result.skipped))
        ctx.status.emit(translate("PrintActions", "{title}：{sheets} 份，共 {pages} 页{note}").format(
            title=title, sheets=result.sheets, pages=result.pages, note=note))
        sheets = translate("PrintActions", "{title}（{sheets} 份）").format(title=title, sheets=result.sheets)
        open_preview(parent, pdf, sheets)

    def on_error(exc: Exception) -> None:
        finish()
        _error(parent, exc)

    job = ctx.background(render_batch_bytes, ctx.col, kind, selection_or_date, on_progress=on_progress,
                         on_done=on_done, on_error=on_error)
    dialog.canceled.connect(job.cancel)
    job.progress_dialog = dialog  # type: ignore[attr-defined]  # for callers/tests
    return job


def fill_print_menu(menu: QMenu, ctx: AppContext, parent: QWidget | None, *, household_id: str | None = None,
                    person_id: str | None = None, visit_id: str | None = None) -> QMenu:
    """Fill ``menu`` with the forms that fit the given record(s), each opening a preview."""
    sub = menu
    targets = (("household", household_id), ("person", person_id), ("visit", visit_id))
    for record_kind, record_id in targets:
        if not record_id:
            continue
        for kind in FORMS_FOR[record_kind]:
            action = sub.addAction(label(kind) + "…")
            action.triggered.connect(lambda _=False, k=kind, rk=record_kind, rid=record_id: preview(
                ctx, parent, k, **{f"{rk}_id": rid}))
    return sub
