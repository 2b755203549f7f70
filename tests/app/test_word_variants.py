"""The words units write and the standard words they stand for: the shipped list, the office's own
additions (kept in the database, winning over the shipped ones), birth dates in the units' hands,
invisible characters, and making the archive's words standard at once."""
import sys
import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest

from app.domain import vocab
from app.domain.birth_dates import read_birth
from app.domain.errors import UserError
from app.domain.models import Person
from app.domain.text import INVISIBLE, clean
from app.domain.variants import WordMap, _shipped, nonstandard_note, word_key
from app.services import people
from app.services.importing import word_variants
from app.services.importing.pipeline import import_file
from app.services.importing.plan import ImportOptions
from app.services.safety import audit
from tests.roster_files import id_number, person, write_xlsx
from tests.writing import writable


def test_every_shipped_variant_stands_for_a_standard_word_and_is_not_one_itself():
    for field, words in _shipped()["variants"].items():
        standard = vocab.standard_set(field)
        for variant, target in words.items():
            assert target in standard, (field, variant, target)
            assert word_key(variant) not in {word_key(w) for w in standard}, (field, variant)
    for field, words in _shipped()["unresolved"].items():
        assert not set(words) & set(_shipped()["variants"][field]), field


@pytest.mark.parametrize("field, written, standard", [
    ("rank", "科员", "一级科员"), ("rank", "办事员", "二级科员"), ("rank", "正处", "正处级"), ("rank", "副 科", "副科级"),
    ("rank", "乡科级副职", "副科级"), ("rank", "县处级正职", "正处级"), ("rank", "副县级", "副处级"),
    ("rank", "２级主任科员", "二级主任科员"), ("rank", "巡视员", "一级巡视员"), ("ethnicity", "汉", "汉族"),
    ("ethnicity", "维吾尔", "维吾尔族"), ("ethnicity", "维族", "维吾尔族"), ("political_status", "党员", "中共党员"),
    ("political_status", "九三学社", "民主党派成员"), ("education", "本科", "大学本科"), ("education", "大专", "大学专科"),
    ("gender", "男性", "男"), ("gender", "F", "女"), ("cadre_category", "村（社区）干部", "村(社区)干部"),
])
def test_known_variants_become_the_standard_word(field, written, standard):
    assert WordMap().standard(field, written) == (standard, True)


@pytest.mark.parametrize("word", ["主任科员", "副主任科员", "调研员", "科级", "处级"])
def test_ambiguous_old_ranks_are_kept_as_written_with_what_they_may_be(word):
    assert WordMap().standard("rank", word) == (word, False)
    assert nonstandard_note("rank", word).startswith(f"职级“{word}”不是标准名称，已按原文保存（")


def test_the_offices_additions_win_over_the_shipped_ones():
    words = WordMap({"rank": {"主任科员": "二级主任科员", "科员": "二级科员"}, "ethnicity": {"穿青": "汉族"}})
    assert words.standard("rank", " 主任科员 ") == ("二级主任科员", True)
    assert words.standard("rank", "科员") == ("二级科员", True)
    assert words.standard("ethnicity", "穿青") == ("汉族", True)
    assert WordMap().standard("rank", "科员") == ("一级科员", True)


@pytest.mark.parametrize("written, id_birth, read", [
    ("1983年2月14号", None, "1983-02-14"), ("1983年2月14日", None, "1983-02-14"), ("72.9.30", None, "1972-09-30"),
    ("83.02", None, "1983-02"), ("1983.2", None, "1983-02"), ("1983.02.14", None, "1983-02-14"),
    ("1983-2-14", None, "1983-02-14"), ("19830214", None, "1983-02-14"), (30361.0, None, "1983-02-14"),
    (datetime(1983, 2, 14), None, "1983-02-14"), (date(1983, 2, 14), None, "1983-02-14"),
    ("1983-02-14 00:00:00", None, "1983-02-14"), ("１９８３．２．１４", None, "1983-02-14"), (1983.2, None, "1983-02"),
    ("05.3.1", None, "2005-03-01"), ("05.3.1", date(1905, 3, 1), "1905-03-01"), ("30.1.1", None, "1930-01-01"),
    ("1983.2.30", None, None), ("72", None, None), ("不详", None, None),
])
def test_birth_dates_in_the_units_hands(written, id_birth, read):
    assert read_birth(written, id_birth, today=date(2020, 9, 15)) == read


def test_every_invisible_character_is_taken_out():
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        category = unicodedata.category(char)
        if category == "Cf" or (category == "Cc" and not char.isspace()):
            assert INVISIBLE.match(char), hex(code)
    assert clean("\u202e张\u200b三\ufeff ") == "张三" and clean("王 五") == "王 五"


@pytest.fixture
def office_file(tmp_path, demo_file) -> Path:
    """The demo office after a unit's list with words nobody mapped (on a file: applying takes a backup)."""
    db = writable(demo_file)
    rows = [person("甲主任", "1980-01-01", 11, 职级="主任科员"), person("乙主任", "1981-01-01", 13, 职级="主任科员"),
            person("丙穿青", "1982-01-01", 15, 民族="穿青人")]
    import_file(db, write_xlsx(tmp_path / "a.xlsx", rows), ImportOptions())
    db.close()
    return demo_file


def test_the_offices_mapping_is_kept_in_the_database_and_used_by_the_next_import(office_file, tmp_path):
    db = writable(office_file)
    seen = {(w.field, w.word): (w.count, w.standard) for w in word_variants.seen_words(db)}
    assert seen == {("rank", "主任科员"): (2, ""), ("ethnicity", "穿青人"): (1, "")}
    word_variants.save_variants(db, {"rank": {"主任科员": "二级主任科员"}})
    db.close()
    db = writable(office_file)  # read back from the file
    assert word_variants.office_variants(db) == {"rank": {"主任科员": "二级主任科员"}}
    assert "“主任科员”→“二级主任科员”" in audit.entries(db)[0]["detail"]
    plan, _ = import_file(db, write_xlsx(tmp_path / "b.xlsx", [person("丁主任", "1983-01-01", 17, 职级="主任科员")]),
                          ImportOptions())
    assert plan.rows[0].values["rank"] == "二级主任科员" and not plan.rows[0].kept
    db.close()


def test_applying_the_mapping_changes_the_archive_in_one_logged_change_after_a_backup(office_file):
    db = writable(office_file)
    word_variants.save_variants(db, {"rank": {"主任科员": "二级主任科员"}, "ethnicity": {"穿青人": "汉族"}})
    assert [str(change) for change in word_variants.pending(db)] == ["民族“穿青人”→“汉族”1人",
                                                                     "职级“主任科员”→“二级主任科员”2人"]
    backups = list((office_file.parent / "backups").glob("*.db"))
    done = word_variants.apply_variants(db)
    assert sum(change.count for change in done) == 3
    assert people.by_id_number(db, id_number("1980-01-01", 11)).rank == "二级主任科员"
    assert people.by_id_number(db, id_number("1982-01-01", 15)).ethnicity == "汉族"
    # the archive holds no such word any more; the mappings stay listed, so they can be seen and undone
    assert {(w.field, w.word): w.count for w in word_variants.seen_words(db)} == {("rank", "主任科员"): 0,
                                                                                  ("ethnicity", "穿青人"): 0}
    assert audit.entries(db)[0]["action"] == "名称规范化" and "3人" in audit.entries(db)[0]["detail"]
    assert len(list((office_file.parent / "backups").glob("*.db"))) > len(backups)
    word_variants.save_variants(db, {"rank": {"主任科员": ""}})  # undone: the next list keeps it as written
    assert word_variants.office_variants(db) == {"ethnicity": {"穿青人": "汉族"}}
    db.close()


def test_a_bad_mapping_is_refused_and_nothing_is_saved(office_file):
    db = writable(office_file)
    for choices, message in (({"rank": {"主任科员": "大官"}}, "不是职级的标准名称"),
                             ({"rank": {"一级科员": "二级科员"}}, "本身就是标准名称"),
                             ({"rank": {" ": "二级科员"}}, "1至50个字"),
                             ({"unit": {"县委办": "县委办公室"}}, "不是可规范的字段")):
        with pytest.raises(UserError, match=message):
            word_variants.save_variants(db, choices)
    assert word_variants.office_variants(db) == {} and word_variants.pending(db) == []
    db.close()


def test_a_person_with_a_word_kept_as_written_saves_again_unchanged(demo_db):
    saved = people.save_person(demo_db, Person(name="戊", id_number=id_number("1984-04-04", 21), rank="主任科员",
                                               ethnicity="穿青人", phone="1381234"))
    again = people.save_person(demo_db, people.get_person(demo_db, saved.id))
    assert (again.rank, again.ethnicity, again.phone) == ("主任科员", "穿青人", "1381234")
    assert set(people.person_hints(again)) == {"rank", "ethnicity", "phone"}


def test_old_county_level_ranks_kept_as_written_still_need_county_level_hours():
    from app.domain.hours_rules import level

    assert [level(rank) for rank in ("调研员", "副调研员", "处级", "主任科员", "科级")] == [
        "县处级以上", "县处级以上", "县处级以上", "乡科级及以下", "乡科级及以下"]
