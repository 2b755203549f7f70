"""1,000 入学通知书 for one period against reportlab alone laying out the same 1,000 pages with the same
text and fonts, in one run. Target: TrainingDesk at most 1.5 times reportlab alone.

    python bench/bench_letters.py [--trainees 1000]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate, Paragraph

from app.services.database import open_database
from app.services.documents import DocumentRequest, render
from app.services.documents.admission import trainee_values
from app.services.documents.fonts import font_set
from app.services.documents.layout import OFFICIAL, draw_page_number
from app.services.documents.letters import period_values
from app.services.documents.sources import period_info, trainees
from app.services.documents.templates import ADMISSION, fill
from app.services.documents.typeset import Typesetter
from bench.common import Figure, table  # noqa: E402
from bench.office import office_with_period  # noqa: E402

TARGET = 1.5


def letter_texts(db, period_id: int) -> list[str]:
    """The letters' filled-in text, made before the clock starts: the baseline only lays it out."""
    t = Typesetter()
    base = period_values(t, period_info(db, period_id))
    return [fill(ADMISSION.default, {**base, **trainee_values(t, p)}) for p in trainees(db, period_id)]


def reportlab_alone(texts: list[str], target: Path) -> int:
    """Plain reportlab: the same fonts and styles (headings 一、…。 in 黑体), one paragraph per line,
    issuer and date, page numbers; no data, templates, font checks or keeping the signature with the text."""
    fonts = font_set()
    styles = Typesetter(fonts).styles
    page_font, heading_font = fonts.font("song").name, fonts.font("heading").name
    story = []
    for text in texts:
        lines = text.splitlines()
        story.append(Paragraph(lines[0], styles.title))
        for line in lines[1:]:
            head, dot, rest = line.partition("。")
            if line[:2] in ("一、", "二、", "三、", "四、", "五、", "六、") and rest:
                line = f'<font name="{heading_font}">{head}{dot}</font>{rest}'
            story.append(Paragraph(line, styles.body))
        story += [Paragraph("中共xx市委组织部", styles.plain), Paragraph("2020年9月15日", styles.plain), PageBreak()]
    document = BaseDocTemplate(str(target), pagesize=OFFICIAL.pagesize, initialFontName=fonts.font("body").name)
    frame = Frame(OFFICIAL.left, OFFICIAL.bottom, OFFICIAL.width, OFFICIAL.height + 0.01,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    document.addPageTemplates([PageTemplate("page", [frame], onPageEnd=lambda canvas, doc: draw_page_number(
        canvas, OFFICIAL, page_font, 1))])
    document.build(story[:-1])
    return document.page


def timed(work) -> tuple[float, int]:
    start = time.perf_counter()
    pages = work()
    return time.perf_counter() - start, pages


def measure(trainees: int = 1000, rounds: int = 2) -> tuple[float, float, int]:
    """Best-of-rounds seconds for TrainingDesk's render() and for reportlab alone, and the letters made."""
    with tempfile.TemporaryDirectory(prefix="bench-letters-") as folder:
        folder = Path(folder)
        period_id = office_with_period(folder / "office.db", trainees)
        db = open_database(folder / "office.db")
        font_set()  # found and registered once, before either clock starts
        texts = letter_texts(db, period_id)
        request = DocumentRequest("letters", period_id=period_id, issued_on="2020-09-15")
        ours = min(timed(lambda: render(db, request, folder / "ours.pdf")) for _ in range(rounds))
        alone = min(timed(lambda: reportlab_alone(texts, folder / "alone.pdf")) for _ in range(rounds))
        db.close()
    return ours[0], alone[0], len(texts)


def figures(trainees: int = 1000, rounds: int = 2) -> list[Figure]:
    ours, alone, count = measure(trainees, rounds)
    return [Figure(f"{count:,} enrollment letters", ours, "s", "reportlab alone, same pages", alone, max_ratio=TARGET)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trainees", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=2, help="best of this many runs of each")
    args = parser.parse_args()
    print(table(figures(args.trainees, args.rounds)))


if __name__ == "__main__":
    main()
