"""培训档案 (一人一档): one cadre's training year by year — each period with its status, 学时, 班委, 结业考核,
党性分析 and 研究报告, make-up training, and the year's hours in class, online and elsewhere — on portrait A4
forms. The ID number is masked; the office's name and the date it was made close it."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm

from app.domain.idcard import mask_id
from app.services.documents.formats import amount
from app.services.documents.layout import FORM
from app.services.documents.pdf import DocumentStart, build_pdf
from app.services.documents.preferences import letter_settings
from app.services.documents.request import DocumentRequest
from app.services.documents.sources import issue_date
from app.services.documents.typeset import Typesetter
from app.services.progress import NO_PROGRESS, Progress
from app.services.training_record import RecordLine, RecordYear, TrainingRecord, training_record
from app.storage.connection import Database

CLASS_COLUMNS = (("班次期次", 30), ("培训时间", 27), ("状态", 15), ("学时", 10), ("班委", 18), ("结业考核", 22),
                 ("党性分析", 11), ("研究报告 / 补训", 0))
OTHER_COLUMNS = (("来源", 0), ("类别", 26), ("日期", 28), ("学时", 16))


def _widths(columns) -> list[float]:
    fixed = sum(width for _, width in columns)
    stretch = sum(1 for _, width in columns if width == 0)
    return [(width or (FORM.width / mm - fixed) / stretch) * mm for _, width in columns]


def _day(iso: str) -> str:
    return f"{int(iso[5:7])}.{int(iso[8:10])}"


def _dates(line: RecordLine) -> str:
    """5.10—5.24 (the year is the section's; a period over the new year keeps it whole)."""
    if line.start_date[:4] != line.end_date[:4]:
        return f"{line.start_date[:4]}.{_day(line.start_date)}—{line.end_date[:4]}.{_day(line.end_date)}"
    return f"{_day(line.start_date)}—{_day(line.end_date)}"


def _class_row(t: Typesetter, line: RecordLine, owner: str) -> list[str]:
    assessment = line.assessment + (f"（结业理由：{line.completion_reason}）" if line.completion_reason else "")
    notes = "；".join(part for part in (f"《{line.report_title}》" if line.report_title else "", line.makeup) if part)
    return [t.check(line.title, owner, "班次"), _dates(line), line.status,
            amount(line.credited) if line.credited else "—", t.check(line.role, owner, "班委") or "—",
            t.check(assessment, owner, "结业考核") or "—", "已交" if line.party_analysis else "—",
            t.check(notes, owner, "研究报告") or "—"]


def _year(t: Typesetter, year: RecordYear, owner: str) -> list:
    s = t.styles
    story = [t.para(f"{year.year}年度　合计{amount(year.total)}学时（参加班次{amount(year.class_hours)}，"
                    f"网络学习{amount(year.online_hours)}，其他{amount(year.other_hours)}）", s.form_heading)]
    if year.lines:
        story.append(t.table([c for c, _ in CLASS_COLUMNS], [_class_row(t, line, owner) for line in year.lines],
                             _widths(CLASS_COLUMNS), centered=(1, 2, 3, 6)))
    if year.records:
        rows = [[t.check(r.source or "—", owner, "来源"), r.kind, r.date or "—", amount(r.hours)] for r in year.records]
        story.append(t.table([c for c, _ in OTHER_COLUMNS], rows, _widths(OTHER_COLUMNS), centered=(1, 2, 3)))
    return story


def _facts(record: TrainingRecord) -> list[str]:
    """Who the record is of, in short lines (about 40 characters fit one): the person, the ID, the post."""
    p = record.person
    lines = ([f"姓名：{p.name}", f"性别：{p.gender}" if p.gender else "", f"民族：{p.ethnicity}" if p.ethnicity else "",
              f"出生年月：{p.birth_date[:7].replace('-', '.')}" if p.birth_date else ""],
             [f"身份证号码：{mask_id(p.id_number)}", f"干部类别：{p.cadre_category}" if p.cadre_category else ""],
             [f"工作单位：{record.unit_name}" if record.unit_name else "", f"职务：{p.post}" if p.post else "",
              f"职级：{p.rank}" if p.rank else ""])
    return ["　".join(part for part in line if part) for line in lines if any(line)]


def build(db: Database, request: DocumentRequest, target: Path, progress: Progress = NO_PROGRESS) -> int:
    record = training_record(db, request.person_id)
    person = record.person
    t = Typesetter()
    s = t.styles
    owner = f"人员“{person.name}”"
    facts = [t.check(line, owner, "基本情况") for line in _facts(record)]
    years = [y.year for y in record.years]
    span = f"{min(years)}—{max(years)}年" if years else "尚无培训记录"
    summary = (f"参加班次{len(record.lines)}期次，其中结业{sum(1 for x in record.lines if x.status == '结业')}期次；"
               f"累计{amount(record.total)}学时（{span}）。")
    story = [DocumentStart(0), t.title("干部教育培训档案", s.form_title, FORM.width),
             *(t.para(line, s.subtitle) for line in facts), t.para(summary, s.subtitle)]
    for year in record.years:
        story += _year(t, year, owner)
    if not record.years:
        story.append(t.para("暂无参训和学时记录。", s.body))
    office = letter_settings(db).office_name
    made = issue_date(request.issued_on)
    story.append(t.para(f"{t.check(office, '发文机关', '名称') + '　' if office else ''}{made[:4]}年{int(made[5:7])}月"
                        f"{int(made[8:10])}日制表", s.subtitle))
    return build_pdf(target, story, t, FORM, f"{person.name}培训档案", progress=progress)
