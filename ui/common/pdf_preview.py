"""A PDF preview pane (QtPdf's QPdfView) that shows a message instead when there is nothing to show."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QStackedWidget


class PdfPreview(QStackedWidget):
    """Page one: the document, fitted to the width; page two: a message (why there is none, or wait)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.message = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True, objectName="note")
        self.message.setMargin(24)
        self.addWidget(self.view)
        self.addWidget(self.message)
        self.path: Path | None = None

    def show_pdf(self, path: Path) -> int:
        """Loads the file; returns its number of pages."""
        self.document.load(str(path))
        self.path = path
        self.setCurrentWidget(self.view)
        return self.document.pageCount()

    def set_whole_page(self, whole: bool) -> None:
        """A whole page in view (its layout at a glance), or the page as wide as the pane (to read it)."""
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView if whole else QPdfView.ZoomMode.FitToWidth)

    def show_message(self, text: str) -> None:
        self.path = None
        self.document.close()
        self.message.setText(text)
        self.setCurrentWidget(self.message)

    def page_count(self) -> int:
        return self.document.pageCount() if self.path else 0
