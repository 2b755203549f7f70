"""Reading a saved .docx back as a user's Word would: its text, sections, runs' fonts, the grid and footers."""
from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def open_docx(path: Path) -> Document:
    return docx.Document(str(path))


def blocks(document: Document) -> list[Paragraph | Table]:
    """The body's paragraphs and tables in order."""
    found = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            found.append(Paragraph(element, document))
        elif element.tag == qn("w:tbl"):
            found.append(Table(element, document))
    return found


def cell_texts(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def all_text(document: Document) -> str:
    """Every paragraph's and table cell's text, one a line, without spaces (as squeezed() reads a PDF)."""
    lines = []
    for block in blocks(document):
        if isinstance(block, Paragraph):
            lines.append(block.text)
        else:
            lines += ["".join(row) for row in cell_texts(block)]
    return "\n".join("".join(line.split()) for line in lines)


def east_asia(run) -> str | None:
    fonts = run._r.rPr.rFonts if run._r.rPr is not None else None
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def paragraph_starting(document: Document, text: str) -> Paragraph:
    return next(p for p in document.paragraphs if p.text.startswith(text))


def section_breaks(document: Document) -> int:
    """Sections after the first: each letter of a batch after the first starts one."""
    return len(document.sections) - 1


def page_breaks(document: Document) -> int:
    """Page breaks inside letters (before a 附件), as paragraphs set to start a page or w:br page runs."""
    before = sum(1 for p in document.paragraphs if p.paragraph_format.page_break_before)
    runs = len(document.element.body.findall(f".//{W}br[@{W}type='page']"))
    return before + runs


def grid(section) -> dict[str, str]:
    element = section._sectPr.find(qn("w:docGrid"))
    return {key.split("}")[1]: value for key, value in element.attrib.items()}


def footer_xml(footer) -> str:
    return "".join(p._p.xml for p in footer.paragraphs)
