"""Documents as editable Word files (.docx, python-docx), for offices that edit a letter in WPS before it goes out.

`write_docx` takes the story a PDF builder put together and writes it as Word: A4 with the PDF's margins, the
22 × 28 document grid for official documents, fonts as offices name them, page numbers "— 1 —", and the 版头
and 版记 where the story has them (pdf.RedHead, LetterHead, ImprintBlock: what the office set for the kind in
documents/heads.py). One file for a batch: each letter is a section of its own, starting a new page with its
page numbers from 1.

Fonts are the reader's: the glyph check that refuses a PDF does not refuse a Word file. ID numbers are masked
in the story already, as in the PDF.
"""
from __future__ import annotations

import os
from pathlib import Path

import docx
from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Spacer, Table
from reportlab.platypus import Paragraph as ReportlabParagraph

from app import config
from app.services.documents.layout import CERTIFICATE, Geometry
from app.services.documents.pdf import DocumentStart, ImprintBlock, LetterHead, RedHead, Signature
from app.services.documents.typeset import Typesetter
from app.services.documents.word import furniture as parts
from app.services.documents.word import page
from app.services.documents.word.story import Runs, drawing, signature, table
from app.services.progress import NO_PROGRESS, Progress

SUFFIX = ".docx"
NOTE_SIZE = 10.5


def is_word(target: str | Path) -> bool:
    return Path(target).suffix.lower() == SUFFIX


class _Writer:
    def __init__(self, typesetter: Typesetter, geometry: Geometry, title: str, numbered: bool,
                 progress: Progress, total: int):
        self.document = docx.Document()
        page.prepare(self.document, title, config.APP_TITLE)
        self.runs = Runs(typesetter)
        self.geometry, self.numbered, self.progress, self.total = geometry, numbered, progress, total
        self.letters = 0
        self.page_break = False
        self.space = 0.0
        self.keep = False
        self.note = ""
        self.foot: list[ReportlabParagraph] = []  # paragraphs drawn at the foot of the letter's page
        self.sentinel = self.document.element.body.sectPr  # the last section's properties, last in the body
        self._start_section(self.document.sections[0])

    def add_paragraph(self) -> Paragraph:
        """A paragraph at the end of the body; python-docx's own looks for the body's sectPr from the top each
        time, which made a batch of 1,000 letters take half a minute."""
        element = OxmlElement("w:p")
        self.sentinel.addprevious(element)
        return Paragraph(element, self.document._body)

    def _start_section(self, section) -> None:
        page.setup_section(section, self.geometry, restart_numbers=self.numbered)
        if self.geometry == CERTIFICATE:
            page.page_border(section, "B81A1A")
        if self.letters == 0 and self.numbered:
            page.page_numbers(section)

    def write(self, story: list) -> None:
        for flowable in story:
            self._flowable(flowable)
        self._end_letter()
        if self._after_table():  # Word wants the body to end with a paragraph (a floating 版记 anchors on it)
            self._small_paragraph()

    def _flowable(self, flowable) -> None:
        if isinstance(flowable, DocumentStart):
            self._letter(flowable)
        elif isinstance(flowable, PageBreak):
            self.page_break = True
        elif isinstance(flowable, KeepTogether):
            for inner in flowable._content:
                self._flowable(inner)
        elif isinstance(flowable, CondPageBreak):
            self.keep = True  # what follows never ends a page alone: in Word, kept with the next paragraph
        elif isinstance(flowable, Spacer):
            self.space += flowable.height
        elif isinstance(flowable, ReportlabParagraph):
            paragraph = self.add_paragraph()
            self.runs.fill(paragraph, flowable, space_before=self.space)
            self._take_break(paragraph)
        elif isinstance(flowable, RedHead):
            parts.red_head(self.document, self.runs.text(flowable.mark), self.runs.text(flowable.number))
        elif isinstance(flowable, LetterHead):
            parts.letter_head(self.document.sections[-1], self.runs.text(flowable.mark),
                              self.runs.text(flowable.number))
        elif isinstance(flowable, ImprintBlock):
            copy_to = self.runs.text(flowable.copy_to) if flowable.copy_to is not None else ""
            parts.add_imprint(self.document, copy_to, self.runs.text(flowable.printer),
                              self.runs.text(flowable.printed))
        elif isinstance(flowable, Signature):
            signature(self.add_paragraph, self.runs, flowable)
        elif isinstance(flowable, Table):
            if self.page_break or self._after_table():  # Word joins two tables with nothing between them
                self._take_break(self._small_paragraph())
            table(self.document, self.runs, flowable)
        elif isinstance(flowable, Drawing):  # a chart in the story itself (the evaluation and survey reports)
            drawing(self._small_paragraph(), flowable)
        else:
            self._foreign(flowable)

    def _foreign(self, flowable) -> None:
        """A flowable of a builder's own (a certificate's foot): its paragraphs, where it takes room, else at
        the end of the letter (it draws itself at the page's foot); one without any is a mistake to see."""
        paragraphs = [value for value in vars(flowable).values() if isinstance(value, ReportlabParagraph)]
        if not paragraphs:
            raise TypeError(f"Word 文件不支持 {type(flowable).__name__}")
        if flowable.wrap(self.geometry.width, self.geometry.height) == (0, 0):
            self.foot += paragraphs
        else:
            for paragraph in paragraphs:
                self._flowable(paragraph)

    def _after_table(self) -> bool:
        last = self.document.element.body[-2] if len(self.document.element.body) > 1 else None
        return last is not None and last.tag.endswith("}tbl")

    def _small_paragraph(self):
        """An empty paragraph of a few points: between two tables, or holding a section's end."""
        paragraph = self.add_paragraph()
        page.shrink(paragraph)
        return paragraph

    def _take_break(self, paragraph) -> None:
        self.space = 0.0
        if self.keep:
            paragraph.paragraph_format.keep_with_next = True
            self.keep = False
        if self.page_break:
            paragraph.paragraph_format.page_break_before = True
            self.page_break = False

    def _letter(self, start: DocumentStart) -> None:
        """A letter of a batch: from the second on, a new section (a new page, its numbers from 1); a sheet
        numbered on from the one before (restart False, as a sign-in sheet's days) only a new page."""
        self.progress.step(start.index, self.total)
        if self.letters and not getattr(start, "restart", True):
            self._end_letter()
            self.letters += 1
            self.note = start.note
            return
        if self.letters:
            self._end_letter()
            self._start_section(self.document.add_section(WD_SECTION.NEW_PAGE))
            self.sentinel = self.document.element.body.sectPr
            page.shrink(Paragraph(self.sentinel.getprevious(), self.document._body))  # ends the letter's section
        self.letters += 1
        self.page_break, self.note = False, start.note

    def _end_letter(self) -> None:
        """What closes a letter's (or sheet's) last page: its foot, its note; a page break still to come waits."""
        pending, self.page_break = self.page_break, False
        for paragraph in self.foot:
            self._flowable(paragraph)
        self.foot = []
        if self.note:
            paragraph = self.add_paragraph()
            run = paragraph.add_run(self.note)
            page.set_fonts(run, page.ROLE_FONTS["body"])
            run.font.size = Pt(NOTE_SIZE)
            self.note = ""
        self.page_break = pending


def write_docx(target: Path, story: list, typesetter: Typesetter, geometry: Geometry, title: str,
               total: int = 1, numbered: bool = True, progress: Progress = NO_PROGRESS) -> int:
    """Writes the story to target as Word (replacing it only when complete); returns the number of letters
    or sheets in it (Word lays out the pages itself, so their number is known only when it opens the file)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    writer = _Writer(typesetter, geometry, title, numbered, progress, total)
    writer.write(story)
    partial = target.with_name(target.name + ".part")
    try:
        writer.document.save(str(partial))
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    progress.step(total, total)
    return max(writer.letters, 1)


__all__ = ["SUFFIX", "is_word", "write_docx"]
