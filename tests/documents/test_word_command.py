"""python -m app print KIND -o OUT.docx: the extension chooses Word; what it says, logs and refuses."""
import pytest

from app.services import database
from app.services.documents.sources import trainees
from app.services.safety import audit
from tests.documents.conftest import add_trainee
from tests.documents.test_fonts import NOT_IN_ANY_FONT
from tests.documents.test_print_command import ids, run  # noqa: F401 (ids is a fixture)
from tests.documents.word_reading import all_text, open_docx, section_breaks
from tests.writing import writable


def test_letters_as_word_from_the_command_line(capsys, demo_path, ids, tmp_path):  # noqa: F811
    out_file = tmp_path / "输出 文件" / "入学通知书.DOCX"
    code, out, err = run(capsys, "print", "letters", "-o", out_file, "--period", ids["period"], "--date",
                         "2020-04-28", "--db", demo_path)
    db = database.open_database(demo_path)
    try:
        people = trainees(db, ids["period"])
        entry = audit.entries(db)[0]
    finally:
        db.close()
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == f"已生成入学通知书：{out_file}（Word 文件，共{len(people)}份）"
    document = open_docx(out_file)
    assert section_breaks(document) == len(people) - 1
    assert all(f"{p.name}同志：" in all_text(document) for p in people)
    assert entry["action"] == "生成文书" and entry["detail"].endswith(f"：Word {len(people)}份")


@pytest.mark.parametrize("kind, scope, phrase", [
    ("plan-notice", "plan", "一、班次安排"),
    ("unit-letters", "open", "学员回执表"),
    ("sign-in", "period", "签到表"),
])
def test_other_kinds_as_word(capsys, demo_path, ids, tmp_path, kind, scope, phrase):  # noqa: F811
    out_file = tmp_path / f"{kind}.docx"
    flag = {"open": "--period"}.get(scope, f"--{scope}")
    code, out, err = run(capsys, "print", kind, "-o", out_file, flag, ids[scope], "--db", demo_path)
    assert (code, err) == (0, "") and "Word 文件" in out
    assert phrase in all_text(open_docx(out_file))


@pytest.mark.parametrize("name", ["x.txt", "x.doc", "x"])
def test_an_output_neither_pdf_nor_docx_exits_2(capsys, demo_path, ids, tmp_path, name):  # noqa: F811
    folder = tmp_path / "输出"
    folder.mkdir()
    code, out, err = run(capsys, "print", "letters", "-o", folder / name, "--period", ids["period"], "--db", demo_path)
    assert code == 2 and out == ""
    assert err == f"错误：输出文件“{name}”应以 .pdf 或 .docx 结尾\n"
    assert list(folder.iterdir()) == []


def test_what_cannot_be_made_exits_2_and_writes_no_word_file(capsys, demo_path, tmp_path):
    folder = tmp_path / "输出"
    folder.mkdir()
    code, out, err = run(capsys, "print", "letters", "--period", 9999, "-o", folder / "x.docx", "--db", demo_path)
    assert code == 2 and out == "" and "找不到该期次" in err
    assert list(folder.iterdir()) == []


def test_a_name_no_font_has_still_goes_to_word(capsys, demo_path, ids, tmp_path):  # noqa: F811
    """The PDF is refused (exit 2); the Word file is made: its reader's fonts draw the name."""
    db = writable(demo_path)
    add_trainee(db, ids["period"], f"李{NOT_IN_ANY_FONT}")
    db.close()
    code, _, _ = run(capsys, "print", "roster", "-o", tmp_path / "x.pdf", "--period", ids["period"], "--db", demo_path)
    assert code == 2
    code, _, err = run(capsys, "print", "roster", "-o", tmp_path / "x.docx", "--period", ids["period"],
                       "--db", demo_path)
    assert (code, err) == (0, "") and f"李{NOT_IN_ANY_FONT}" in all_text(open_docx(tmp_path / "x.docx"))



def test_a_folder_named_like_the_output_is_not_replaced(capsys, demo_path, ids, tmp_path):  # noqa: F811
    folder = tmp_path / "输出" / "名册.docx"
    folder.mkdir(parents=True)
    code, out, err = run(capsys, "print", "roster", "-o", folder, "--period", ids["period"], "--db", demo_path)
    assert code == 2 and out == "" and err.startswith(f"错误：无法写入“{folder}”")
    assert folder.is_dir() and list(folder.parent.iterdir()) == [folder]  # nothing half-written beside it
