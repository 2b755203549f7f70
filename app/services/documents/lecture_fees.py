"""讲课费发放表: a period's lecture fees (each session, its lecturer, title, 学时, rate, amount) or one lecturer's
year, with the total in figures and in capitals and lines for signatures. The form circulates: phones masked."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm

from app.domain.errors import UserError
from app.domain.money import upper, yuan
from app.domain.phone import mask_phone
from app.services.documents.formats import amount, cn_range
from app.services.documents.layout import FORM_LANDSCAPE
from app.services.documents.pdf import DocumentStart, build_pdf
from app.services.documents.preferences import letter_settings
from app.services.documents.request import DocumentRequest
from app.services.documents.typeset import Typesetter
from app.services.progress import NO_PROGRESS, Progress
from app.services.teaching import fees
from app.storage import tables
from app.storage.connection import Database

PERIOD_COLUMNS = (("序号", 10), ("日期", 22), ("时段", 12), ("课程内容", 0), ("授课人", 18), ("职称", 20),
                  ("联系电话", 27), ("学时", 12), ("标准（元/学时）", 19), ("金额（元）", 22), ("领款人签字", 22),
                  ("备注", 32))
LECTURER_COLUMNS = (("序号", 11), ("日期", 22), ("时段", 13), ("期次", 52), ("课程内容", 0), ("学时", 13),
                    ("标准（元/学时）", 20), ("金额（元）", 23), ("备注", 30))


def widths(columns) -> list[float]:
    fixed = sum(width for _, width in columns)
    return [(FORM_LANDSCAPE.width / mm - fixed if width == 0 else width) * mm for _, width in columns]


def period_rows(t: Typesetter, sheet: fees.FeeSheet, phones: dict[int, str]) -> list[list[str]]:
    return [[str(n), line.session.day, line.session.half, t.check(line.session.topic, line.lecturer, "课程内容"),
             t.check(line.lecturer, line.lecturer, "授课人"), line.title, mask_phone(phones.get(line.session.lecturer_id, "")),
             amount(line.paid_hours), f"{line.rate:g}", yuan(line.amount), "", line.note]
            for n, line in enumerate(sheet.lines, start=1)]


def lecturer_rows(t: Typesetter, sheet: fees.FeeSheet) -> list[list[str]]:
    return [[str(n), line.session.day, line.session.half, t.check(line.period_label, line.period_label, "期次"),
             t.check(line.session.topic, line.period_label, "课程内容"), amount(line.paid_hours), f"{line.rate:g}",
             yuan(line.amount), line.note]
            for n, line in enumerate(sheet.lines, start=1)]


def total_row(columns, sheet: fees.FeeSheet) -> list[str]:
    row = [""] * len(columns)
    row[0] = "合计"
    headers = [name for name, _ in columns]
    row[headers.index("学时")] = amount(sheet.total_hours)
    row[headers.index("金额（元）")] = yuan(sheet.total_amount)
    return row


def _period(db: Database, request: DocumentRequest, t: Typesetter) -> tuple[fees.FeeSheet, list, str]:
    sheet = fees.period_sheet(db, request.period_id)
    period = tables.periods(db).get(request.period_id)
    phones = {lecturer.id: lecturer.phone for lecturer in tables.lecturers(db).all()}
    subtitle = f"培训时间：{cn_range(period.start_date, period.end_date)}"
    return sheet, [*period_rows(t, sheet, phones), total_row(PERIOD_COLUMNS, sheet)], subtitle


def _lecturer(db: Database, request: DocumentRequest, t: Typesetter) -> tuple[fees.FeeSheet, list, str]:
    if request.year is None:
        raise UserError("授课人的讲课费发放表需要指定年度")
    lecturer = tables.lecturers(db).get(request.lecturer_id)
    sheet = fees.lecturer_sheet(db, lecturer.id, request.year)
    parts = [lecturer.unit, lecturer.post, lecturer.title, f"联系电话 {mask_phone(lecturer.phone)}" if lecturer.phone else ""]
    subtitle = t.check(f"授课人：{lecturer.name}（{'，'.join(p for p in parts if p)}）", lecturer.name, "授课人")
    return sheet, [*lecturer_rows(t, sheet), total_row(LECTURER_COLUMNS, sheet)], subtitle


def build(db: Database, request: DocumentRequest, target: Path, progress: Progress = NO_PROGRESS) -> int:
    t = Typesetter()
    by_period = request.period_id is not None
    sheet, body, subtitle = (_period if by_period else _lecturer)(db, request, t)
    if not sheet.lines:
        raise UserError(f"{sheet.title.removesuffix('讲课费发放表')}没有安排授课人的课程，无讲课费可发放")
    columns = PERIOD_COLUMNS if by_period else LECTURER_COLUMNS
    numeric = {"序号", "日期", "时段", "学时", "标准（元/学时）", "金额（元）", "职称", "联系电话"}
    table = t.table([name for name, _ in columns], body, widths(columns), total_row=True,
                    centered=tuple(i for i, (name, _) in enumerate(columns) if name in numeric))
    office = letter_settings(db).office_name
    styles = t.styles
    story = [DocumentStart(0), t.title(t.check(sheet.title, sheet.title, "标题"), styles.form_title, FORM_LANDSCAPE.width),
             t.para(subtitle + f"　　发放单位：{t.check(office, '发文机关', '名称')}" if office else subtitle, styles.subtitle),
             table,
             t.para(f"合计金额（大写）：人民币{upper(sheet.total_amount)}　　（小写）￥{yuan(sheet.total_amount)}",
                    styles.subtitle),
             t.para("注：讲课费按授课人职称和学时计发，每半天最多按"
                    f"{fees.fee_rules(db).half_day_cap:g}学时计算；标准为税后金额。", styles.subtitle),
             t.para("经办人：＿＿＿＿＿＿　　审核人：＿＿＿＿＿＿　　负责人：＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日",
                    styles.subtitle)]
    return build_pdf(target, story, t, FORM_LANDSCAPE, sheet.title, progress=progress)
