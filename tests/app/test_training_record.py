"""一人一档 (培训档案): one cadre's training year by year — periods with status, hours in class and online,
结业考核, 党性分析 and 研究报告, 补训 and roles — from the service, as the printed 培训档案 (ID masked), as the
Excel export, and through `python -m app print record`."""
from __future__ import annotations

import openpyxl
import pytest

from app.domain.models import Enrollment, HoursRecord, Period, Person, TrainingClass, Unit
from app.domain.status import EnrollmentStatus, PeriodStatus
from app.services.class_management import assessment, committee
from app.services.class_management.assessment import AssessmentDraft
from app.services.documents import DocumentRequest, file_name, render
from app.services.exports.training_record import export_record
from app.services.makeup import writes
from app.services.training_record import training_record
from app.storage import tables
from tests.cli import run
from tests.documents.conftest import squeezed

ID_NUMBER = "500101198001010019"


def closed_period(db, training_class, number, start, end, status=PeriodStatus.CLOSED):
    return tables.periods(db).insert(Period(training_class.id, number, start, end, status=status))


@pytest.fixture
def cadre(db):
    """张三 over three years: 2019 a class (结业, 班长); 2020 a roll-call class missed (缺训) and online hours;
    2021 its make-up (结业, 考核不合格 with a reason, 组长 of 第二组, 党性分析, a report) and a class not yet held."""
    unit = tables.units(db).insert(Unit("县发展改革委"))
    person = tables.people(db).insert(Person("张三", ID_NUMBER, "男", unit_id=unit.id, post="副主任", rank="四级调研员"))
    other = tables.people(db).insert(Person("李四", "500101198001010035", unit_id=unit.id))
    theory = tables.classes(db).insert(TrainingClass("理论学习专题班", total_hours=30))
    section = tables.classes(db).insert(TrainingClass("科级干部培训班", total_hours=84, roll_call=True))
    p2019 = closed_period(db, theory, 1, "2019-04-01", "2019-04-05")
    p2020 = closed_period(db, section, 1, "2020-05-11", "2020-05-25")
    p2021 = closed_period(db, section, 2, "2021-05-10", "2021-05-24", PeriodStatus.OPEN)
    later = closed_period(db, theory, 2, "2021-10-11", "2021-10-15", PeriodStatus.ENROLLING)
    tables.enrollments(db).insert(Enrollment(p2019.id, person.id, unit.id, EnrollmentStatus.COMPLETED, hours=30,
                                             committee_role="班长"))
    missed = tables.enrollments(db).insert(Enrollment(p2020.id, person.id, unit.id, EnrollmentStatus.ABSENT))
    tables.enrollments(db).insert(Enrollment(later.id, person.id, unit.id, EnrollmentStatus.SELECTED))
    tables.enrollments(db).insert(Enrollment(p2021.id, other.id, unit.id, EnrollmentStatus.REPORTED))
    made = writes.link(db, missed.id, p2021.id).enrollment
    committee.set_group(db, p2021.id, [made.id], "第二组")
    committee.set_role(db, p2021.id, [made.id], "组长")
    assessment.save_assessment(db, made.id, AssessmentDraft("55", "", True, "关于优化营商环境的调研报告",
                                                            "补交研究报告，经研究同意结业"))
    from app.services import roster
    roster.set_status(db, made.id, EnrollmentStatus.COMPLETED)
    tables.periods(db).update(Period(**{**vars(tables.periods(db).get(p2021.id)), "status": PeriodStatus.CLOSED}))
    tables.enrollments(db).update(Enrollment(**{**vars(tables.enrollments(db).get(made.id)), "hours": 84.0}))
    for year, hours, kind, source in ((2020, 20, "网络学习", "重庆干部网络学院"), (2021, 12.5, "网络学习", "重庆干部网络学院"),
                                      (2021, 16, "集中培训", "市委党校")):
        tables.hours_records(db).insert(HoursRecord(person.id, year, hours, kind, source))
    return person


def test_the_record_year_by_year(db, cadre):
    record = training_record(db, cadre.id)
    assert record.unit_name == "县发展改革委"
    assert [y.year for y in record.years] == [2021, 2020, 2019]
    y2021, y2020, y2019 = record.years
    assert [(x.title, x.status) for x in y2021.lines] == [("科级干部培训班第2期", "结业"), ("理论学习专题班第2期", "已选调")]
    makeup = y2021.lines[0]
    assert makeup.role == "第二组组长" and makeup.assessment == "55分（不合格）"
    assert makeup.completion_reason == "补交研究报告，经研究同意结业"
    assert makeup.party_analysis and makeup.report_title == "关于优化营商环境的调研报告"
    assert makeup.makeup == "补训（补科级干部培训班第1期）"
    assert (y2021.class_hours, y2021.online_hours, y2021.other_hours, y2021.total) == (84, 12.5, 16, 112.5)
    assert y2021.lines[1].credited == 0  # a period not yet held credits nothing
    assert [(x.status, x.makeup) for x in y2020.lines] == [("缺训", "已在科级干部培训班第2期补训")]
    assert (y2020.class_hours, y2020.online_hours) == (0, 20)
    assert [(x.role, x.credited) for x in y2019.lines] == [("班长", 30)]
    assert record.total == 30 + 20 + 112.5


def test_the_years_hours_are_the_hours_ledgers(db, cadre):
    """The record counts as the 学时档案 does: closed periods in the year they end, records by their year."""
    from app.services.hours import ledger

    for year in training_record(db, cadre.id).years:
        counted = ledger.person_hours(db, cadre.id, year.year)
        assert (year.class_hours, year.online_hours, year.other_hours) == (counted.classes, counted.online,
                                                                           counted.other), year.year


def test_a_missed_roll_call_period_not_made_up_says_so(db, cadre):
    made = tables.enrollments(db).where("makeup_of IS NOT NULL")[0]
    tables.enrollments(db).delete(made.id)
    missed = tables.enrollments(db).get(made.makeup_of)
    assert training_record(db, cadre.id).years[1].lines[0].makeup == "待补训"
    writes.waive(db, missed.id, "已调离本县")
    assert training_record(db, cadre.id).years[1].lines[0].makeup == "免补训：已调离本县"


def test_a_person_without_training_has_an_empty_record(db):
    person = tables.people(db).insert(Person("王五", "500101198001010051"))
    record = training_record(db, person.id)
    assert record.years == [] and record.total == 0 and record.unit_name == ""


def test_the_printed_record_masks_the_id_number(db, cadre, tmp_path):
    target = tmp_path / "档案.pdf"
    pages = render(db, DocumentRequest("record", person_id=cadre.id), target)
    assert pages >= 1
    words = squeezed(target)
    # short pieces: a table cell wraps its words over lines
    for phrase in ("干部教育培训档案", "张三", "500101********0019", "2021年度合计112.5学时", "2020年度合计20学时",
                   "2019年度合计30学时", "科级干部培训", "第二组", "55分", "不合格", "理由", "关于优化",
                   "缺训", "班长", "已交", "重庆干部网络学院", "市委党校", "累计162.5学时"):
        assert phrase in words, phrase
    assert ID_NUMBER not in words
    assert words.index("2021年度") < words.index("2020年度") < words.index("2019年度")
    assert file_name(db, DocumentRequest("record", person_id=cadre.id)) == "张三培训档案.pdf"


def test_the_record_exports_to_excel(db, cadre, tmp_path):
    saved = export_record(db, cadre.id, tmp_path / "张三培训档案.xlsx")
    book = openpyxl.load_workbook(saved)
    assert book.sheetnames == ["逐年汇总", "参训记录", "其他学时"]
    cells = [str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert "科级干部培训班第2期" in cells and "第二组组长" in cells and "市委党校" in cells
    assert not any(ID_NUMBER in c for c in cells)
    assert any("500101********0019" in c for c in cells)
    years = [row for row in book["逐年汇总"].iter_rows(values_only=True) if row and isinstance(row[0], int)]
    assert [(row[0], row[-1]) for row in years] == [(2021, 112.5), (2020, 20), (2019, 30)]
    log = db.execute("SELECT action, detail FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert log[0] == "导出Excel" and ID_NUMBER not in log[1]


def test_print_record_through_the_command_line(capsys, demo_path, tmp_path):
    import sqlite3

    reader = sqlite3.connect(demo_path)
    person, name = reader.execute("""SELECT p.id, p.name FROM people p JOIN enrollments e ON e.person_id = p.id
                                     WHERE e.completion_reason <> '' LIMIT 1""").fetchone()
    reader.close()
    out_file = tmp_path / "输出 文件" / "档案.pdf"
    code, out, err = run(capsys, "print", "record", "--person", person, "-o", out_file, "--db", demo_path)
    assert (code, err) == (0, "") and out.startswith("已生成培训档案")
    words = squeezed(out_file)
    assert name in words and "中青年干部" in words and "不合格" in words and "2020年度" in words
    code, _, err = run(capsys, "print", "record", "-o", tmp_path / "x.pdf", "--db", demo_path)
    assert code == 2 and "需要指定人员" in err
    code, _, err = run(capsys, "print", "record", "--person", 999999, "-o", tmp_path / "y.pdf", "--db", demo_path)
    assert code == 2 and "找不到该人员" in err
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "y.pdf").exists()
