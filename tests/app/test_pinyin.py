"""data/initials.txt is pypinyin's character table reduced to initials, and stays so."""
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from app.domain.pinyin import initials

ROOT = Path(__file__).resolve().parents[2]


def test_the_initials_file_is_what_pypinyin_gives():
    pytest.importorskip("pypinyin")
    spec = importlib.util.spec_from_file_location("make_initials", ROOT / "tools" / "make_initials.py")
    maker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(maker)
    assert (ROOT / "data" / "initials.txt").read_text(encoding="ascii") == maker.text(maker.table())


@pytest.mark.parametrize("name, expected", [
    ("张三", "zs"), ("曾国藩", "zgf"), ("欧阳修", "oyx"), ("尉迟恭", "ycg"), ("单雄信", "sxx"),
    ("Li Na", "lina"), ("李·娜", "ln"), ("王 五", "ww"), ("", ""), ("王😀", "w"),
])
def test_initials_of_names(name, expected):
    assert initials(name) == expected


def test_reading_names_does_not_load_pypinyin():
    code = "import sys; from app.domain.pinyin import initials; print(initials('张三'), 'pypinyin' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
                            check=True)
    assert result.stdout.split() == ["zs", "False"]
