"""import-timetable as the office's scripts call it: exit 0 every row imported, 3 some refused (printed with
their reasons), 2 unreadable or refused whole (a reason on stderr); --replace backs up, --dry-run writes nothing."""
from datetime import date, timedelta

import pytest

from app.services import database
from app.services.teaching import timetable
from tests.cli import run
from tests.timetable_files import open_period, sessions_in_week, week, write_xlsx


@pytest.fixture
def period(demo_path):
    with database.writing(demo_path) as db:
        return open_period(db)


def topics(path, period_id) -> list[str]:
    db = database.open_database(path)
    try:
        return [s.topic for s in timetable.timetable(db, period_id)]
    finally:
        db.close()


def first(period) -> date:
    return date.fromisoformat(period.start_date)


def test_every_row_imported_exits_0(capsys, demo_path, period, tmp_path):
    rows = [row for row in week(first(period)) if row[2] not in ("午餐、午休", "")]
    path = write_xlsx(tmp_path / "课程 表.xlsx", rows)
    code, out, err = run(capsys, "import-timetable", path, "--period", period.id, "--db", demo_path)
    assert code == 0, err + out
    assert f"导入完成：导入{sessions_in_week()}节课（7行）" in out
    assert "识别的列：日期、时间、教学内容、授课人、职务职称、教学地点→地点、教学形式、学时、备注" in out
    assert "第12行 跳过：“注：课程如有调整，另行通知。”不是课程安排，已跳过" in out
    assert len(topics(demo_path, period.id)) == sessions_in_week()


def test_refused_rows_exit_3_with_reasons_and_the_good_rows_imported(capsys, demo_path, period, tmp_path):
    late = date.fromisoformat(period.end_date) + timedelta(days=1)
    rows = week(first(period))[:2] + [[late, "上午", "期外的课", "", "", "", "", "", ""]]
    code, out, _ = run(capsys, "import-timetable", write_xlsx(tmp_path / "a.xlsx", rows, merge_days=False),
                       "--period", period.id, "--db", demo_path)
    assert code == 3
    assert "导入完成：导入2节课（2行），未通过1行" in out
    assert f"第6行 未通过：期外的课：日期{late.isoformat()}不在本期（{period.start_date}至{period.end_date}）之内" in out
    assert topics(demo_path, period.id) == ["开班式", "学习贯彻党的二十大精神"]


def test_unreadable_or_refused_files_exit_2_and_change_nothing(capsys, demo_path, period, tmp_path):
    empty = tmp_path / "空.xlsx"
    empty.write_bytes(b"")
    wrong = tmp_path / "课程表.pdf"
    wrong.write_bytes(b"%PDF-1.4")
    no_header = write_xlsx(tmp_path / "名单.xlsx", [["张三", "男"]], ["姓名", "性别"])
    for path, said in ((empty, "空"), (wrong, "不支持"), (no_header, "找不到课程表的表头")):
        code, out, err = run(capsys, "import-timetable", path, "--period", period.id, "--db", demo_path)
        assert code == 2 and said in err and err.startswith("错误：") and out == "", (path, err)
    code, _, err = run(capsys, "import-timetable", no_header, "--period", 99999, "--db", demo_path)
    assert code == 2 and "找不到" in err
    assert topics(demo_path, period.id) == []


def test_an_existing_timetable_needs_replace_which_backs_up(capsys, demo_path, period, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", week(first(period)))
    assert run(capsys, "import-timetable", path, "--period", period.id, "--db", demo_path)[0] == 0
    shorter = write_xlsx(tmp_path / "b.xlsx", week(first(period))[:2])
    code, out, err = run(capsys, "import-timetable", shorter, "--period", period.id, "--db", demo_path)
    assert code == 2 and "已有课程表（8节课）" in err and "--replace" in err and out == ""
    assert len(topics(demo_path, period.id)) == sessions_in_week()
    backups = set((demo_path.parent / "backups").glob("*.db"))
    code, out, err = run(capsys, "import-timetable", shorter, "--period", period.id, "--replace", "--db", demo_path)
    assert code == 0, err
    assert "已替换原有课程表的8节课" in out and "导入前的数据已备份" in out
    made = set((demo_path.parent / "backups").glob("*.db")) - backups
    assert len(made) == 1 and "改动前" in made.pop().name
    assert topics(demo_path, period.id) == ["开班式", "学习贯彻党的二十大精神"]


def test_a_dry_run_reads_and_reports_without_writing(capsys, demo_path, period, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", week(first(period)))
    before = demo_path.read_bytes()
    code, out, _ = run(capsys, "import-timetable", path, "--period", period.id, "--dry-run", "--db", demo_path)
    assert code == 0 and f"检查结果（未写入）：可导入{sessions_in_week()}节课" in out
    assert topics(demo_path, period.id) == [] and demo_path.read_bytes() == before


def test_output_survives_a_gbk_console(demo_path, period, tmp_path):
    import subprocess
    import sys

    rows = [[first(period), "上午", "专题·𠀀字", "", "", "", "", "", ""]]
    path = write_xlsx(tmp_path / "a.xlsx", rows)
    done = subprocess.run([sys.executable, "-m", "app", "import-timetable", str(path), "--period", str(period.id),
                           "--dry-run", "--db", str(demo_path)], capture_output=True,
                          env={**__import__("os").environ, "PYTHONIOENCODING": "gbk"})
    assert done.returncode == 0, done.stderr.decode("gbk", "replace")
    assert "可导入1节课".encode("gbk") in done.stdout
