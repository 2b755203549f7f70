"""1,000 入学通知书 saved as one Word file against the same letters as one PDF, in one run: both made by
render() from the same story. Target: Word at most 3 times the PDF (python-docx builds every run's
properties as XML elements one by one; reportlab lays out and writes text streams).

    python bench/bench_word.py [--trainees 1000]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.services.database import open_database  # noqa: E402
from app.services.documents import DocumentRequest, render  # noqa: E402
from app.services.documents.fonts import font_set  # noqa: E402
from bench.common import Figure, table, timed_result  # noqa: E402
from bench.office import office_with_period  # noqa: E402

TARGET = 3.0


def measure(trainees: int = 1000, rounds: int = 2) -> tuple[float, float, int]:
    """Best-of-rounds seconds for the Word file and for the PDF, and the letters made."""
    with tempfile.TemporaryDirectory(prefix="bench-word-") as folder:
        folder = Path(folder)
        period_id = office_with_period(folder / "office.db", trainees)
        db = open_database(folder / "office.db")
        font_set()  # found and registered once, before either clock starts
        request = DocumentRequest("letters", period_id=period_id, issued_on="2020-09-15")
        word = min(timed_result(lambda: render(db, request, folder / "letters.docx")) for _ in range(rounds))
        pdf = min(timed_result(lambda: render(db, request, folder / "letters.pdf")) for _ in range(rounds))
        db.close()
    return word[0], pdf[0], word[1]


def figures(trainees: int = 1000, rounds: int = 2) -> list[Figure]:
    word, pdf, count = measure(trainees, rounds)
    return [Figure(f"{count:,} enrollment letters as Word", word, "s", "the same letters as PDF", pdf,
                   max_ratio=TARGET)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trainees", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=2, help="best of this many runs of each")
    args = parser.parse_args()
    print(table(figures(args.trainees, args.rounds)))


if __name__ == "__main__":
    main()
