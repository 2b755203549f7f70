"""Chinese line-breaking rules reportlab lacks (importing this module applies them).

reportlab's CJK wrapping (wordWrap='CJK') knows the Japanese punctuation that may not start a line but
not the full-width Chinese marks, so lines would start with "，" or "；"; and it lets a line end with an
opening bracket or quote. These rules add the Chinese marks (they hang in the margin, as in Word) and,
for paragraphs in one font, carry an opening mark over to the next line.
"""
from __future__ import annotations

from reportlab.lib import textsplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph

CANNOT_START = "，；：！？”’》〉」』】〕）…·％"
CANNOT_END = "（《“‘〔【「『〈"

for _module in (textsplit, paragraph):  # single-font and mixed-font paragraphs break lines in each
    if not set(CANNOT_START) <= set(_module.ALL_CANNOT_START):
        _module.ALL_CANNOT_START += CANNOT_START

_reportlab_word_split = textsplit.wordSplit


def word_split(word, max_widths, font_name, font_size, encoding="utf8"):
    """reportlab's split of a one-font paragraph, then no line ends with an opening mark."""
    lines = _reportlab_word_split(word, max_widths, font_name, font_size, encoding)
    widths = list(max_widths) if isinstance(max_widths, (list, tuple)) else [max_widths]
    offset = 0
    for index, (extra, line) in enumerate(lines[:-1]):
        start = word.find(line, offset)
        if len(line) > 1 and line[-1] in CANNOT_END and start >= 0:
            cut = start + len(line) - 1
            carried = [extra + stringWidth(line[-1], font_name, font_size), line[:-1]]
            rest = word_split(word[cut:], widths[index + 1:] or widths[-1:], font_name, font_size, encoding)
            return [*lines[:index], carried, *rest]
        offset = start + len(line) if start >= 0 else offset
    return lines


if paragraph.wordSplit is not word_split:
    paragraph.wordSplit = word_split
