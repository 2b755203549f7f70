"""The parts of a 公文 around its body (issue 20): the 版头 (红头文件 with the 文号, 信函格式), the 版记 at the
foot of the last page and the 附件 pages, read back from the PDF's drawing operations."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from app.domain.errors import ValidationError
from app.services import settings
from app.services.documents import DocumentRequest, heads, render
from app.services.documents.attachments import attachment_label, attachment_note_lines
from app.services.documents.layout import OFFICIAL
from app.storage import tables
from tests.cli import run
from tests.documents.conftest import page_texts, period_id, squeezed

WIDTH = OFFICIAL.width
PAGE_NUMBER = re.compile(r"—\s*(\d+)\s*—\s*$")


@dataclass
class Page:
    texts: list[tuple[str, tuple, float, float]] = field(default_factory=list)  # text, fill colour, x, y
    lines: list[tuple[float, float, float, float, tuple, float]] = field(default_factory=list)  # x0 y0 x1 y1 colour w

    def text_in(self, colour_test) -> str:
        return "".join("".join(text.split()) for text, colour, _, _ in self.texts if colour_test(colour))

    def rows(self) -> dict[float, str]:
        """The text on each baseline (runs split by the PDF joined again)."""
        rows: dict[float, str] = {}
        for text, _, _, y in self.texts:
            rows[round(y, 1)] = rows.get(round(y, 1), "") + "".join(text.split())
        return rows

    def y_of(self, phrase: str) -> float:
        return next(y for y, text in self.rows().items() if phrase in text)

    def rules(self, colour_test, min_length: float = 100 * mm) -> list:
        return [line for line in self.lines if colour_test(line[4]) and abs(line[2] - line[0]) >= min_length
                and abs(line[1] - line[3]) < 0.01]


def red(colour: tuple) -> bool:
    return len(colour) == 3 and colour[0] > 0.8 and colour[1] < 0.1 and colour[2] < 0.15


def black(colour: tuple) -> bool:
    return not any(colour)


def _apply(matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


def drawn(path, index: int) -> Page:
    """What a page draws: each text run with its fill colour and position, each straight line with its
    stroke colour and width (q/Q save and restore the colours)."""
    page, result = PdfReader(str(path)).pages[index], Page()
    state = {"fill": (0.0,), "stroke": (0.0,), "width": 1.0, "at": (0.0, 0.0)}
    saved: list[dict] = []

    def before(op, args, cm, tm):
        if op == b"q":
            saved.append(dict(state))
        elif op == b"Q" and saved:
            state.update(saved.pop())
        elif op in (b"rg", b"g", b"k"):
            state["fill"] = tuple(float(a) for a in args)
        elif op in (b"RG", b"G", b"K"):
            state["stroke"] = tuple(float(a) for a in args)
        elif op == b"w":
            state["width"] = float(args[0]) * abs(cm[0])
        elif op == b"m":
            state["at"] = _apply(cm, float(args[0]), float(args[1]))
        elif op == b"l":
            end = _apply(cm, float(args[0]), float(args[1]))
            result.lines.append((*state["at"], *end, state["stroke"], state["width"]))
            state["at"] = end

    def text(content, cm, tm, font, size):
        if content.strip():
            x, y = _apply(cm, tm[4], tm[5])
            result.texts.append((content, state["fill"], x, y))

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    return result


def civil_servants_plan(db):
    return tables.plans(db).where("title = ?", ["2020年公务员培训计划"])[0]


def notice(db, tmp_path, **request) -> tuple:
    target = tmp_path / "notice.pdf"
    pages = render(db, DocumentRequest("plan-notice", plan_id=civil_servants_plan(db).id, **request), target)
    return target, pages


def test_the_plan_notice_goes_out_as_a_red_header_document_with_its_number(demo_db, tmp_path):
    target, _ = notice(demo_db, tmp_path)
    first = drawn(target, 0)
    assert first.text_in(red) == "中共xx市委组织部文件"  # the plan's 发文机关, as no mark is set
    assert "xx组发〔2020〕12号" in first.text_in(black)
    mark, number, title = first.y_of("中共xx市委组织部文件"), first.y_of("12号"), first.y_of("2020年公务员培训计划")
    # the mark's top 35 mm under the type area's top (its baseline a character lower), the number two lines down
    assert OFFICIAL.top - 35 * mm - 45 < mark < OFFICIAL.top - 35 * mm - 25
    assert mark - 100 < number < mark - 60
    (rule,) = first.rules(red)
    assert rule[0] == pytest.approx(OFFICIAL.left, abs=1) and rule[2] == pytest.approx(OFFICIAL.right, abs=1)
    assert 4 * mm < number - rule[1] < 7 * mm  # 4 mm under the number's foot
    assert rule[1] - title > 40  # two blank lines before the title
    # only the first page carries it
    assert not drawn(target, 1).text_in(red) and not drawn(target, 1).rules(red)


def test_the_office_can_set_the_mark_or_no_header(demo_db, tmp_path):
    heads.save_head_settings(demo_db, "plan-notice", heads.HeadSettings("红头文件", "中共xx县委组织部文件", "", ""))
    target, _ = notice(demo_db, tmp_path)
    assert drawn(target, 0).text_in(red) == "中共xx县委组织部文件"
    heads.save_head_settings(demo_db, "plan-notice", heads.HeadSettings("无版头", "", "", ""))
    target, _ = notice(demo_db, tmp_path)
    first = drawn(target, 0)
    assert not first.text_in(red) and not first.rules(red)
    assert squeezed(target).startswith("2020年公务员培训计划各区县")
    assert "12号" not in squeezed(target)


def test_letters_to_units_are_in_the_letter_format_without_a_page_number_on_page_one(demo_db, tmp_path):
    period = period_id(demo_db, "加强党的政治建设专题培训班", 2)
    target = tmp_path / "选调函.pdf"
    render(demo_db, DocumentRequest("unit-letters", period_id=period, issued_on="2020-09-15"), target)
    texts = page_texts(target)
    starts = [index for index, text in enumerate(texts) if "关于选调学员参加" in text]
    assert len(starts) > 2
    for start in starts[:2]:
        first = drawn(target, start)
        assert first.text_in(red) == "中共xx市委组织部"
        mark = first.y_of("中共xx市委组织部")
        # its top 30 mm from the top of the page
        assert OFFICIAL.pagesize[1] - 30 * mm - 32 < mark < OFFICIAL.pagesize[1] - 30 * mm - 15
        rules = sorted(first.rules(red), key=lambda line: -line[1])
        assert len(rules) == 4 and all(abs(r[2] - r[0] - 170 * mm) < 1 for r in rules)
        assert rules[0][5] > rules[1][5] and rules[2][5] < rules[3][5]  # thick over thin; thin over thick
        assert mark - rules[0][1] < 30 * mm - 15 and rules[3][1] == pytest.approx(20 * mm, abs=0.5)
        assert not PAGE_NUMBER.search(texts[start])
        assert PAGE_NUMBER.search(texts[start + 1]).group(1) == "2"


def test_the_letter_format_prints_a_number_at_the_right_when_there_is_one(demo_db, tmp_path):
    heads.save_head_settings(demo_db, "plan-notice", heads.HeadSettings("信函格式", "", "", ""))
    target, _ = notice(demo_db, tmp_path)
    first = drawn(target, 0)
    assert first.text_in(red) == "中共xx市委组织部"
    number = next(x for text, _, x, _ in first.texts if "12号" in text)
    assert number > OFFICIAL.left + WIDTH / 2
    assert not PAGE_NUMBER.search(page_texts(target)[0]) and PAGE_NUMBER.search(page_texts(target)[1]).group(1) == "2"


def imprint_rules(page: Page) -> list:
    return sorted((line for line in page.rules(black, WIDTH - 1)), key=lambda line: -line[1])


def test_the_imprint_sits_at_the_foot_of_the_last_page_between_rules(demo_db, tmp_path):
    heads.save_head_settings(demo_db, "plan-notice", heads.HeadSettings(
        "红头文件", "", "市委办公室，市政府办公室，各区县委组织部", "中共xx市委组织部办公室"))
    target, pages = notice(demo_db, tmp_path)
    last = drawn(target, pages - 1)
    flat = "".join(text for text, *_ in last.texts).replace(" ", "")
    assert "抄送：市委办公室，市政府办公室，各区县委组织部。" in flat
    assert "中共xx市委组织部办公室" in flat and "2020年4月20日印发" in flat
    rules = imprint_rules(last)
    assert len(rules) == 3
    assert rules[-1][1] == pytest.approx(OFFICIAL.bottom, abs=0.5)  # the last rule at the foot of the type area
    assert rules[0][5] == pytest.approx(0.35 * mm, abs=0.01) == pytest.approx(rules[2][5], abs=0.01)
    assert rules[1][5] == pytest.approx(0.25 * mm, abs=0.01)
    assert rules[0][1] > last.y_of("印发") > rules[2][1] and rules[0][1] > last.y_of("抄送") > rules[1][1]
    # under the signature, on no other page
    signature_date = next(y for y, text in last.rows().items() if text == "2020年4月20日")
    assert signature_date > rules[0][1]
    assert all("印发" not in text for text in page_texts(target)[:-1])


def test_without_a_printer_there_is_no_imprint_and_without_copies_no_copy_line(demo_db, tmp_path):
    target, pages = notice(demo_db, tmp_path)
    assert "印发" not in squeezed(target) and not imprint_rules(drawn(target, pages - 1))
    heads.save_head_settings(demo_db, "plan-notice", heads.HeadSettings("红头文件", "", "", "县委组织部办公室"))
    target, pages = notice(demo_db, tmp_path)
    assert "抄送" not in squeezed(target) and "县委组织部办公室2020年4月20日印发" in squeezed(target)
    assert len(imprint_rules(drawn(target, pages - 1))) == 2


def test_each_unit_letter_has_its_receipt_as_an_attachment_and_its_own_imprint(demo_db, tmp_path):
    heads.save_head_settings(demo_db, "unit-letters", heads.HeadSettings("信函格式", "", "市委党校", "市委组织部办公室"))
    period = period_id(demo_db, "加强党的政治建设专题培训班", 2)
    quotas = tables.quotas(demo_db).where("period_id = ?", [period])
    target = tmp_path / "选调函.pdf"
    render(demo_db, DocumentRequest("unit-letters", period_id=period, issued_on="2020-09-15"), target)
    texts = ["".join(text.split()) for text in page_texts(target)]
    receipts = [index for index, text in enumerate(texts) if text.startswith("附件学员回执表")]
    assert len(receipts) == len(quotas)
    for index in receipts[:3]:
        signed = texts[index - 1]
        assert "附件：学员回执表中共xx市委组织部2020年9月15日" in signed  # the 附件说明 above the signature
        assert "印发" not in signed
        assert "班次：加强党的政治建设专题培训班第2期单位（盖章）：" in texts[index]  # two lines
        assert "抄送：市委党校。市委组织部办公室2020年9月15日印发" in texts[index]
        label = drawn(target, index).texts[0]
        assert label[0].strip() == "附件" and label[2] == pytest.approx(OFFICIAL.left, abs=1)  # top left
    # the blank rows a unit fills in: one numbered row per seat
    seats = tables.quotas(demo_db).where("period_id = ?", [period])[0].seats
    unit = tables.units(demo_db).get(quotas[0].unit_id).name
    receipt = next(text for text in texts if f"单位（盖章）：{unit}" in text)
    assert "序号姓名性别单位及职务联系电话重点难点问题" + "".join(str(n) for n in range(1, seats + 1)) in receipt


def test_the_attachment_note_and_labels_number_several_attachments_only():
    assert attachment_note_lines(["学员回执表。"]) == ["附件：学员回执表"]
    assert attachment_note_lines(["课程表", "学员回执表"]) == ["附件：1.课程表", "2.学员回执表"]
    assert [attachment_label(1, 1), attachment_label(2, 3)] == ["附件", "附件2"]


def test_head_settings_refuse_what_cannot_print_and_keep_what_was_saved(demo_db):
    heads.save_head_settings(demo_db, "unit-letters", heads.HeadSettings("信函格式", "中共xx县委组织部", "", ""))
    bad = [heads.HeadSettings("彩色版头", "", "", ""), heads.HeadSettings("红头文件", "中" * 25, "", ""),
           heads.HeadSettings("信函格式", "", "单位，" * 70, "办公室"), heads.HeadSettings("信函格式", "", "", "办" * 31),
           heads.HeadSettings("信函格式", "", "市委党校", "")]
    for values, key in zip(bad, ("style", "organ_mark", "copy_to", "printer", "printer"), strict=True):
        with pytest.raises(ValidationError) as raised:
            heads.save_head_settings(demo_db, "unit-letters", values)
        assert key in raised.value.errors
    assert heads.stored_head_settings(demo_db, "unit-letters") == heads.HeadSettings(
        "信函格式", "中共xx县委组织部", "", "")


def test_print_plan_notice_date_wins_over_the_plan_date(capsys, demo_path, tmp_path):
    from app.services import database
    db = database.open_database(demo_path)
    try:
        plan = civil_servants_plan(db).id
    finally:
        db.close()
    code, _, _ = run(capsys, "print", "plan-notice", "--plan", plan, "-o", tmp_path / "a.pdf", "--db", demo_path)
    assert code == 0 and "中共xx市委组织部2020年4月20日" in squeezed(tmp_path / "a.pdf")
    code, _, _ = run(capsys, "print", "plan-notice", "--plan", plan, "--date", "2020-05-06", "-o", tmp_path / "b.pdf",
                     "--db", demo_path)
    assert code == 0 and "中共xx市委组织部2020年5月6日" in squeezed(tmp_path / "b.pdf")
    assert "2020年4月20日" not in squeezed(tmp_path / "b.pdf")
    with pytest.raises(SystemExit):
        run(capsys, "print", "--help")
    assert "给出本项时以本项为准" in "".join(capsys.readouterr().out.split())


def test_settings_store_nothing_else(demo_db):
    before = settings.get(demo_db, "office_name")
    heads.save_head_settings(demo_db, "plan-notice", heads.HeadSettings("无版头", "", "", ""))
    assert settings.get(demo_db, "office_name") == before
    assert heads.masthead(demo_db, "plan-notice", "x") is None


def drawn_text(path) -> str:
    """Everything the PDF draws, as drawn (spaces included), the lines joined."""
    return "".join(text.replace("\n", "") for index in range(len(PdfReader(str(path)).pages))
                   for text, *_ in drawn(path, index).texts)


def test_stray_spaces_typed_between_chinese_are_not_printed(demo_db, tmp_path):
    plan = civil_servants_plan(demo_db)
    assert "2018—2022 年" in plan.preamble  # as seed 004 has it
    target, _ = notice(demo_db, tmp_path)
    printed = drawn_text(target)
    assert "2018—2022年全国干部教育培训规划" in printed and "制定2020年公务员" in printed
    assert "推进“一带一路”建设专题研讨班" in printed and "” 建设" not in printed
    assert "2022 年" not in printed and "2020 年" not in printed
    assert tables.plans(demo_db).get(plan.id).preamble == plan.preamble  # the data stays as typed


def test_spaces_between_latin_words_and_numbers_stay():
    from app.services.documents.typeset import tidy_spaces
    assert tidy_spaces("Office Word 文档") == "Office Word 文档"
    assert tidy_spaces("第 1 期，12 34") == "第1期，12 34"
    assert tidy_spaces("时间：5月　　地点") == "时间：5月　　地点"  # the full-width space is layout


def test_a_mark_no_font_has_is_named_and_nothing_is_written(demo_db, tmp_path):
    from app.services.documents.glyphs import MissingGlyphs
    from tests.documents.test_fonts import NOT_IN_ANY_FONT
    heads.save_head_settings(demo_db, "plan-notice", heads.HeadSettings("红头文件", f"中共{NOT_IN_ANY_FONT}县委组织部文件",
                                                                        "", ""))
    with pytest.raises(MissingGlyphs) as raised:
        notice(demo_db, tmp_path)
    assert f"文书设置的发文机关标志中的“{NOT_IN_ANY_FONT}”" in str(raised.value)
    assert not (tmp_path / "notice.pdf").exists()


def test_a_long_copy_line_never_runs_into_the_text_above_it(demo_db, tmp_path):
    many = "，".join(f"县级第{n}部门办公室" for n in range(1, 20))
    heads.save_head_settings(demo_db, "plan-notice", heads.HeadSettings("红头文件", "", many, "中共xx市委组织部办公室"))
    target, pages = notice(demo_db, tmp_path)
    last = drawn(target, pages - 1)
    rules = imprint_rules(last)
    assert len(rules) == 3 and rules[-1][1] == pytest.approx(OFFICIAL.bottom, abs=0.5)
    imprint = "".join(text for y, text in last.rows().items() if rules[-1][1] < y < rules[0][1])
    assert imprint.startswith("抄送：县级第1部门办公室") and imprint.endswith("2020年4月20日印发")
    above = [y for y, text in last.rows().items() if y > rules[0][1]]
    if above:
        assert min(above) > rules[0][1] + 10  # the body's last line sits clear of the first rule
    else:  # no room under the signature: the 版记 has the last page (a 版记页) to itself
        assert "中共xx市委组织部2020年4月20日" in "".join(page_texts(target)[-2].split())
    assert "县级第19部门办公室。" in squeezed(target)


def test_a_template_saved_with_the_old_names_line_still_prints_the_names_as_the_attachment(demo_db, tmp_path):
    from app.services.documents.templates import UNIT_LETTER, save_template
    old = UNIT_LETTER.default.replace("{名单说明}\n", "{名单说明}\n{学员名单}\n")
    save_template(demo_db, UNIT_LETTER, old)
    period = period_id(demo_db, "加强党的政治建设专题培训班", 2)
    unit_id = tables.quotas(demo_db).where("period_id = ?", [period])[0].unit_id
    target = tmp_path / "old.pdf"
    render(demo_db, DocumentRequest("unit-letters", period_id=period, unit_id=unit_id), target)
    texts = ["".join(text.split()) for text in page_texts(target)]
    assert sum("序号姓名性别" in text for text in texts) == 1  # the table once, on the 附件 page
    assert texts[-1].startswith("附件学员回执表")


def test_admission_letters_carry_a_header_and_imprint_only_when_the_office_sets_them(demo_db, tmp_path):
    period = period_id(demo_db, "加强党的政治建设专题培训班", 1)
    plain = tmp_path / "plain.pdf"
    render(demo_db, DocumentRequest("letters", period_id=period, issued_on="2020-05-01"), plain)
    assert not drawn(plain, 0).text_in(red) and "印发" not in squeezed(plain)
    heads.save_head_settings(demo_db, "letters", heads.HeadSettings("红头文件", "", "", "县委组织部办公室"))
    target = tmp_path / "headed.pdf"
    pages = render(demo_db, DocumentRequest("letters", period_id=period, issued_on="2020-05-01"), target)
    texts = ["".join(text.split()) for text in page_texts(target)]
    letters = [index for index, text in enumerate(texts) if "入学通知书" in text and "同志：" in text]
    assert len(letters) > 1 and pages >= len(page_texts(plain))
    for index in letters[:3]:
        assert drawn(target, index).text_in(red) == "中共xx市委组织部文件"  # the letter's issuer
    assert texts.count("") == 0
    assert sum("县委组织部办公室2020年5月1日印发" in text for text in texts) == len(letters)
