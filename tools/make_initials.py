"""Writes data/initials.txt, the first letter of each CJK character's pinyin, from pypinyin's character table.

The application reads that small file instead of importing pypinyin, whose package loads its phrase tables
and segmenter (0.13 s) before the character table can be read. Run after upgrading pypinyin:
    python tools/make_initials.py
tests/app/test_pinyin.py checks that the file and pypinyin agree.
"""
from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "data" / "initials.txt"
HEADER = """# First letter of the pinyin of CJK characters (their first reading in pypinyin's pinyin_dict), made by
# tools/make_initials.py. Each line: the hex code point that starts a block of 64, a space, then one
# character per code point: its initial (a-z), or - when it has none.
"""


def initial_of(reading: str) -> str:
    first = unicodedata.normalize("NFKD", reading[:1])[:1]  # 'ā' → 'a'
    return first.lower() if first.isascii() and first.isalpha() else ""


def table() -> dict[int, str]:
    from pypinyin.pinyin_dict import pinyin_dict

    found = {code: initial_of(reading) for code, reading in pinyin_dict.items()}
    return {code: letter for code, letter in found.items() if letter}


def text(initials: dict[int, str]) -> str:
    lines = [HEADER.rstrip("\n")]
    for block in sorted({code // 64 for code in initials}):
        start = block * 64
        lines.append(f"{start:X} " + "".join(initials.get(start + offset, "-") for offset in range(64)))
    return "\n".join(lines) + "\n"


def main() -> int:
    TARGET.write_text(text(table()), encoding="ascii", newline="\n")
    print(f"{TARGET}：{TARGET.stat().st_size:,} 字节")
    return 0


if __name__ == "__main__":
    sys.exit(main())
