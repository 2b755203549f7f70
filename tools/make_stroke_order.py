"""Writes data/stroke_order.txt, the writing order of each character's strokes as 横竖撇点折 (1–5), for
姓氏笔画 order (app/domain/strokes.py): equal stroke counts are ordered by the first stroke, then the second...

Source: the stroke-order table of the npm package cnchar-order (3.2.6, https://github.com/theajack/cnchar,
MIT licence, © 2017–present theajack), 6,939 characters (GB 2312 and common name characters), each a string
of letters, one per stroke (j 横, f 竖, s 撇, k 点, c 横折 ...). Its own table of stroke shapes says which
letters are 平笔 and which 折笔; the five classes of GB/T 13418 and the GB13000.1 字符集汉字折笔规范 follow:
横 and 提 are 横, 竖 is 竖, 撇 is 撇, 点 and 捺 are 点, and every stroke with a turn or a hook is 折.

Run after fetching the package (npm pack cnchar-order@3.2.6 && tar xzf cnchar-order-3.2.6.tgz):
    python tools/make_stroke_order.py package/cnchar.order.min.js
tests/app/test_strokes.py checks the examples the office knows.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "data" / "stroke_order.txt"
HEADER = """# Stroke order of CJK characters as the five stroke classes 1 横(提) 2 竖 3 撇 4 点(捺) 5 折 (hooks and turns),
# made by tools/make_stroke_order.py from the npm package cnchar-order 3.2.6 (MIT licence, theajack).
# Each line: a character, then its strokes in writing order, one digit each; lines follow code point order."""

# cnchar's plain strokes (平笔) by letter; every other letter is a 折笔.
PLAIN = {"j": "1", "i": "1", "f": "2", "s": "3", "k": "4", "l": "4", "d": "4"}


def tables(script: str) -> tuple[dict[str, str], dict[str, dict]]:
    """(character → letters, letter → shape) from the package's script, which holds both as JSON strings."""
    found = [json.loads(text) for text in re.findall(r"JSON\.parse\('(.*?)'\)", script, flags=re.S)]
    orders = next(table for table in found if "一" in table)
    shapes = next(table for table in found if "j" in table and isinstance(table["j"], dict))
    return orders, shapes


def classes(letters: str, shapes: dict[str, dict]) -> str:
    digits = []
    for letter in letters:
        shape = shapes[letter]
        if shape["type"] == "折笔":
            digits.append("5")
        elif letter in PLAIN:
            digits.append(PLAIN[letter])
        else:
            raise ValueError(f"unknown plain stroke {letter}: {shape}")
    return "".join(digits)


def text(orders: dict[str, str], shapes: dict[str, dict]) -> str:
    lines = [HEADER]
    for char in sorted(orders, key=ord):
        if len(char) == 1 and orders[char]:
            lines.append(char + classes(orders[char], shapes))
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    orders, shapes = tables(Path(argv[0]).read_text(encoding="utf-8"))
    TARGET.write_text(text(orders, shapes), encoding="utf-8", newline="\n")
    print(f"{TARGET}：{TARGET.stat().st_size:,} 字节")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
