from app.domain.strokes import stroke_key, strokes


def test_counts_from_unihan():
    assert [strokes(c) for c in "丁于马王张"] == [2, 3, 3, 4, 7]
    assert strokes("A") == 99


def test_names_sort_by_surname_strokes_then_given_name():
    names = ["张伟", "王芳", "丁一", "马力", "王一", "于红"]
    assert sorted(names, key=stroke_key) == ["丁一", "于红", "马力", "王一", "王芳", "张伟"]
