"""处理同步冲突: one record changed on this laptop and on the platform in the same field(s).

Shows both versions field by field (the clashing fields first and highlighted, each with 本机 / 平台 radio
buttons; every other field with its current value), and writes the worker's choices with
``ops.conflicts.resolve_choices`` on the writer thread, all of a record's choices in one transaction. The record's conflict flag clears when no field is left
in conflict; the next sync sends the choice.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import areas, ops, vocabulary
from app.model.kinds import KINDS
from app.queries.conflicts import conflicts_of, record_title
from app.queries.names import directory, shown_value
from app.queries.readable import field_text
from ui.context import AppContext
from ui.widgets.fit import fit_to_screen

CONFLICT_BG = QColor("#FFF4CE")
MAX_CHARS = 80  # longer values are cut in the cell; the tooltip has them in full
EXTRA_LABELS = {"area_code": QT_TRANSLATE_NOOP("ConflictDialog", "所属社区"),
                "deleted": QT_TRANSLATE_NOOP("ConflictDialog", "记录状态")}
# Fields naming another record: shown by that record's title, not its UUID.
REFERENCES = {"household_id": "household", "person_id": "person", "case_id": "assistance_case"}


def _t(text: str) -> str:
    return QCoreApplication.translate("ConflictDialog", text)


def field_label(kind: str, field: str) -> str:
    k = KINDS[kind]
    if field in k.field_names:
        return k.field(field).label or field
    return _t(EXTRA_LABELS[field]) if field in EXTRA_LABELS else field


def format_value(kind: str, field: str, value: Any) -> str:
    """A value as the worker reads it (是/否, 社区名, 已删除 …)."""
    if field == "deleted":
        return (QCoreApplication.translate("ConflictDialog", "已删除") if value
                else QCoreApplication.translate("ConflictDialog", "保留（未删除）"))
    if value is None or value == "" or value == []:
        return "—"
    if field == "area_code":
        return f"{areas.name_of(str(value))}（{value}）"
    if field == "employment_status":
        return vocabulary.zh("employment_status", str(value))
    ftype = KINDS[kind].field(field).type if field in KINDS[kind].field_names else "str"
    if ftype == "bool":
        return (QCoreApplication.translate("ConflictDialog", "是") if value
                else QCoreApplication.translate("ConflictDialog", "否"))
    if ftype == "json" or isinstance(value, (list, dict)):
        return field_text(kind, field, value)  # measures, materials… in words, never JSON
    return str(value)


def _short(text: str) -> str:
    return text if len(text) <= MAX_CHARS else text[:MAX_CHARS - 1] + "…"


class ConflictDialog(QDialog):
    def __init__(self, ctx: AppContext, kind: str, record_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.kind, self.record_id = ctx, kind, record_id
        col = ctx.col
        self.record = col.records.get(kind, record_id) or {}
        self.conflicts = {c["field"]: c for c in conflicts_of(col, record_id)}
        self.names = directory(col)  # who did something is shown by name on both sides
        title = record_title(col, kind, record_id)
        self.setWindowTitle(self.tr("处理同步冲突 — %1：%2").replace("%1", KINDS[kind].label).replace("%2", title))
        fit_to_screen(self, 900, 600)

        intro = QLabel(self.tr(
            "这条记录在本机和平台上被同时修改了（黄色的字段）。请逐项选择要保留的值：选“本机”保留本机的修改，"
            "选“平台”采用平台上的值。其余字段两边一致，只作参考。选择会在下次同步时发送到平台。"))
        intro.setWordWrap(True)

        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("字段"), self.tr("本机的值"), self.tr("平台的值")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # field → (本机 radio, 平台 radio); a field with neither checked stays in conflict.
        self.choices: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        self._groups: list[QButtonGroup] = []
        self._fill()

        self.all_local = QPushButton(self.tr("全部用本机"))
        self.all_server = QPushButton(self.tr("全部用平台"))
        self.open_button = QPushButton(self.tr("打开记录"))
        self.all_local.clicked.connect(lambda: self._choose_all(0))
        self.all_server.clicked.connect(lambda: self._choose_all(1))
        self.open_button.clicked.connect(self._open_record)
        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton(self.tr("应用选择"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        self.status = QLabel()
        self.status.setWordWrap(True)

        row = QHBoxLayout()
        row.addWidget(self.all_local)
        row.addWidget(self.all_server)
        row.addWidget(self.open_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.status)
        lay.addLayout(row)
        self._update_buttons()

    # --- content ------------------------------------------------------------------------------------
    def _fill(self) -> None:
        kind = KINDS[self.kind]
        others = [f for f in ("area_code", *kind.field_names) if f not in self.conflicts]
        rows = [*self.conflicts, *others]
        self.table.setRowCount(len(rows))
        bold = QFont(self.font())
        bold.setBold(True)
        for r, field in enumerate(rows):
            label = QTableWidgetItem(field_label(self.kind, field))
            self.table.setItem(r, 0, label)
            if field in self.conflicts:
                c = self.conflicts[field]
                label.setFont(bold)
                label.setBackground(QBrush(CONFLICT_BG))
                group = QButtonGroup(self)
                pair = []
                for column, (prefix, value) in enumerate(((self.tr("本机"), c["local_value"]),
                                                          (self.tr("平台"), c["server_value"])), start=1):
                    text = format_value(self.kind, field, shown_value(self.names, field, value))
                    radio = QRadioButton(self.tr("{side}：{value}").format(side=prefix, value=_short(text)))
                    radio.setToolTip(text)
                    radio.toggled.connect(self._update_buttons)
                    group.addButton(radio)
                    cell = QWidget()
                    cell.setAutoFillBackground(True)
                    cell.setStyleSheet(f"background: {CONFLICT_BG.name()};")
                    box = QHBoxLayout(cell)
                    box.setContentsMargins(6, 0, 6, 0)
                    box.addWidget(radio)
                    box.addStretch(1)  # the radio's click area is its indicator and text, not the whole cell
                    self.table.setCellWidget(r, column, cell)
                    pair.append(radio)
                self._groups.append(group)
                self.choices[field] = (pair[0], pair[1])
            else:
                value = self.record.get(field)
                if field in REFERENCES and value:
                    text = record_title(self.ctx.col, REFERENCES[field], str(value))
                else:
                    text = format_value(self.kind, field, shown_value(self.names, field, value))
                item = QTableWidgetItem(_short(text))
                item.setToolTip(text)
                item.setForeground(QBrush(QColor("#555555")))
                self.table.setItem(r, 1, item)
                self.table.setSpan(r, 1, 1, 2)  # the same on both sides
        self.table.resizeRowsToContents()

    def _choose_all(self, side: int) -> None:
        for pair in self.choices.values():
            pair[side].setChecked(True)

    def _chosen(self) -> dict[str, str]:
        out = {}
        for field, (local, server) in self.choices.items():
            if local.isChecked():
                out[field] = "local"
            elif server.isChecked():
                out[field] = "server"
        return out

    def _update_buttons(self) -> None:
        chosen = len(self._chosen())
        self.apply_button.setEnabled(chosen > 0)
        left = len(self.choices) - chosen
        self.status.setText(self.tr("还有 %1 个字段未选择，未选择的字段保持冲突状态。").replace("%1", str(left))
                            if left else self.tr("已全部选择。"))

    def _open_record(self) -> None:
        self.ctx.open_record.emit(self.kind, self.record_id)

    # --- apply --------------------------------------------------------------------------------------
    def apply(self) -> None:
        chosen = self._chosen()
        if not chosen:
            return
        self.apply_button.setEnabled(False)
        # Keep the job referenced until it reports (AppContext does not), or its signals could be lost.
        self._job = self.ctx.write(ops.conflicts.resolve_choices, self.ctx.col, self.kind, self.record_id, chosen,
                                   on_done=self._applied, on_error=self._failed)

    def _applied(self, left: int) -> None:
        self.remaining = left
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.apply_button.setEnabled(True)
        msg = str(exc) if isinstance(exc, LookupError) else type(exc).__name__
        QMessageBox.warning(self, self.tr("无法保存选择"),
                            self.tr("保存选择时出错：%1。请关闭后重新打开此冲突。").replace("%1", msg))
