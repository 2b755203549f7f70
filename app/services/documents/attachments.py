"""附件 of a 公文 (GB/T 9704 7.3.4 and 8): the 附件说明 one blank line under the body, two characters in
("附件：学员回执表", or "附件：1.…" and "2.…" lined up under it when there are several), and each 附件 on
a page of its own, "附件" or "附件1" in 3号黑体 at the top left, then its own centred title.

attachment_note_lines and attachment_label are plain text, for the PDF here and the Word writer alike.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph, Spacer

from app.services.documents.layout import BODY_SIZE, LINE, OFFICIAL
from app.services.documents.typeset import Typesetter

NOTE_LEAD = "附件："


@dataclass
class Attachment:
    title: str  # 学员回执表
    story: list = field(default_factory=list)  # the flowables under its title (a table)


def attachment_note_lines(titles: list[str]) -> list[str]:
    """The 附件说明 as lines: ["附件：学员回执表"], or ["附件：1.课程表", "2.学员回执表"] (the later lines are
    lined up under the first's number). No closing punctuation."""
    titles = [title.strip().rstrip("。；;，,") for title in titles]
    if len(titles) == 1:
        return [NOTE_LEAD + titles[0]]
    return [(NOTE_LEAD if index == 1 else "") + f"{index}.{title}" for index, title in enumerate(titles, start=1)]


def attachment_label(index: int, count: int) -> str:
    """"附件" for the only one, "附件1", "附件2"… when there are several."""
    return "附件" if count == 1 else f"附件{index}"


def attachment_note(t: Typesetter, titles: list[str]) -> list:
    """The 附件说明 after the body: a blank line, then "附件：" two characters in, the later titles under the first."""
    if not titles:
        return []
    lead = 2 * BODY_SIZE
    style = ParagraphStyle("attachment_note", parent=t.styles.plain, leftIndent=lead + 3 * BODY_SIZE,
                           firstLineIndent=-3 * BODY_SIZE)
    text = "<br/>".join(t.markup(line, style.fontName) for line in attachment_note_lines(titles))
    return [Spacer(0, LINE), Paragraph(text, style)]


def attachment_pages(t: Typesetter, attachments: list[Attachment], width: float = OFFICIAL.width) -> list:
    """Each 附件 from a new page: its label at the top left in 黑体, its title, what it holds."""
    story: list = []
    label_style = ParagraphStyle("attachment_label", parent=t.styles.plain, fontName=t.fonts.font("heading").name)
    for index, attachment in enumerate(attachments, start=1):
        story += [PageBreak(), t.para(attachment_label(index, len(attachments)), label_style), Spacer(0, LINE * 0.5),
                  t.title(attachment.title, t.styles.title, width), *attachment.story]
    return story
