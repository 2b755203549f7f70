"""Laying out a story into one PDF file: page numbers that restart with each letter of a batch, the
issuing body and date with an optional seal, progress and cancel, and a file written whole or not at all.
"""
from __future__ import annotations

import os
import threading
from io import BytesIO
from pathlib import Path
from typing import Callable

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from app import config
from app.services.documents.layout import Geometry, draw_page_number
from app.services.documents.typeset import Typesetter
from app.services.progress import NO_PROGRESS, Progress

SEAL_SIZE = 42 * mm
NOTE_SIZE = 11
# reportlab's TrueType fonts keep per-document state: one document is laid out at a time.
_build_lock = threading.Lock()


class DocumentStart(Flowable):
    """Marks where one letter or sheet of a batch begins: its page numbers start again at 1.

    A note (a certificate's serial number) is printed at the foot of the letter's pages.
    """

    def __init__(self, index: int, note: str = ""):
        super().__init__()
        self.index, self.note = index, note

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        pass


class Signature(Flowable):
    """发文机关署名 centred over the 成文日期, whose right end is four characters in; the seal over both."""

    def __init__(self, typesetter: Typesetter, issuer: str, issued_on: str, seal_png: bytes | None,
                 style=None, blank_lines: float = 2):
        super().__init__()
        self.style = style = style or typesetter.styles.plain
        self.issuer, self.date = typesetter.para(issuer, style), typesetter.para(issued_on, style)
        self.issuer_width = stringWidth(issuer, style.fontName, style.fontSize)
        self.date_width = stringWidth(issued_on, style.fontName, style.fontSize)
        self.seal_png, self.blank = seal_png, blank_lines * style.leading

    def wrap(self, available_width, available_height):
        self.width = available_width
        self.height = self.blank + 2 * self.style.leading
        return self.width, self.height

    def draw(self):
        line = self.style.leading
        date_right = self.width - 4 * self.style.fontSize
        centre = date_right - self.date_width / 2
        issuer_left = min(centre - self.issuer_width / 2, self.width - self.issuer_width)
        for paragraph, x, y in ((self.issuer, issuer_left, line), (self.date, date_right - self.date_width, 0)):
            paragraph.wrap(self.width, line)
            paragraph.drawOn(self.canv, x, y)
        if self.seal_png:
            # The issuing body and the date sit a little below the seal's centre.
            middle = line * 1.75
            self.canv.drawImage(ImageReader(BytesIO(self.seal_png)), centre - SEAL_SIZE / 2, middle - SEAL_SIZE / 2,
                                SEAL_SIZE, SEAL_SIZE, mask="auto", preserveAspectRatio=True, anchor="c")


class _Document(BaseDocTemplate):
    def __init__(self, target: str, geometry: Geometry, typesetter: Typesetter, title: str,
                 numbered: bool, progress: Progress, total: int, decorate: Callable | None):
        super().__init__(target, pagesize=geometry.pagesize, title=title, author=config.APP_TITLE,
                         creator=config.APP_TITLE, initialFontName=typesetter.fonts.font("body").name)
        self.geometry, self.numbered, self.progress, self.total = geometry, numbered, progress, total
        self.page_font = typesetter.fonts.font("song").name
        self.first_page, self.note = 1, ""
        self.note_font = typesetter.fonts.font("body").name
        frame = Frame(geometry.left, geometry.bottom, geometry.width, geometry.height + 0.01,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="type-area")
        self.decorate = decorate
        self.addPageTemplates([PageTemplate("page", [frame], onPage=self._page_start, onPageEnd=self._page_end)])

    def _page_start(self, canvas, document) -> None:
        if self.decorate is not None:
            self.decorate(canvas, self.geometry)

    def _page_end(self, canvas, document) -> None:
        if self.note:
            canvas.saveState()
            canvas.setFont(self.note_font, NOTE_SIZE)
            canvas.drawString(self.geometry.left, self.geometry.bottom - NOTE_SIZE * 1.5, self.note)
            canvas.restoreState()
        if self.numbered:
            draw_page_number(canvas, self.geometry, self.page_font, canvas.getPageNumber() - self.first_page + 1)

    def afterFlowable(self, flowable) -> None:
        if isinstance(flowable, DocumentStart):
            self.first_page, self.note = self.page, flowable.note
            self.progress.step(flowable.index, self.total)


def build_pdf(target: Path, story: list, typesetter: Typesetter, geometry: Geometry, title: str,
              total: int = 1, numbered: bool = True, progress: Progress = NO_PROGRESS,
              decorate: Callable | None = None) -> int:
    """Writes the story to target (replacing it only when complete); returns the number of pages.

    decorate(canvas, geometry) draws behind each page (a certificate's border).

    Raises MissingGlyphs before anything is written when some character has no font.

    A target ending in .docx is written as Word instead (documents/word), from the same story; it returns the
    number of letters or sheets, since Word lays out the pages itself.
    """
    from app.services.documents import word

    if word.is_word(target):
        return word.write_docx(target, story, typesetter, geometry, title, total, numbered, progress)
    typesetter.glyphs.raise_if_missing()
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    try:
        with _build_lock:
            document = _Document(str(partial), geometry, typesetter, title, numbered, progress, total, decorate)
            document.build(story)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    progress.step(total, total)
    return document.page
