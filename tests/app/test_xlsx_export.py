"""Exports never write a cell a spreadsheet would run: any text reads back as the same text, never a formula."""
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from app.services.exports.xlsx import XlsxColumn, write_table

XML_TEXT = st.characters(blacklist_categories=("Cs",), blacklist_characters="\ufffe\uffff"
                         + "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r"))
RISKY = st.sampled_from(["=", "+", "-", "@", "\t", "\r", "\r\n", "=cmd|' /C calc'!A0", "#N/A", " ="])
CELL = st.one_of(st.text(XML_TEXT, max_size=40), st.builds(lambda a, b: a + b, RISKY, st.text(XML_TEXT, max_size=20)))


def round_trip(title: str, header: str, cells: list[str]):
    with tempfile.TemporaryDirectory() as folder:
        path = write_table(Path(folder) / "导出.xlsx", "表", title, [XlsxColumn(header, 8)], [[c] for c in cells])
        sheet = load_workbook(path).active
        return [sheet.cell(row, 1) for row in range(1, 3 + len(cells))]  # title, header (row 2), the rows


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(CELL, CELL, st.lists(CELL, min_size=1, max_size=6))
def test_any_text_reads_back_as_the_same_text_never_a_formula(title, header, cells):
    written = round_trip(title, header, cells)
    title_cell, header_cell, body = written[0], written[1], written[2:]
    for cell, text in ((title_cell, title), (header_cell, header), *zip(body, cells, strict=False)):
        assert cell.data_type != "f"
        assert (cell.value or "") == text
        if text.startswith(("=", "+", "-", "@")):
            assert cell.data_type == "s" and cell.quotePrefix


@settings(max_examples=30, deadline=None, database=None)
@given(st.lists(st.text(max_size=20), min_size=1, max_size=4))
def test_characters_xml_cannot_hold_are_dropped_not_fatal(cells):
    body = round_trip("标题", "列", cells)[2:]
    for cell, text in zip(body, cells, strict=False):
        kept = "".join(c for c in text if c in "\t\n\r" or (c >= " " and c not in "\ufffe\uffff"
                                                             and not "\ud800" <= c <= "\udfff"))
        assert (cell.value or "") == kept and cell.data_type != "f"
