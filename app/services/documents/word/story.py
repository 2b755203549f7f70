"""A story the PDF builders put together (reportlab flowables) written as Word paragraphs and tables.

The builders compute a document's content once, in the flowables both writers read: a paragraph's runs and
their fonts, a table's cells, spans and shading, a letter's start, its signature. Each role's font becomes its
name as offices use it (page.ROLE_FONTS); a paragraph in the body's size keeps to the document grid, any
other (titles, tables, notes) does not, or the grid would space its characters out.
"""
from __future__ import annotations

from io import BytesIO

from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Pt, RGBColor
from reportlab.graphics.charts.barcharts import BarChart, HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.platypus import Paragraph, Table

from app.services.documents.layout import BODY_SIZE
from app.services.documents.pdf import Signature
from app.services.documents.typeset import Typesetter
from app.services.documents.word.page import ROLE_FONTS, set_fonts, twips, word_size
from app.services.documents.word.xml import PPR, TBLPR, TCPR, TRPR, element, put

ALIGNMENTS = {0: WD_ALIGN_PARAGRAPH.LEFT, 1: WD_ALIGN_PARAGRAPH.CENTER, 2: WD_ALIGN_PARAGRAPH.RIGHT,
              4: WD_ALIGN_PARAGRAPH.JUSTIFY}
# Paragraph styles of layout.make_styles by the role whose font they use (a certificate's are "title-certificate").
STYLE_ROLES = {"title": "title", "form_title": "title", "heading": "heading", "form_heading": "heading",
               "cell_head": "heading", "kai": "kai", "attachment_label": "heading"}
OUTLINE_LEVELS = {"heading": 0, "kai": 1}  # 一、 and （一） in Word's navigation pane
SIGNATURE_INDENT = 4  # characters between the date's right end and the type area's edge


def _hex(color) -> str | None:
    if color is None:
        return None
    red, green, blue = (round(c * 255) for c in (color.red, color.green, color.blue))
    return None if (red, green, blue) == (0, 0, 0) else f"{red:02X}{green:02X}{blue:02X}"


class Runs:
    """Font names of the document's loaded fonts → roles, so each run is named as the office names its font."""

    def __init__(self, typesetter: Typesetter):
        names: dict[str, list[str]] = {}
        for role in ROLE_FONTS:
            names.setdefault(typesetter.fonts.font(role).name, []).append(role)
        # a font two roles share (黑体 standing in for 小标宋) says nothing of the role: the style says it then
        self.roles = {name: roles[0] for name, roles in names.items() if len(roles) == 1}

    def style_role(self, style) -> str:
        return STYLE_ROLES.get(style.name.split("-")[0], STYLE_ROLES.get((style.parent and style.parent.name) or "",
                                                                        "body"))

    def fill(self, paragraph, flowable: Paragraph, space_before: float = 0, grid: bool = True) -> None:
        """Writes a reportlab paragraph into a Word one: its alignment, indent, fixed line spacing and runs."""
        style = flowable.style
        role = self.style_role(style)
        fmt = paragraph.paragraph_format
        fmt.alignment = ALIGNMENTS.get(style.alignment, WD_ALIGN_PARAGRAPH.LEFT)
        size = word_size(style.fontSize)
        scale = size.pt / style.fontSize
        if style.firstLineIndent:
            fmt.first_line_indent = Pt(style.firstLineIndent * scale)
        if style.leftIndent:
            fmt.left_indent = Pt(style.leftIndent * scale)
        if style.rightIndent:
            fmt.right_indent = Pt(style.rightIndent * scale)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(twips(max(style.leading, size.pt)) / 20)
        fmt.space_before, fmt.space_after = Pt(style.spaceBefore + space_before), Pt(style.spaceAfter)
        fmt.widow_control = True
        if getattr(style, "keepWithNext", 0):
            fmt.keep_with_next = True
        p_pr = paragraph._p.get_or_add_pPr()
        if not grid or abs(style.fontSize - BODY_SIZE) > 0.3:
            put(p_pr, element('<w:snapToGrid w:val="0"/>'), PPR)
        pieces = self._pieces(flowable, role)
        lead_role = pieces[0][1] if pieces else role
        if lead_role in OUTLINE_LEVELS and grid:  # a table's header cells are no headings of the document
            put(p_pr, element(f'<w:outlineLvl w:val="{OUTLINE_LEVELS[lead_role]}"/>'), PPR)
        for text, font_role, color, line_break in pieces:
            run = paragraph.add_run(text)
            set_fonts(run, ROLE_FONTS[font_role])
            run.font.size = size
            if color:
                run.font.color.rgb = RGBColor.from_string(color)
            if line_break:
                run.add_break()

    def _pieces(self, flowable: Paragraph, role: str):
        """(text, role, colour, break after) for each run of the same font and colour."""
        if hasattr(flowable, "word_parts"):  # Typesetter.mixed: the roles as the builder named them
            return [(text, part_role or role, None, False) for text, part_role in flowable.word_parts if text]
        pieces: list[list] = []
        style_font = flowable.style.fontName
        for frag in flowable.frags:
            if getattr(frag, "lineBreak", False):
                if pieces:
                    pieces[-1][3] = True
                else:
                    pieces.append(["", role, None, True])
                continue
            # A fallback font (a rare character) is the reader's to supply: the run keeps its role's name.
            frag_role = role if frag.fontName == style_font else self.roles.get(frag.fontName, role)
            color = _hex(getattr(frag, "textColor", None))
            if pieces and pieces[-1][1:3] == [frag_role, color] and not pieces[-1][3]:
                pieces[-1][0] += frag.text
            else:
                pieces.append([frag.text, frag_role, color, False])
        return [tuple(piece) for piece in pieces]

    def text(self, flowable: Paragraph) -> str:
        return "".join(getattr(frag, "text", "") for frag in flowable.frags)


def signature(add_paragraph, runs: Runs, flowable: Signature) -> None:
    """发文机关署名 centred over the 成文日期, the date's right end four characters in; no seal: a Word copy is a
    draft to edit, and a seal on an editable file could be moved onto any text."""
    size = word_size(flowable.style.fontSize).pt
    scale = size / flowable.style.fontSize
    date_right = SIGNATURE_INDENT * size
    issuer_right = max(0.0, date_right + (flowable.date_width - flowable.issuer_width) * scale / 2)
    for index, (part, right) in enumerate(((flowable.issuer, issuer_right), (flowable.date, date_right))):
        paragraph = add_paragraph()
        runs.fill(paragraph, part, space_before=flowable.blank if index == 0 else 0)
        paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.first_line_indent = Pt(0)
        paragraph.paragraph_format.right_indent = Pt(right)
        paragraph.paragraph_format.keep_with_next = index == 0


def table(document, runs: Runs, flowable: Table) -> None:
    """A ruled table: the column widths, header rows repeated on each page, spans, shading, rows that grow."""
    values = flowable._cellvalues
    rows, columns = len(values), len(values[0])
    word_table = document.add_table(rows=rows, cols=columns)
    word_table.alignment = WD_TABLE_ALIGNMENT.CENTER
    word_table.autofit = False
    tbl_pr = word_table._tbl.tblPr
    put(tbl_pr, element('<w:tblLayout w:type="fixed"/>'), TBLPR)
    put(tbl_pr, element('<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/>'
                        '</w:tblCellMar>'), TBLPR)
    widths = flowable._colWidths
    for column, width in zip(word_table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        if width:
            column.w = Pt(width)  # Word lays a fixed table out by its grid, whatever the cells say
    for row_index, (row, heights) in enumerate(zip(word_table.rows, _heights(flowable, rows), strict=True)):
        if heights:
            row.height, row.height_rule = Pt(heights), WD_ROW_HEIGHT_RULE.AT_LEAST  # grows to fit its text
        tr_pr = row._tr.get_or_add_trPr()
        put(tr_pr, element("<w:cantSplit/>"), TRPR)
        if row_index < flowable.repeatRows:
            put(tr_pr, element("<w:tblHeader/>"), TRPR)
        for column, cell in enumerate(row.cells):
            if widths[column]:
                cell.width = Pt(widths[column])
            put(cell._tc.get_or_add_tcPr(), element('<w:vAlign w:val="center"/>'), TCPR)
            _content(cell, runs, values[row_index][column])
    _shade(word_table, flowable, rows, columns)
    _rule(word_table, flowable, rows, columns)
    for _, (first_col, first_row), (last_col, last_row) in flowable._spanCmds:
        first_col, last_col = first_col % columns, last_col % columns
        first_row, last_row = first_row % rows, last_row % rows
        word_table.cell(first_row, first_col).merge(word_table.cell(last_row, last_col))


def _heights(flowable: Table, rows: int) -> list[float | None]:
    """Each row's least height: the PDF's fixed or least heights (a Word row always grows to fit its text)."""
    heights = [h if isinstance(h, (int, float)) else None for h in (flowable._argH or [None] * rows)]
    least = getattr(flowable, "_minRowHeights", None) or [None] * rows
    return [h or m or None for h, m in zip(heights, least, strict=False)]


SIDES = ("top", "left", "bottom", "right")


def _edges(command: str, r: int, c: int, r0: int, r1: int, c0: int, c1: int) -> tuple[str, ...]:
    """The sides of cell (r, c) that a line command over rows r0..r1 and columns c0..c1 rules."""
    outer = {"top": r == r0, "bottom": r == r1, "left": c == c0, "right": c == c1}
    if command == "GRID":
        return SIDES
    if command in ("BOX", "OUTLINE"):
        return tuple(side for side in SIDES if outer[side])
    if command == "INNERGRID":
        return tuple(side for side in SIDES if not outer[side])
    return {"LINEABOVE": ("top",), "LINEBELOW": ("bottom",), "LINEBEFORE": ("left",), "LINEAFTER": ("right",)
            }.get(command, ())


def _rule(word_table, flowable: Table, rows: int, columns: int) -> None:
    """The PDF's rules cell by cell, so a caption row above a table's header stays unruled, as in the PDF."""
    borders: dict[tuple[int, int], dict[str, int]] = {}
    for command in flowable._linecmds:
        (c0, r0), (c1, r1) = command[1], command[2]
        r0, r1, c0, c1 = r0 % rows, r1 % rows, c0 % columns, c1 % columns
        size = max(2, round(float(command[3]) * 8))  # eighths of a point
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                for side in _edges(command[0], r, c, r0, r1, c0, c1):
                    borders.setdefault((r, c), {})[side] = size
    cells = [row.cells for row in word_table.rows]
    for (r, c), sides in borders.items():
        xml = "".join(f'<w:{side} w:val="single" w:sz="{size}" w:space="0" w:color="000000"/>'
                      for side, size in sorted(sides.items(), key=lambda item: SIDES.index(item[0])))
        put(cells[r][c]._tc.get_or_add_tcPr(), element(f"<w:tcBorders>{xml}</w:tcBorders>"), TCPR)


def _content(cell, runs: Runs, value) -> None:
    paragraph = cell.paragraphs[0]
    put(paragraph._p.get_or_add_pPr(), element('<w:snapToGrid w:val="0"/>'), PPR)  # a blank cell too: off the grid
    items = value if isinstance(value, (list, tuple)) else [value]
    for item in items:
        if isinstance(item, Paragraph):
            runs.fill(paragraph, item, grid=False)
        elif isinstance(item, Drawing):
            drawing(paragraph, item)
        elif item:
            paragraph.add_run(str(item))


def drawing(paragraph, drawing: Drawing) -> None:
    """A chart as a picture (the same drawing the PDF has) where reportlab can draw pictures (with rlPyCairo);
    else its figures as lines of text: its title, then each label with its value."""
    try:
        from reportlab.graphics import renderPM

        png = BytesIO(renderPM.drawToString(drawing, fmt="PNG", dpi=200))
    except Exception:  # renderPM has no backend without rlPyCairo; the figures are what matters
        lines = chart_lines(drawing)
        for index, line in enumerate(lines):
            run = paragraph.add_run(line)
            set_fonts(run, ROLE_FONTS["body"])
            run.font.size = Pt(10.5)
            if index < len(lines) - 1:
                run.add_break()
        return
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run().add_picture(png, width=Pt(drawing.width), height=Pt(drawing.height))


def chart_lines(drawing: Drawing) -> list[str]:
    """The text a chart shows: its strings (title, a pie's legend) and a bar chart's labels with their values."""
    lines = []
    for shape in drawing.contents:
        if isinstance(shape, String) and shape.text.strip("■"):
            lines.append(shape.text)
        elif isinstance(shape, BarChart):  # a horizontal chart lists its first bar at the bottom
            names, values = shape.categoryAxis.categoryNames, shape.data[0]
            pairs = list(zip(names, values, strict=False))
            lines += [f"{name} {value:g}" for name, value in (reversed(pairs) if isinstance(shape, HorizontalBarChart)
                                                                else pairs)]
    return lines


def _shade(word_table, flowable: Table, rows: int, columns: int) -> None:
    for command in flowable._bkgrndcmds:
        if command[0] != "BACKGROUND" or not isinstance(command[3], colors.Color):
            continue
        color = _hex(command[3]) or "FFFFFF"
        (c0, r0), (c1, r1) = command[1], command[2]
        for r in range(r0 % rows, r1 % rows + 1):
            for c in range(c0 % columns, c1 % columns + 1):
                put(word_table.cell(r, c)._tc.get_or_add_tcPr(),
                    element(f'<w:shd w:val="clear" w:color="auto" w:fill="{color}"/>'), TCPR)
