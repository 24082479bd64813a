"""申请材料: the current application's material list — tick a material, or attach a photo or scan of it (kept in
the encrypted store and shown from memory) — and the person responsible for the case, whom a supervisor may
change. Submitting for 初审 (概况) is refused while a material is missing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from app import ops
from app.queries.applications import MaterialsPart, attachment_bytes, case_materials
from ui.dialogs import ErrorLabel
from ui.views.person.section import GREEN, RED, Section

MIME = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".pdf": "application/pdf"}
ROLE_CODE, ROLE_ATTACHMENT = Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 1


class MaterialsSection(Section):
    key = "materials"
    kinds = frozenset({"assistance_case", "attachment"})

    def title(self, count: Any) -> str:
        return self.tr("申请材料")

    def build(self) -> None:
        lay = QVBoxLayout(self)
        self.case_label = QLabel()
        self.case_label.setWordWrap(True)
        lay.addWidget(self.case_label)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("材料"), self.tr("状态")])
        self.tree.setColumnWidth(0, 460)
        self.tree.itemChanged.connect(self._ticked)
        self.tree.itemDoubleClicked.connect(lambda item, _c: self.view(item))
        lay.addWidget(self.tree, 1)
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        lay.addWidget(self.missing_label)
        row = QHBoxLayout()
        self.attach_button = QPushButton(self.tr("附上照片/扫描件…"))
        self.attach_button.clicked.connect(self.choose_file)
        self.view_button = QPushButton(self.tr("查看"))
        self.view_button.clicked.connect(lambda: self.view(self.tree.currentItem()))
        self.responsible_label = QLabel()
        self.reassign_button = QPushButton(self.tr("更换责任人"))
        self.reassign_button.clicked.connect(self.reassign)
        for w in (self.attach_button, self.view_button):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.responsible_label)
        row.addWidget(self.reassign_button)
        lay.addLayout(row)
        self.error = ErrorLabel()
        lay.addWidget(self.error)

    @staticmethod
    def load(col: Any, person_id: str, today: dt.date) -> MaterialsPart | None:
        return case_materials(col, person_id, today)

    def clear(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        self.tree.blockSignals(False)
        for label in (self.case_label, self.missing_label, self.responsible_label):
            label.setText("")
        self.error.show_error(None)
        for b in (self.attach_button, self.view_button, self.reassign_button):
            b.setEnabled(False)

    def show_data(self, d: MaterialsPart | None) -> None:
        self.clear()
        if d is None:
            self.case_label.setText(self.tr("尚未申请认定：在“概况”中点“申请认定”"))
            return
        self.case_label.setText(self.tr("认定类别：{cat}　环节：{stage}").format(cat=d.category_zh, stage=d.stage_zh))
        self.tree.blockSignals(True)
        for r in d.rows:
            item = QTreeWidgetItem([r.name + (self.tr("（类别证明）") if r.category_proof else ""),
                                    self.tr("已附 {n} 份").format(n=len(r.attachments)) if r.attachments
                                    else (self.tr("已收") if r.ticked else self.tr("缺"))])
            item.setData(0, ROLE_CODE, r.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if r.ticked else Qt.CheckState.Unchecked)
            for a in r.attachments:
                child = QTreeWidgetItem([a["name"], self.tr("{kb} KB").format(kb=max(1, (a.get("size") or 0) // 1024))])
                child.setData(0, ROLE_ATTACHMENT, a["id"])
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
        self.tree.blockSignals(False)
        missing = d.missing
        self.missing_label.setText(
            f'<span style="color:{RED};">' + self.tr("缺少：{m}").format(m="、".join(missing)) + "</span>" if missing
            else f'<span style="color:{GREEN};">' + self.tr("材料齐全") + "</span>")
        self.responsible_label.setText(self.tr("责任人：{name}").format(name=d.case.get("responsible") or "—"))
        self.attach_button.setEnabled(True)
        self.view_button.setEnabled(True)
        self.reassign_button.setEnabled(self.ctx.col.user.get("role") in ops.applications.MANAGER_ROLES)

    # --- actions ------------------------------------------------------------------------------------
    def _material_item(self) -> QTreeWidgetItem | None:
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        return item

    def _ticked(self, _item: QTreeWidgetItem, _column: int) -> None:
        if self.data is None:
            return
        materials = dict(self.data.case.get("materials") or {})
        for i in range(self.tree.topLevelItemCount()):
            it = self.tree.topLevelItem(i)
            materials[it.data(0, ROLE_CODE)] = it.checkState(0) == Qt.CheckState.Checked
        self.data.case["materials"] = materials
        self.ctx.write(ops.cases.save_materials, self.ctx.col, self.data.case["id"], materials,
                       on_error=self._failed)

    def choose_file(self) -> None:
        item = self._material_item()
        if item is None:
            self.error.show_error(self.tr("请先选中一项材料"))
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择照片或扫描件"), "",
                                              self.tr("图片或 PDF (*.jpg *.jpeg *.png *.pdf)"))
        if path:
            p = Path(path)
            self.attach(item.data(0, ROLE_CODE), p.name, MIME.get(p.suffix.lower(), "application/octet-stream"),
                        p.read_bytes())

    def attach(self, material: str, name: str, mime: str, data: bytes) -> None:
        """Attach ``data`` (already in memory) to ``material`` of the current case."""
        if self.data is None:
            return
        self.error.show_error(None)
        self.ctx.write(ops.applications.attach_material, self.ctx.col, self.data.case["id"], material, name, mime,
                       data, on_error=self._failed)

    def view(self, item: QTreeWidgetItem | None) -> QDialog | None:
        aid = item.data(0, ROLE_ATTACHMENT) if item is not None else None
        if not aid:
            return None
        mime, data = attachment_bytes(self.ctx.col, aid)
        dlg = QDialog(self)
        dlg.setWindowTitle(item.text(0))
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        lay = QVBoxLayout(dlg)
        label = QLabel()
        pix = QPixmap()
        if data is None:
            label.setText(self.tr("该附件尚未下载，请先同步"))
        elif mime.startswith("image/") and pix.loadFromData(data):
            label.setPixmap(pix.scaled(900, 640, Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation))
        else:
            label.setText(self.tr("此类文件无法在此预览（{mime}）").format(mime=mime))
        scroll = QScrollArea()
        scroll.setWidget(label)
        lay.addWidget(scroll)
        dlg.resize(940, 700)
        dlg.show()
        return dlg

    def reassign(self) -> None:
        if self.data is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("更换责任人"), self.tr("新的责任人姓名"),
                                        text=self.data.case.get("responsible") or "")
        if ok:
            self.ctx.write(ops.applications.set_responsible, self.ctx.col, self.data.case["id"], name,
                           on_error=self._failed)

    def _failed(self, exc: Exception) -> None:
        self.error.show_error(str(exc) if isinstance(exc, ops.ValidationError)
                              else self.tr("保存失败：{error}").format(error=exc))
