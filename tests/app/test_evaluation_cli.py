"""The evaluation commands: the Excel form, importing returned files (exit 0, 3 with nothing written unless
--import-good, 2 for an unknown period or a form never issued), dry runs, a file imported twice, the
results as JSON per question and per session with counts, the year's flagged period, and printing."""
from __future__ import annotations

import json
import sqlite3

from tests.cli import run
from tests.evaluation_files import fill_form


def query(path, sql, params=()):
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def open_period(path) -> int:
    """A period of the demo not evaluated yet, with a timetable."""
    return query(path, """SELECT pe.id FROM periods pe WHERE pe.id NOT IN (SELECT period_id FROM evaluations)
                          AND pe.id IN (SELECT period_id FROM sessions) ORDER BY pe.start_date LIMIT 1""")[0][0]


def count(path, period) -> int:
    return query(path, """SELECT count(*) FROM evaluation_responses r JOIN evaluations e ON e.id = r.evaluation_id
                          WHERE e.period_id = ?""", [period])[0][0]


def test_template_import_and_results(capsys, demo_path, tmp_path):
    period = open_period(demo_path)
    code, out, err = run(capsys, "import-evaluation", tmp_path / "x.xlsx", "--period", period, "--db", demo_path)
    assert code == 2 and "还没有发放评估问卷" in err
    code, out, err = run(capsys, "evaluation-template", "--period", period, "-o", tmp_path / "问卷.xlsx", "--db", demo_path)
    assert code == 0 and "评估问卷已保存" in out, err
    template = tmp_path / "问卷.xlsx"
    a = fill_form(template, tmp_path / "甲.xlsx", lambda key, text: "满意" if ":" in key or "意见" not in text else "好")
    b = fill_form(template, tmp_path / "乙.xlsx", lambda key, text: "不满意" if ":" not in key and "意见" not in text else None)
    code, out, err = run(capsys, "import-evaluation", a, b, "--period", period, "--dry-run", "--db", demo_path)
    assert code == 0 and "检查结果（未写入）" in out and "可导入2个（2份问卷）" in out, err
    assert count(demo_path, period) == 0
    code, out, err = run(capsys, "import-evaluation", a, b, "--period", period, "--db", demo_path)
    assert code == 0 and "导入完成" in out, err
    assert count(demo_path, period) == 2
    code, out, err = run(capsys, "import-evaluation", a, "--period", period, "--db", demo_path)
    assert code == 0 and "已导入过" in out and count(demo_path, period) == 2
    code, out, err = run(capsys, "evaluation", "--period", period, "--json", "--db", demo_path)
    found = json.loads(out)
    assert code == 0 and found["responses"] == 2
    overall = found["questions"][0]
    assert overall["count"] == 2 and overall["average"] == 2.0 and overall["rate"] == 0.5
    assert overall["counts"] == {"满意": 1, "基本满意": 0, "不满意": 1}
    assert found["sessions"] and all(s["content"]["count"] == 1 and s["content"]["average"] == 3 for s in found["sessions"])
    assert found["comments"] == [{"question": "对改进培训工作的意见和建议", "text": "好"}]
    scored = 4 + 2 * len(found["sessions"])  # four score questions, two aspects a session: all 满意 from 甲
    assert found["overall"]["count"] == scored + 4 and found["overall"]["satisfied"] == scored
    code, out, _ = run(capsys, "evaluation", "--period", period, "--db", demo_path)
    rate = scored / (scored + 4) * 100
    assert code == 0 and f"收回问卷2份，满意率{rate:.1f}%，达到警戒线90%" in out


def test_bad_files_refuse_the_batch_unless_asked(capsys, demo_path, tmp_path):
    period = open_period(demo_path)
    assert run(capsys, "evaluation-template", "--period", period, "-o", tmp_path / "问卷.xlsx", "--db", demo_path)[0] == 0
    good = fill_form(tmp_path / "问卷.xlsx", tmp_path / "好.xlsx", lambda key, text: "满意")
    bad = fill_form(tmp_path / "问卷.xlsx", tmp_path / "坏.xlsx", lambda key, text: "很好")
    junk = tmp_path / "垃圾.xlsx"
    junk.write_text("not a workbook")
    code, out, _ = run(capsys, "import-evaluation", good, bad, junk, "--period", period, "--db", demo_path)
    assert code == 3 and "坏.xlsx：未通过：" in out and "“很好”不是有效的评价" in out and "垃圾.xlsx：未通过：" in out
    assert "本批问卷未导入" in out and count(demo_path, period) == 0
    code, out, _ = run(capsys, "import-evaluation", good, bad, "--period", period, "--dry-run", "--db", demo_path)
    assert code == 3 and count(demo_path, period) == 0
    code, out, _ = run(capsys, "import-evaluation", good, bad, "--period", period, "--import-good", "--db", demo_path)
    assert code == 3 and "导入完成" in out and count(demo_path, period) == 1
    code, _, err = run(capsys, "import-evaluation", good, "--period", 9999, "--db", demo_path)
    assert code == 2 and "找不到" in err


def test_the_year_and_the_documents(capsys, demo_path, tmp_path):
    code, out, err = run(capsys, "evaluation", "--year", "2020", "--json", "--db", demo_path)
    found = json.loads(out)
    assert code == 0, err
    below = [p for p in found["periods"] if p["below_threshold"]]
    assert len(below) == 1 and below[0]["period"] == "县管领导干部学习贯彻党的十九届四中全会精神专题班第1期"
    assert run(capsys, "evaluation", "--year", "2031", "--db", demo_path)[0] == 2
    period = below[0]["period_id"]
    code, out, err = run(capsys, "print", "evaluation-form", "--period", period, "-o", tmp_path / "问卷.pdf", "--db", demo_path)
    assert code == 0 and "1页" in out, (out, err)
    code, out, err = run(capsys, "print", "evaluation-report", "--period", period, "-o", tmp_path / "报告.pdf",
                         "--db", demo_path)
    assert code == 0, err
    code, _, err = run(capsys, "print", "evaluation-report", "--period", open_period(demo_path), "-o",
                       tmp_path / "空.pdf", "--db", demo_path)
    assert code == 2 and "没有评估结果" in err
