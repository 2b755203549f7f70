"""Turning checked text into reportlab paragraphs and tables in the document's fonts."""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Paragraph, Table, TableStyle
from reportlab.platypus import paragraph as _paragraph

from .fonts import FontSet, font_set
from .glyphs import GlyphCheck, markup
from .layout import Styles, make_styles

# reportlab's CJK line breaking knows the Japanese punctuation that may not start a line but not the
# full-width Chinese ones, so lines would start with "，" or "；": add them (they hang in the margin).
_CHINESE_CANNOT_START = "，；：！？”’》〉」』】〕）…·％"
if not set(_CHINESE_CANNOT_START) <= set(_paragraph.ALL_CANNOT_START):
    _paragraph.ALL_CANNOT_START += _CHINESE_CANNOT_START


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

    def mixed(self, parts: list[tuple[str, str | None]], style) -> Paragraph:
        """One paragraph of runs in different roles' fonts, e.g. [("（一）要点。", "kai"), ("正文", None)]."""
        pieces = []
        for text, role in parts:
            if role is None:
                pieces.append(self.markup(text, style.fontName))
            else:
                name = self.fonts.font(role).name
                pieces.append(f'<font name="{name}">{self.markup(text, name)}</font>')
        return Paragraph("".join(pieces), style)

    def table(self, header: list[str], rows: list[list[str]], widths: list[float],
              centered: tuple[int, ...] = (), row_height: float | None = None) -> Table:
        """A ruled table whose header repeats on every page; cells wrap CJK text."""
        styles = self.styles
        head = [self.para(text, styles.cell_head) for text in header]
        body = [[self.para(text, styles.cell_center if index in centered else styles.cell)
                 for index, text in enumerate(row)] for row in rows]
        heights = None if row_height is None else [None] + [row_height] * len(body)
        table = Table([head, *body], colWidths=widths, rowHeights=heights, repeatRows=1)
        table.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.93, 0.93, 0.93)),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))
        return table
