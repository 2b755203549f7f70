"""个人信息保护法: ID numbers masked by default in exports and receipts; full numbers only by choice, logged;
the audit log records imports, exports, deletions, restores and close-outs and never a full ID number."""
import re
from datetime import date

import pytest
from openpyxl import load_workbook

from app.domain.errors import UserError
from app.domain.idcard import mask_id
from app.services import attendance, closeout, database, people
from app.services import roster as roster_service
from app.services.documents import DocumentRequest, record_output, render
from app.services.exports.roster import export_roster
from app.services.importing.pipeline import import_file
from app.services.importing.plan import ImportOptions
from app.services.importing.receipt import export_receipt
from app.services.safety import audit, backups
from tests.cli import run
from tests.roster_files import HEADER, good_rows, write_xlsx
from tests.writing import writable

FULL_ID = re.compile(r"(?<![0-9])[0-9]{17}[0-9Xx]")


@pytest.fixture
def live(demo_file):
    db = writable(demo_file)
    yield db
    db.close()


def busy_period(db, status: str = "报名") -> int:
    return db.execute("SELECT p.id FROM periods p JOIN enrollments e ON e.period_id = p.id WHERE p.status = ? "
                      "GROUP BY p.id ORDER BY count(*) DESC LIMIT 1", [status]).fetchone()[0]


def exported_ids(path) -> list[str]:
    sheet = load_workbook(path).active
    column = [cell.value for cell in sheet[3]].index("身份证号码")
    return [row[column].value for row in sheet.iter_rows(min_row=4)]


def last_entry(db) -> dict:
    return audit.entries(db, limit=1)[0]


def test_a_roster_export_masks_ids_unless_full_ones_are_chosen_and_says_which(live, tmp_path):
    period = busy_period(live)
    shown = exported_ids(export_roster(live, period, tmp_path / "传阅.xlsx"))
    assert shown and all(number[6:14] == "********" for number in shown)
    entry = last_entry(live)
    assert entry["action"] == "导出学员名单" and f"{len(shown)}人" in entry["detail"]
    assert "身份证号已隐去中间部分" in entry["detail"] and entry["os_user"] and entry["at"]
    full = exported_ids(export_roster(live, period, tmp_path / "报名.xlsx", full_ids=True))
    assert [mask_id(number) for number in full] == shown and not any("*" in number for number in full)
    assert "含完整身份证号" in last_entry(live)["detail"]


def test_read_only_exports_only_masked_numbers(demo_file, tmp_path):
    db = database.open_database(demo_file)
    period = busy_period(db)
    with pytest.raises(UserError, match="只读打开时不能导出完整身份证号码"):
        export_roster(db, period, tmp_path / "全.xlsx", full_ids=True)
    assert all("*" in n for n in exported_ids(export_roster(db, period, tmp_path / "隐.xlsx")))
    db.close()


def test_export_roster_on_the_command_line(capsys, demo_file, tmp_path):
    db = database.open_database(demo_file)
    period = busy_period(db)
    db.close()
    code, out, _ = run(capsys, "export-roster", "--period", period, "-o", tmp_path / "a.xlsx", "--db", demo_file)
    assert code == 0 and "已隐去中间部分" in out and all("*" in n for n in exported_ids(tmp_path / "a.xlsx"))
    code, out, _ = run(capsys, "export-roster", "--period", period, "-o", tmp_path / "b.xlsx", "--db", demo_file,
                       "--full-id")
    assert code == 0 and "含完整身份证号码" in out and not any("*" in n for n in exported_ids(tmp_path / "b.xlsx"))
    db = database.open_database(demo_file)
    details = [e["detail"] for e in audit.entries(db, 2)]
    db.close()
    assert "含完整身份证号" in details[0] and "身份证号已隐去中间部分" in details[1]


def test_the_people_command_masks_unless_asked(capsys, demo_file):
    _, out, _ = run(capsys, "people", "--db", demo_file)
    assert not FULL_ID.search(out) and "********" in out
    for extra in ("--full-id", "--json"):  # --json is for the office's tools, which match people by ID number
        _, out, _ = run(capsys, "people", "--db", demo_file, extra)
        assert FULL_ID.search(out)
        db = database.open_database(demo_file)
        assert last_entry(db)["action"] == "导出完整身份证号"
        db.close()


def test_the_receipt_masks_id_numbers(live, tmp_path):
    rows = good_rows(2)
    plan, result = import_file(live, write_xlsx(tmp_path / "名单.xlsx", rows), ImportOptions())
    sheet = load_workbook(export_receipt(live, plan, result, tmp_path / "回执.xlsx")).active
    column = HEADER.index("公民身份号码") + 1
    assert [row[column].value for row in sheet.iter_rows(min_row=4, max_row=5)] == [
        mask_id(row[HEADER.index("公民身份号码")]) for row in rows]
    assert last_entry(live)["action"] == "导出导入回执"


def test_audit_details_never_keep_an_id_number():
    assert audit.masked("张三11010519491231002X.xlsx，旧号110105491231002") == (
        "张三110105********002X.xlsx，旧号110105*****1002")
    assert audit.masked("电话13800000000") == "电话13800000000"


def test_a_session_of_sensitive_actions_leaves_no_id_number_in_the_audit_log(capsys, live, demo_file, tmp_path):
    rows = good_rows(3)
    named_after = rows[0][HEADER.index("公民身份号码")]  # units name files after people
    period = busy_period(live)
    plan, result = import_file(live, write_xlsx(tmp_path / f"{rows[0][1]}{named_after}.xlsx", rows),
                               ImportOptions(period_id=period))
    export_receipt(live, plan, result, tmp_path / f"回执{named_after}.xlsx")
    export_roster(live, period, tmp_path / "名单.xlsx", full_ids=True)
    assert run(capsys, "people", "--db", demo_file, "--full-id", "--search", named_after)[0] == 0
    lonely = live.execute("SELECT id FROM people WHERE id NOT IN (SELECT person_id FROM enrollments) LIMIT 1").fetchone()[0]
    people.delete_person(live, lonely)
    roster_service.remove_many(live, [line.enrollment_id for line in roster_service.roster(live, period)
                                      if line.status == "拟选调"][:2])
    running = busy_period(live, "开班")
    first_day = live.execute("SELECT start_date FROM periods WHERE id = ?", [running]).fetchone()[0]
    attendance.mark_slot(live, running, first_day, "上午")
    closeout.close_out(live, running, today=date(2030, 1, 1))
    pages = render(live, DocumentRequest("sign-in", period_id=running), tmp_path / "签到表.pdf")
    record_output(live, DocumentRequest("sign-in", period_id=running), pages, "打印")
    backups.restore(live, backups.take(live, "手动"))
    entries = audit.entries(live, limit=10_000)
    actions = {entry["action"] for entry in entries}
    assert {"导入名单", "导出导入回执", "导出学员名单", "导出完整身份证号", "删除人员", "移出名单", "结班",
            "打印文书", "恢复备份"} <= actions
    assert all(entry["at"] and entry["os_user"] for entry in entries)
    numbers = {row[0] for row in live.execute("SELECT id_number FROM people")} | {named_after}
    for entry in entries:
        text = " ".join(str(value) for value in entry.values())
        assert not FULL_ID.search(text), text
        assert not any(number in text for number in numbers), text
