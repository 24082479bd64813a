"""The one step before a file leaves the encrypted store (Excel, CSV, PDF exports of the office tabs): the
not-encrypted warning, saying what the file holds, then where to save it; and the message once it is written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def _file_filter(suffix: str) -> str:
    return {"xlsx": QCoreApplication.translate("Unencrypted", "Excel 工作簿 (*.xlsx)"),
            "csv": QCoreApplication.translate("Unencrypted", "CSV 文件 (*.csv)"),
            "pdf": QCoreApplication.translate("Unencrypted", "PDF 文件 (*.pdf)")}[suffix]


def ask_export_path(parent: QWidget, warning: str, title: str, name: str, suffix: str = "xlsx") -> str:
    """Where to write ``name``.``suffix`` once the user has accepted ``warning`` (what the file holds, that it
    is not encrypted, what to do with it); "" when they decline the warning or the file dialog."""
    answer = QMessageBox.warning(
        parent, QCoreApplication.translate("Unencrypted", "导出未加密文件"), warning,
        QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
    if answer != QMessageBox.StandardButton.Ok:
        return ""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / f"{name}.{suffix}"), _file_filter(suffix))
    return path if not path or path.lower().endswith(f".{suffix}") else f"{path}.{suffix}"


def exported(path: object) -> str:
    """The status line once the file is written: it names the file and says again that it is not encrypted."""
    return QCoreApplication.translate("Unencrypted", "已导出：{path}（文件不加密）").format(path=path)
