"""结业证书: one landscape page per trainee who completed the period, each with its serial number."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer
from sqlite_utils import Database

from app.domain.status import EnrollmentStatus
from app.services.documents.layout import CERTIFICATE, Styles
from app.services.documents.letters import checked_template, letter_story, period_values, require, signed
from app.services.documents.pdf import DocumentStart, build_pdf
from app.services.documents.request import DocumentRequest
from app.services.documents.seal import seal_image
from app.services.documents.serials import certificate_serials
from app.services.documents.sources import requested_trainees
from app.services.documents.templates import CERTIFICATE as TEMPLATE
from app.services.documents.templates import fill, template_text
from app.services.documents.typeset import Typesetter
from app.services.progress import NO_PROGRESS, Progress

COMPLETED = (EnrollmentStatus.COMPLETED,)
_RED = colors.Color(0.72, 0.1, 0.1)


def certificate_styles(styles: Styles) -> Styles:
    """The letter styles, larger: a certificate is read at arm's length."""
    def larger(style, size, leading, **extra):
        return _restyled(style, fontSize=size, leading=leading, **extra)
    return replace(styles, title=larger(styles.title, 40, 60, spaceAfter=12, textColor=_RED),
                   addressee=larger(styles.addressee, 22, 44), body=larger(styles.body, 22, 44, firstLineIndent=44),
                   plain=larger(styles.plain, 18, 30))


def _restyled(style, **changes):
    copy = style.clone(style.name + "-certificate")
    for key, value in changes.items():
        setattr(copy, key, value)
    return copy


def draw_border(canvas, geometry) -> None:
    width, height = geometry.pagesize
    canvas.saveState()
    canvas.setStrokeColor(_RED)
    canvas.setLineWidth(3)
    canvas.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    canvas.setLineWidth(0.8)
    canvas.rect(16 * mm, 16 * mm, width - 32 * mm, height - 32 * mm)
    canvas.restoreState()


def build(db: Database, request: DocumentRequest, target: Path, progress: Progress = NO_PROGRESS) -> int:
    info, people = requested_trainees(db, request, "结业证书", COMPLETED, none="没有已结业的学员")
    t = Typesetter()
    styles = certificate_styles(t.styles)
    template = checked_template(t, TEMPLATE, template_text(db, TEMPLATE))
    base = period_values(t, info)
    require(template, base, info.title)
    year = date.fromisoformat(info.period.end_date).year
    serials = certificate_serials(db, info.period.id, year, [p.enrollment_id for p in people])
    issuer, seal = base["主办单位"], seal_image(db)
    story: list = []
    for index, trainee in enumerate(people):
        values = {**base, "姓名": t.check(trainee.name, trainee.owner, "姓名"),
                  "单位": t.check(trainee.unit_name, trainee.owner, "工作单位"),
                  "证书编号": serials[trainee.enrollment_id]}
        lines = letter_story(t, fill(template, values), styles=styles, width=CERTIFICATE.width)
        story += [DocumentStart(index, f"证书编号：{values['证书编号']}"), Spacer(0, 8 * mm),
                  *signed(t, lines, issuer, info.period.end_date, seal, styles.plain, CERTIFICATE.width), PageBreak()]
    return build_pdf(target, story[:-1], t, CERTIFICATE, f"{info.title}结业证书", len(people),
                     numbered=False, progress=progress, decorate=draw_border)
