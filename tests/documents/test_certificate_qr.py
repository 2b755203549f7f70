"""结业证书: a verification line with the serial number, and a QR code holding the serial, the name with the ID
number masked, the class and the issuer; the code drawn on the page is checked module by module."""
import dataclasses
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader
from reportlab.graphics.barcode import qrencoder
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.domain.idcard import mask_id
from app.services.documents import DocumentRequest, fonts, render
from app.services.documents.certificates import QR_RIGHT, QR_SIZE, verification_text
from app.services.documents.layout import CERTIFICATE
from app.services.documents.sources import trainees
from app.storage import tables
from app.storage.trainees import Trainee
from tests.documents.conftest import page_texts, period_id
from tests.documents.drawn import drawn

POLITICS_1 = ("加强党的政治建设专题培训班", 1)
CLASS_TITLE = "加强党的政治建设专题培训班第1期"
ISSUER = "中共xx市委组织部"  # the demo's issuing body


def expected_modules(value: str) -> set[tuple[int, int]]:
    """(row, column) of each dark module of value's QR code at error correction M."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(value)
    code.make()
    return {(r, c) for r, row in enumerate(code.modules) for c, dark in enumerate(row) if dark}


def drawn_modules(page) -> set[tuple[int, int]]:
    """The dark modules of the QR code a page draws, read back from its filled rectangles."""
    boxes = []

    def visit(op, args, cm, tm):
        if op == b"re":
            x, y, w, h = (float(a) for a in args)
            a, b, c, d, e, f = cm
            assert b == c == 0, cm
            boxes.append((a * x + e, d * y + f, a * w, d * h))

    page.extract_text(visitor_operand_before=visit)
    size = min(h for _, _, _, h in boxes if h > 0.5)  # one module; the page's rules are thinner
    cells = [box for box in boxes if abs(box[3] - size) < 0.01]
    left, top = min(x for x, _, _, _ in cells), max(y + h for _, y, _, h in cells)
    dark = set()
    for x, y, w, h in cells:
        row, first = round((top - (y + h)) / size), round((x - left) / size)
        dark |= {(row, column) for column in range(first, first + round(w / size))}
    return dark


def test_each_certificate_carries_its_serial_and_a_qr_code_of_it(demo_db, tmp_path):
    period = period_id(demo_db, *POLITICS_1)
    people = {p.name: p for p in trainees(demo_db, period)}
    target = tmp_path / "证书.pdf"
    pages = render(demo_db, DocumentRequest("certificates", period_id=period), target)
    texts = page_texts(target)
    assert pages == len(texts) > 1
    reader = PdfReader(str(target))
    for number, text in enumerate(texts):
        flat = "".join(text.split())
        serial = re.search(r"证书编号：(\d{4}-\d{2}-\d{3})查验：扫描右下角二维码，或凭证书编号向(.+?)核对", flat)
        assert serial and serial.group(2) == ISSUER, flat
        person = people[re.search(r"^结业证书(\S+?)同志：", flat).group(1)]
        value = (f"结业证书编号：{serial.group(1)}\n姓名：{person.name}\n身份证号：{mask_id(person.id_number)}\n"
                 f"培训班次：{CLASS_TITLE}\n颁发单位：{ISSUER}")
        if number < 3:  # reading a code back takes a while: the first pages stand for all
            assert drawn_modules(reader.pages[number]) == expected_modules(value)
        assert person.id_number not in flat


def test_the_qr_code_masks_the_id_number_and_leaves_out_what_is_unknown():
    person = Trainee(1, 1, "张三", "110101199003071234")
    value = verification_text("2020-01-001", person, CLASS_TITLE, ISSUER)
    assert value.splitlines() == ["结业证书编号：2020-01-001", "姓名：张三", "身份证号：110101********1234",
                                  f"培训班次：{CLASS_TITLE}", f"颁发单位：{ISSUER}"]
    assert "199003071234" not in value
    without_id = verification_text("2020-01-002", Trainee(2, 2, "李四", ""), CLASS_TITLE, ISSUER)
    assert "身份证号" not in without_id and "姓名：李四" in without_id


@pytest.mark.skipif(not shutil.which("zbarimg"), reason="needs zbarimg (Debian: zbar-tools) to read the code")
def test_a_phone_would_read_the_code_from_a_print(demo_db, tmp_path):
    period = period_id(demo_db, *POLITICS_1)
    target = tmp_path / "证书.pdf"
    render(demo_db, DocumentRequest("certificates", period_id=period), target)
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", str(target), str(tmp_path / "page")],
                   check=True)
    read = subprocess.run(["zbarimg", "-q", "--raw", str(next(tmp_path.glob("page*.png")))],
                          capture_output=True, check=True).stdout.decode("utf-8")
    serial = re.search(r"证书编号：(\S+)", "".join(page_texts(target)[0].split())).group(1)[:11]
    assert read.startswith(f"结业证书编号：{serial}\n姓名：") and f"培训班次：{CLASS_TITLE}" in read


def test_a_long_verification_line_wraps_before_the_code_and_stays_inside_the_border(demo_db, tmp_path):
    period = period_id(demo_db, *POLITICS_1)
    course = tables.classes(demo_db).get(tables.periods(demo_db).get(period).class_id)
    organisers = "中共某某县委组织部、某某县人力资源和社会保障局、中共某某县委党校（某某县行政学院）"
    tables.classes(demo_db).update(dataclasses.replace(course, organizer=organisers))
    target = tmp_path / "证书.pdf"
    render(demo_db, DocumentRequest("certificates", period_id=period), target)
    first = "".join(page_texts(target)[0].split())
    assert f"或凭证书编号向{organisers}核对" in first
    page = drawn(target)[0]
    font = fonts.bundled_font().name
    qr_left = CERTIFICATE.pagesize[0] - QR_RIGHT - QR_SIZE
    foot = [run for run in page.runs if run.y < CERTIFICATE.bottom]
    assert len(foot) == 2  # the line wrapped once
    for run in foot:
        assert run.x + stringWidth(run.text, font, run.size) < qr_left
        assert run.y - 0.25 * run.size > 16 * mm  # above the inner border
