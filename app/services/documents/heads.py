"""The parts of a 公文 around its body, as the office sets them per document kind in 文书设置:
the 版头 (红头文件 with the 发文机关标志 and 发文字号, 信函格式, or none) and the 版记 (抄送, 印发机关, 印发日期).

The PDF and Word writers both read them from here; neither stores anything of its own.
"""
from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import ValidationError
from app.services import settings
from app.services.safety import audit
from app.storage.connection import Database

RED_HEAD, LETTER_HEAD, NO_HEAD = "红头文件", "信函格式", "无版头"
HEAD_STYLES = (RED_HEAD, LETTER_HEAD, NO_HEAD)
# The plan notice goes out as a 红头文件, letters to units as 信函; forms and lists carry no 版头.
DEFAULT_HEADS = {"plan-notice": RED_HEAD, "unit-letters": LETTER_HEAD}
# The kinds of 公文 (on the official page) that can carry a 版头 and 版记, as 文书设置 offers them.
HEAD_KINDS = ("plan-notice", "unit-letters", "letters", "makeup-notice")


@dataclass(frozen=True)
class HeadSettings:
    """What the office set for one kind of document."""
    style: str  # one of HEAD_STYLES
    organ_mark: str  # 发文机关标志: "中共××县委组织部文件" for a 红头文件, the organ's name for a 信函;
    # saved blank, each document carries its own 发文机关's (head_settings fills it in)
    copy_to: str  # 抄送, "" for none
    printer: str  # 印发机关, "" for no 版记


@dataclass(frozen=True)
class Masthead:
    style: str  # RED_HEAD or LETTER_HEAD
    organ_mark: str
    doc_number: str  # 发文字号 such as 〔2020〕3号 with its organ prefix (县委组通〔2020〕3号), "" when none


@dataclass(frozen=True)
class Imprint:
    copy_to: str
    printer: str
    printed_on: str  # ISO date; the writers print it as 2020年9月15日印发


def _key(kind: str, part: str) -> str:
    return f"document_head:{kind}:{part}"


def default_mark(style: str, organ: str) -> str:
    """The 发文机关标志 of an organ in a style: "中共××县委组织部文件" for a 红头文件, the name for a 信函."""
    return {RED_HEAD: f"{organ}文件", LETTER_HEAD: organ}.get(style, "") if organ else ""


def head_settings(db: Database, kind: str, issuer: str = "") -> HeadSettings:
    """What the office set for the kind; where it set no 发文机关标志, the issuer's (the office's when none)."""
    style = settings.get(db, _key(kind, "style"), DEFAULT_HEADS.get(kind, NO_HEAD))
    organ = issuer or settings.get(db, "office_name") or ""
    return HeadSettings(
        style=style,
        organ_mark=settings.get(db, _key(kind, "organ_mark"), "") or default_mark(style, organ),
        copy_to=settings.get(db, _key(kind, "copy_to"), ""),
        printer=settings.get(db, _key(kind, "printer"), ""),
    )


def stored_head_settings(db: Database, kind: str) -> HeadSettings:
    """What 文书设置 shows: as head_settings, but the 发文机关标志 blank when the office set none."""
    chosen = head_settings(db, kind)
    return HeadSettings(chosen.style, settings.get(db, _key(kind, "organ_mark"), ""), chosen.copy_to, chosen.printer)


def head_settings_errors(values: HeadSettings) -> dict[str, str]:
    errors = {}
    if values.style not in HEAD_STYLES:
        errors["style"] = "版头应为" + "、".join(HEAD_STYLES) + "之一"
    elif len(values.organ_mark.strip()) > 24:
        errors["organ_mark"] = "发文机关标志不能超过24个字"
    if len(values.printer.strip()) > 30:
        errors["printer"] = "印发机关不能超过30个字"
    elif values.copy_to.strip() and not values.printer.strip():
        errors["printer"] = "填写了抄送机关时，请同时填写印发机关（版记印在抄送之下）"
    if len(values.copy_to) > 200:
        errors["copy_to"] = "抄送机关不能超过200个字"
    return errors


def save_head_settings(db: Database, kind: str, values: HeadSettings) -> None:
    if errors := head_settings_errors(values):
        raise ValidationError(errors)
    with db.atomic():
        for part in ("style", "organ_mark", "copy_to", "printer"):
            settings.put(db, _key(kind, part), getattr(values, part).strip())
        audit.record(db, "修改文书版头版记设置", detail=f"{kind}：{values.style}")


def masthead(db: Database, kind: str, doc_number: str = "", issuer: str = "") -> Masthead | None:
    """The 版头 a document of this kind carries, or None for 无版头; issuer: the document's 发文机关, whose
    mark it carries unless the office set one for the kind."""
    chosen = head_settings(db, kind, issuer)
    if chosen.style == NO_HEAD or not chosen.organ_mark:
        return None
    return Masthead(chosen.style, chosen.organ_mark, doc_number)


def imprint(db: Database, kind: str, printed_on: str) -> Imprint | None:
    """The 版记 at the foot of the last page, or None when the office set no 印发机关 for this kind."""
    chosen = head_settings(db, kind)
    if not chosen.printer:
        return None
    return Imprint(chosen.copy_to, chosen.printer, printed_on)
