"""Laying out a story into one PDF file: page numbers that restart with each letter of a batch, the
版头 (红头文件 or 信函格式) and 版记 of a 公文, the issuing body and date with an optional seal, progress and
cancel, and a file written whole or not at all.
"""
from __future__ import annotations

import os
import threading
from io import BytesIO
from pathlib import Path
from typing import Callable

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from app import config
from app.services.documents.formats import cn_date
from app.services.documents.heads import LETTER_HEAD, Imprint, Masthead
from app.services.documents.layout import BODY_SIZE, LINE, PAGE_NUMBER_SIZE, Geometry, draw_page_number
from app.services.documents.typeset import Typesetter
from app.services.progress import NO_PROGRESS, Progress

SEAL_SIZE = 42 * mm
NOTE_SIZE = 11
# reportlab's TrueType fonts keep per-document state: one document is laid out at a time.
_build_lock = threading.Lock()


class DocumentStart(Flowable):
    """Marks where one letter or sheet of a batch begins: its page numbers start again at 1, unless
    restart is False (the days of a sign-in sheet are one document, numbered through).

    A note (a certificate's serial number) is printed at the foot of the letter's pages.
    """

    def __init__(self, index: int, note: str = "", restart: bool = True):
        super().__init__()
        self.index, self.note, self.restart = index, note, restart

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


HEAD_RED = colors.Color(0.9, 0, 0.07)  # the red of the 版头 (CMYK 0/100/100/0 as printed)
MARK_SIZE = 42  # 初号: a 发文机关标志 no taller than 15 mm; a long one is set smaller to fit the line
LETTER_MARK_SIZE = 30
RULE = 0.35 * mm  # 版记's first and last rules; its middle rule is THIN
THIN = 0.25 * mm


def _line_style(name: str, font: str, size: float, alignment: int = TA_CENTER, color=colors.black,
                leading: float | None = None, **extra) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.2, alignment=alignment,
                          textColor=color, wordWrap="CJK", **extra)


def _draw_line(canvas, paragraph, x: float, baseline: float, width: float) -> None:
    """One line of a paragraph with its baseline at baseline (a paragraph's first baseline is one size down)."""
    paragraph.wrap(width, 1e6)
    paragraph.drawOn(canvas, x, baseline - paragraph.height + paragraph.style.fontSize)


class RedHead(Flowable):
    """The 版头 of a 红头文件 at the top of a document's first page: the 发文机关标志 in red 小标宋, centred,
    its top 35 mm below the type area's top; the 发文字号 centred two lines under it; a red rule 4 mm under
    the number across the type area; and two blank lines under the rule before the title.

    Put it first on its page (after DocumentStart): it measures from the top of the frame.
    """

    def __init__(self, typesetter: Typesetter, masthead: Masthead):
        super().__init__()
        mark = typesetter.check(masthead.organ_mark, "文书设置", "发文机关标志")
        number = typesetter.check(masthead.doc_number, "发文字号", "文号")
        self.size = min(MARK_SIZE, 0.98 * 156 * mm / max(len(mark), 1))
        title_font = typesetter.fonts.font("title").name
        self.mark = typesetter.para(mark, _line_style("mark", title_font, self.size, color=HEAD_RED))
        self.number = typesetter.para(number, _line_style("doc_number", typesetter.styles.plain.fontName, BODY_SIZE))
        self.has_number = bool(number)

    def wrap(self, available_width, available_height):
        self.width = available_width
        self.rule = 35 * mm + self.size + (3 * LINE if self.has_number else LINE) + 4 * mm
        self.height = self.rule + 1.6 * LINE  # the title's own leading makes up the second blank line
        return self.width, self.height

    def draw(self):
        canvas, top = self.canv, self.height
        mark_base = top - 35 * mm - self.size * 0.88
        _draw_line(canvas, self.mark, 0, mark_base, self.width)
        if self.has_number:
            # two blank lines under the mark, then the number's line; its baseline sits 0.2 line from its foot
            _draw_line(canvas, self.number, 0, top - 35 * mm - self.size - 2.8 * LINE, self.width)
        canvas.saveState()
        canvas.setStrokeColor(HEAD_RED)
        canvas.setLineWidth(1.2)
        y = top - self.rule
        canvas.line(0, y, self.width, y)
        canvas.restoreState()


class LetterHead(Flowable):
    """The 版头 of the 信函格式: the organ's name in red 小标宋 30 mm from the top of the page, a red double
    rule (thick over thin) 4 mm under it and another (thin over thick) 20 mm above the foot of the page,
    both 170 mm long and centred; the 文号 at the right of the first line under the rule. The page carries
    no page number.

    Put it first on its page (after DocumentStart): it measures from the top of the frame.
    """

    def __init__(self, typesetter: Typesetter, masthead: Masthead, geometry: Geometry):
        super().__init__()
        mark = typesetter.check(masthead.organ_mark, "文书设置", "发文机关标志")
        number = typesetter.check(masthead.doc_number, "发文字号", "文号")
        self.geometry = geometry
        self.size = min(LETTER_MARK_SIZE, 0.98 * 170 * mm / max(len(mark), 1))
        title_font = typesetter.fonts.font("title").name
        self.mark = typesetter.para(mark, _line_style("letter_mark", title_font, self.size, color=HEAD_RED))
        self.number = typesetter.para(number, _line_style("letter_number", typesetter.styles.plain.fontName,
                                                          BODY_SIZE, TA_RIGHT))
        self.has_number = bool(number)

    def _above_frame(self) -> float:
        return self.geometry.pagesize[1] - self.geometry.top

    def wrap(self, available_width, available_height):
        self.width = available_width
        # from the frame's top: the rule, the 文号's line (or none) and two blank lines before the title
        self.rule = 30 * mm + self.size + 4 * mm - self._above_frame()
        self.height = self.rule + (LINE if self.has_number else 0) + 1.6 * LINE
        return self.width, self.height

    def draw(self):
        canvas, top = self.canv, self.height
        page_top = top + self._above_frame()
        _draw_line(canvas, self.mark, 0, page_top - 30 * mm - self.size * 0.88, self.width)
        if self.has_number:
            _draw_line(canvas, self.number, 0, top - self.rule - 0.8 * LINE, self.width)
        # 170 mm rules centred on the page, whose left edge is geometry.left to the frame's left
        left = (self.geometry.pagesize[0] - 170 * mm) / 2 - self.geometry.left
        foot = 20 * mm - (self.geometry.top - top)  # the page's y of 20 mm in the frame's terms
        canvas.saveState()
        canvas.setStrokeColor(HEAD_RED)
        for thick_y, thin_y in ((top - self.rule, top - self.rule - 1.2 * mm), (foot, foot + 1.2 * mm)):
            canvas.setLineWidth(1.4)
            canvas.line(left, thick_y, left + 170 * mm, thick_y)
            canvas.setLineWidth(0.5)
            canvas.line(left, thin_y, left + 170 * mm, thin_y)
        canvas.restoreState()


def head_flowables(typesetter: Typesetter, masthead: Masthead | None, geometry: Geometry) -> list:
    """The 版头 to put first on a document's first page: none, a RedHead or a LetterHead."""
    if masthead is None:
        return []
    if masthead.style == LETTER_HEAD:
        return [LetterHead(typesetter, masthead, geometry)]
    return [RedHead(typesetter, masthead)]


class ImprintBlock(Flowable):
    """The 版记 at the foot of the last page: 抄送 (when there is one) and 印发机关 with 印发日期 in 4号仿宋,
    one character in from each side, between rules across the type area (the first and last 0.35 mm,
    the one between 0.25 mm). It takes what is left of the page and draws itself at its foot, or goes to
    the next page when it does not fit under the last text.
    """

    def __init__(self, typesetter: Typesetter, imprint: Imprint):
        super().__init__()
        font = typesetter.styles.plain.fontName
        size = PAGE_NUMBER_SIZE
        self.row = 0.8 * LINE
        indent = size
        copy_to = typesetter.check(imprint.copy_to, "文书设置", "抄送").strip()
        printer = typesetter.check(imprint.printer, "文书设置", "印发机关").strip()
        self.copy_to = None
        if copy_to:
            text = f"抄送：{copy_to.rstrip('。')}。"
            self.copy_to = typesetter.para(text, _line_style(
                "copy_to", font, size, TA_LEFT, leading=self.row, leftIndent=indent + 3 * size,
                firstLineIndent=-3 * size, rightIndent=indent))
        self.printer = typesetter.para(printer, _line_style("printer", font, size, TA_LEFT, leftIndent=indent))
        self.printed = typesetter.para(f"{cn_date(imprint.printed_on)}印发",
                                       _line_style("printed", font, size, TA_RIGHT, rightIndent=indent))

    def _needed(self, width: float) -> float:
        rows = self.row
        if self.copy_to is not None:
            rows += max(self.row, self.copy_to.wrap(width, 1e6)[1])
        return rows

    def wrap(self, available_width, available_height):
        self.width = available_width
        self.needed = self._needed(available_width)
        self.height = max(self.needed, available_height - 0.01)
        return self.width, self.height

    def split(self, available_width, available_height):
        return []  # whole, on this page or the next

    def draw(self):
        canvas, width = self.canv, self.width
        y = self.needed  # the first rule, from the foot of the type area
        canvas.saveState()
        canvas.setLineWidth(RULE)
        canvas.line(0, y, width, y)
        # each line's characters (their middle about 0.38 of the size over the baseline) centred in its row
        drop = self.row / 2 - 0.62 * PAGE_NUMBER_SIZE  # from a row's top to the top of its characters' box
        if self.copy_to is not None:
            height = max(self.row, self.copy_to.height)
            self.copy_to.drawOn(canvas, 0, y - drop - self.copy_to.height)
            y -= height
            canvas.setLineWidth(THIN)
            canvas.line(0, y, width, y)
        for paragraph in (self.printer, self.printed):
            paragraph.wrap(width, self.row)
            # a one-line paragraph's baseline is its size under its top
            baseline = y - self.row / 2 - 0.38 * PAGE_NUMBER_SIZE
            paragraph.drawOn(canvas, 0, baseline - (paragraph.height - PAGE_NUMBER_SIZE))
        canvas.setLineWidth(RULE)
        canvas.line(0, 0, width, 0)
        canvas.restoreState()


def imprint_flowables(typesetter: Typesetter, imprint: Imprint | None) -> list:
    return [] if imprint is None else [ImprintBlock(typesetter, imprint)]


class _Document(BaseDocTemplate):
    def __init__(self, target: str, geometry: Geometry, typesetter: Typesetter, title: str,
                 numbered: bool, progress: Progress, total: int, decorate: Callable | None):
        super().__init__(target, pagesize=geometry.pagesize, title=title, author=config.APP_TITLE,
                         creator=config.APP_TITLE, initialFontName=typesetter.fonts.font("body").name)
        self.geometry, self.numbered, self.progress, self.total = geometry, numbered, progress, total
        self.page_font = typesetter.fonts.font("song").name
        self.first_page, self.note = 1, ""
        self.unnumbered: set[int] = set()  # pages of the 信函格式's first page: no page number
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
        if self.numbered and canvas.getPageNumber() not in self.unnumbered:
            draw_page_number(canvas, self.geometry, self.page_font, canvas.getPageNumber() - self.first_page + 1)

    def afterFlowable(self, flowable) -> None:
        if isinstance(flowable, DocumentStart):
            if flowable.restart:
                self.first_page, self.note = self.page, flowable.note
            self.progress.step(flowable.index, self.total)
        elif isinstance(flowable, LetterHead):
            self.unnumbered.add(self.page)


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
