"""The print dialog every one-click print opens (a roster's letters, a plan's notice, a person's 学时证明,
the calendar's month …): the document's preview and page count, then 打印…, 保存PDF… or 保存为Word…, as the
print centre offers. The PDF is made off the UI thread; 保存PDF copies that text PDF; 保存为Word makes the
document again as .docx, off the UI thread too (not for the calendar's month, which has no Word form)."""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.services.documents.glyphs import MissingGlyphs
from ui.common.pdf_preview import PdfPreview
from ui.common.widgets import elided_heading, heading, note
from ui.documents import output
from ui.documents.output import Printable, Shown

WIDTH, HEIGHT = 900, 760  # an A4 page fitted to the width, and the buttons under it


@dataclass(frozen=True)
class PrintOption:
    """A tick beside the buttons that makes the document again another way (入学通知书: 附课程表)."""
    text: str
    tip: str
    printable: Callable[[bool], Printable]  # the document with the tick on or off


class PrintDialog(QDialog):
    def __init__(self, parent: QWidget | None, session, printable: Printable, option: PrintOption | None = None):
        super().__init__(parent)
        self.session, self.printable, self.option = session, printable, option
        self._generation = 0
        self.setWindowTitle(f"打印 — {printable.label}")
        self._folder = tempfile.TemporaryDirectory(prefix="traindesk-print-", ignore_cleanup_errors=True)
        self.shown: Shown | None = None
        self.print_task, self._making = None, True
        self.preview = PdfPreview()
        self.preview.show_message("正在生成预览…")
        self.pages_label = note("正在生成预览…")
        self.print_button, self.save_button = QPushButton("打印…"), QPushButton("保存PDF…")
        self.word_button = QPushButton("保存为Word…", toolTip="保存为可编辑的 Word 文件（.docx）")
        self.word_button.setVisible(printable.word is not None)
        self.word_task = None
        self.close_button = QPushButton("关闭")
        self.whole_page = QPushButton("整页", checkable=True, toolTip="整页显示，或按宽度放大阅读")
        self.whole_page.toggled.connect(self.preview.set_whole_page)
        self.print_button.clicked.connect(self.print_pages)
        self.save_button.clicked.connect(self.save_pdf)
        self.word_button.clicked.connect(self.save_word)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        name = Path(printable.file_name).stem
        layout.addLayout(self._title_row(heading(name) if option is None else elided_heading(name)))
        layout.addWidget(self.preview, 1)
        layout.addLayout(self._buttons())
        self._fit()
        self._enable(False)
        self.finished.connect(self._done)
        self._make()

    def _make(self) -> None:
        """Makes the preview of self.printable; a preview still being made for an earlier choice is dropped."""
        self._generation += 1
        generation, target = self._generation, Path(self._folder.name) / f"document-{self._generation}.pdf"
        self._making = True
        self.preview_task = output.make(
            self, self.session, self.printable, target,
            lambda pages: generation == self._generation and self._ready(target),
            lambda error: generation == self._generation and self._failed(error))

    def _option_toggled(self, checked: bool) -> None:
        if self._making:
            self.preview_task.cancel.set()
        self.printable, self.shown = self.option.printable(checked), None
        self._enable(False)
        self.preview.show_message("正在生成预览…")
        self.pages_label.setText("正在生成预览…")
        self._make()

    def _title_row(self, title: QWidget) -> QHBoxLayout:
        """The document's name, and the option's tick at the right (the buttons' row has no room at 150%)."""
        row = QHBoxLayout()
        row.addWidget(title, 1)
        if self.option is not None:
            self.option_box = QCheckBox(self.option.text, toolTip=self.option.tip)
            self.option_box.toggled.connect(self._option_toggled)
            row.addWidget(self.option_box)
        return row

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for widget, stretch in ((self.whole_page, 0), (self.pages_label, 1), (self.print_button, 0),
                                (self.save_button, 0), (self.word_button, 0), (self.close_button, 0)):
            row.addWidget(widget, stretch)
            if isinstance(widget, QPushButton):
                widget.setAutoDefault(False)  # Enter prints once the preview is ready, whatever has the focus
        return row

    def _fit(self) -> None:
        """Roomy on a large screen, within the screen on a small one (1366×768 at 150% leaves 910×512)."""
        screen = (self.parentWidget() or self).screen().availableGeometry()
        self.resize(min(WIDTH, int(screen.width() * 0.95)), min(HEIGHT, int(screen.height() * 0.9)))

    def _enable(self, ready: bool) -> None:
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)
        self.word_button.setEnabled(ready and self.printable.word is not None)
        self.print_button.setDefault(ready)

    def _ready(self, target: Path) -> None:
        self._making = False
        self.shown = Shown(self.printable, self.preview.show_pdf(target), target)
        self.pages_label.setText(f"{self.printable.label}，共{self.shown.pages}页")
        self._enable(True)
        self.print_button.setFocus()

    def _failed(self, error: BaseException) -> None:
        self._making = False
        # a character no font here has: no PDF, but a Word file, whose reader's fonts draw it
        word_only = isinstance(error, MissingGlyphs) and self.printable.word is not None
        self.word_button.setEnabled(word_only)
        self.preview.show_message(output.problem_text(error) + (output.WORD_STILL if word_only else ""))
        self.pages_label.setText("无法打印")

    def print_pages(self) -> None:
        if self.shown is not None:
            self.print_task = output.send_to_printer(self, self.session, self.shown, lambda pages: self.accept())

    def save_pdf(self) -> None:
        if self.shown is not None and (saved := output.save_copy(self, self.session, self.shown)):
            self.pages_label.setText(f"已保存：{saved}")

    def save_word(self) -> None:
        if not self._making and self.word_button.isEnabled():
            self.word_task = output.save_word(self, self.session, self.printable,
                                              lambda saved: self.pages_label.setText(f"已保存：{saved}"))

    def _done(self) -> None:
        """Closed: a preview still being made is not wanted; the dialog goes once nothing works for it."""
        if self._making:
            self.preview_task.cancel.set()
            self.preview_task.done.connect(self._discard)
        else:
            self._discard()

    def _discard(self) -> None:
        self.preview.show_message("")
        self._folder.cleanup()
        self.deleteLater()
