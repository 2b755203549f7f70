"""python -m app print KIND -o OUT.pdf: each kind, and a one-line Chinese reason with exit 2 when it cannot."""
import pytest

from app.cli import main
from app.services import database
from app.storage import tables
from tests.documents.conftest import add_trainee, period_id, squeezed
from tests.documents.test_fonts import NOT_IN_ANY_FONT
from tests.writing import writable


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def ids(demo_path):
    db = database.open_database(demo_path)
    try:
        plan = tables.plans(db).where("title = ?", ["2020年公务员培训计划"])[0].id
        yield {"period": period_id(db, "加强党的政治建设专题培训班", 1), "plan": plan,
               "open": period_id(db, "加强党的政治建设专题培训班", 2),
               "unit": tables.quotas(db).all()[0].unit_id}
    finally:
        db.close()


@pytest.mark.parametrize("kind, scope, phrase", [
    ("letters", "period", "入学通知书"),
    ("unit-letters", "open", "关于选调学员参加"),
    ("unit-letters", "unit", "关于选调学员参加"),
    ("plan-notice", "plan", "一、班次安排"),
    ("sign-in", "period", "签到表"),
    ("roster", "period", "学员名册"),
    ("certificates", "period", "结业证书"),
    ("summary", "period", "培训情况汇总"),
])
def test_every_kind_prints_to_a_path_with_chinese_and_spaces(capsys, demo_path, ids, tmp_path, kind, scope, phrase):
    out_file = tmp_path / "输出 文件" / f"{kind}.pdf"
    flag = {"open": "--period"}.get(scope, f"--{scope}")
    code, out, err = run(capsys, "print", kind, "-o", out_file, flag, ids[scope], "--db", demo_path)
    assert (code, err) == (0, "")
    assert out.startswith("已生成") and f"{out_file}" in out
    assert phrase in squeezed(out_file)


def test_yearly_summary_and_options(capsys, demo_path, ids, tmp_path):
    code, out, _ = run(capsys, "print", "summary", "-o", tmp_path / "y.pdf", "--year", 2020, "--db", demo_path)
    assert code == 0 and "2020年干部教育培训情况统计" in squeezed(tmp_path / "y.pdf")
    code, _, _ = run(capsys, "print", "roster", "-o", tmp_path / "r.pdf", "--period", ids["period"], "--order",
                     "strokes", "--db", demo_path)
    assert code == 0 and "按姓氏笔画排列" in squeezed(tmp_path / "r.pdf")
    code, _, _ = run(capsys, "print", "letters", "-o", tmp_path / "l.pdf", "--period", ids["period"], "--date",
                     "2020-04-28", "--db", demo_path)
    assert code == 0 and "2020年4月28日" in squeezed(tmp_path / "l.pdf")


@pytest.mark.parametrize("args, reason", [
    (["letters"], "打印入学通知书需要指定期次"),
    (["summary"], "打印培训情况汇总需要指定期次或年度"),
    (["letters", "--period", "9999"], "找不到该期次"),
    (["plan-notice", "--plan", "9999"], "找不到该计划"),
    (["letters", "--period", "1", "--date", "2020-13-01"], "日期“2020-13-01”无效"),
])
def test_what_cannot_print_exits_2_with_one_chinese_line(capsys, demo_path, tmp_path, args, reason):
    out_file = tmp_path / "x.pdf"
    code, out, err = run(capsys, "print", *args, "-o", out_file, "--db", demo_path)
    assert code == 2 and out == ""
    assert err.startswith("错误：") and reason in err and err.count("\n") == 1
    assert not out_file.exists()


def test_a_character_missing_from_every_font_exits_2(capsys, demo_path, ids, tmp_path):
    db = writable(demo_path)
    add_trainee(db, ids["period"], f"李{NOT_IN_ANY_FONT}")
    db.close()
    out_file = tmp_path / "x.pdf"
    code, _, err = run(capsys, "print", "sign-in", "-o", out_file, "--period", ids["period"], "--db", demo_path)
    assert code == 2 and err.count("\n") == 1
    assert f"学员“李{NOT_IN_ANY_FONT}”的姓名" in err and "所有字体中都没有" in err
    assert not out_file.exists()


def test_an_unwritable_output_exits_2(capsys, demo_path, ids, tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("")
    code, _, err = run(capsys, "print", "roster", "-o", blocker / "x.pdf", "--period", ids["period"], "--db", demo_path)
    assert code == 2 and "无法写入" in err
