"""Item 3: nothing raw reaches a person — field values in words (no JSON), and Qt's own dialogs fully in Chinese
(Qt's zh_CN catalogue lacks a few strings; the app's zh_CN catalogue supplies them)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QWidget

from app.model.kinds import KINDS

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
ALLOWED_WORDS = {"PDF", "pdf"}  # a format's name, as Qt's catalogue itself writes it


@pytest.fixture
def chinese(qapp: Any) -> Iterator[None]:
    from ui import i18n

    i18n.install(qapp, "zh_CN")
    yield
    for t in i18n._installed:
        qapp.removeTranslator(t)
    i18n._installed.clear()


def _english(w: QWidget) -> list[str]:
    """Every text a person can read in ``w`` that still has an English word in it."""
    found = []
    for c in [w, *w.findChildren(QWidget)]:
        texts = []
        for getter in ("text", "windowTitle", "toolTip", "placeholderText", "title"):
            f = getattr(c, getter, None)
            if callable(f):
                try:
                    value = f()
                except TypeError:
                    continue
                if isinstance(value, str):
                    texts.append(value)
        if isinstance(c, QComboBox):
            texts += [c.itemText(i) for i in range(c.count())]
        if isinstance(c, QAbstractItemView) and c.model() is not None:
            m = c.model()
            texts += [str(m.headerData(i, Qt.Orientation.Horizontal) or "") for i in range(m.columnCount())]
        for t in texts:
            if t.startswith("/"):
                continue  # a path
            words = set(LATIN_WORD.findall(t)) - ALLOWED_WORDS
            if words:
                found.append(f"{type(c).__name__}: {t!r}")
    return found


def test_every_standard_dialog_the_app_opens_is_in_chinese(qtbot: Any, chinese: None, tmp_path: Any) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

    english = []
    for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        d = QFileDialog(None, "保存", str(tmp_path), "PDF 文件 (*.pdf)")
        d.setOption(QFileDialog.Option.DontUseNativeDialog)  # what Linux without a desktop theme shows
        d.setAcceptMode(mode)
        qtbot.addWidget(d)
        d.show()
        english += _english(d)
    b = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, "标题", "正文",
                      b.Yes | b.No | b.Ok | b.Cancel | b.Save | b.Discard | b.Close | b.Retry | b.Ignore | b.Abort)
    box.setDetailedText("详情")
    qtbot.addWidget(box)
    box.show()
    english += _english(box)
    printer = QPrinter()
    pd = QPrintDialog(printer)
    qtbot.addWidget(pd)
    pd.show()
    english += _english(pd)
    progress = QProgressDialog()
    qtbot.addWidget(progress)
    progress.show()
    english += _english(progress)
    assert english == []


SAMPLES: dict[str, Any] = {
    "measures": [{"text": "推荐保洁岗位", "owner": "张丽", "target_on": "2026-12-01", "done": False}],
    "materials": {"id_card": True, "hukou": False},
    "members": [{"person_id": "x", "name": "李四", "relation": "配偶", "status": "employed"}],
    "service_needs": ["职业指导", "技能培训"],
}


def test_every_json_field_reads_as_words() -> None:
    from app.queries.readable import field_text

    for kind in KINDS.values():
        for f in kind.fields:
            if f.type != "json":
                continue
            value = SAMPLES.get(f.name, [{"a": 1}])
            text = field_text(kind.name, f.name, value)
            assert not set(text) & set('{}[]"'), (kind.name, f.name, text)
    assert "推荐保洁岗位" in field_text("help_plan", "measures", SAMPLES["measures"])
    assert "居民身份证：已交" in field_text("assistance_case", "materials", SAMPLES["materials"])


def test_conflict_dialog_shows_a_plans_measures_in_words(qtbot: Any, ctx: Any) -> None:
    from app import ops
    from app.store import sync_state as st
    from ui.dialogs.conflict_dialog import ConflictDialog

    col = ctx.col
    with col.records.reading() as conn:
        pid = conn.exec_driver_sql("SELECT id FROM person WHERE deleted = 0 LIMIT 1").scalar()
    ours = [{"text": "推荐保洁岗位", "owner": "张丽", "target_on": "2026-12-01", "done": False}]
    theirs = [{"text": "参加技能培训", "owner": "王芳", "target_on": "2026-12-15", "done": True}]
    plan_id = col.records.create("help_plan", {"person_id": pid, "measures": ours}, area_code=col.records.get(
        "person", pid)["area_code"])
    with col.records.transaction() as tx:
        st.put_conflict(tx.conn, "help_plan", plan_id, "measures", ours, theirs, 2)
    assert ops is not None
    dialog = ConflictDialog(ctx, "help_plan", plan_id)
    qtbot.addWidget(dialog)
    local, platform = dialog.choices["measures"]
    for radio in (local, platform):
        assert not set(radio.text()) & set('{}[]"'), radio.text()
    assert "推荐保洁岗位" in local.text() and "参加技能培训" in platform.text()
