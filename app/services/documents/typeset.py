"""Turning checked text into reportlab paragraphs and tables in the document's fonts."""
from __future__ import annotations

import math

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Table, TableStyle

from app.services.documents.fonts import FontSet, font_set
from app.services.documents.glyphs import GlyphCheck, markup
from app.services.documents.layout import Styles, make_styles
from app.services.documents.linebreak import CANNOT_START

_GOOD_BREAK_AFTER = "的和与及、"


def title_breaks(text: str, lines_needed: float) -> list[int]:
    """Where to break a title of so many lines' width: near equal parts, never inside a number or
    before punctuation, preferably after 的/和/与."""
    count = math.ceil(lines_needed - 0.02)
    if count <= 1:
        return []
    breaks, size = [], len(text) / count
    for part in range(1, count):
        ideal = round(size * part)
        candidates = [i for i in range(ideal - 4, ideal + 5) if _can_break(text, i, breaks)]
        if candidates:
            breaks.append(min(candidates, key=lambda i: (text[i - 1] not in _GOOD_BREAK_AFTER, abs(i - ideal))))
    return breaks


def _can_break(text: str, i: int, breaks: list[int]) -> bool:
    if not 1 < i < len(text) - 1 or (breaks and i <= breaks[-1] + 1):
        return False
    if text[i] in CANNOT_START + "。、":
        return False
    return not (text[i - 1].isascii() and text[i].isascii()) and not (text[i - 1] == "第" and text[i].isdigit())


class Typesetter:
    """One document being put together: its fonts, styles, and the characters checked so far."""

    def __init__(self, fonts: FontSet | None = None):
        self.fonts = fonts or font_set()
        self.styles: Styles = make_styles(self.fonts)
        self.glyphs = GlyphCheck(self.fonts)
        self._by_name = {font.name: font for font in self.fonts.all_fonts()}

    def check(self, text: object, owner: str, field: str) -> str:
        """The text of one field of one record, checked against every font; returns it as a string."""
        return self.glyphs.check("" if text is None else str(text), owner, field)

    def markup(self, text: str, font_name: str) -> str:
        return markup(text, self._by_name[font_name], self.fonts.fallbacks)

    def para(self, text: str, style) -> Paragraph:
        return Paragraph(self.markup(text, style.fontName), style)

    def title(self, text: str, style, width: float) -> Paragraph:
        """A centred title; when it needs several lines they are balanced, broken after 的/和/与 where possible."""
        breaks = title_breaks(text, stringWidth(text, style.fontName, style.fontSize) / width)
        lines = [text[start:end] for start, end in zip([0, *breaks], [*breaks, len(text)], strict=False)]
        return Paragraph("<br/>".join(self.markup(line, style.fontName) for line in lines), style)

    def mixed(self, parts: list[tuple[str, str | None]], style) -> Paragraph:
        """One paragraph of runs in different roles' fonts, e.g. [("（一）要点。", "kai"), ("正文", None)]."""
        pieces = []
        for text, role in parts:
            if role is None:
                pieces.append(self.markup(text, style.fontName))
            else:
                name = self.fonts.font(role).name
                pieces.append(f'<font name="{name}">{self.markup(text, name)}</font>')
        paragraph = Paragraph("".join(pieces), style)
        paragraph.word_parts = parts  # the Word writer names each run's font by its role, not by the loaded font
        return paragraph

    def table(self, header: list[str], rows: list[list[str]], widths: list[float],
              centered: tuple[int, ...] = (), row_height: float | None = None, total_row: bool = False) -> Table:
        """A ruled table whose header repeats on every page; cells wrap CJK text."""
        styles = self.styles
        head = [self.para(text, styles.cell_head) for text in header]
        body = [[self.para(text, styles.cell_center if index in centered else styles.cell)
                 for index, text in enumerate(row)] for row in rows]
        heights = None if row_height is None else [None] + [row_height] * len(body)
        table = Table([head, *body], colWidths=widths, rowHeights=heights, repeatRows=1,
                      spaceBefore=4, spaceAfter=8)
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), styles.cell.fontName),  # else the table sets Helvetica, unembedded
            ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.93, 0.93, 0.93)),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            *([("BACKGROUND", (0, -1), (-1, -1), colors.Color(0.93, 0.93, 0.93))] if total_row else []),
        ]))
        return table
