"""make-up on the command line: the 待补训 list as a table and as JSON, exit 2 for an unknown class or unit,
linking, waiving and undoing it, and refusals that change nothing."""
from __future__ import annotations

import json
import sqlite3

from tests.cli import run


def query(path, sql, params=()):
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def listed(capsys, path, *args):
    code, out, err = run(capsys, "make-up", "--json", "--db", path, *args)
    assert code == 0, err
    return json.loads(out)


def test_the_list_as_json_and_as_a_table(capsys, demo_path):
    found = listed(capsys, demo_path)
    roll_call = {row[0] for row in query(demo_path, "SELECT id FROM training_classes WHERE roll_call = 1")}
    assert found and {f["class_id"] for f in found} == roll_call
    assert {"缺训", "退学"} <= {f["reason"] for f in found}
    assert any(f["reason"].startswith("请假超过规定") for f in found)
    linked = [f for f in found if f["makeup"]]
    assert len(linked) == 1 and linked[0]["state"] == "已安排补训" and linked[0]["makeup"]["status"] == "已选调"
    for f in found:
        status, period = query(demo_path, "SELECT status, period_id FROM enrollments WHERE id = ?", [f["enrollment_id"]])[0]
        assert (status, period) == (f["status"], f["period_id"])
    code, out, _ = run(capsys, "make-up", "--db", demo_path)
    assert code == 0 and out.splitlines()[0].startswith("姓名\t单位\t未完成的期次\t原因")
    assert f"共{len(found)}人" in out and all(f["person"] in out for f in found)
    assert linked[0]["makeup"]["class"] + "第2期" in out


def test_classes_json_says_which_are_roll_call(capsys, demo_path):
    code, out, _ = run(capsys, "classes", "--json", "--db", demo_path)
    marked = {c["name"] for c in json.loads(out) if c["roll_call"]}
    assert code == 0 and marked == {"科级干部培训班", "县管领导干部学习贯彻党的十九届四中全会精神专题班"}


def test_filters_by_class_and_unit_and_unknown_ones_exit_2(capsys, demo_path):
    found = listed(capsys, demo_path)
    class_id, unit_id = found[0]["class_id"], found[-1]["unit_id"]
    assert listed(capsys, demo_path, "--class", class_id) == [f for f in found if f["class_id"] == class_id]
    assert listed(capsys, demo_path, "--unit", unit_id) == [f for f in found if f["unit_id"] == unit_id]
    for option in ("--class", "--unit"):
        code, out, err = run(capsys, "make-up", option, 9999, "--db", demo_path)
        assert code == 2 and out == "" and "找不到" in err


def made_id(path, item):
    return query(path, "SELECT id FROM enrollments WHERE makeup_of = ?", [item["enrollment_id"]])[0][0]


def test_link_waive_and_unwaive(capsys, demo_path):
    found = [f for f in listed(capsys, demo_path) if not f["makeup"]]
    first, second = found[0], found[1]
    target = query(demo_path, """SELECT id FROM periods WHERE status NOT IN ('结班') AND class_id <> ?
                                 ORDER BY start_date LIMIT 1""", [first["class_id"]])[0][0]
    code, out, err = run(capsys, "make-up", "--link", first["enrollment_id"], "--period", target, "--db", demo_path)
    assert code == 0, err
    assert out.startswith(f"已安排补训：{first['person']} → ")
    made = query(demo_path, "SELECT period_id, status FROM enrollments WHERE makeup_of = ?", [first["enrollment_id"]])
    assert made == [(target, "已选调")]
    code, out, _ = run(capsys, "make-up", "--unlink", made_id(demo_path, first), "--db", demo_path)
    assert code == 0 and "已取消补训安排" in out
    assert query(demo_path, "SELECT count(*) FROM enrollments WHERE makeup_of = ?", [first["enrollment_id"]]) == [(0,)]
    code, out, _ = run(capsys, "make-up", "--waive", second["enrollment_id"], "--reason", "已调离本县", "--db", demo_path)
    assert code == 0 and "已免补训" in out
    assert second["enrollment_id"] not in {f["enrollment_id"] for f in listed(capsys, demo_path)}
    waived = {f["enrollment_id"]: f for f in listed(capsys, demo_path, "--waived")}
    assert waived[second["enrollment_id"]]["waiver_reason"] == "已调离本县"
    code, out, _ = run(capsys, "make-up", "--unwaive", second["enrollment_id"], "--db", demo_path)
    assert code == 0 and "恢复为待补训" in out
    assert second["enrollment_id"] in {f["enrollment_id"] for f in listed(capsys, demo_path)}


def test_refusals_exit_2_and_change_nothing(capsys, demo_path):
    found = listed(capsys, demo_path)
    closed = query(demo_path, "SELECT id FROM periods WHERE status = '结班' AND id <> ? LIMIT 1", [found[0]["period_id"]])[0][0]
    before = query(demo_path, "SELECT * FROM enrollments ORDER BY id")
    for args in (("--link", found[0]["enrollment_id"], "--period", closed),
                 ("--link", found[0]["enrollment_id"]),
                 ("--waive", found[0]["enrollment_id"]),
                 ("--unwaive", found[0]["enrollment_id"]),
                 ("--link", 999999, "--period", closed)):
        code, out, err = run(capsys, "make-up", *args, "--db", demo_path)
        assert code == 2 and out == "" and err.startswith("错误："), args
    assert query(demo_path, "SELECT * FROM enrollments ORDER BY id") == before
