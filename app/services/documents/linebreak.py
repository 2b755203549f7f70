"""Chinese line-breaking rules reportlab lacks (importing this module applies them).

reportlab's CJK wrapping (wordWrap='CJK') knows the Japanese punctuation that may not start a line but
not the full-width Chinese marks, so lines would start with "，" or "；"; and it lets a line end with an
opening bracket or quote. These rules add the Chinese marks (they hang in the margin, as in Word), and
when a line would end with an opening mark, that line is broken again one character earlier.
"""
from __future__ import annotations

from reportlab.lib import textsplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph

CANNOT_START = "，；：！？”’》〉」』】〕）…·％"
CANNOT_END = "（《“‘〔【「『〈"
_TRIES = 20

for _module in (textsplit, paragraph):  # one-font and mixed-font paragraphs break lines in each
    if not set(CANNOT_START) <= set(_module.ALL_CANNOT_START):
        _module.ALL_CANNOT_START += CANNOT_START

_reportlab_word_split = textsplit.wordSplit
_reportlab_cjk_frag_split = paragraph.cjkFragSplit


def _narrower(widths: list[float], index: int, by: float) -> list[float]:
    """The line widths with line `index` made narrower (reportlab reuses the last width for later lines)."""
    widths = widths + [widths[-1]] * (index + 2 - len(widths))
    widths[index] -= by + 0.01
    return widths


def _split_again(split, line_end, max_widths):
    """Runs split(widths) until no line but the last ends with an opening mark."""
    widths = list(max_widths) if isinstance(max_widths, (list, tuple)) else [max_widths]
    result = split(widths)
    for _ in range(_TRIES):
        found = line_end(result)
        if found is None:
            break
        index, char_width = found
        widths = _narrower(widths, index, char_width)
        result = split(widths)
    return result


def word_split(word, max_widths, font_name, font_size, encoding="utf8"):
    """A one-font paragraph's lines ([extra space, text], …)."""
    def line_end(lines):
        for index, (_, text) in enumerate(lines[:-1]):
            if len(text) > 1 and text[-1] in CANNOT_END:
                return index, stringWidth(text[-1], font_name, font_size)
        return None

    return _split_again(lambda widths: _reportlab_word_split(word, widths, font_name, font_size, encoding),
                        line_end, max_widths)


def cjk_frag_split(frags, max_widths, calc_bounds, encoding="utf8"):
    """A mixed-font paragraph's lines (each a list of runs)."""
    def line_end(result):
        for index, line in enumerate(result.lines[:-1]):
            last = line.words[-1] if line.words else None
            if last is not None and len(last.text) and last.text[-1] in CANNOT_END:
                return index, stringWidth(last.text[-1], last.fontName, last.fontSize)
        return None

    return _split_again(lambda widths: _reportlab_cjk_frag_split(frags, widths, calc_bounds, encoding),
                        line_end, max_widths)


paragraph.wordSplit = word_split
paragraph.cjkFragSplit = cjk_frag_split
