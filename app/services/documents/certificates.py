"""结业证书: one landscape page per trainee who completed the period, each with its serial number, a line
saying how to verify it, and a QR code holding the serial, the name (ID number masked), the class and the
issuer, so a reader can check a certificate against the office's list."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from app.domain.idcard import mask_id
from app.domain.status import EnrollmentStatus
from app.services.documents.layout import CERTIFICATE, Styles
from app.services.documents.letters import checked_template, letter_story, period_values, require, signed
from app.services.documents.pdf import DocumentStart, build_pdf
from app.services.documents.request import DocumentRequest
from app.services.documents.seal import seal_image
from app.services.documents.serials import certificate_serials
from app.services.documents.sources import Trainee, requested_trainees
from app.services.documents.templates import CERTIFICATE as TEMPLATE
from app.services.documents.templates import fill, template_text
from app.services.documents.typeset import Typesetter
from app.services.progress import NO_PROGRESS, Progress
from app.storage.connection import Database

COMPLETED = (EnrollmentStatus.COMPLETED,)
_RED = colors.Color(0.72, 0.1, 0.1)
QR_SIZE = 26 * mm  # modules of 0.4–0.5 mm for the usual 150–200 bytes: a phone reads them from a print
QR_RIGHT, QR_BOTTOM = 19 * mm, 19 * mm  # from the page's right and bottom edges, inside the inner border
NOTE_SIZE = 11
LINE_GAP = 6 * mm  # between the verification line and the code


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


def verification_text(serial: str, trainee: Trainee, class_title: str, issuer: str) -> str:
    """What the QR code holds: enough to find the certificate in the office's list, the ID number masked."""
    lines = [f"结业证书编号：{serial}", f"姓名：{trainee.name}"]
    if trainee.id_number:
        lines.append(f"身份证号：{mask_id(trainee.id_number)}")
    return "\n".join([*lines, f"培训班次：{class_title}", f"颁发单位：{issuer}"])


def verification_line(serial: str, issuer: str) -> str:
    return f"证书编号：{serial}　查验：扫描右下角二维码，或凭证书编号向{issuer}核对"


def qr_drawing(value: str, size: float = QR_SIZE) -> Drawing:
    """The QR code of value (error correction M, a quiet zone of two modules), size points square."""
    widget = QrCodeWidget(value, barLevel="M", barBorder=2)
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (right - left), 0, 0, size / (top - bottom), 0, 0])
    drawing.add(widget)
    return drawing


class CertificateFoot(Flowable):
    """The verification line at the foot of the certificate and the QR code in its bottom right corner:
    drawn where they belong on the page, wherever in the story this flowable stands; it takes no room."""

    def __init__(self, line: Paragraph, qr_value: str):
        super().__init__()
        self.line, self.qr_value, self.origin = line, qr_value, (0.0, 0.0)

    def wrap(self, available_width, available_height):
        return 0, 0

    def drawOn(self, canvas, x, y, _sW=0):
        self.origin = (x, y)
        super().drawOn(canvas, x, y, _sW)

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        canvas.translate(-self.origin[0], -self.origin[1])  # page coordinates from here on
        qr_left = CERTIFICATE.pagesize[0] - QR_RIGHT - QR_SIZE
        # The line hangs from just under the type area, and wraps before it reaches the code.
        _, height = self.line.wrap(qr_left - LINE_GAP - CERTIFICATE.left, CERTIFICATE.bottom)
        self.line.drawOn(canvas, CERTIFICATE.left, CERTIFICATE.bottom - NOTE_SIZE * 0.6 - height)
        renderPDF.draw(qr_drawing(self.qr_value), canvas, qr_left, QR_BOTTOM)
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
    note = _restyled(t.styles.plain, fontSize=NOTE_SIZE, leading=NOTE_SIZE * 1.4)
    story: list = []
    for index, trainee in enumerate(people):
        serial = serials[trainee.enrollment_id]
        values = {**base, "姓名": t.check(trainee.name, trainee.owner, "姓名"),
                  "单位": t.check(trainee.unit_name, trainee.owner, "工作单位"), "证书编号": serial}
        lines = letter_story(t, fill(template, values), styles=styles, width=CERTIFICATE.width)
        foot = CertificateFoot(t.para(verification_line(serial, issuer), note),
                               verification_text(serial, trainee, info.title, issuer))
        story += [DocumentStart(index), foot, Spacer(0, 8 * mm),
                  *signed(t, lines, issuer, info.period.end_date, seal, styles.plain, CERTIFICATE.width), PageBreak()]
    return build_pdf(target, story[:-1], t, CERTIFICATE, f"{info.title}结业证书", len(people),
                     numbered=False, progress=progress, decorate=draw_border)
