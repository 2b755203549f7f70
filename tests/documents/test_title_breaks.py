"""Titles break between words, in a balanced trapezoid or diamond (GB/T 9704 7.3.1), for the seed's and the
demo's class names, as the office's documents title them."""
import re

import pytest

from app.services.documents import DocumentRequest, render, words
from app.services.documents.layout import OFFICIAL, TITLE_SIZE
from app.services.documents.typeset import title_breaks
from app.storage import tables
from tests.documents.conftest import page_texts, period_id

# Words no title may be broken inside (checked by hand, not by the segmenter the code uses).
WHOLE = ("科级干部培训班", "中国特色社会主义思想", "社会主义", "中青年干部培训班", "选调生培训班", "培训班", "研讨班",
         "专题", "干部", "习近平", "四中全会", "一带一路", "学习贯彻", "领导干部", "公务员", "通知", "课程表", "入学通知书",
         "治理能力", "现代化", "乡村振兴", "生态文明", "创新驱动", "军民融合", "健康中国", "经济金融", "第1期", "第2期")
CAPACITY = OFFICIAL.width / TITLE_SIZE  # characters of 2号 a line holds


def lines_of(text: str, capacity: float = CAPACITY) -> list[str]:
    weight = sum(0.5 if char.isascii() else 1 for char in text)
    edges = [0, *title_breaks(text, weight / capacity), len(text)]
    return [text[a:b] for a, b in zip(edges, edges[1:], strict=False)]


def broken_words(lines: list[str]) -> list[str]:
    """The WHOLE words some line break falls inside."""
    text, found, at = "".join(lines), [], 0
    for line in lines[:-1]:
        at += len(line)
        found += [word for word in WHOLE for start in [m.start() for m in re.finditer(re.escape(word), text)]
                  if start < at < start + len(word)]
    return found


@pytest.fixture
def office_words(demo_db):
    from app.storage.classes import names_and_themes
    words.add_words(names_and_themes(demo_db))
    return [c.name for c in tables.classes(demo_db).all()]


def test_the_titles_of_every_demo_class_break_between_words(office_words):
    assert "科级干部培训班" in office_words and len(office_words) > 15
    for name in office_words:
        for title in (f"关于选调学员参加{name}第1期的通知", f"{name}第2期课程表", f"{name}第1期学员名册",
                      f"关于举办{name}的通知"):
            lines = lines_of(title)
            assert "".join(lines) == title
            assert not broken_words(lines), (title, lines)
            assert all(sum(0.5 if c.isascii() else 1 for c in line) <= CAPACITY + 0.01 for line in lines), lines


def test_lines_are_balanced_as_a_trapezoid_or_a_diamond(office_words):
    for name in office_words:
        lines = lines_of(f"关于选调学员参加{name}第1期的通知")
        lengths = [len(line) for line in lines]
        if len(lines) == 2:
            assert abs(lengths[0] - lengths[1]) <= 8, lines
        for i in range(1, len(lengths) - 1):  # never long, short, long
            assert not (lengths[i] < lengths[i - 1] and lengths[i] < lengths[i + 1]), lines


def test_the_defects_the_issue_names():
    for title, capacity in (("关于选调学员参加科级干部培训班第1期的通知", 14),
                            ("学习贯彻习近平新时代中国特色社会主义思想专题培训班", 16),
                            ("坚持和发展中国特色社会主义思想的学习", 12)):
        lines = lines_of(title, capacity)
        assert len(lines) > 1 and not broken_words(lines), lines
    assert lines_of("关于选调学员参加科级干部培训班第1期的通知", 14) == ["关于选调学员参加", "科级干部培训班第1期的通知"]
    # no two lines keep the long word whole: three, as a diamond
    assert lines_of("坚持和发展中国特色社会主义思想的学习", 12) == ["坚持和发展", "中国特色社会主义思想", "的学习"]


def test_a_title_that_fits_is_not_broken_and_a_word_longer_than_a_line_still_breaks():
    assert lines_of("2020年公务员培训计划") == ["2020年公务员培训计划"]
    lines = lines_of("中国特色社会主义思想", 6)
    assert "".join(lines) == "中国特色社会主义思想" and all(len(line) <= 6 for line in lines)


def test_the_selection_letter_titles_in_the_pdf(demo_db, tmp_path):
    target = tmp_path / "选调函.pdf"
    name = "推进国家治理体系和治理能力现代化专题培训班"
    render(demo_db, DocumentRequest("unit-letters", period_id=period_id(demo_db, name, 1)), target)
    rows = [row.strip() for row in page_texts(target)[0].splitlines() if row.strip()]
    start = next(i for i, row in enumerate(rows) if row.startswith("关于选调学员参加"))
    title = [rows[start]]
    while not title[-1].endswith("的通知"):
        title.append(rows[start + len(title)])
    assert "".join(title) == f"关于选调学员参加{name}第1期的通知"
    assert len(title) == 2 and not broken_words(title), title


def test_the_program_bundle_carries_jiebas_dictionary():
    from pathlib import Path
    spec = (Path(__file__).resolve().parents[2] / "build.spec").read_text(encoding="utf-8")
    assert 'Path(jieba.__file__).parent / "dict.txt"), "jieba")' in spec
    import jieba
    assert (Path(jieba.__file__).parent / "dict.txt").is_file()


def test_no_line_ends_with_an_opening_mark_or_starts_with_a_closing_one():
    for capacity in range(8, 20):
        for title in ("县管领导干部赴市外高校（培训机构）专题班第3期学员名册", "推进“一带一路”建设专题研讨班第1期入学通知书",
                      "关于印发《2020年公务员培训计划》的通知"):
            lines = lines_of(title, capacity)
            assert "".join(lines) == title
            assert not any(line[-1] in "（“《" for line in lines[:-1]), lines
            assert not any(line[0] in "）”》，、。" for line in lines[1:]), lines
