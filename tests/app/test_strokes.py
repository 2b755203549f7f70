import importlib.util
import json
import re
from pathlib import Path

from app.domain.strokes import stroke_key, stroke_order, strokes

_spec = importlib.util.spec_from_file_location(
    "make_stroke_order", Path(__file__).resolve().parents[2] / "tools" / "make_stroke_order.py")
maker = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(maker)


def test_counts_from_unihan():
    assert [strokes(c) for c in "丁于马王张"] == [2, 3, 3, 4, 7]
    assert strokes("A") == 99


def test_names_sort_by_surname_strokes_then_given_name():
    names = ["张伟", "王芳", "丁一", "马力", "王一", "于红"]
    assert sorted(names, key=stroke_key) == ["丁一", "于红", "马力", "王一", "王芳", "张伟"]


def test_equal_counts_go_by_the_strokes_in_writing_order():
    # GB/T 13418: 7 strokes, first stroke 横 (杜 杨), 竖 (肖), 撇 (邱 何 邹), 点 (沈), 折 (张 陆);
    # within a first stroke the second decides, and so on (杜 横竖撇点横 before 杨 横竖撇点折).
    surnames = "陆张沈邹何邱肖杨杜"
    assert {strokes(c) for c in surnames} == {7}
    assert "".join(sorted(surnames, key=stroke_key)) == "杜杨肖邱何邹沈张陆"
    assert [stroke_order(c)[0] for c in "杜杨肖何邱邹沈张陆"] == list("112333455")


def test_ties_no_longer_follow_the_code_point():
    # 冉 (U+5189, 竖) came before 龙 (U+9F99, 横); 5 strokes both.
    assert sorted(["冉", "龙"], key=stroke_key) == ["龙", "冉"]
    assert sorted(["牟", "江"], key=stroke_key) == ["江", "牟"]  # 6 strokes: 点 before 折 (撇折)
    assert sorted(["王", "丰", "井"], key=stroke_key) == ["丰", "王", "井"]  # 横横横竖 / 横横竖横 / 横横撇竖


def test_the_second_character_decides_between_equal_surnames():
    # 杜 then the given names: 丽 has 7 strokes, the others 6; 伟 撇竖横横折 before 华 撇竖撇点折,
    # and 红 (折) after both.
    names = ["杜伟", "杜丽", "杜红", "杨一", "杜华"]
    assert sorted(names, key=stroke_key) == ["杜伟", "杜华", "杜红", "杜丽", "杨一"]


def test_characters_without_order_data_follow_those_with_it():
    rare, same_count = "\u4dae", "南"  # 䶮 (Extension A) and 南: 9 strokes; only 南 has order data
    assert stroke_order(rare) == "" and strokes(rare) == strokes(same_count) == 9
    assert sorted([f"张{rare}", f"张{same_count}", "张A"], key=stroke_key) == [f"张{same_count}", f"张{rare}", "张A"]


def test_the_order_table_agrees_with_the_stroke_counts():
    text = (Path(__file__).resolve().parents[2] / "data" / "stroke_order.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    assert len(lines) > 6900 and all(re.fullmatch(r"[\u3400-\u9fff][1-5]+", line) for line in lines)
    assert [ord(line[0]) for line in lines] == sorted(ord(line[0]) for line in lines)
    disagree = [line[0] for line in lines if strokes(line[0]) != len(line) - 1]
    assert len(disagree) <= 5, disagree  # 囍 and 皙 are counted differently by the two sources


def test_the_tool_reads_cnchar_letters_as_the_five_stroke_classes():
    shapes = {"j": {"type": "平笔", "name": "横"}, "i": {"type": "平笔", "name": "提"},
              "f": {"type": "平笔", "name": "竖"}, "s": {"type": "平笔", "name": "撇"},
              "k": {"type": "平笔", "name": "点"}, "l": {"type": "平笔", "name": "捺"},
              "g": {"type": "折笔", "name": "竖钩"}, "n": {"type": "折笔", "name": "撇折"}}
    script = ("!function(){JSON.parse('" + json.dumps({"一": "j", "牟": "nksjjf", "江": "kkijfj", "小": "gsk"},
                                                      ensure_ascii=False)
              + "')}{x:JSON.parse('" + json.dumps(shapes, ensure_ascii=False) + "')}")
    orders, found = maker.tables(script)
    assert maker.text(orders, found).splitlines()[-4:] == ["一1", "小534", "江441121", "牟543112"]
