"""The Word file's pages: A4 sections with the PDF's margins, the 22 × 28 document grid, the fonts as Chinese
offices name them, and page numbers "— 1 —" (odd pages right, even pages left, as layout.draw_page_number)."""
from __future__ import annotations

import math
from datetime import datetime, timezone

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu, Pt
from docx.text.paragraph import Paragraph

from app.services.documents.layout import (
    BODY_SIZE,
    CHARS,
    LINE,
    LINES,
    OFFICIAL,
    PAGE_NUMBER_GAP,
    PAGE_NUMBER_SIZE,
    TEXT_WIDTH,
    Geometry,
    page_number_text,
)
from app.services.documents.word.xml import PPR, SECTPR, element, put

# One east-asian font name per role, as offices' own templates name them. Word takes one name per run, so the
# name is the one WPS (on Windows and on 信创 systems, UOS and Kylin) and Word resolve best: 仿宋_GB2312 and
# 楷体_GB2312 are what offices install and what WPS maps to its own 仿宋/楷体 when absent; 方正小标宋简体 is
# the standard's 小标宋 as the 方正 package names it; 黑体 and 宋体 are on every system. The font table also
# gives Word a w:altName (the font to use when the named one is missing): 仿宋, 楷体, and 宋体 for the title.
ROLE_FONTS = {"title": "方正小标宋简体", "heading": "黑体", "kai": "楷体_GB2312", "body": "仿宋_GB2312",
              "song": "宋体"}
ALT_NAMES = {"仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "方正小标宋简体": "宋体"}
WORD_BODY_SIZE = 16  # 3号 as Word names sizes; the grid's character pitch brings 28 of them into a line


def word_size(points: float) -> Pt:
    """Word sets sizes in half points: 15.75 pt (3号 in the PDF) is Word's 3号, 16 pt."""
    return Pt(round(points * 2) / 2)


def twips(points: float) -> int:
    """Points in twentieths, rounded down: 22 lines of 28.95 pt fit the 225 mm type area, 22 of 29 pt do not."""
    return math.floor(points * 20)


def grid_values() -> tuple[int, int]:
    """(linePitch in twips, charSpace in 1/4096 pt against the 16 pt default size) for 22 lines of 28 characters;
    the character pitch rounded down, so that Word's own division never makes it 27."""
    pitch = TEXT_WIDTH / CHARS
    return twips(LINE), math.floor((pitch - WORD_BODY_SIZE) * 4096) - 1


def set_fonts(run_or_style, name: str) -> None:
    """The east-asian font (and the Latin one, so digits match) of a run's or a style's rPr."""
    run_or_style.font.name = name
    element = run_or_style._element if hasattr(run_or_style, "_element") else run_or_style.element
    fonts = element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), name)


def prepare(document: Document, title: str, author: str) -> None:
    """The default paragraph: 仿宋_GB2312 3号 (the size the grid is measured against); the font table's
    alternates; different footers for odd and even pages; the file's title and author."""
    normal = document.styles["Normal"]
    set_fonts(normal, ROLE_FONTS["body"])
    normal.font.size = Pt(WORD_BODY_SIZE)
    normal.element.get_or_add_rPr().append(parse_xml(f'<w:lang {nsdecls("w")} w:eastAsia="zh-CN"/>'))
    # no extra space between Chinese and Latin letters or digits ("2020年"): the PDF has none, and with it
    # Word's lines would hold fewer than 28 characters of the grid
    p_pr = normal.element.get_or_add_pPr()
    for name in ("autoSpaceDE", "autoSpaceDN"):
        put(p_pr, element(f'<w:{name} w:val="0"/>'), PPR)
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        size = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}")
        if size is not None:
            size.set(qn("w:val"), str(WORD_BODY_SIZE * 2))
    document.settings.odd_and_even_pages_header_footer = True
    core = document.core_properties  # python-docx's template says it made the file in 2013
    core.title, core.author, core.last_modified_by, core.comments = title, author, author, ""
    core.created = core.modified = datetime.now(timezone.utc).replace(microsecond=0)
    _font_table(document)


def _font_table(document: Document) -> None:
    part = document.part.part_related_by(RT.FONT_TABLE)
    root = parse_xml(part.blob)
    for name in ROLE_FONTS.values():
        alt = f'<w:altName w:val="{ALT_NAMES[name]}"/>' if name in ALT_NAMES else ""
        root.append(parse_xml(f'<w:font {nsdecls("w")} w:name="{name}">{alt}<w:charset w:val="86"/>'
                              '<w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'))
    from lxml import etree
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def setup_section(section, geometry: Geometry, restart_numbers: bool) -> None:
    """Page size and margins of the geometry; the 22 × 28 grid for official documents; numbers from 1."""
    width, height = geometry.pagesize
    section.orientation = WD_ORIENT.LANDSCAPE if width > height else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Emu(Pt(width)), Emu(Pt(height))
    section.left_margin, section.right_margin = Pt(geometry.left), Pt(width - geometry.right)
    section.top_margin, section.bottom_margin = Pt(height - geometry.top), Pt(geometry.bottom)
    section.footer_distance = Pt(max(geometry.bottom - PAGE_NUMBER_GAP - PAGE_NUMBER_SIZE * 1.2, 10))
    section.header_distance = Pt(42)  # 15 mm; the 信函格式's organ name sits in the first page's header
    sect_pr = section._sectPr
    if geometry == OFFICIAL:
        pitch, char_space = grid_values()
        put(sect_pr, element(f'<w:docGrid w:type="linesAndChars" w:linePitch="{pitch}" w:charSpace="{char_space}"/>'),
            SECTPR)
    else:
        put(sect_pr, element('<w:docGrid w:linePitch="312"/>'), SECTPR)
    if restart_numbers:
        put(sect_pr, element('<w:pgNumType w:start="1"/>'), SECTPR)


def page_border(section, color: str) -> None:
    """A certificate's frame: a thick and a thin line 11 mm in from the paper's edge (31 pt, Word's most)."""
    sides = "".join(f'<w:{side} w:val="thickThinSmallGap" w:sz="24" w:space="31" w:color="{color}"/>'
                    for side in ("top", "left", "bottom", "right"))
    put(section._sectPr, element(f'<w:pgBorders w:offsetFrom="page">{sides}</w:pgBorders>'), SECTPR)


def page_numbers(section) -> None:
    """"— PAGE —" in 4号宋体: odd pages one character in from the right, even pages one character in from the left."""
    for footer, alignment in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                              (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.alignment = alignment
        indent = Pt(PAGE_NUMBER_SIZE)
        if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
            paragraph.paragraph_format.right_indent = indent
        else:
            paragraph.paragraph_format.left_indent = indent
        before, after = page_number_text(0).split("0")
        _run(paragraph, before)
        _field(paragraph, "PAGE", "1")
        _run(paragraph, after)


def shrink(paragraph: Paragraph) -> None:
    """An empty paragraph 2 pt high, off the grid: it never pushes a page's last line onto a page of its own."""
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(2)
    fmt.space_before = fmt.space_after = Pt(0)
    put(paragraph._p.get_or_add_pPr(), element('<w:snapToGrid w:val="0"/>'), PPR)


def _run(paragraph: Paragraph, text: str):
    run = paragraph.add_run(text)
    set_fonts(run, ROLE_FONTS["song"])
    run.font.size = Pt(PAGE_NUMBER_SIZE)
    return run


def _field(paragraph: Paragraph, code: str, shown: str) -> None:
    """A field Word and WPS update as they lay out the page (PAGE), showing `shown` until they do."""
    for kind in ("begin", None, "separate", shown, "end"):
        run = _run(paragraph, "")
        if kind in ("begin", "separate", "end"):
            run._r.append(element(f'<w:fldChar w:fldCharType="{kind}"/>'))
        elif kind is None:
            instruction = parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve"> {code} </w:instrText>')
            run._r.append(instruction)
        else:
            run.text = kind


__all__ = ["BODY_SIZE", "LINES", "ROLE_FONTS", "grid_values", "page_numbers", "prepare", "setup_section",
           "set_fonts", "word_size"]
