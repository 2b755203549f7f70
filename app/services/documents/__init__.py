"""Documents as PDF with reportlab, or as editable Word files (no Qt): each kind is made for a whole batch by
`render`, the target's extension (.pdf or .docx) choosing the format.

The window's print centre, its one-click print actions and `python -m app print` all call `render`.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from app.domain.errors import UserError
from app.domain.text import safe_file_name
from app.services.documents import words
from app.services.documents.request import DocumentRequest
from app.services.progress import NO_PROGRESS, Progress
from app.services.safety import audit
from app.storage import tables
from app.storage.classes import names_and_themes
from app.storage.connection import Database

FORMATS = {".pdf": "PDF", ".docx": "Word"}
SCOPE_LABELS = {"period": "期次", "unit": "单位", "plan": "计划", "year": "年度", "person": "人员",
                "lecturer": "授课人"}


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    scopes: tuple[str, ...]  # any one of these is enough
    module: str  # the module of this package whose build() makes it; imported when first used (reportlab)

    @property
    def build(self) -> Callable[[Database, DocumentRequest, Path, Progress], int]:
        return importlib.import_module(f"{__name__}.{self.module}").build


KINDS = {kind.key: kind for kind in (
    Kind("letters", "入学通知书", ("period",), "admission"),
    Kind("unit-letters", "学员选调函", ("period", "unit"), "unit_letters"),
    Kind("plan-notice", "计划通知", ("plan",), "plan_notice"),
    Kind("sign-in", "签到表", ("period",), "sign_in"),
    Kind("roster", "学员名册", ("period",), "roster"),
    Kind("certificates", "结业证书", ("period",), "certificates"),
    Kind("summary", "培训情况汇总", ("period", "year"), "summaries"),
    Kind("hours", "学时证明", ("person",), "hours_certificate"),
    Kind("timetable", "课程表", ("period",), "timetable"),
    Kind("lecture-fees", "讲课费发放表", ("period", "lecturer"), "lecture_fees"),
    Kind("makeup-notice", "补训通知", ("unit", "year"), "makeup_notice"),
    Kind("funds", "经费结算表", ("period",), "funds_settlement"),
    Kind("funds-summary", "专项经费汇总表", ("year",), "funds_summary"),
    Kind("evaluation-form", "评估问卷", ("period",), "evaluation_form"),
    Kind("evaluation-report", "评估报告", ("period",), "evaluation_report"),
    Kind("survey-report", "需求调研汇总", ("year",), "survey_report"),
    Kind("record", "培训档案", ("person",), "training_record"),
)}


def _scope_value(request: DocumentRequest, scope: str):
    return getattr(request, f"{scope}_id" if scope != "year" else "year")


def render(db: Database, request: DocumentRequest, target: str | Path, progress: Progress = NO_PROGRESS) -> int:
    """Makes the requested document as one PDF at target, or one Word file when target ends in .docx; returns
    its number of pages (for Word: of letters or sheets, as Word lays out the pages itself).

    Raises UserError (in Chinese) when it cannot: a missing scope, no trainees, a blank the template
    needs, or (for a PDF) a character no font has (MissingGlyphs), and then writes nothing.
    """
    kind = KINDS.get(request.kind)
    if kind is None:
        raise UserError(f"未知的文书种类“{request.kind}”")
    if not any(_scope_value(request, scope) is not None for scope in kind.scopes):
        raise UserError(f"打印{kind.label}需要指定" + "或".join(SCOPE_LABELS[s] for s in kind.scopes))
    words.add_words(names_and_themes(db))  # titles break between the office's words, never inside them
    return kind.build(db, request, Path(target), progress)


def record_output(db: Database, request: DocumentRequest, pages: int, how: str, word: bool = False) -> None:
    """Notes a document that left the program (printed or saved; previews are not) in the audit log;
    word: saved as a Word file, whose count is of letters or sheets."""
    kind = KINDS[request.kind]
    scope = "，".join(f"{SCOPE_LABELS[s]}{_scope_value(request, s)}" for s in kind.scopes
                     if _scope_value(request, s) is not None)
    record_made(db, request.kind, f"{kind.label}（{scope}）", pages, how, word)


def record_made(db: Database, entity: str, what: str, pages: int, how: str, word: bool = False) -> None:
    """The audit log's line for any document printed (how="打印") or saved ("保存"): the calendar's month too."""
    if not audit.can_record(db):
        return  # opened read-only: the log cannot be written, and these documents mask ID numbers anyway
    audit.record(db, f"{how}文书", entity, None, f"{what}：Word {pages}份" if word else f"{what}：{pages}页")


def file_name(db: Database, request: DocumentRequest, suffix: str = ".pdf") -> str:
    """The name a saved copy is offered under: 加强党的政治建设专题培训班第1期入学通知书（城关镇）.pdf."""
    label = KINDS[request.kind].label
    if request.plan_id is not None:
        name = tables.plans(db).get(request.plan_id).title
    elif request.lecturer_id is not None:
        name = f"{tables.lecturers(db).get(request.lecturer_id).name}{request.year}年{label}"
    elif request.person_id is not None:
        year = f"{request.year}年" if request.year is not None else ""
        name = f"{tables.people(db).get(request.person_id).name}{year}{label}"
    elif request.period_id is not None:
        period = tables.periods(db).get(request.period_id)
        unit = f"（{tables.units(db).get(request.unit_id).name}）" if request.unit_id else ""
        name = f"{tables.classes(db).get(period.class_id).name}第{period.number}期{label}{unit}"
    else:
        name = f"{request.year}年{label}"
    return safe_file_name(name) + suffix


__all__ = ["FORMATS", "DocumentRequest", "KINDS", "Kind", "file_name", "record_made", "record_output", "render"]
