"""The reference tables that give a value for each CJK character (data/strokes.txt, data/initials.txt):
lines of a hex code point that starts a block, a space, then one character per code point."""
from __future__ import annotations

from typing import Iterator

from app.domain import reference


def entries(name: str, missing: str) -> Iterator[tuple[int, str]]:
    """(code point, its character in the file) for every code point whose character is not `missing`."""
    for line in reference.read(name).decode("ascii").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        start, values = line.split(" ", 1)
        base = int(start, 16)
        yield from ((base + offset, value) for offset, value in enumerate(values) if value != missing)
