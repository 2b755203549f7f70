"""Every character is checked against the fonts before anything is printed, never drawn as a box.

A character the role's font lacks is drawn in the font the check found it in (FontSet.font_for: 宋体,
the fallbacks, the other roles' fonts); one that no font has is reported with the record and field it
came from, every one of them, and the document is not made.
"""
from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from app.domain.errors import UserError
from app.services.documents.fonts import FontSet, LoadedFont


@dataclass(frozen=True)
class Missing:
    owner: str  # 学员“王𠮷”, 入学通知书模板, 班次“…”
    field: str  # 姓名, 正文, 班次名称
    chars: str

    def __str__(self) -> str:
        return f"{self.owner}的{self.field}中的“{self.chars}”"


class MissingGlyphs(UserError):
    """Characters no font on this PC can draw: one line naming every person, field and character."""

    def __init__(self, problems: list[Missing]):
        self.problems = problems = list(dict.fromkeys(problems))
        more = f"（共{len(problems)}处）" if len(problems) > 1 else ""
        super().__init__(f"无法打印：{'、'.join(map(str, problems))}在本机所有字体中都没有{more}；"
                         "请把含这些字的字体放入数据文件夹下的 fonts 文件夹，或改正后再打印")


class GlyphCheck:
    """Collects the characters no font has, as a document is put together."""

    def __init__(self, fonts: FontSet):
        self.fonts = fonts
        self.problems: list[Missing] = []

    def check(self, text: str, owner: str, field: str) -> str:
        if not self.fonts.known.issuperset(text):
            missing = "".join(dict.fromkeys(c for c in text if c not in self.fonts.known and not c.isspace()))
            if missing:
                self.problems.append(Missing(owner, field, missing))
        return text

    def raise_if_missing(self) -> None:
        if self.problems:
            raise MissingGlyphs(self.problems)


def markup(text: str, font: LoadedFont, fonts: FontSet) -> str:
    """Paragraph markup for text in font, with each run font lacks set in the font the check found it in."""
    if font.covers(text):
        return escape(text)
    parts, run, run_font = [], "", font
    for char in text:
        chosen = font if char.isspace() else fonts.font_for(char, font) or font
        if chosen is not run_font and run:
            parts.append(_wrap(run, run_font, font))
            run = ""
        run, run_font = run + char, chosen
    parts.append(_wrap(run, run_font, font))
    return "".join(parts)


def _wrap(text: str, run_font: LoadedFont, font: LoadedFont) -> str:
    return escape(text) if run_font is font else f'<font name="{run_font.name}">{escape(text)}</font>'
