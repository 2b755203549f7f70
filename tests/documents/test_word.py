"""Editable Word files (issue 20): every kind saved as .docx and read back with python-docx, as a user's Word
or WPS opens it: the text the PDF has, one section per letter of a batch, A4 with the PDF's margins, the
22 × 28 document grid, the fonts as offices name them, page numbers, the 版头 and 版记, ID numbers masked."""
from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Emu
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Table

from app.domain.errors import UserError
from app.services.documents import KINDS, DocumentRequest, render
from app.services.documents.glyphs import MissingGlyphs
from app.services.documents.heads import LETTER_HEAD, NO_HEAD, RED_HEAD, HeadSettings, save_head_settings
from app.services.documents.layout import CHARS, LINES, OFFICIAL, TEXT_HEIGHT, TEXT_WIDTH
from app.services.documents.pdf import DocumentStart
from app.services.documents.sources import trainees
from app.services.documents.typeset import Typesetter
from app.services.documents.word import write_docx
from app.services.documents.word.page import grid_values
from app.services.evaluation import results
from app.services.progress import Cancelled, Progress
from app.storage import tables
from tests.documents.conftest import add_trainee, period_id, squeezed
from tests.documents.test_fonts import NOT_IN_ANY_FONT
from tests.documents.word_reading import (
    all_text,
    blocks,
    cell_texts,
    east_asia,
    footer_xml,
    grid,
    open_docx,
    page_breaks,
    paragraph_starting,
    section_breaks,
)

POLITICS_1 = ("加强党的政治建设专题培训班", 1)
POLITICS_2 = ("加强党的政治建设专题培训班", 2)
TIMETABLED = 1  # the demo's first period has a timetable and lecturers (lecture fees)


def requests(db) -> dict[str, DocumentRequest]:
    """One request of every kind the demo office can make."""
    period = period_id(db, *POLITICS_1)
    plan = tables.plans(db).where("title = ?", ["2020年公务员培训计划"])[0].id
    person = trainees(db, period)[0].person_id
    evaluated = results.year_results(db, 2020).below[0].period_id  # the demo's period with questionnaires back
    return {
        "letters": DocumentRequest("letters", period_id=period, issued_on="2020-04-28"),
        "unit-letters": DocumentRequest("unit-letters", period_id=period_id(db, *POLITICS_2), issued_on="2020-09-15"),
        "plan-notice": DocumentRequest("plan-notice", plan_id=plan),
        "sign-in": DocumentRequest("sign-in", period_id=period, half_days=True),
        "roster": DocumentRequest("roster", period_id=period),
        "certificates": DocumentRequest("certificates", period_id=period),
        "summary": DocumentRequest("summary", year=2020),
        "hours": DocumentRequest("hours", person_id=person, year=2020, issued_on="2020-09-15"),
        "timetable": DocumentRequest("timetable", period_id=TIMETABLED),
        "lecture-fees": DocumentRequest("lecture-fees", period_id=TIMETABLED),
        "makeup-notice": DocumentRequest("makeup-notice", year=2020, issued_on="2020-09-15"),
        "funds": DocumentRequest("funds", period_id=period),
        "funds-summary": DocumentRequest("funds-summary", year=2020),
        "evaluation-form": DocumentRequest("evaluation-form", period_id=evaluated),
        "evaluation-report": DocumentRequest("evaluation-report", period_id=evaluated),
        "survey-report": DocumentRequest("survey-report", year=2021),
        "record": DocumentRequest("record", person_id=person),
    }


def test_every_kind_of_the_print_centre_is_covered_here(demo_db):
    assert set(requests(demo_db)) == set(KINDS)


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_as_word_has_the_pdfs_text(demo_db, tmp_path, kind):
    """The Word file is written from the content the PDF builder computes: each of its paragraphs is in the
    PDF's text, and so is the start of each table row's first cell (the names, dates, items; the PDF's
    columns interleave as pdftotext reads them, so only the start of a cell's first line is compared)."""
    request = requests(demo_db)[kind]
    pdf, word = tmp_path / f"{kind}.pdf", tmp_path / f"{kind} 文书.docx"
    render(demo_db, request, pdf)
    letters = render(demo_db, request, word)
    document = open_docx(word)
    assert letters >= len(document.sections) >= 1  # sheets numbered on share a section
    printed = re.sub(r"—\d+—", "", squeezed(pdf))
    checked = 0
    for block in blocks(document):
        if hasattr(block, "rows"):
            for row in cell_texts(block)[1:]:
                first = "".join(row[0].split("\n")[0].split())
                assert first[:5] in printed, (kind, first)
                checked += 1
        elif text := "".join(block.text.split()):
            assert text[:12] in printed, (kind, text)
            checked += 1
    assert checked >= 3
    assert not list(tmp_path.glob("*.part"))


def test_admission_letters_one_section_each_on_the_official_grid(demo_db, tmp_path):
    period = period_id(demo_db, *POLITICS_1)
    people = trainees(demo_db, period)
    target = tmp_path / "入学通知书.docx"
    assert render(demo_db, DocumentRequest("letters", period_id=period, issued_on="2020-04-28"), target) == len(people)
    document = open_docx(target)
    assert section_breaks(document) == len(people) - 1 and page_breaks(document) == 0
    text = all_text(document)
    for person in people:
        assert f"{person.name}同志：" in text
        assert person.id_number not in document.element.xml
    assert text.count("2020年4月28日") == len(people) and "{" not in text
    for section in document.sections:
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
        margins = [round(m.mm) for m in (section.top_margin, section.left_margin, section.right_margin,
                                          section.bottom_margin)]
        assert margins == [37, 28, 26, 35]
        assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"  # each letter from page 1
        values = grid(section)
        assert values == {"type": "linesAndChars", "linePitch": str(grid_values()[0]),
                          "charSpace": str(grid_values()[1])}


def test_the_grid_gives_word_22_lines_of_28_characters():
    """Word divides the type area by the grid's pitches: 22 lines and 28 characters of 3号 (16 pt)."""
    line_pitch, char_space = grid_values()
    height_twips = round(TEXT_HEIGHT * 20)
    width_points = round(TEXT_WIDTH * 20) / 20
    assert height_twips // line_pitch == LINES
    assert int(width_points // (16 + char_space / 4096)) == CHARS
    assert abs(line_pitch / 20 - 28.95) < 0.03


def test_fonts_sizes_and_line_spacing_as_offices_set_them(demo_db, tmp_path):
    target = tmp_path / "letters.docx"
    render(demo_db, DocumentRequest("letters", period_id=period_id(demo_db, *POLITICS_1)), target)
    document = open_docx(target)
    title = paragraph_starting(document, "入学通知书")
    assert {east_asia(r) for r in title.runs} == {"方正小标宋简体"} and title.runs[0].font.size.pt == 22
    heading = paragraph_starting(document, "一、")
    assert east_asia(heading.runs[0]) == "黑体" and heading.runs[0].text.startswith("一、")
    assert east_asia(heading.runs[-1]) == "仿宋_GB2312"  # the rest of the line after the heading's 。
    assert heading._p.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "0"
    body = paragraph_starting(document, "经研究")
    assert {east_asia(r) for r in body.runs} == {"仿宋_GB2312"} and body.runs[0].font.size.pt == 16
    assert body.paragraph_format.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert round(body.paragraph_format.line_spacing.pt, 2) == 28.95
    assert round(body.paragraph_format.first_line_indent.pt) == 32  # two characters
    fonts = document.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable").blob.decode()
    assert 'w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in fonts and 'w:name="楷体_GB2312"' in fonts
    normal = document.styles["Normal"].element.pPr
    assert [normal.find(qn(f"w:{name}")).get(qn("w:val")) for name in ("autoSpaceDE", "autoSpaceDN")] == ["0", "0"]
    core = document.core_properties
    assert (core.title, core.author, core.comments) == ("加强党的政治建设专题培训班第1期入学通知书", "干部教育培训管理", "")
    made = core.created.replace(tzinfo=timezone.utc) if core.created.tzinfo is None else core.created
    assert abs((datetime.now(timezone.utc) - made).total_seconds()) < 600  # now, not the template's 2013


def test_page_numbers_in_the_footers_odd_right_even_left(demo_db, tmp_path):
    target = tmp_path / "letters.docx"
    render(demo_db, DocumentRequest("letters", period_id=period_id(demo_db, *POLITICS_1)), target)
    document = open_docx(target)
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    odd, even = footer_xml(section.footer), footer_xml(section.even_page_footer)
    for xml in (odd, even):
        assert "PAGE" in xml and 'w:fldCharType="begin"' in xml and "— " in xml and " —" in xml
        assert 'w:eastAsia="宋体"' in xml and 'w:val="28"' in xml  # 4号, in half points
    assert 'w:jc w:val="right"' in odd and 'w:jc w:val="left"' in even


def test_the_timetable_follows_each_letter_as_its_attachment(demo_db, tmp_path):
    people = trainees(demo_db, TIMETABLED)
    target = tmp_path / "with timetable.docx"
    render(demo_db, DocumentRequest("letters", period_id=TIMETABLED, with_timetable=True), target)
    document = open_docx(target)
    assert section_breaks(document) == len(people) - 1
    assert page_breaks(document) == len(people)  # the 附件 of each letter starts its own page
    tables_ = [b for b in blocks(document) if hasattr(b, "rows")]
    assert len(tables_) == len(people)
    head = cell_texts(tables_[0])[0]
    assert head[:3] == ["日期", "时间", "课程内容"]
    assert tables_[0].rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on each page
    columns = [column.w for column in tables_[0]._tbl.tblGrid.gridCol_lst]  # Word lays out a fixed table by these
    assert [round(c.mm) for c in columns] == [19, 24, 38, 18, 30, 17, 10] and round(Emu(sum(columns)).mm) == 156
    assert [round(cell.width.mm) for cell in tables_[0].rows[0].cells] == [round(c.mm) for c in columns]
    assert "outlineLvl" not in tables_[0]._tbl.xml  # header cells in 黑体 are no headings of the document


def test_unit_letters_in_the_letter_format_with_the_receipt_as_attachment(demo_db, tmp_path):
    period = period_id(demo_db, *POLITICS_2)
    target = tmp_path / "选调函.docx"
    letters = render(demo_db, DocumentRequest("unit-letters", period_id=period, issued_on="2020-09-15"), target)
    document = open_docx(target)
    assert section_breaks(document) == letters - 1 and page_breaks(document) == letters
    section = document.sections[0]
    assert section.different_first_page_header_footer  # no page number on the first page
    header = section.first_page_header.paragraphs[0]
    assert header.text == "中共xx市委组织部"
    assert str(header.runs[0].font.color.rgb) == "E60012" and east_asia(header.runs[0]) == "方正小标宋简体"
    assert "thickThinSmallGap" in header._p.xml  # the red double rule
    assert "PAGE" not in footer_xml(section.first_page_footer)
    text = all_text(document)
    assert text.count("附件：学员回执表") == letters and text.count("学员回执表") >= 2 * letters
    names = trainees(demo_db, period)
    assert names and all(p.name in text for p in names)
    assert not any(p.id_number in document.element.xml for p in names if p.id_number)


def test_plan_notice_red_head_document_number_and_imprint(demo_db, tmp_path):
    plan = tables.plans(demo_db).where("title = ?", ["2020年公务员培训计划"])[0]
    plan.doc_number = "渝组通〔2020〕3号"
    tables.plans(demo_db).update(plan)
    save_head_settings(demo_db, "plan-notice", HeadSettings(RED_HEAD, "", "各区县委组织部", "中共xx市委组织部办公室"))
    target = tmp_path / "计划.docx"
    render(demo_db, DocumentRequest("plan-notice", plan_id=plan.id, issued_on="2020-03-02"), target)
    document = open_docx(target)
    mark, number = document.paragraphs[:2]
    assert mark.text == "中共xx市委组织部文件" and str(mark.runs[0].font.color.rgb) == "E60012"
    assert east_asia(mark.runs[0]) == "方正小标宋简体"
    assert number.text == "渝组通〔2020〕3号"
    rule = number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))  # the red rule under the number
    assert rule.get(qn("w:color")) == "E60012" and rule.get(qn("w:val")) == "single"
    headings = [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.find(qn("w:outlineLvl")) is not None]
    assert [p.text for p in headings][0] == "一、班次安排" and all(east_asia(p.runs[0]) == "黑体" for p in headings)
    for heading in headings:  # kept with what follows, as the PDF never ends a page with a heading
        assert heading.paragraph_format.keep_with_next and heading.paragraph_format.space_before.pt == 0
    imprint = [b for b in blocks(document) if hasattr(b, "rows")][-1]
    assert cell_texts(imprint) == [["抄送：各区县委组织部。", "抄送：各区县委组织部。"],
                                   ["中共xx市委组织部办公室", "2020年3月2日印发"]]
    assert imprint._tbl.tblPr.find(qn("w:tblpPr")).get(qn("w:tblpYSpec")) == "bottom"  # at the foot of the page
    assert imprint._tbl.getnext().tag == qn("w:p")  # the paragraph it floats from: the body never ends in a table


def test_no_head_when_the_office_chose_none(demo_db, tmp_path):
    save_head_settings(demo_db, "unit-letters", HeadSettings(NO_HEAD, "", "", ""))
    target = tmp_path / "x.docx"
    render(demo_db, DocumentRequest("unit-letters", period_id=period_id(demo_db, *POLITICS_2)), target)
    document = open_docx(target)
    assert not document.sections[0].different_first_page_header_footer
    assert document.paragraphs[0].text.startswith("关于选调学员参加")
    save_head_settings(demo_db, "unit-letters", HeadSettings(LETTER_HEAD, "县委组织部", "", ""))
    render(demo_db, DocumentRequest("unit-letters", period_id=period_id(demo_db, *POLITICS_2)), target)
    assert open_docx(target).sections[0].first_page_header.paragraphs[0].text == "县委组织部"


def test_certificates_landscape_red_title_serials_and_no_page_numbers(demo_db, tmp_path):
    target = tmp_path / "证书.docx"
    count = render(demo_db, DocumentRequest("certificates", period_id=period_id(demo_db, *POLITICS_1)), target)
    document = open_docx(target)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    assert section._sectPr.find(qn("w:pgBorders")) is not None
    assert "PAGE" not in footer_xml(section.footer)
    title = paragraph_starting(document, "结业证书")
    assert title.runs[0].font.color.rgb is not None and title.runs[0].font.size.pt == 40
    assert all_text(document).count("证书编号：") == count


def test_a_name_no_font_has_is_written_to_word_but_refused_as_pdf(demo_db, tmp_path):
    """Fonts are the reader's in Word: the glyph check refuses the PDF only."""
    period = period_id(demo_db, *POLITICS_1)
    add_trainee(demo_db, period, f"王{NOT_IN_ANY_FONT}")
    with pytest.raises(MissingGlyphs):
        render(demo_db, DocumentRequest("sign-in", period_id=period), tmp_path / "x.pdf")
    target = tmp_path / "x.docx"
    render(demo_db, DocumentRequest("sign-in", period_id=period), target)
    text = all_text(open_docx(target))
    assert f"王{NOT_IN_ANY_FONT}" in text and "110101********1234" in text and "110101199003071234" not in text


def test_cancelled_or_refused_leaves_the_old_file(demo_db, tmp_path):
    target = tmp_path / "letters.docx"
    target.write_bytes(b"old")
    stop = Progress(is_cancelled=lambda: True)
    with pytest.raises(Cancelled):
        render(demo_db, DocumentRequest("letters", period_id=period_id(demo_db, *POLITICS_1)), target, stop)
    empty = tables.periods(demo_db).all()[-1]
    with pytest.raises(UserError):
        render(demo_db, DocumentRequest("timetable", period_id=empty.id), target)
    assert target.read_bytes() == b"old" and list(tmp_path.iterdir()) == [target]


def test_progress_counts_the_letters(demo_db, tmp_path):
    seen = []
    period = period_id(demo_db, *POLITICS_1)
    render(demo_db, DocumentRequest("letters", period_id=period), tmp_path / "x.docx",
           Progress(report=lambda done, total: seen.append((done, total))))
    total = len(trainees(demo_db, period))
    assert seen[0] == (0, total) and seen[-1] == (total, total)


def test_the_year_summary_keeps_its_charts_figures(demo_db, tmp_path):
    target = tmp_path / "summary.docx"
    render(demo_db, DocumentRequest("summary", year=2020), target)
    document = open_docx(target)
    charts = [b for b in blocks(document) if hasattr(b, "rows")][-1]
    cells = cell_texts(charts)[0]
    assert cells[0].startswith("调训人次（按举办方式）") and "本级举办" in cells[0]
    assert cells[1].startswith("调训人次（按干部类别）") and "%）" in cells[1]


def test_forms_use_the_form_margins_without_the_character_grid(demo_db, tmp_path):
    target = tmp_path / "roster.docx"
    render(demo_db, DocumentRequest("roster", period_id=period_id(demo_db, *POLITICS_1)), target)
    section = open_docx(target).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    assert round(section.left_margin.mm) == 20 and "type" not in grid(section)
    assert OFFICIAL.width == TEXT_WIDTH  # the official grid is for the type area of 公文 only


class _Foot(Flowable):
    """A builder's own flowable drawn at the page's foot, taking no room (as a certificate's verification line)."""

    def __init__(self, line):
        super().__init__()
        self.line = line

    def wrap(self, available_width, available_height):
        return 0, 0


def test_sheets_numbered_on_share_a_section_and_a_builders_own_flowable_keeps_its_text(tmp_path):
    t = Typesetter()
    on = DocumentStart(1)
    on.restart = False  # the days of a sign-in sheet: one document, numbered through
    story = [DocumentStart(0), t.para("第一天", t.styles.body), _Foot(t.para("证书编号：2020-01-001", t.styles.plain)),
             PageBreak(), on, t.para("第二天", t.styles.body)]
    target = tmp_path / "sheets.docx"
    assert write_docx(target, story, t, OFFICIAL, "签到表", total=2) == 2
    document = open_docx(target)
    assert len(document.sections) == 1 and page_breaks(document) == 1
    assert [p.text for p in document.paragraphs if p.text] == ["第一天", "证书编号：2020-01-001", "第二天"]
    with pytest.raises(TypeError):
        write_docx(tmp_path / "x.docx", [DocumentStart(0), Flowable()], t, OFFICIAL, "x")
    assert not (tmp_path / "x.docx").exists()


def test_a_tables_rules_follow_the_pdfs_cell_by_cell(tmp_path):
    """A caption row over the ruled header (as the sign-in sheet's) stays unruled; the ruled rows get all four
    sides; the least row heights carry over."""
    t = Typesetter()
    data = [[t.para("签到表", t.styles.form_title), ""], ["姓名", "签名"], ["张三", ""]]
    table_ = Table(data, colWidths=[60 * mm, 40 * mm])
    table_.setStyle([("GRID", (0, 1), (-1, -1), 0.6, "black"), ("SPAN", (0, 0), (-1, 0))])
    table_._minRowHeights = [0, 0, 9 * mm]  # as glyphs' tables state a least height
    target = tmp_path / "t.docx"
    write_docx(target, [DocumentStart(0), table_], t, OFFICIAL, "x")
    word_table = [b for b in blocks(open_docx(target)) if hasattr(b, "rows")][0]
    borders = [[cell._tc.tcPr.find(qn("w:tcBorders")) for cell in row.cells] for row in word_table.rows]
    assert borders[0] == [None, None]
    for row in borders[1:]:
        for cell in row:
            assert [side.tag.split("}")[1] for side in cell] == ["top", "left", "bottom", "right"]
            assert {side.get(qn("w:sz")) for side in cell} == {"5"}
    assert round(word_table.rows[2].height.mm) == 9
    assert word_table.cell(0, 0).text == "签到表" and len(word_table.rows[0].cells[0]._tc.xpath("./w:tcPr/w:gridSpan")) == 1
