"""Small TrueType fonts built for a test: a font that has exactly the characters asked for, each drawn as a
square outline, under a PostScript name the test can find again in the PDF."""
from __future__ import annotations

from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen


def _square(inset: int):
    pen = TTGlyphPen(None)
    pen.moveTo((inset, inset - 120))
    pen.lineTo((inset, 880 - inset))
    pen.lineTo((1000 - inset, 880 - inset))
    pen.lineTo((1000 - inset, inset - 120))
    pen.closePath()
    return pen.glyph()


def build_font(path: Path, chars: str, postscript_name: str) -> Path:
    """Writes a font with a glyph for each of chars (and space) to path."""
    names = [".notdef", "space", *(f"uni{ord(c):04X}" for c in chars)]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({32: "space", **{ord(c): f"uni{ord(c):04X}" for c in chars}})
    empty = TTGlyphPen(None).glyph()
    builder.setupGlyf({".notdef": _square(100), "space": empty, **{name: _square(60) for name in names[2:]}})
    builder.setupHorizontalMetrics({name: (1000, 0) for name in names})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": postscript_name, "styleName": "Regular", "psName": postscript_name})
    builder.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120)
    builder.setupPost()
    builder.save(str(path))
    return path
