"""The English catalogue (resources/translations/outreach_en.ts) and the rule that UI text goes through tr().

- the .ts is valid TS XML, fully translated, and every translation keeps its source's placeholders, HTML tags,
  accelerators and line breaks;
- it compiles with pyside6-lrelease and a QTranslator translates known strings;
- the real main window, built with the English catalogue installed (ui.i18n), shows English tab titles and
  English chrome on every tab;
- an AST scan of ui/**/*.py finds no Chinese string literal outside tr()/translate()/QT_TRANSLATE_NOOP(),
  except docstrings, separators (punctuation only) and the documented ALLOWED data below (choice lists are
  data in resources/vocabulary.toml, with their English there);
- every Chinese literal passed to tr()/translate() is in the .ts under the context Qt looks it up in (the
  catalogue is up to date with the code: re-run pyside6-lupdate as docs/UI.md says when this fails).
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from tests.ui.conftest import unlock

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "outreach_en.ts"
UI = ROOT / "ui"

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")  # ideographs (not punctuation)
CJK_ANY = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
PLACEHOLDER = re.compile(r"%L?\d+|%n|\{[A-Za-z_][A-Za-z0-9_]*\}")
TAG = re.compile(r"</?[A-Za-z][^>]*>")
# A single & before a letter is a keyboard accelerator (&& is a literal &).
ACCEL = re.compile(r"(?<!&)&(?!&)(?=\w)")

# Calls whose string arguments are UI text marked for lupdate.
TR_CALLS = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}

# Chinese literals that stay Chinese on purpose: (path under ui/, literal) → why.
ALLOWED: dict[tuple[str, str], str] = {
    ("views/person/reviews.py", "通过"): "review decision value from the record (compared, not shown)",
    ("i18n.py", "中文（简体）"): "a language's own name is shown in that language",
}


# --- (a) the catalogue itself ---------------------------------------------------------------------------
def _messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [(ctx.findtext("name") or "", m.findtext("source") or "", m)
            for ctx in root.findall("context") for m in ctx.findall("message")]


def _texts(message: ET.Element) -> list[str]:
    tr = message.find("translation")
    assert tr is not None
    forms = tr.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [tr.text or ""]


def test_catalogue_is_valid_ts_and_complete() -> None:
    head = TS.read_text(encoding="utf-8")[:300]
    assert "<!DOCTYPE TS>" in head
    root = ET.parse(TS).getroot()
    assert root.tag == "TS" and root.get("version") == "2.1"
    assert root.get("language") == "en_US" and root.get("sourcelanguage") == "zh_CN"
    messages = _messages()
    assert len(messages) > 500
    problems = []
    for ctx, source, m in messages:
        tr = m.find("translation")
        if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append((ctx, source, "not finished"))
            continue
        for text in _texts(m):
            if not text.strip():
                problems.append((ctx, source, "empty"))
            elif CJK.search(text):
                problems.append((ctx, source, f"Chinese in the translation: {text!r}"))
    assert not problems, problems


def test_translations_keep_placeholders_tags_accelerators_and_line_breaks() -> None:
    problems = []
    for ctx, source, m in _messages():
        for text in _texts(m):
            for name, pattern in (("placeholders", PLACEHOLDER), ("tags", TAG)):
                if sorted(set(pattern.findall(source))) != sorted(set(pattern.findall(text))):
                    problems.append((ctx, source, text, name))
            if bool(ACCEL.search(source)) != bool(ACCEL.search(text)):
                problems.append((ctx, source, text, "accelerator"))
            if source.count("\n") != text.count("\n"):
                problems.append((ctx, source, text, "line breaks"))
    assert not problems, problems


def test_glossary_terms() -> None:
    """The agreed English for the main screens and a few domain terms."""
    tr = {(ctx, source): _texts(m)[0] for ctx, source, m in _messages()}
    expected = {
        ("MainWindow", "今日待办"): "Today",
        ("MainWindow", "户与人员"): "Households && people",  # && shows one & in a tab title
        ("MainWindow", "援助对象"): "Cases",
        ("MainWindow", "走访记录"): "Visits",
        ("MainWindow", "同步"): "Sync",
        ("MainWindow", "设置"): "Settings",
        ("MainWindow", "审核"): "Review",
        ("MainWindow", "统计"): "Dashboard",
        ("PlanSection", "援助方案"): "Help plan",
        ("MainWindow", "社区专干"): "community worker",
    }
    assert {k: tr.get(k) for k in expected} == expected


# --- (b) compiled catalogue ------------------------------------------------------------------------------
def _lrelease() -> str:
    return str(Path(sys.executable).with_name("pyside6-lrelease"))


def test_lrelease_compiles_and_qtranslator_translates(qapp: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import QTranslator

    qm = tmp_path / "outreach_en.qm"
    out = subprocess.run([_lrelease(), str(TS), "-qm", str(qm)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "0 unfinished" in out.stdout, out.stdout
    t = QTranslator()
    assert t.load(str(qm))
    assert t.translate("MainWindow", "户与人员") == "Households && people"
    assert t.translate("UnlockDialog", "解锁") == "Unlock"
    assert t.translate("SyncView", "立即同步") == "Sync now"
    assert t.translate("SyncView", "上传修改") == "Uploading changes"  # marked in ui/sync_runner.py
    assert t.translate("PrintPreviewDialog", "共 {n} 页").format(n=3) == "3 page(s)"
    assert t.translate("PrintActions", "入户走访登记表") == "Home visit sheet"
    assert t.translate("VisitForm", "记录走访 — {name}") == "Record visit — {name}"


# --- (c) the real main window in English -----------------------------------------------------------------
def _chrome(widget: Any, skip: tuple[Any, ...] = ()) -> list[str]:
    """Interface text a screen shows by itself (buttons, group titles, placeholders, tab titles, column
    headers) — not data in tables, labels and combo boxes, which comes from the store and the rules — except
    inside the widgets in ``skip``."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QHeaderView, QLineEdit, QTabBar

    def shown(w: Any) -> bool:
        return not any(s is w or s.isAncestorOf(w) for s in skip)

    texts: list[str] = []
    texts += [b.text() for b in widget.findChildren(QAbstractButton) if shown(b)]
    texts += [g.title() for g in widget.findChildren(QGroupBox) if shown(g)]
    texts += [e.placeholderText() for e in widget.findChildren(QLineEdit) if shown(e)]
    for bar in widget.findChildren(QTabBar):
        if shown(bar):
            texts += [bar.tabText(i) for i in range(bar.count())]
    for header in widget.findChildren(QHeaderView):
        model = header.model()
        if shown(header) and model is not None and header.orientation() == Qt.Orientation.Horizontal:
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                      for c in range(header.count())]
    return texts


@pytest.fixture
def english(qapp: Any) -> Any:
    from ui import i18n

    assert i18n.install(qapp, "en") == "en"
    yield
    i18n.install(qapp, "zh_CN")


def test_main_window_is_english(qtbot: Any, make_shell: Any, demo_store: Path, english: Any) -> None:
    shell = make_shell(demo_store)
    assert not CJK.search(shell.dialog.windowTitle())
    unlock(qtbot, shell)
    w = shell.window
    titles = [w.tabs.tabText(i) for i in range(w.tabs.count())]
    assert titles == ["Today", "Households && people", "Cases", "Visits", "Outreach", "Sync", "Settings", "Data matching"]
    assert not any(CJK_ANY.search(t) for t in titles)
    assert not CJK.search(w.windowTitle())
    assert w.status_user.text().endswith("(community worker)")

    shell.ctx.col.set_user({**shell.ctx.col.user, "role": "supervisor"})
    shell.lock()
    unlock(qtbot, shell)
    titles = [w.tabs.tabText(i) for i in range(w.tabs.count())]
    assert titles[-2:] == ["Review", "Dashboard"]
    assert not any(CJK_ANY.search(t) for t in titles)

    chinese = {}
    for i, title in enumerate(titles):
        w.show_tab_index(i)
        qtbot.waitUntil(lambda i=i: w.slots[i].view is not None, timeout=5000)
        view, skip = w.slots[i].view, ()
        if w.slots[i].spec.key == "dashboard":
            # The figures (tab titles after 概览, table columns) are titled by app/dashboard: Chinese by design.
            qtbot.waitUntil(lambda v=view: v.dashboard is not None, timeout=10000)
            assert view.tabs.tabText(0) == "Overview"
            skip = (view.tabs.tabBar(), *view.tables.values())
        found = [t for t in _chrome(view, skip) if CJK.search(t)]
        if found:
            chinese[title] = found
    assert not chinese


# --- (d) no untranslated Chinese literals in ui/ ---------------------------------------------------------
def _call_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _docstrings(tree: ast.AST) -> set[ast.AST]:
    out: set[ast.AST] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(first.value)
    return out


def _scan(path: Path) -> tuple[list[tuple[int, str]], list[tuple[str, str, int]]]:
    """(Chinese literals outside tr calls, (context, source, line) of Chinese literals marked for lupdate)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    parent: dict[ast.AST, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parent[child] = node
    docs = _docstrings(tree)
    loose: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or node in docs:
            continue
        if not CJK_ANY.search(node.value):
            continue
        up = parent.get(node)
        while up is not None and not (isinstance(up, ast.Call) and _call_name(up.func) in TR_CALLS):
            up = parent.get(up)
        if up is None:
            loose.append((node.lineno, node.value))

    marked: list[tuple[str, str, int]] = []

    def visit(node: ast.AST, cls: str | None) -> None:
        if isinstance(node, ast.ClassDef):
            cls = node.name
        if isinstance(node, ast.Call):
            name, args = _call_name(node.func), node.args
            literal = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
                       for a in args]
            if name == "tr" and literal and literal[0] and cls:
                marked.append((cls, literal[0], node.lineno))
            elif name in ("translate", "QT_TRANSLATE_NOOP") and len(literal) >= 2 and all(literal[:2]):
                marked.append((literal[0], literal[1], node.lineno))
        for child in ast.iter_child_nodes(node):
            visit(child, cls)

    visit(tree, None)
    return loose, [m for m in marked if CJK_ANY.search(m[1])]


def _ui_files() -> list[Path]:
    return sorted(UI.rglob("*.py"))


def test_no_chinese_literal_outside_tr_in_ui() -> None:
    found = []
    for path in _ui_files():
        rel = path.relative_to(UI).as_posix()
        loose, _ = _scan(path)
        for line, text in loose:
            if not CJK.search(text):
                continue  # separators and brackets (、；：（）　) between values that are data
            if (rel, text) in ALLOWED:
                continue
            found.append(f"ui/{rel}:{line}: {text!r}")
    assert not found, ("wrap in self.tr()/QCoreApplication.translate() or document in ALLOWED:\n"
                       + "\n".join(found))


def test_allowlist_has_no_stale_entries() -> None:
    present = set()
    for path in _ui_files():
        rel = path.relative_to(UI).as_posix()
        present |= {(rel, text) for _line, text in _scan(path)[0]}
    assert not set(ALLOWED) - present


def test_every_marked_string_is_in_the_catalogue() -> None:
    have = {(ctx, source) for ctx, source, _m in _messages()}
    missing = []
    for path in _ui_files():
        for ctx, source, line in _scan(path)[1]:
            if (ctx, source) not in have:
                missing.append(f"ui/{path.relative_to(UI).as_posix()}:{line}: [{ctx}] {source!r}")
    assert not missing, "run pyside6-lupdate (docs/UI.md, 翻译):\n" + "\n".join(missing)


# --- (e) the choice lists (resources/vocabulary.toml) carry their own English ------------------------------
def test_every_choice_has_english_and_a_unique_value() -> None:
    from app import vocabulary

    for name in vocabulary.LISTS:
        items = vocabulary.choices(name)
        assert items, name
        assert len({c.value for c in items}) == len(items), name
        assert len({c.en for c in items}) == len(items), name
        for c in items:
            assert c.en.strip() and not CJK_ANY.search(c.en), (name, c)
            assert CJK.search(c.zh), (name, c)


def test_choices_show_in_the_interface_language(qapp: Any) -> None:
    from ui import i18n, vocab

    assert i18n.install(qapp, "en") == "en"
    try:
        assert vocab.label("employment_status", "self_employed") == "Self-employed / flexible work"
        assert vocab.value_of("service_need", "Job referral") == "岗位推荐"
        assert vocab.value_of("unemployment_reason", "家里有事") == "家里有事"  # typed text is kept as typed
    finally:
        i18n.install(qapp, "zh_CN")
    assert vocab.label("employment_status", "self_employed") == "灵活就业/创业"
