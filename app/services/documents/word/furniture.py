"""The 版头 and 版记 of a Word document, from the flowables the PDF builders put in the story (pdf.RedHead,
LetterHead and ImprintBlock, made from documents/heads.py as the office set them per kind).

红头文件: the 发文机关标志 in red 小标宋 on the first page, the 发文字号 under it and a red rule across the type
area. 信函格式: the organ's name in red over a red double rule in the first page's header, the second double
rule in its footer, and no page number on the first page. 版记: 抄送, then 印发机关 and 印发日期 between rules,
in a table kept at the foot of the type area (anchored to its bottom, as the standard places it).
"""
from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Mm, Pt, RGBColor

from app.services.documents.layout import LINE, PAGE_NUMBER_SIZE, TEXT_WIDTH
from app.services.documents.word.page import ROLE_FONTS, WORD_BODY_SIZE, set_fonts
from app.services.documents.word.xml import PPR, TBLPR, element, put

RED = RGBColor(0xE6, 0x00, 0x12)  # as pdf.HEAD_RED
RED_HEX = "E60012"
MARK_MAX_SIZE = 42  # 初号, as the PDF; a long organ name is set smaller to fit the type area
LETTER_MARK_SIZE = 30
IMPRINT_SIZE = PAGE_NUMBER_SIZE  # 4号


def mark_size(text: str, largest: float = MARK_MAX_SIZE, width: float = TEXT_WIDTH) -> float:
    return min(largest, int(width * 0.98 / max(len(text), 1)))
def _line(paragraph, size: float, exact: float | None = None) -> None:
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(exact or size * 1.2)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.first_line_indent = Pt(0)
    put(paragraph._p.get_or_add_pPr(), element('<w:snapToGrid w:val="0"/>'), PPR)


def _text(paragraph, text: str, role: str, size: float, color: RGBColor | None = None) -> None:
    run = paragraph.add_run(text)
    set_fonts(run, ROLE_FONTS[role])
    run.font.size = Pt(size)
    if color is not None:
        run.font.color.rgb = color


def _rule(paragraph, style: str = "single", size: int = 12, space: int = 11) -> None:
    """A red rule under the paragraph: its bottom border, `space` points below the text."""
    put(paragraph._p.get_or_add_pPr(), element(f'<w:pBdr><w:bottom w:val="{style}" w:sz="{size}" w:space="{space}" '
                                               f'w:color="{RED_HEX}"/></w:pBdr>'), PPR)


def red_head(document, organ_mark: str, doc_number: str) -> None:
    """The 发文机关标志 35 mm below the top of the type area, two lines above the 发文字号 and its red rule,
    then two blank lines before the title."""
    size = mark_size(organ_mark)
    mark = document.add_paragraph()
    mark.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _line(mark, size)
    mark.paragraph_format.space_before = Mm(35) - Pt(size * 1.2)
    _text(mark, organ_mark, "title", size, RED)
    number = document.add_paragraph()
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _line(number, WORD_BODY_SIZE, LINE)
    number.paragraph_format.space_before = Pt(2 * LINE)
    _text(number, doc_number, "body", WORD_BODY_SIZE)
    _rule(number)
    number.paragraph_format.space_after = Pt(2 * LINE)


def letter_head(section, organ_mark: str, doc_number: str) -> None:
    """The organ's name in red over a red double rule (thick over thin) in the header of the letter's first
    page, 30 mm from the top of the page; the 文号 at the right under it; the second double rule (thin over
    thick) in the first page's footer, which has no page number."""
    section.different_first_page_header_footer = True
    section.header_distance = Mm(30) - Pt(LETTER_MARK_SIZE * 0.2)
    header = section.first_page_header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    size = mark_size(organ_mark, LETTER_MARK_SIZE, Mm(170).pt)
    _line(paragraph, size)
    _text(paragraph, organ_mark, "title", size, RED)
    _rule(paragraph, "thickThinSmallGap", 24, 11)
    if doc_number:
        number = header.add_paragraph()
        number.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _line(number, WORD_BODY_SIZE, LINE)
        _text(number, doc_number, "body", WORD_BODY_SIZE)
    footer = section.first_page_footer
    footer.is_linked_to_previous = False
    foot = footer.paragraphs[0]
    _line(foot, 2, 2)
    put(foot._p.get_or_add_pPr(), element(f'<w:pBdr><w:top w:val="thinThickSmallGap" w:sz="24" w:space="1" '
                                          f'w:color="{RED_HEX}"/></w:pBdr>'), PPR)


def add_imprint(document, copy_to: str, printer: str, printed: str) -> None:
    """抄送 and 印发 rows between rules: thick first and last (0.35 mm), thin between (0.25 mm), no side lines;
    the table floats at the foot of the type area."""
    rows: list[tuple[str, str | None]] = [(copy_to, None)] if copy_to else []
    rows.append((printer, printed))
    table = document.add_table(rows=len(rows), cols=2)
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    put(tbl_pr, element('<w:tblpPr w:vertAnchor="margin" w:horzAnchor="margin" w:tblpYSpec="bottom" '
                        'w:tblpXSpec="center"/>'), TBLPR)
    put(tbl_pr, element('<w:tblBorders><w:top w:val="single" w:sz="8" w:color="000000"/>'
                        '<w:bottom w:val="single" w:sz="8" w:color="000000"/>'
                        '<w:insideH w:val="single" w:sz="6" w:color="000000"/></w:tblBorders>'), TBLPR)
    half = Pt(TEXT_WIDTH / 2)
    for row, (left, right) in zip(table.rows, rows, strict=True):
        cells = row.cells
        for cell in cells:
            cell.width = half
        if right is None:
            cells[0].merge(cells[1])
        for cell, text, alignment in ((cells[0], left, WD_ALIGN_PARAGRAPH.LEFT),
                                      (cells[1], right, WD_ALIGN_PARAGRAPH.RIGHT)):
            if text is None:
                continue
            paragraph = cell.paragraphs[0]
            paragraph.alignment = alignment
            _line(paragraph, IMPRINT_SIZE, LINE)
            indent = Pt(IMPRINT_SIZE)  # one character in from either end
            if alignment == WD_ALIGN_PARAGRAPH.LEFT:
                paragraph.paragraph_format.left_indent = indent
            else:
                paragraph.paragraph_format.right_indent = indent
            _text(paragraph, text, "body", IMPRINT_SIZE)
