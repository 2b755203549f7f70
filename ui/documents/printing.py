"""Sending a PDF to a printer: each page is rendered at 300 dpi onto white paper and drawn into QPrinter.

QPdfDocument renders onto a transparent image, and printers report 1200 dpi or more, where one A4
page would be a 140-megapixel image: 300 dpi is what office laser printers print text at. This runs
in a worker thread (QPainter on a QPrinter is allowed there); the QPdfDocument is made in that thread.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QTransform
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from app.domain.errors import UserError
from app.services.progress import NO_PROGRESS, Progress

PRINT_DPI = 300


def new_printer(document_name: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)  # the PDF already has its margins
    printer.setDocName(document_name)
    return printer


def ask_printer(parent: QWidget | None, printer: QPrinter) -> bool:
    """The system's print dialog (printer, copies, page range); True when the user clicked 打印."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("打印")
    return dialog.exec() == QDialog.DialogCode.Accepted


def page_image(document: QPdfDocument, index: int, dpi: int = PRINT_DPI) -> QImage:
    """One page as an opaque image: white paper under the rendered (transparent) page."""
    points = document.pagePointSize(index)
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(0, 0, document.render(index, size))
    painter.end()
    return image


def _open(pdf: Path) -> QPdfDocument:
    document = QPdfDocument(None)
    document.load(str(pdf))
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        raise UserError("无法读取要打印的文件")
    return document


def _pages(printer: QPrinter, count: int) -> range:
    first, last = printer.fromPage(), printer.toPage()  # 1-based; 0 means every page
    if first <= 0:
        return range(count)
    return range(first - 1, min(last or count, count))


def print_pdf(pdf: Path, printer: QPrinter, progress: Progress = NO_PROGRESS) -> int:
    """Prints every page the print dialog asked for; returns how many pages were sent."""
    document = _open(pdf)
    pages = _pages(printer, document.pageCount())
    points = document.pagePointSize(pages[0])
    landscape = points.width() > points.height()
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError("打印机无法开始打印，请检查打印机是否可用")
    try:
        for done, index in enumerate(pages):
            progress.step(done, len(pages))
            if done:
                printer.newPage()
            _draw(painter, printer, page_image(document, index))
        progress.step(len(pages), len(pages))
    finally:
        painter.end()
        document.close()
    return len(pages)


def _draw(painter: QPainter, printer: QPrinter, image: QImage) -> None:
    """The page image fills the paper; turned a quarter when the paper lies the other way."""
    paper = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
    if (image.width() > image.height()) != (paper.width() > paper.height()):
        image = image.transformed(QTransform().rotate(90))
    painter.drawImage(QRectF(0, 0, paper.width(), paper.height()), image)
