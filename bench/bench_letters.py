"""1,000 入学通知书 for one period against the plain reportlab build a competent developer would write for the
same pages: platypus paragraphs (wordWrap CJK) in the same TrueType fonts, the same text, headings in 黑体, the
issuer and date, a page break between letters and page numbers "— n —". Target: TrainingDesk within 1.3 times it.

Each side runs in a fresh interpreter (the baseline imports nothing of TrainingDesk, so none of its line-breaking
rules or font fallbacks touch it), and only the building is timed, in interleaved rounds: best of each.

    python bench/bench_letters.py [--trainees 1000] [--rounds 3]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import Figure, interleaved, run_python  # noqa: E402

TARGET = 1.3

OURS = """
import time
from app.services.database import open_database
from app.services.documents import DocumentRequest, render
from app.services.documents.fonts import font_set
db = open_database({db!r})
font_set()
request = DocumentRequest("letters", period_id={period}, issued_on="2020-09-15")
start = time.perf_counter()
pages = render(db, request, {target!r})
print(time.perf_counter() - start, pages)
"""

PLAIN = """
import json, time
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate, Paragraph

job = json.load(open({job!r}, encoding="utf-8"))
for role, (path, index) in job["fonts"].items():
    pdfmetrics.registerFont(TTFont(role, path, subfontIndex=index))
line = 225 * mm / 22
title = ParagraphStyle("title", fontName="title", fontSize=22, leading=line * 1.2, alignment=TA_CENTER,
                       spaceAfter=line * 0.8, wordWrap="CJK")
body = ParagraphStyle("body", fontName="body", fontSize=15.75, leading=line, firstLineIndent=31.5,
                      alignment=TA_JUSTIFY, wordWrap="CJK")
plain = ParagraphStyle("plain", parent=body, firstLineIndent=0)

def page_number(canvas, doc):
    canvas.setFont("song", 14)
    y = A4[1] - 37 * mm - 225 * mm - 7 * mm - 14 * 0.8
    if doc.page % 2:
        canvas.drawRightString(28 * mm + 156 * mm - 14, y, f"— {{doc.page}} —")
    else:
        canvas.drawString(28 * mm + 14, y, f"— {{doc.page}} —")

start = time.perf_counter()
story = []
for text in job["texts"]:
    lines = text.splitlines()
    story.append(Paragraph(lines[0], title))
    for text_line in lines[1:]:
        head, dot, rest = text_line.partition("。")
        if text_line[:2] in ("一、", "二、", "三、", "四、", "五、", "六、") and rest:
            text_line = f'<font name="heading">{{head}}{{dot}}</font>{{rest}}'
        story.append(Paragraph(text_line, body))
    story += [Paragraph(job["issuer"], plain), Paragraph("2020年9月15日", plain), PageBreak()]
document = BaseDocTemplate({target!r}, pagesize=A4)
frame = Frame(28 * mm, A4[1] - 37 * mm - 225 * mm, 156 * mm, 225 * mm + 0.01,
              leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
document.addPageTemplates([PageTemplate("page", [frame], onPageEnd=page_number)])
document.build(story[:-1])
print(time.perf_counter() - start, document.page)
"""


def write_job(db_path: Path, period_id: int, job: Path) -> None:
    """The letters' filled-in text and the fonts' files, for the baseline (made before any clock starts)."""
    from app.services.database import open_database
    from app.services.documents.admission import trainee_values
    from app.services.documents.fonts import font_set
    from app.services.documents.letters import period_values
    from app.services.documents.sources import period_info, trainees
    from app.services.documents.templates import ADMISSION, fill
    from app.services.documents.typeset import Typesetter

    db = open_database(db_path)
    t = Typesetter()
    base = period_values(t, period_info(db, period_id))
    texts = [fill(ADMISSION.default, {**base, **trainee_values(t, p)}) for p in trainees(db, period_id)]
    fonts = font_set()
    files = {role: (str(fonts.font(role).path), _index(fonts.font(role))) for role in ("title", "body", "heading", "song")}
    job.write_text(json.dumps({"texts": texts, "fonts": files, "issuer": "中共xx市委组织部"}, ensure_ascii=False),
                   encoding="utf-8")
    db.close()


def _index(font) -> int:
    return int(font.name.rsplit("-", 1)[-1]) if font.name.rsplit("-", 1)[-1].isdigit() else 0


def measure(trainees: int = 1000, rounds: int = 3) -> tuple[float, float, int, int]:
    """Best seconds of TrainingDesk's render() and of the plain build, and their pages."""
    from bench.office import office_with_period

    with tempfile.TemporaryDirectory(prefix="bench-letters-") as folder:
        folder = Path(folder)
        period_id = office_with_period(folder / "office.db", trainees)
        write_job(folder / "office.db", period_id, folder / "job.json")
        pages = {}

        def run(label: str, code: str) -> float:
            _, out = run_python(code)
            seconds, pages[label] = out.split()
            return float(seconds)

        best = interleaved({
            "ours": lambda: run("ours", OURS.format(db=str(folder / "office.db"), period=period_id,
                                                    target=str(folder / "ours.pdf"))),
            "plain": lambda: run("plain", PLAIN.format(job=str(folder / "job.json"), target=str(folder / "plain.pdf"))),
        }, rounds)
    return best["ours"], best["plain"], int(pages["ours"]), int(pages["plain"])


def figures(trainees: int = 1000, rounds: int = 3) -> list[Figure]:
    ours, plain, _, _ = measure(trainees, rounds)
    return [Figure(f"{trainees:,} enrollment letters", ours, "s", "a plain reportlab platypus build of the same pages",
                   plain, max_ratio=TARGET)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trainees", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3, help="best of this many interleaved runs of each")
    args = parser.parse_args()
    ours, plain, our_pages, plain_pages = measure(args.trainees, args.rounds)
    print(f"TrainingDesk {ours:.2f} s, {our_pages} pages; plain platypus {plain:.2f} s, {plain_pages} pages; "
          f"{ours / plain:.2f}× (target ≤ {TARGET}×)")


if __name__ == "__main__":
    main()
