"""What a PDF page draws, read back with pypdf: its text runs with their positions, and its ruled lines."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from pypdf import PdfReader


@dataclasses.dataclass
class Run:
    text: str
    x: float
    y: float  # baseline
    size: float


@dataclasses.dataclass
class Page:
    runs: list[Run]
    rows: list[float]  # y of the table's horizontal rules, top to bottom
    columns: list[float]  # x of its vertical rules, left to right


def drawn(path: Path) -> list[Page]:
    """What each page draws: its text runs (one per line of a paragraph) and its table rules."""
    return [_drawn(page) for page in PdfReader(str(path)).pages]


def _drawn(page) -> Page:
    runs, points, segments = [], [], []

    def rule(op, args, cm, tm):
        if op in (b"m", b"l"):
            assert cm[:4] == [1, 0, 0, 1], cm  # reportlab only moves tables, never scales them
            point = (cm[4] + float(args[0]), cm[5] + float(args[1]))
            if op == b"l":
                segments.append((points[-1], point))
            points.append(point)

    def text(content, cm, tm, font, size):
        if content.strip():
            runs.append(Run(content.strip(), cm[4] + tm[4], cm[5] + tm[5], size))

    page.extract_text(visitor_operand_before=rule, visitor_text=text)
    rows = sorted({round(a[1], 2) for a, b in segments if abs(a[1] - b[1]) < 0.01}, reverse=True)
    columns = sorted({round(a[0], 2) for a, b in segments if abs(a[0] - b[0]) < 0.01})
    return Page(runs, rows, columns)
