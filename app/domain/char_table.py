"""The data files that give a value for each CJK character (data/strokes.txt, data/initials.txt):
lines of a hex code point that starts a block, a space, then one character per code point."""
from __future__ import annotations

from typing import Iterator

from app.config import data_file


def entries(name: str, missing: str) -> Iterator[tuple[int, str]]:
    """(code point, its character in the file) for every code point whose character is not `missing`."""
    with open(data_file(name), encoding="ascii") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            start, values = line.rstrip("\n").split(" ", 1)
            base = int(start, 16)
            yield from ((base + offset, value) for offset, value in enumerate(values) if value != missing)
