"""Turning checked text into reportlab paragraphs and tables in the document's fonts."""
from __future__ import annotations

import itertools
import math
import re

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Table, TableStyle

from app.services.documents.fonts import FontSet, font_set
from app.services.documents.glyphs import GlyphCheck, markup
from app.services.documents.layout import Styles, make_styles
from app.services.documents.linebreak import CANNOT_END, CANNOT_START

# Chinese characters and the full-width marks and quotes set among them.
_CJK_SIDE = ("[\u2014\u2018\u2019\u201c\u201d\u2026\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
             "\uff01-\uffef\U00020000-\U0003134f]")
_STRAY_SPACE = re.compile(rf"(?<={_CJK_SIDE})[ \t\u00a0]+(?={_CJK_SIDE}|\d)|(?<=\d)[ \t\u00a0]+(?={_CJK_SIDE})")


def tidy_spaces(text: str) -> str:
    """Text as printed: without the spaces typed between Chinese characters, marks and numbers, which push
    a line off the grid ("2018—2022 年" → "2018—2022年", "“一带一路” 建设" → "“一带一路”建设"). Spaces between
    Latin words and between numbers stay, and so does the full-width space offices lay out with."""
    return _STRAY_SPACE.sub("", text)


_GOOD_BREAK_AFTER = "的和与及、"
_REACH = 6  # a break is looked for this many characters either side of where equal lines would put it
_SEARCHED = 4  # lines; longer titles are broken one break at a time


def title_breaks(text: str, lines_needed: float) -> list[int]:
    """Where to break a title of so many lines' width (GB/T 9704 7.3.1: 回行时词意完整、排列对称): between
    words (app/services/documents/words.py), never inside a number or before punctuation, in lines as
    equal as the words allow, shaped as a trapezoid (上短下长 or 上长下短) or a diamond, never an hourglass;
    after 的/和/与 where that costs nothing. Only when no break between words fits are words broken."""
    count = math.ceil(lines_needed - 0.001)
    if count <= 1:
        return []
    from app.services.documents.words import word_ends

    weights = [0.5 if char.isascii() else 1.0 for char in text]  # Latin letters and digits are half-width
    capacity = sum(weights) / lines_needed + 0.01
    between_words = sorted(i for i in word_ends(text) if _can_break(text, i, []))
    anywhere = [i for i in range(len(text)) if _can_break(text, i, [])]
    for allowed, lines in ((between_words, count), (between_words, count + 1), (anywhere, count)):
        found = _balanced(text, weights, allowed, lines, capacity)
        if found is not None:
            return found
    return _greedy(text, anywhere, count)


def _balanced(text: str, weights: list[float], allowed: list[int], count: int, capacity: float) -> list[int] | None:
    """The best breaks among allowed for count lines each within capacity, or None when there are none."""
    prefix = [0.0]
    for weight in weights:
        prefix.append(prefix[-1] + weight)
    mean = prefix[-1] / count
    if count > _SEARCHED:
        breaks = _greedy(text, allowed, count)
        return breaks if len(breaks) == count - 1 else None
    near = [[i for i in allowed if abs(prefix[i] - mean * part) <= _REACH] for part in range(1, count)]
    best, best_cost = None, math.inf
    for breaks in itertools.product(*near):
        if any(b <= a for a, b in itertools.pairwise(breaks)):
            continue
        edges = [0, *breaks, len(text)]
        lengths = [prefix[b] - prefix[a] for a, b in itertools.pairwise(edges)]
        if max(lengths) > capacity:
            continue
        cost = sum((length - mean) ** 2 for length in lengths) + 6 * _hourglass(lengths)
        cost -= 0.6 * sum(text[i - 1] in _GOOD_BREAK_AFTER for i in breaks)
        if cost < best_cost:
            best, best_cost = list(breaks), cost
    return best


def _hourglass(lengths: list[float]) -> int:
    """How far the lines are from a trapezoid or a diamond: the times a line is shorter than both the line
    before and some later line (long, short, long)."""
    return sum(1 for i in range(1, len(lengths) - 1)
               if lengths[i] < lengths[i - 1] - 0.5 and max(lengths[i + 1:]) > lengths[i] + 0.5)


def _greedy(text: str, allowed: list[int], count: int) -> list[int]:
    """One break at a time, each the allowed place nearest to equal parts."""
    breaks, size = [], len(text) / count
    for part in range(1, count):
        ideal = round(size * part)
        candidates = [i for i in allowed if abs(i - ideal) <= 4 and (not breaks or i > breaks[-1] + 1)]
        if candidates:
            breaks.append(min(candidates, key=lambda i: (text[i - 1] not in _GOOD_BREAK_AFTER, abs(i - ideal))))
    return breaks


def _can_break(text: str, i: int, breaks: list[int]) -> bool:
    if not 1 < i < len(text) - 1 or (breaks and i <= breaks[-1] + 1):
        return False
    if text[i] in CANNOT_START + "。、" or text[i - 1] in CANNOT_END:
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
        """Every text a document prints comes through here: its stray spaces go (tidy_spaces)."""
        return markup(tidy_spaces(text), self._by_name[font_name], self.fonts)

    def para(self, text: str, style) -> Paragraph:
        return Paragraph(self.markup(text, style.fontName), style)

    def title(self, text: str, style, width: float) -> Paragraph:
        """A centred title; when it needs several lines they are broken between words and balanced."""
        text = tidy_spaces(text)
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
              centered: tuple[int, ...] = (), row_height: float | None = None, total_row: bool = False,
              caption: tuple[Paragraph, ...] = (), footer: Paragraph | None = None) -> Table:
        """A ruled table whose header repeats on every page; cells wrap CJK text.

        row_height is the least height of a body row: a row whose text needs more grows to fit it.
        caption paragraphs (a title, a date line) stand unruled above the header and repeat with it on
        every page; footer stands unruled under the last row, never on a page without them.
        """
        styles = self.styles
        head = [self.para(text, styles.cell_head) for text in header]
        body = [[self.para(text, styles.cell_center if index in centered else styles.cell)
                 for index, text in enumerate(row)] for row in rows]
        blank = [""] * (len(header) - 1)
        above = [[paragraph, *blank] for paragraph in caption]
        below = [[footer, *blank]] if footer is not None else []
        top = len(above)
        last = top + len(body)  # the last ruled row
        least = None if row_height is None else [0] * (top + 1) + [row_height] * len(body) + [0] * len(below)
        table = Table([*above, head, *body, *below], colWidths=widths, minRowHeights=least, repeatRows=top + 1,
                      spaceBefore=4, spaceAfter=8)
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), styles.cell.fontName),  # else the table sets Helvetica, unembedded
            ("GRID", (0, top), (-1, last), 0.6, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, top), (-1, top), colors.Color(0.93, 0.93, 0.93)),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            *([("BACKGROUND", (0, last), (-1, last), colors.Color(0.93, 0.93, 0.93))] if total_row else []),
            *[command for row in [*range(top), *range(last + 1, last + 1 + len(below))]
              for command in (("SPAN", (0, row), (-1, row)), ("LEFTPADDING", (0, row), (-1, row), 0),
                              ("RIGHTPADDING", (0, row), (-1, row), 0))],
        ]))
        return table
