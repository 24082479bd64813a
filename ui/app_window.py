"""The main window: tabs built on first use, a record page for ``ctx.open_record``, and the status bar.

Other engineers' screens are imported lazily with a placeholder when a module is missing or fails, so the
shell never breaks because one screen does. Locking detaches the window from its AppContext and destroys
every screen (nothing decrypted stays in a widget); unlocking attaches a new context and rebuilds the tab
and record that were showing.
"""

from __future__ import annotations

import datetime as dt
import importlib
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import settings
from app.rules import welfare_jobs
from ui.context import AppContext
from ui.widgets.fit import fit_to_screen
from ui.widgets.placeholder import Placeholder


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


@dataclass(frozen=True)
class TabSpec:
    key: str
    title: str  # Chinese source text, translated when shown
    module: str
    cls: str
    roles: tuple[str, ...] = ()  # empty: everyone


# Titles are Chinese source text marked for lupdate; shown through _t().
TABS: tuple[TabSpec, ...] = (
    TabSpec("todo", QT_TRANSLATE_NOOP("MainWindow", "今日待办"), "ui.views.todo_view", "TodoView"),
    TabSpec("people", QT_TRANSLATE_NOOP("MainWindow", "户与人员"), "ui.views.people_view", "PeopleView"),
    TabSpec("cases", QT_TRANSLATE_NOOP("MainWindow", "援助对象"), "ui.views.cases_view", "CasesView"),
    TabSpec("visits", QT_TRANSLATE_NOOP("MainWindow", "走访记录"), "ui.views.visits_view", "VisitsView"),
    TabSpec("discovery", QT_TRANSLATE_NOOP("MainWindow", "主动发现"), "ui.views.discovery_view", "DiscoveryView"),
    TabSpec("sync", QT_TRANSLATE_NOOP("MainWindow", "同步"), "ui.views.sync_view", "SyncView"),
    TabSpec("settings", QT_TRANSLATE_NOOP("MainWindow", "设置"), "ui.views.settings_view", "SettingsView"),
    TabSpec("welfare", QT_TRANSLATE_NOOP("MainWindow", "公益性岗位"), "ui.views.welfare.welfare_view", "WelfareView",
            tuple(sorted(welfare_jobs.manager_roles()))),
    TabSpec("matching", QT_TRANSLATE_NOOP("MainWindow", "数据比对"), "ui.views.matching.matching_view", "MatchingView"),
    TabSpec("review", QT_TRANSLATE_NOOP("MainWindow", "审核"), "ui.views.review_view", "ReviewView",
            ("supervisor", "admin")),
    TabSpec("dashboard", QT_TRANSLATE_NOOP("MainWindow", "统计"), "ui.views.dashboard_view", "DashboardView",
            ("supervisor", "admin")),
)
MATCHING_KINDS = ("registration_application", "match_hit", "match_anomaly")
ROLE_NAMES = {
    "worker": QT_TRANSLATE_NOOP("MainWindow", "社区专干"),
    "office": QT_TRANSLATE_NOOP("MainWindow", "经办人员"),
    "supervisor": QT_TRANSLATE_NOOP("MainWindow", "督导审核"),
    "admin": QT_TRANSLATE_NOOP("MainWindow", "管理员"),
}


def load_view(module: str, cls: str, ctx: AppContext) -> QWidget:
    """Build a screen, or a placeholder that says why it is not there."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name) or exc.name == module:
            return Placeholder()
        return Placeholder(QCoreApplication.translate("MainWindow", "此功能加载失败"), f"{exc}")
    except Exception as exc:  # a broken screen must not take the shell down
        traceback.print_exc()
        return Placeholder(QCoreApplication.translate("MainWindow", "此功能加载失败"), f"{exc}")
    try:
        return getattr(mod, cls)(ctx)
    except Exception as exc:
        traceback.print_exc()
        return Placeholder(QCoreApplication.translate("MainWindow", "此功能加载失败"), f"{type(exc).__name__}: {exc}")


class _Lazy(QWidget):
    """A tab's slot: empty until the tab is first shown, then holds the real screen."""

    def __init__(self, spec: TabSpec) -> None:
        super().__init__()
        self.spec = spec
        self.view: QWidget | None = None
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(0, 0, 0, 0)

    def ensure(self, ctx: AppContext, on_new: Callable[[QWidget], None] | None = None) -> QWidget:
        if self.view is None:
            self.view = load_view(self.spec.module, self.spec.cls, ctx)
            self.lay.addWidget(self.view)
            if on_new is not None:
                on_new(self.view)
        return self.view

    def drop(self) -> None:
        if self.view is not None:
            clear = getattr(self.view, "clear", None)
            if callable(clear):
                try:
                    clear()
                except Exception:
                    traceback.print_exc()
            self.view.hide()
            self.view.setParent(None)
            self.view.deleteLater()
            self.view = None


class MainWindow(QMainWindow):
    lock_requested = Signal()
    auto_lock_changed = Signal(int)  # minutes, from the settings screen

    PAGE_TABS, PAGE_RECORD, PAGE_LOCKED = 0, 1, 2

    def __init__(self, ctx: AppContext | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: AppContext | None = None
        self.setWindowTitle(self.tr("就业援助走访台"))
        fit_to_screen(self, 1366, 740)
        self.setMinimumSize(1000, 600)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self._record_page())
        locked = Placeholder(self.tr("已锁定"), self.tr("输入密码解锁后继续工作。"))
        self.stack.addWidget(locked)
        self.slots: list[_Lazy] = []
        self._build_status_bar()
        self._build_shortcuts()
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(300)  # one refresh for a burst of changes
        self._status_timer.timeout.connect(self.refresh_status)
        if ctx is not None:
            self.attach(ctx)

    # --- layout --------------------------------------------------------------------------------------
    def _record_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(6, 6, 6, 0)
        bar = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← 返回列表"))
        self.back_button.setToolTip(self.tr("返回（Esc）"))
        self.back_button.clicked.connect(self.back)
        bar.addWidget(self.back_button)
        self.record_title = QLabel()
        bar.addWidget(self.record_title, 1)
        lay.addLayout(bar)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background: #fff3cd; color: #7a4d00; border: 1px solid #f0c36d; padding: 6px;")
        self.notice.hide()
        lay.addWidget(self.notice)
        self.record_holder = QVBoxLayout()
        lay.addLayout(self.record_holder, 1)
        self.record_view: QWidget | None = None
        self.record: tuple[str, str] | None = None
        return page

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.status_file = QLabel()
        self.status_user = QLabel()
        self.status_sync = QLabel()
        self.status_pending = QLabel()
        for w in (self.status_user, self.status_sync, self.status_pending, self.status_file):
            w.setContentsMargins(8, 0, 8, 0)
            sb.addPermanentWidget(w)

    def _build_shortcuts(self) -> None:
        def add(seq: QKeySequence | str, fn: Callable[[], None], name: str) -> QAction:
            act = QAction(name, self)
            act.setShortcut(QKeySequence(seq))
            act.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            act.triggered.connect(lambda _checked=False: fn())  # not the checked flag
            self.addAction(act)
            return act

        self.lock_action = add("Ctrl+L", self.lock_requested.emit, self.tr("锁定"))
        add("Ctrl+F", self.focus_search, self.tr("查找"))
        add("Esc", self._escape, self.tr("返回"))
        add("Alt+Left", self.back, self.tr("返回"))
        for i in range(8):
            add(f"Alt+{i + 1}", lambda i=i: self.show_tab_index(i), self.tr("切换标签页"))

    # --- attaching to an unlocked store --------------------------------------------------------------
    def attach(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.slots = []
        self.tabs.clear()
        self._apply_role()
        ctx.open_record.connect(self.show_record)
        ctx.changed.connect(self._changed)
        ctx.status.connect(self.show_status)
        ctx.notice.connect(self.show_notice)
        self.stack.setCurrentIndex(self.PAGE_TABS)
        self._status_static()
        # Counting pending changes can mean reading a large outbox: after the first screen, off the GUI thread.
        QTimer.singleShot(600, self.refresh_status)

    def _apply_role(self) -> None:
        """Make the tabs match the user's role, keeping screens already built (a role can change while unlocked:
        the first sync tells a new supervisor's laptop who they are)."""
        if self.ctx is None:
            return
        role = (self.ctx.col.user or {}).get("role", "worker")
        wanted = [spec for spec in TABS if not spec.roles or role in spec.roles]
        if [s.spec for s in self.slots] == wanted:
            return
        current = self.current_key()
        self.tabs.blockSignals(True)
        kept = {s.spec.key: s for s in self.slots}
        for slot in self.slots:
            if slot.spec not in wanted:
                slot.drop()
                slot.deleteLater()
        self.tabs.clear()
        self.slots = []
        for spec in wanted:
            slot = kept.get(spec.key) or _Lazy(spec)
            self.slots.append(slot)
            self.tabs.addTab(slot, _t(spec.title))
        self.tabs.blockSignals(False)
        if current is not None and current in {s.key for s in wanted}:
            self.show_tab(current)
        elif self.slots and self.stack.currentIndex() == self.PAGE_TABS:
            self.show_tab_index(0)

    def detach(self) -> None:
        """Drop every screen and everything shown (on lock)."""
        ctx, self.ctx = self.ctx, None
        if ctx is not None:
            for sig, slot in ((ctx.open_record, self.show_record), (ctx.changed, self._changed),
                              (ctx.status, self.show_status), (ctx.notice, self.show_notice)):
                try:
                    sig.disconnect(slot)
                except (RuntimeError, TypeError):
                    pass
        self._status_timer.stop()
        self._drop_record_view()
        self.tabs.blockSignals(True)
        for slot in self.slots:
            slot.drop()
        self.tabs.clear()
        for slot in self.slots:
            slot.deleteLater()
        self.slots = []
        self.tabs.blockSignals(False)
        for w in (self.status_file, self.status_user, self.status_sync, self.status_pending):
            w.clear()
        self.statusBar().clearMessage()
        self.stack.setCurrentIndex(self.PAGE_LOCKED)

    def save_state(self) -> dict[str, Any]:
        return {"tab": self.current_key(), "record": self.record if self.on_record_page() else None}

    def restore(self, state: dict[str, Any] | None) -> None:
        state = state or {}
        self.show_tab(state.get("tab") or TABS[0].key)
        if state.get("record"):
            self.show_record(*state["record"])

    # --- tabs ----------------------------------------------------------------------------------------
    def _tab_changed(self, index: int) -> None:
        if 0 <= index < len(self.slots) and self.ctx is not None:
            self.slots[index].ensure(self.ctx, self._wire)

    def _wire(self, view: QWidget) -> None:
        """Connect what a new screen offers to the shell (the settings screen's auto-lock minutes)."""
        sig = getattr(view, "auto_lock_changed", None)
        if sig is not None:
            sig.connect(self.auto_lock_changed)

    def current_key(self) -> str | None:
        i = self.tabs.currentIndex()
        return self.slots[i].spec.key if 0 <= i < len(self.slots) else None

    def show_tab_index(self, i: int) -> None:
        if self.ctx is None or not 0 <= i < len(self.slots):
            return
        self.stack.setCurrentIndex(self.PAGE_TABS)
        self.tabs.setCurrentIndex(i)
        self._tab_changed(i)

    def show_tab(self, key: str) -> QWidget | None:
        for i, slot in enumerate(self.slots):
            if slot.spec.key == key:
                self.show_tab_index(i)
                return slot.view
        return None

    def view(self, key: str) -> QWidget | None:
        """The screen for a tab, built if need be (None when the role has no such tab)."""
        for slot in self.slots:
            if slot.spec.key == key and self.ctx is not None:
                return slot.ensure(self.ctx, self._wire)
        return None

    def focus_search(self) -> None:
        view = self.show_tab("people")
        if view is not None and hasattr(view, "focus_search"):
            view.focus_search()

    # --- the record page -----------------------------------------------------------------------------
    def show_record(self, kind: str, record_id: str) -> None:
        if self.ctx is None:
            return
        if kind in MATCHING_KINDS:  # handled on the matching tab, whether or not a person is known yet
            view = self.show_tab("matching")
            if view is not None and hasattr(view, "select"):
                view.select(kind, record_id)
            return
        if self.record_view is None:
            self.record_view = load_view("ui.views.person", "PersonView", self.ctx)
            self.record_holder.addWidget(self.record_view)
        self.notice.hide()
        show = getattr(self.record_view, "show_record", None)
        if callable(show):
            show(kind, record_id)
        self.record = (kind, record_id)
        self.record_title.setText(self._record_title(kind, record_id))
        self.stack.setCurrentIndex(self.PAGE_RECORD)

    def _record_title(self, kind: str, record_id: str) -> str:
        if self.ctx is None:
            return ""
        try:
            rec = self.ctx.col.records.get(kind, record_id) if kind in ("person", "household") else None
        except Exception:
            rec = None
        if rec and kind == "person":
            return self.tr("人员：%1").replace("%1", rec.get("name") or "")
        if rec and kind == "household":
            return self.tr("家庭：%1").replace("%1", rec.get("address") or "")
        return ""

    def on_record_page(self) -> bool:
        return self.stack.currentIndex() == self.PAGE_RECORD

    def back(self) -> None:
        if self.on_record_page():
            self.notice.hide()
            self.stack.setCurrentIndex(self.PAGE_TABS)
            self.record = None

    def _escape(self) -> None:
        if self.on_record_page():
            self.back()

    def _drop_record_view(self) -> None:
        self.notice.hide()
        self.notice.clear()
        self.record_title.clear()
        self.record = None
        if self.record_view is not None:
            clear = getattr(self.record_view, "clear", None)
            if callable(clear):
                try:
                    clear()
                except Exception:
                    traceback.print_exc()
            self.record_view.hide()
            self.record_view.setParent(None)
            self.record_view.deleteLater()
            self.record_view = None

    # --- closing ------------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self.ctx is not None and not self._confirm_close():
            event.ignore()
            return
        for w in top_level_others((self,)):
            w.close()  # forms keep their drafts as they close
        super().closeEvent(event)

    def _confirm_close(self) -> bool:
        """Say what closing would leave behind (open forms, changes not yet on the platform) and ask."""
        reasons = []
        editing = [w.windowTitle() for w in top_level_others((self,)) if _has_unsaved_work(w)]
        if editing:
            reasons.append(self.tr("正在编辑：%1。走访记录会留作草稿，其他未保存的内容将丢失。").replace(
                "%1", "、".join(editing)))
        try:
            pending = self.ctx.col.records.pending_count() if self.ctx is not None else 0
        except Exception:  # a store that cannot be read must not keep the window open
            pending = 0
        if pending:
            reasons.append(self.tr("还有 %1 条修改没有上传到平台。它们保存在本机，下次同步时发送。").replace(
                "%1", str(pending)))
        if not reasons:
            return True
        answer = QMessageBox.question(
            self, self.tr("退出走访台"), "\n\n".join([*reasons, self.tr("确定退出吗？")]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # --- status --------------------------------------------------------------------------------------
    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 15000)

    def show_notice(self, text: str) -> None:
        """A banner on the record page (e.g. a sheet printed from an old version of the record)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self.show_status(text)

    def _changed(self, change: object) -> None:
        self._status_timer.start()
        if settings.USER.key in getattr(change, "ids", {}).get("meta", ()):
            self._apply_role()
            self._status_static()

    def _status_static(self) -> None:
        if self.ctx is None:
            return
        col = self.ctx.col
        user = col.user or {}
        role = user.get("role", "worker")
        self.status_file.setText(self.tr("数据文件：%1").replace("%1", col.path.name))
        self.status_file.setToolTip(str(col.path))
        self.status_user.setText(self.tr("{name}（{role}）").format(
            name=user.get("display_name") or user.get("name", ""), role=_t(ROLE_NAMES.get(role, role))))

    def refresh_status(self) -> None:
        """Last sync and pending changes, read on a worker thread."""
        if self.ctx is None:
            return
        ctx = self.ctx
        # Keep the job referenced until it reports: an unreferenced wrapper can be collected mid-run.
        self._status_job = ctx.background(_sync_status, ctx.col,
                                          on_done=lambda r, c=ctx: self._show_sync_status(c, r),
                                          on_error=lambda _e: None)

    def _show_sync_status(self, ctx: AppContext, status: tuple[str | None, int]) -> None:
        if ctx is not self.ctx:
            return  # locked (or re-unlocked) meanwhile
        last, pending = status
        self.status_sync.setText(self.tr("上次同步：%1").replace("%1", _local(last) if last else self.tr("从未")))
        self.status_pending.setText(self.tr("待上传：%1 条").replace("%1", str(pending)))


def _sync_status(col: Any) -> tuple[str | None, int]:
    """(last successful sync time from the sync run log, outbox size)."""
    from sync.client.runs import read_log

    last = next((e.get("at") for e in reversed(read_log(col)) if e.get("ok")), None)
    return last, col.records.pending_count()


def _local(at: str) -> str:
    """An ISO UTC timestamp as local "MM-DD HH:MM" (today: just the time)."""
    try:
        t = dt.datetime.fromisoformat(str(at).replace("Z", "+00:00"))
    except ValueError:
        return str(at)
    if t.tzinfo is not None:
        t = t.astimezone()
    return t.strftime("%H:%M") if t.date() == dt.date.today() else t.strftime("%Y-%m-%d %H:%M")


def _has_unsaved_work(w: QWidget) -> bool:
    """A window says it holds unsaved work through ``has_unsaved_work()`` (forms, editors)."""
    check = getattr(w, "has_unsaved_work", None)
    try:
        return bool(check()) if callable(check) else False
    except RuntimeError:  # already deleted
        return False


def top_level_others(keep: tuple[QWidget | None, ...]) -> list[QWidget]:
    """Visible top-level windows other than ``keep`` (dialogs and secondary windows to close on lock)."""
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w not in keep]
