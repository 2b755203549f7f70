"""The manual's chapters: Markdown files under resources/manual/ named NN-key.md, read as UTF-8.

A chapter's key (the file name after the number) is the topic a page asks for; its first line is the
`# 标题`, its `## ` lines the sections shown in the contents and linked to as `key.md#小节标题`.
Plain Python: the window renders the files, this module lists and searches them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from app import config

START = "start"
_NAME = re.compile(r"^(\d+)-([a-z][a-z-]*)\.md$")
_PICTURE = re.compile(r"!\[([^\]]*)\]\(([^)]+)\)")
_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|[*`#>|\[]")  # images, link targets and marks


def manual_dir() -> Path:
    return config.resource_file("manual")


@dataclass(frozen=True)
class Section:
    title: str
    text: str  # what a reader sees, marks left out: what the search looks in


@dataclass(frozen=True)
class Chapter:
    key: str
    title: str
    path: Path
    sections: tuple[Section, ...] = field(default=())  # the part before the first `##` comes first, titled as the chapter
    pictures: dict[str, str] = field(default_factory=dict)  # a picture's file (images/x.png) -> its caption

    @property
    def file_name(self) -> str:
        return self.path.name


def plain(markdown: str) -> str:
    return _MARKUP.sub("", markdown)


def read_chapter(path: Path) -> Chapter:
    key = _NAME.match(path.name).group(2)
    text = path.read_text(encoding="utf-8")
    title, sections, current, lines = "", [], None, []
    for line in text.splitlines():
        if line.startswith("# ") and not title:
            title = current = line[2:].strip()
        elif line.startswith("## "):
            sections.append(Section(current or title, plain("\n".join(lines))))
            current, lines = line[3:].strip(), []
        else:
            lines.append(line)
    sections.append(Section(current or title, plain("\n".join(lines))))
    pictures = {name: caption for caption, name in _PICTURE.findall(text)}
    return Chapter(key, title or key, path, tuple(sections), pictures)


@cache
def chapters() -> tuple[Chapter, ...]:
    """Every chapter in the order of its number, which is the order of the office's work."""
    paths = sorted((p for p in manual_dir().glob("*.md") if _NAME.match(p.name)), key=lambda p: int(p.name[:2]))
    return tuple(read_chapter(path) for path in paths)


def chapter(key: str) -> Chapter:
    """The chapter for a topic key; an unknown key gets the first chapter (快速上手) rather than nothing."""
    found = {c.key: c for c in chapters()}
    return found.get(key) or found.get(START) or chapters()[0]


def chapter_of_file(name: str) -> Chapter | None:
    return next((c for c in chapters() if c.file_name == name), None)


@dataclass(frozen=True)
class Hit:
    chapter: Chapter
    section: Section
    count: int


def search(words: str) -> list[Hit]:
    """The sections holding every word of the query (spaces separate words), in the manual's order."""
    terms = [term.casefold() for term in words.split()]
    if not terms:
        return []
    hits = []
    for found in chapters():
        for section in found.sections:
            haystack = f"{section.title}\n{section.text}".casefold()
            if all(term in haystack for term in terms):
                hits.append(Hit(found, section, sum(haystack.count(term) for term in terms)))
    return hits
