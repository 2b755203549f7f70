"""Which field a header cell names, for every import (trainee lists, timetables, spending): the words of each
field, matched exactly, then without spaces, stars, colons and notes in brackets, then (where the import
allows it) by the longest known word the cell holds."""
from __future__ import annotations

import re

from app.domain.text import to_halfwidth

NOISE = re.compile(r"[\s*＊:：]|[(（][^)）]*[)）]")


class HeaderWords:
    def __init__(self, fields: dict[str, tuple[str, tuple[str, ...]]], *, noise: re.Pattern = NOISE,
                 sentence: int = 12, contains: bool = True, exact_only: tuple[str, ...] = ()):
        """fields: key -> (label, words). sentence: a longer cell is a title or an instruction, not a header.
        contains: a cell holding a known word names its field; exact_only: fields only named exactly."""
        self.exact = {_compact(word): key for key, (_, words) in fields.items() for word in words}
        self.noise, self.sentence = noise, sentence
        self.by_length = sorted((word for word, key in self.exact.items() if key not in exact_only),
                                key=len, reverse=True) if contains else []

    def key(self, text: object) -> str | None:
        if not isinstance(text, str) or not text.strip():
            return None
        compact = _compact(text).strip("*:")
        if compact in self.exact:
            return self.exact[compact]
        bare = self.noise.sub("", to_halfwidth(text))
        if bare in self.exact:
            return self.exact[bare]
        if len(bare) > self.sentence:
            return None
        return next((self.exact[word] for word in self.by_length if len(word) > 1 and word in bare), None)


def _compact(text: str) -> str:
    return re.sub(r"\s", "", to_halfwidth(text))
