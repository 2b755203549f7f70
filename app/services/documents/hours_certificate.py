"""学时证明: a person's training hours for a year, from closed periods and other records, with the
requirement they are measured against; an official letter with the issuing body, date and seal."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm

from app.domain.errors import UserError
from app.domain.idcard import mask_id
from app.services.documents.formats import amount, cn_date, cn_range
from app.services.documents.layout import OFFICIAL
from app.services.documents.letters import letter_story, signed
from app.services.documents.pdf import DocumentStart, build_pdf
from app.services.documents.preferences import letter_settings
from app.services.documents.request import DocumentRequest
from app.services.documents.seal import seal_image
from app.services.documents.sources import issue_date
from app.services.documents.typeset import Typesetter
from app.services.hours import ledger
from app.services.progress import NO_PROGRESS, Progress
from app.storage import hours as hours_store
from app.storage import tables
from app.storage.connection import Database

CLASS_COLUMNS = (("班次", 0), ("培训时间", 44), ("结果", 16), ("学时", 16))
OTHER_COLUMNS = (("来源", 0), ("类别", 24), ("日期", 34), ("学时", 16))  # 2020年12月15日 on one line


def _table(t: Typesetter, columns, body: list[list[str]], owner: str):
    fixed = sum(width for _, width in columns)
    widths = [(OFFICIAL.width / mm - fixed if width == 0 else width) * mm for _, width in columns]
    checked = [[t.check(cell, owner, columns[i][0]) for i, cell in enumerate(row)] for row in body]
    return t.table([name for name, _ in columns], checked, widths, centered=tuple(range(1, len(columns))))


def build(db: Database, request: DocumentRequest, target: Path, progress: Progress = NO_PROGRESS) -> int:
    if request.year is None:
        raise UserError("学时证明需要指定年度")
    person = tables.people(db).get(request.person_id)
    entry = ledger.person_hours(db, person.id, request.year)
    issuer = letter_settings(db).office_name
    if not issuer:
        raise UserError("请先在“文书设置”中填写发文机关，再打印学时证明")
    t = Typesetter()
    owner = f"人员“{person.name}”"
    name, unit = t.check(person.name, owner, "姓名"), t.check(entry.unit_name, owner, "工作单位")
    classes = [[f"{r['name']}第{r['number']}期", cn_range(r["start_date"], r["end_date"]), r["status"], amount(r["hours"])]
               for r in hours_store.closed_periods_of(db, person.id, request.year)]
    others = [[r.source or "—", r.kind, _date(r.date), amount(r.hours)]
              for r in ledger.records_of(db, person.id) if r.year == request.year]
    lines = [f"{request.year}年度学时证明",
             f"兹证明{name}同志（身份证号码{mask_id(person.id_number)}），{unit}{t.check(person.post, owner, '职务')}，"
             f"{request.year}年度参加干部教育培训情况如下：",
             "一、参加组织调训的班次", "[班次]", "二、其他培训学时", "[其他]",
             "三、学时合计",
             f"本年度合计{amount(entry.total)}学时（其中网络学习{amount(entry.online)}学时）。按{entry.level}干部的要求"
             + (f"（近五年累计{amount(entry.window_hours)}学时，应不少于{amount(entry.required)}学时）"
                if entry.level == "县处级以上" else f"（每年应不少于{amount(entry.required)}学时）")
             + f"，{_verdict(entry)}。",
             "特此证明。"]
    blocks = {"[班次]": [_table(t, CLASS_COLUMNS, classes, owner)] if classes else [t.para("本年度无。", t.styles.body)],
              "[其他]": [_table(t, OTHER_COLUMNS, others, owner)] if others else [t.para("本年度无。", t.styles.body)]}
    story = [DocumentStart(0), *signed(t, letter_story(t, "\n".join(lines), blocks), t.check(issuer, "发文机关", "名称"),
                                       issue_date(request.issued_on), seal_image(db))]
    return build_pdf(target, story, t, OFFICIAL, f"{person.name}{request.year}年度学时证明", progress=progress)


def _date(value: str | None) -> str:
    """2020年9月15日, as every date of the documents reads; a date typed some other way as it was typed."""
    if not value:
        return "—"
    try:
        return cn_date(value)
    except ValueError:
        return value


def _verdict(entry: ledger.PersonHours) -> str:
    if entry.status == "达标":
        return "已达到规定要求"
    if entry.status == "提任未满一年":
        return f"尚差{amount(entry.shortfall)}学时（提任未满一年，仍在补足期内）"
    parts = [f"尚差{amount(entry.shortfall)}学时"] if entry.shortfall else []
    if entry.online_shortfall:
        parts.append(f"网络学习尚差{amount(entry.online_shortfall)}学时")
    return "，".join(parts)
