"""GB/T 9704-2012 on the page: A4, the 156 × 225 mm type area, 22 lines of 28 characters, the paragraph
styles of an official document, and page numbers "— 1 —" (odd pages right, even pages left).
"""
from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from app.services.documents.fonts import FontSet

TEXT_WIDTH, TEXT_HEIGHT = 156 * mm, 225 * mm
LINES, CHARS = 22, 28
LINE = TEXT_HEIGHT / LINES  # ≈ 28.9 pt, the offices' "固定值 28–29 磅"
# 3号 is 16 pt in Word's table but 15.75 pt in the traditional 号 system; at 15.75 pt, 28 characters
# fill the 156 mm line exactly, which is what offices get by tightening the spacing of 16 pt.
BODY_SIZE = 15.75
TITLE_SIZE = 22  # 2号
PAGE_NUMBER_SIZE = 14  # 4号
PAGE_NUMBER_GAP = 7 * mm  # below the type area


@dataclass(frozen=True)
class Geometry:
    """A page size and its type area (the frame text flows in), in points."""
    pagesize: tuple[float, float]
    left: float
    bottom: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def top(self) -> float:
        return self.bottom + self.height


# Top margin 37 mm, left (binding) margin 28 mm, so right 26 mm and bottom 35 mm.
OFFICIAL = Geometry(A4, 28 * mm, A4[1] - 37 * mm - TEXT_HEIGHT, TEXT_WIDTH, TEXT_HEIGHT)
# Lists and forms (sign-in sheets, rosters, tables) are not 公文: wider, with the same page numbers.
FORM = Geometry(A4, 20 * mm, 22 * mm, A4[0] - 40 * mm, A4[1] - 42 * mm)
FORM_LANDSCAPE = Geometry(landscape(A4), 20 * mm, 22 * mm, A4[1] - 40 * mm, A4[0] - 40 * mm)
CERTIFICATE = Geometry(landscape(A4), 40 * mm, 30 * mm, A4[1] - 80 * mm, A4[0] - 55 * mm)


@dataclass
class Styles:
    title: ParagraphStyle
    addressee: ParagraphStyle  # 主送机关: flush left
    body: ParagraphStyle  # indented two characters
    plain: ParagraphStyle  # body size, no indent
    heading: ParagraphStyle  # 一、 in 黑体
    kai: ParagraphStyle  # （一） in 楷体
    form_title: ParagraphStyle
    subtitle: ParagraphStyle
    form_heading: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_head: ParagraphStyle


def make_styles(fonts: FontSet) -> Styles:
    body_font = fonts.font("body").name

    def style(name, font=body_font, size=BODY_SIZE, leading=LINE, **extra) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK", **extra)

    indent = 2 * BODY_SIZE
    return Styles(
        title=style("title", fonts.font("title").name, TITLE_SIZE, LINE * 1.2, alignment=TA_CENTER,
                    spaceAfter=LINE * 0.8),
        addressee=style("addressee", alignment=TA_LEFT),
        body=style("body", firstLineIndent=indent, alignment=TA_JUSTIFY),
        plain=style("plain", alignment=TA_LEFT),
        heading=style("heading", fonts.font("heading").name, firstLineIndent=indent, alignment=TA_JUSTIFY),
        kai=style("kai", fonts.font("kai").name, firstLineIndent=indent, alignment=TA_JUSTIFY),
        form_title=style("form_title", fonts.font("title").name, 20, 30, alignment=TA_CENTER, spaceAfter=4),
        subtitle=style("subtitle", size=12, leading=20, alignment=TA_LEFT, spaceAfter=6),
        form_heading=style("form_heading", fonts.font("heading").name, 14, 22, spaceBefore=8, keepWithNext=1),
        cell=style("cell", size=11, leading=14),
        cell_center=style("cell_center", size=11, leading=14, alignment=TA_CENTER),
        cell_head=style("cell_head", fonts.font("heading").name, 10, 13, alignment=TA_CENTER),
    )


def page_number_text(number: int) -> str:
    return f"— {number} —"


def draw_page_number(canvas, geometry: Geometry, font_name: str, number: int) -> None:
    """4号宋体 "— n —" 7 mm below the type area: odd pages one character in from the right, even from the left."""
    text = page_number_text(number)
    y = geometry.bottom - PAGE_NUMBER_GAP - PAGE_NUMBER_SIZE * 0.8
    canvas.saveState()
    canvas.setFont(font_name, PAGE_NUMBER_SIZE)
    if number % 2:
        canvas.drawRightString(geometry.right - PAGE_NUMBER_SIZE, y, text)
    else:
        canvas.drawString(geometry.left + PAGE_NUMBER_SIZE, y, text)
    canvas.restoreState()
