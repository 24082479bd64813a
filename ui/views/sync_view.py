"""同步 tab: platform connection, 立即同步 with progress and cancel, pending changes, the last result, the run log,
unresolved conflicts (double-click → 处理冲突) and changes the platform refused (dismissable).

Sync runs on ``ctx.background`` through ``ui.sync_runner.SyncRunner``; everything shown here is read off the GUI
thread too (a sync holds the store while it settles a batch) and reloaded, debounced, on ``ctx.changed``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import ops
from app.collection import Change, Collection
from app.model.kinds import KINDS
from app.queries.conflicts import list_conflicts, list_rejected, record_title
from sync.client import SyncReport
from sync.client.runs import read_log, token_state
from ui.context import AppContext
from ui.dialogs.conflict_dialog import ConflictDialog, field_label
from ui.sync_runner import STAGES, SyncRunner
from ui.widgets.tables import read_only_table

ERROR_FG = QColor("#B00020")
OK_FG = QColor("#1B6E20")
ATTENTION_FG = QColor("#8A5A00")  # needs the worker's attention, not an error
ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass
class SyncState:
    """What the tab shows, read in one background job."""

    pending: int = 0
    log: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)  # one per record: kind, record_id, title, fields
    rejected: list[dict[str, Any]] = field(default_factory=list)
    token_expires: str | None = None


def load_state(col: Collection, server: str, user: str) -> SyncState:
    by_record: dict[tuple[str, str], dict[str, Any]] = {}
    for c in list_conflicts(col):
        entry = by_record.setdefault((c["kind"], c["record_id"]), {
            "kind": c["kind"], "record_id": c["record_id"], "fields": [], "created_at": c["created_at"]})
        entry["fields"].append(c["field"])
    for entry in by_record.values():
        entry["title"] = record_title(col, entry["kind"], entry["record_id"])
    rejected = [{**r, "title": record_title(col, r["kind"], r["id"])} if r.get("kind") in KINDS else r
                for r in list_rejected(col)]
    return SyncState(pending=col.records.pending_count(), log=read_log(col), conflicts=list(by_record.values()),
                     rejected=rejected, token_expires=token_state(col, server, user))


def local_time(iso: str | None) -> str:
    if not iso:
        return "—"
    try:
        return dt.datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def _table(headers: list[str], stretch: int) -> QTableWidget:
    t = read_only_table(headers, stretch)
    t.setAlternatingRowColors(True)
    t.horizontalHeader().setMinimumSectionSize(70)
    return t


def _item(text: Any, data: Any = None) -> QTableWidgetItem:
    it = QTableWidgetItem(str(text))
    if data is not None:
        it.setData(ID_ROLE, data)
    return it


class SyncView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = SyncRunner(ctx, self)
        self.state = SyncState()
        self.dialog: ConflictDialog | None = None
        self._report: SyncReport | None = None  # the last finished sync, while its message shows
        self._report_counts = (0, 0)
        self._loading = False
        self._dirty = False
        # AppContext does not keep a Job alive: if it were collected before its queued done/failed signal is
        # delivered, the callback would be lost (a reload stuck "loading"). Hold each until it reports.
        self._jobs: set[Any] = set()

        # --- connection ---
        self.url_edit = QLineEdit(self.runner.server)
        self.user_edit = QLineEdit(self.runner.user)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("只在本次运行中记住，不会保存"))
        self.login_hint = QLabel()
        self.login_hint.setWordWrap(True)
        self.login_hint.setStyleSheet("color: #555555;")
        self.auto_check = QCheckBox(self.tr("联网时自动同步"))
        self.auto_check.setChecked(self.runner.auto_enabled)
        self.interval_spin = QSpinBox()
        self.interval_spin.setRange(1, 240)
        self.interval_spin.setValue(self.runner.auto_minutes)
        self.interval_spin.setSuffix(self.tr(" 分钟"))
        self.interval_spin.setPrefix(self.tr("每 "))
        self.online_label = QLabel()
        auto_row = QHBoxLayout()
        auto_row.addWidget(self.auto_check)
        auto_row.addWidget(self.interval_spin)
        auto_row.addStretch(1)
        conn_box = QGroupBox(self.tr("平台连接"))
        form = QFormLayout(conn_box)
        form.addRow(self.tr("平台地址"), self.url_edit)
        form.addRow(self.tr("用户名"), self.user_edit)
        form.addRow(self.tr("密码"), self.password_edit)
        form.addRow("", self.login_hint)
        form.addRow(self.tr("后台同步"), auto_row)
        form.addRow("", self.online_label)

        # --- sync now ---
        self.pending_label = QLabel()
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.4)
        big.setBold(True)
        self.pending_label.setFont(big)
        self.last_label = QLabel()
        self.last_label.setWordWrap(True)
        self.sync_button = QPushButton(self.tr("立即同步"))
        self.sync_button.setDefault(True)
        self.sync_button.setMinimumHeight(34)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setEnabled(False)
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setVisible(False)
        self.stage_label = QLabel()
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button, 1)
        buttons.addWidget(self.cancel_button)
        sync_box = QGroupBox(self.tr("同步"))
        sv = QVBoxLayout(sync_box)
        sv.addWidget(self.pending_label)
        sv.addWidget(self.last_label)
        sv.addLayout(buttons)
        sv.addWidget(self.progress_bar)
        sv.addWidget(self.stage_label)
        sv.addWidget(self.message_label)
        sv.addStretch(1)
        self.stage_label.setMinimumHeight(self.stage_label.sizeHint().height())

        # Top: the sync box and the connection side by side; below, the lists get the full width.
        sync_box.setMinimumWidth(520)
        top = QHBoxLayout()
        top.addWidget(sync_box, 1)
        top.addWidget(conn_box, 1)

        # --- lists ---
        self.conflict_table = _table([self.tr("类型"), self.tr("记录"), self.tr("冲突的字段"), self.tr("发现时间")],
                                     stretch=2)
        self.conflict_table.setToolTip(self.tr("双击一行处理冲突"))
        self.conflict_hint = QLabel(self.tr(
            "同一字段在本机和平台上都被修改过。两边的值都已保留，请双击一行逐项选择。"))
        self.conflict_hint.setWordWrap(True)
        conflict_page = QWidget()
        cl = QVBoxLayout(conflict_page)
        cl.addWidget(self.conflict_hint)
        cl.addWidget(self.conflict_table, 1)

        self.rejected_table = _table([self.tr("类型"), self.tr("记录"), self.tr("修改的字段"), self.tr("原因"),
                                      self.tr("时间")], stretch=3)
        self.dismiss_button = QPushButton(self.tr("忽略所选"))
        self.dismiss_all_button = QPushButton(self.tr("全部忽略"))
        rejected_hint = QLabel(self.tr(
            "平台拒绝了这些修改，重发也不会成功。请按原因在本机更正后再同步；看过后可以忽略。"))
        rejected_hint.setWordWrap(True)
        rb = QHBoxLayout()
        rb.addStretch(1)
        rb.addWidget(self.dismiss_button)
        rb.addWidget(self.dismiss_all_button)
        rejected_page = QWidget()
        rl = QVBoxLayout(rejected_page)
        rl.addWidget(rejected_hint)
        rl.addWidget(self.rejected_table, 1)
        rl.addLayout(rb)

        self.log_table = _table([self.tr("时间"), self.tr("方式"), self.tr("结果"), self.tr("上传"),
                                 self.tr("下载"), self.tr("冲突"), self.tr("拒绝"), self.tr("用时"),
                                 self.tr("说明")], stretch=8)
        self.tabs = QTabWidget()
        self.tabs.addTab(conflict_page, "")
        self.tabs.addTab(rejected_page, "")
        self.tabs.addTab(self.log_table, self.tr("同步记录"))

        root = QVBoxLayout(self)
        root.addLayout(top)
        root.addWidget(self.tabs, 1)

        # --- wiring ---
        self.sync_button.clicked.connect(self.sync_now)
        self.cancel_button.clicked.connect(self.cancel)
        self.conflict_table.itemDoubleClicked.connect(self._open_conflict)
        self.dismiss_button.clicked.connect(lambda: self._dismiss(selected=True))
        self.dismiss_all_button.clicked.connect(lambda: self._dismiss(selected=False))
        self.auto_check.toggled.connect(self._auto_changed)
        self.interval_spin.editingFinished.connect(self._auto_changed)
        self.rejected_table.itemSelectionChanged.connect(self._update_dismiss)
        self.runner.progress.connect(self._progress)
        self.runner.busy_changed.connect(self._busy)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self._failed)
        self.runner.health.connect(self._health)
        ctx.changed.connect(self._on_changed)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(250)  # a pull commits page after page: reload once they settle
        self._reload_timer.timeout.connect(self.reload)
        self._busy(False)
        self.reload()

    # --- state ----------------------------------------------------------------------------------------
    def _on_changed(self, _change: Change) -> None:
        self._reload_timer.start()

    def reload(self) -> None:
        if self._loading:
            self._dirty = True
            return
        self._loading = True
        self._hold(self.ctx.background(load_state, self.ctx.col, self.runner.server, self.runner.user,
                                       on_done=self._loaded, on_error=lambda _e: self._loaded(None)))

    def _loaded(self, state: SyncState | None) -> None:
        self._loading = False
        if state is not None:
            self.state = state
            self._show_state()
        if self._dirty:
            self._dirty = False
            self.reload()

    def _show_state(self) -> None:
        s = self.state
        self.pending_label.setText(self.tr("待上传的修改：%1 条").replace("%1", str(s.pending)))
        self._show_last(s.log[-1] if s.log else None)
        if s.token_expires is not None:
            until = local_time(s.token_expires) if s.token_expires else ""
            self.login_hint.setText(self.tr("已登录平台（有效至 %1），同步无需再输入密码。").replace("%1", until))
        else:
            self.login_hint.setText(self.tr("首次同步或登录过期时需要输入密码。密码只保存在内存中。"))
        self._fill_conflicts()
        self._fill_rejected()
        self._fill_log()
        self._follow_report()

    def _show_last(self, last: dict[str, Any] | None) -> None:
        if last is None:
            self.last_label.setText(self.tr("上次同步：尚未同步"))
            return
        when = local_time(last.get("at"))
        if last.get("ok"):
            text = self.tr("上次同步：%1，成功（上传 %2 条，下载 %3 条）").replace("%1", when).replace(
                "%2", str(last.get("pushed", 0))).replace("%3", str(last.get("pulled", 0)))
            color = OK_FG
        elif last.get("cancelled"):
            text = self.tr("上次同步：%1，已取消").replace("%1", when)
            color = ATTENTION_FG
        else:
            errors = last.get("errors") or [""]
            text = self.tr("上次同步：%1，失败：%2").replace("%1", when).replace("%2", errors[0])
            color = ERROR_FG
        self.last_label.setText(text)
        self.last_label.setStyleSheet(f"color: {color.name()};")

    def _fill_conflicts(self) -> None:
        rows = self.state.conflicts
        t = self.conflict_table
        t.setRowCount(len(rows))
        for r, c in enumerate(rows):
            key = (c["kind"], c["record_id"])
            t.setItem(r, 0, _item(KINDS[c["kind"]].label, key))
            t.setItem(r, 1, _item(c["title"], key))
            t.setItem(r, 2, _item("、".join(field_label(c["kind"], f) for f in c["fields"]), key))
            t.setItem(r, 3, _item(local_time(c["created_at"]), key))
        self.tabs.setTabText(0, self.tr("待处理冲突（%1）").replace("%1", str(len(rows))))
        if rows:
            self.tabs.tabBar().setTabTextColor(0, ERROR_FG)
        else:
            self.tabs.tabBar().setTabTextColor(0, self.palette().windowText().color())

    def _fill_rejected(self) -> None:
        rows = self.state.rejected
        t = self.rejected_table
        t.setRowCount(len(rows))
        for r, op in enumerate(rows):
            kind = op.get("kind")
            label = KINDS[kind].label if kind in KINDS else str(kind)
            if op.get("op") == "delete":
                fields = self.tr("删除记录")
            elif kind in KINDS:
                fields = "、".join(field_label(kind, f) for f in (op.get("fields") or {}))
            else:
                fields = ""
            t.setItem(r, 0, _item(label, op["op_id"]))
            t.setItem(r, 1, _item(op.get("title", ""), op["op_id"]))
            t.setItem(r, 2, _item(fields, op["op_id"]))
            reason = _item(op.get("reason", ""), op["op_id"])
            reason.setForeground(QBrush(ERROR_FG))
            t.setItem(r, 3, reason)
            t.setItem(r, 4, _item(local_time(op.get("at")), op["op_id"]))
        self.tabs.setTabText(1, self.tr("被拒绝的修改（%1）").replace("%1", str(len(rows))))
        self.dismiss_all_button.setEnabled(bool(rows))
        self._update_dismiss()

    def _fill_log(self) -> None:
        rows = list(reversed(self.state.log))
        t = self.log_table
        t.setRowCount(len(rows))
        for r, e in enumerate(rows):
            if e.get("ok"):
                result, color = self.tr("成功"), OK_FG
            elif e.get("cancelled"):
                result, color = self.tr("已取消"), ATTENTION_FG
            else:
                result, color = self.tr("失败"), ERROR_FG
            notes = list(e.get("errors") or []) + list(e.get("warnings") or [])
            if e.get("conflicts"):
                notes.append(self.tr("待处理冲突 %1 处").replace("%1", str(e["conflicts"])))
            if e.get("pending"):
                notes.append(self.tr("仍有 %1 条修改待上传").replace("%1", str(e["pending"])))
            cells = [local_time(e.get("at")), self.tr("自动") if e.get("auto") else self.tr("手动"), result,
                     e.get("pushed", 0), e.get("pulled", 0), e.get("conflict", 0), e.get("rejected", 0),
                     self.tr("%1 秒").replace("%1", f"{float(e.get('duration') or 0):.1f}"), "；".join(notes)]
            for c, value in enumerate(cells):
                it = _item(value)
                if c == 2:
                    it.setForeground(QBrush(color))
                if c == 8:
                    it.setToolTip("\n".join(notes))
                t.setItem(r, c, it)

    # --- sync -----------------------------------------------------------------------------------------
    def sync_now(self) -> None:
        url = self.url_edit.text().strip()
        if not url.startswith(("http://", "https://")):
            self._message(self.tr("平台地址应以 http:// 或 https:// 开头。"), ERROR_FG)
            return
        if not self.user_edit.text().strip():
            self._message(self.tr("请输入平台用户名。"), ERROR_FG)
            return
        self.runner.set_connection(url, self.user_edit.text(), self.password_edit.text() or None)
        self.runner.start()

    def cancel(self) -> None:
        self.runner.cancel()
        self.cancel_button.setEnabled(False)
        self.stage_label.setText(self.tr("正在取消…（已完成的部分会保留）"))

    def _busy(self, busy: bool) -> None:
        self.sync_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        for w in (self.url_edit, self.user_edit, self.password_edit):
            w.setEnabled(not busy)
        self.progress_bar.setVisible(busy)
        if busy:
            self._report = None
            self.progress_bar.setRange(0, 0)
            self.stage_label.setText(self.tr("正在连接平台…"))
            self._message("", None)
        else:
            self.stage_label.setText("")

    def _progress(self, stage: str, done: int, total: int) -> None:
        if stage == "done" or not self.runner.busy:
            return
        name = self.tr(STAGES.get(stage, stage))
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)
            self.stage_label.setText(self.tr("%1：%2 / %3").replace("%1", name).replace("%2", str(done)).replace(
                "%3", str(total)))
        else:  # pull pages: the total is not known in advance
            self.progress_bar.setRange(0, 0)
            text = self.tr("%1：已收到 %2 条").replace("%2", str(done)) if done else self.tr("%1…")
            self.stage_label.setText(text.replace("%1", name))

    def _finished(self, report: SyncReport) -> None:
        self._report = None
        if report.cancelled:
            self._message(self.tr("同步已取消。已完成的部分已保存，未上传的修改仍在本机，下次同步会继续。"),
                          ATTENTION_FG)
        elif report.errors:
            self._message(self.tr("同步失败：%1\n本机的修改都还在，会在下次同步时发送。").replace(
                "%1", report.errors[0]), ERROR_FG)
        else:
            self._report = report
            self._report_counts = (report.conflicts, report.rejected)
            self._show_report(*self._report_counts)
            if report.conflicts:
                self.tabs.setCurrentIndex(0)
        self.ctx.status.emit(self.message_label.text().split("\n")[0])
        self.reload()

    def _show_report(self, conflicts: int, rejected: int) -> None:
        """The last sync's result, with the conflicts and rejected changes still open (not those it found)."""
        report = self._report
        parts = [self.tr("同步完成：上传 %1 条修改，下载 %2 条更新。").replace("%1", str(report.pushed)).replace(
            "%2", str(report.pulled))]
        if conflicts:
            parts.append(self.tr("有 %1 处冲突需要您选择，见“待处理冲突”。").replace("%1", str(conflicts)))
        elif report.conflicts:
            parts.append(self.tr("冲突已全部处理。"))
        if rejected:
            parts.append(self.tr("%1 条修改被平台拒绝，见“被拒绝的修改”。").replace("%1", str(rejected)))
        self._message("".join(parts), OK_FG if not (conflicts or rejected) else ATTENTION_FG)

    def _follow_report(self) -> None:
        """Once a conflict is resolved or a rejection dismissed, the message (and the status bar) say so: a
        message about state is rewritten from the state, never left to go stale."""
        if self._report is None or self.runner.busy:
            return
        now = (sum(len(c["fields"]) for c in self.state.conflicts), len(self.state.rejected))
        if now == self._report_counts:
            return
        self._report_counts = now
        self._show_report(*now)
        self.ctx.status.emit(self.message_label.text())

    def _failed(self, message: str) -> None:
        self._message(message, ERROR_FG)
        self.reload()

    def _message(self, text: str, color: QColor | None) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(f"color: {color.name()};" if color else "")

    def _health(self, reachable: bool) -> None:
        when = dt.datetime.now().strftime("%H:%M")
        self.online_label.setText(self.tr("平台可以连接（%1 检查）").replace("%1", when) if reachable
                                  else self.tr("平台暂时连不上（%1 检查），稍后自动重试").replace("%1", when))

    def _auto_changed(self) -> None:
        self.runner.set_auto(self.auto_check.isChecked(), self.interval_spin.value())
        if self.auto_check.isChecked():
            self.runner.check_and_sync()

    # --- conflicts and rejected ops ---------------------------------------------------------------------
    def _open_conflict(self, item: QTableWidgetItem) -> None:
        kind, record_id = item.data(ID_ROLE)
        self.open_conflict(kind, record_id)

    def open_conflict(self, kind: str, record_id: str) -> ConflictDialog:
        self.dialog = ConflictDialog(self.ctx, kind, record_id, self)
        self.dialog.finished.connect(lambda _r: self.reload())
        self.dialog.open()  # window-modal, does not block the event loop
        return self.dialog

    def _update_dismiss(self) -> None:
        self.dismiss_button.setEnabled(bool(self.rejected_table.selectionModel().selectedRows()))

    def _dismiss(self, selected: bool) -> None:
        op_ids: list[str] | None = None
        if selected:
            rows = {i.row() for i in self.rejected_table.selectionModel().selectedRows()}
            op_ids = [self.rejected_table.item(r, 0).data(ID_ROLE) for r in sorted(rows)]
            if not op_ids:
                return
        self._hold(self.ctx.write(ops.conflicts.dismiss_rejected, self.ctx.col, op_ids, on_done=lambda _r: self.reload()))

    def _hold(self, job: Any) -> None:
        self._jobs.add(job)
        release = lambda *_a: self._jobs.discard(job)  # noqa: E731
        job.signals.done.connect(release)
        job.signals.failed.connect(release)
