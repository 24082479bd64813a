"""Print preview over an in-memory PDF: Qt's PDF viewer, direct printing, and an explicit, warned "save as".

The PDF bytes live in a QByteArray behind a QBuffer; nothing is written to disk (no temp file) unless the
person chooses 另存为 PDF… and confirms that the file will not be encrypted.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QImage, QPagedPaintDevice, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.fit import fit_to_screen

MAX_PRINT_DPI = 300  # rendering above this only costs memory (an A4 page at 600 dpi is a 140 MB image)
SAVE_WARNING = QT_TRANSLATE_NOOP("PrintPreviewDialog",
                                 "PDF 文件不加密，内含个人信息。\n任何拿到这个文件的人都能看到其中内容。\n\n"
                                 "确定要保存为 PDF 文件吗？保存后请妥善保管，用完及时删除。")


def _t(text: str) -> str:
    return QCoreApplication.translate("PrintPreviewDialog", text)


def load_pdf(pdf: bytes, parent: QWidget | None = None) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument reading ``pdf`` from memory. Keep the buffer alive as long as the document."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument(parent)
    doc.load(buffer)
    return doc, buffer


def paint_pages(doc: QPdfDocument, device: QPagedPaintDevice, first: int = 0, last: int | None = None,
                dpi: int | None = None) -> int:
    """Paint pages ``first..last`` (0-based, inclusive) of ``doc`` onto ``device`` (a QPrinter, a QPdfWriter…).

    Each page is rendered to a QImage at the device resolution (capped) and drawn to fill the printable
    page, keeping its aspect ratio. Returns the number of pages painted.
    """
    count = doc.pageCount()
    last = count - 1 if last is None else min(last, count - 1)
    if count == 0 or first > last:
        return 0
    dpi = min(dpi or device.logicalDpiX() or MAX_PRINT_DPI, MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(device):
        raise RuntimeError(QCoreApplication.translate("PrintPreviewDialog",
                                                      "无法开始打印（打印机不可用？）"))
    painted = 0
    try:
        for i in range(first, last + 1):
            if i > first:
                device.newPage()
            points = doc.pagePointSize(i)
            image = doc.render(i, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)))
            if image.isNull():
                raise RuntimeError(QCoreApplication.translate("PrintPreviewDialog", "第 {n} 页渲染失败")
                                   .format(n=i + 1))
            image = image.convertToFormat(QImage.Format.Format_RGB32)  # printers want no alpha
            area = painter.viewport()
            scaled = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(area.x(), area.y(), scaled.width(), scaled.height())
            painter.drawImage(target, image)
            painted += 1
    finally:
        painter.end()
    return painted


class PrintPreviewDialog(QDialog):
    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None,
                 suggested_name: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("打印预览 — {title}").format(title=title))
        fit_to_screen(self, 900, 1000)  # an A4 page is tall; the laptop screen is 768 px
        self.suggested_name = suggested_name or self.tr("表单.pdf")
        self._pdf = pdf
        self.document, self._buffer = load_pdf(pdf, self)

        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.print_button = QPushButton(self.tr("打印…"), self)
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button = QPushButton(self.tr("另存为 PDF…"), self)
        self.save_button.setToolTip(self.tr("PDF 文件不加密"))
        self.save_button.clicked.connect(self.save_as)
        zoom_in = QPushButton(self.tr("放大"), self)
        zoom_in.clicked.connect(lambda: self._zoom(1.25))
        zoom_out = QPushButton(self.tr("缩小"), self)
        zoom_out.clicked.connect(lambda: self._zoom(0.8))
        fit = QPushButton(self.tr("适合宽度"), self)
        fit.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.reject)
        self.pages_label = QLabel(self)
        self.document.statusChanged.connect(self._update_pages)
        self._update_pages()

        bar = QHBoxLayout()
        for w in (self.print_button, self.save_button, zoom_out, zoom_in, fit):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.pages_label)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def _update_pages(self, *_: object) -> None:
        self.pages_label.setText(self.tr("共 {n} 页").format(n=self.document.pageCount()))

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.2, min(5.0, self.view.zoomFactor() * factor)))

    def print_dialog(self) -> bool:
        """Ask for a printer and print straight to it (no file in between)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.document.pageCount()))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
            # Qt's "print to file" would write a plaintext PDF: route it through the warned save instead.
            return self.save_as()
        first, last = printer.fromPage(), printer.toPage()
        if first == 0:
            first, last = 1, self.document.pageCount()
        try:
            paint_pages(self.document, printer, first - 1, last - 1)
        except RuntimeError as exc:
            QMessageBox.warning(self, self.tr("打印失败"), str(exc))
            return False
        return True

    def save_as(self) -> bool:
        """Write the PDF to a file the person picks, after confirming it will not be encrypted."""
        answer = QMessageBox.warning(self, self.tr("PDF 文件不加密"), _t(SAVE_WARNING),
                                     QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                                     QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Save:
            return False
        path, _ = QFileDialog.getSaveFileName(self, self.tr("另存为 PDF"), self.suggested_name,
                                              self.tr("PDF 文件 (*.pdf)"))
        if not path:
            return False
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            with open(path, "wb") as fh:
                fh.write(self._pdf)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("保存失败"), self.tr("无法保存文件：{e}").format(e=exc))
            return False
        return True

    def done(self, result: int) -> None:
        # Drop the document and bytes as soon as the preview closes. (Not view.setDocument(None): QPdfView then
        # connects its link model to a null document, and Qt warns on stderr at every preview.)
        self.document.close()
        self._buffer.close()
        self._buffer.setData(QByteArray())
        self._pdf = b""
        super().done(result)
