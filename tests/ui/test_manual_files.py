"""The manual's files: every chapter reads, every picture it shows is there (and none is left over), every
link between chapters leads to a chapter and a section that exist, and the buttons it names are the
window's own words."""
import ast
import re
from pathlib import Path

from PySide6.QtGui import QImage

from ui.help import chapters

ROOT = Path(__file__).resolve().parents[2]
PICTURE = re.compile(r"!\[[^\]]*\]\(([^)]+)\)")
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)#]+\.md)(?:#([^)]+))?\)")
# a label the manual quotes that ends in …: a button or menu item that opens a dialog
LABEL = re.compile(r"“([^”]+…)”")


def texts() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(chapters.manual_dir().glob("*.md"))}


def test_every_chapter_reads_with_a_title_and_sections():
    found = chapters.chapters()
    assert [c.file_name for c in found] == list(texts())  # every file is a chapter, in its numbered order
    for chapter in found:
        text = chapter.path.read_text(encoding="utf-8")
        assert text.startswith(f"# {chapter.title}\n"), chapter.file_name
        assert len(chapter.sections) >= 3, chapter.file_name
        assert len({s.title for s in chapter.sections}) == len(chapter.sections), "a section title twice"


def test_every_picture_is_there_and_every_picture_is_shown():
    shown = {name for text in texts().values() for name in PICTURE.findall(text)}
    for name in shown:
        image = QImage(str(chapters.manual_dir() / name))
        assert not image.isNull(), name
        assert image.width() <= 1200, f"{name}: {image.width()} px wide"
    files = {f"images/{path.name}" for path in (chapters.manual_dir() / "images").glob("*.png")}
    assert files == shown, f"left over: {files - shown}; missing: {shown - files}"
    assert sum((chapters.manual_dir() / name).stat().st_size for name in files) < 1_200_000


def test_every_link_leads_to_a_chapter_and_section():
    sections = {c.file_name: {s.title for s in c.sections} for c in chapters.chapters()}
    links = [(name, target, section) for name, text in texts().items() for target, section in LINK.findall(text)]
    assert len(links) > 20
    for name, target, section in links:
        assert target in sections, f"{name} links to {target}"
        assert not section or section in sections[target], f"{name} links to {target}#{section}"


def ui_words() -> set[str]:
    """Every Chinese string the window shows, menu accelerators such as (&O) left out."""
    words = set()
    for path in (ROOT / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                words.add(re.sub(r"\(&\w\)", "", node.value))
    return words


def test_the_buttons_the_manual_names_are_the_windows_own():
    words = ui_words()
    named = {part for text in texts().values() for label in LABEL.findall(text) for part in label.split(" → ")}
    assert len(named) > 25
    assert sorted(label for label in named if label.endswith("…") and label not in words) == []


def test_search_finds_sections_by_every_word():
    hits = chapters.search("结班 学时")
    assert hits and all("结班" in f"{h.section.title}{h.section.text}" for h in hits)
    assert any(h.chapter.key == "attendance" and h.section.title == "结班" for h in hits)
    assert chapters.search("  ") == [] and chapters.search("不存在的词语组合") == []
