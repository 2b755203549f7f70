"""A period's roster: adding, replacing, statuses, quotas, double booking, orders, export."""
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from app.domain.errors import UserError, ValidationError
from app.domain.models import Period, Person, TrainingClass, Unit
from app.services import classes, people, quotas, units
from app.services import roster as roster_service
from app.services.exports.roster import export_roster
from app.services.safety import audit
from tests.roster_files import id_number

START = date(2020, 5, 11)


@pytest.fixture
def office(db):
    """Two overlapping periods of two classes, two units and five people."""
    first = units.save_unit(db, Unit(name="县委办公室", sort_order=20))
    second = units.save_unit(db, Unit(name="县财政局", sort_order=10))
    course = classes.save_draft(db, classes.ClassDraft(TrainingClass(name="科级干部培训班", kind="主体班", total_hours=40)))
    other = classes.save_draft(db, classes.ClassDraft(TrainingClass(name="选调生培训班")))
    period = classes.save_period(db, Period(course.id, 1, START.isoformat(), (START + timedelta(days=4)).isoformat()))
    overlapping = classes.save_period(db, Period(other.id, 1, "2020-05-13", "2020-05-20"))
    names = ["王五", "丁一", "张三", "马六", "于二"]
    persons = [people.save_person(db, Person(name=name, id_number=id_number("1980-01-01", i * 2 + 1),
                                             unit_id=(first, second)[i % 2].id)) for i, name in enumerate(names)]
    return {"period": period, "other": overlapping, "people": persons, "units": (first, second)}


def test_adding_refuses_the_same_person_twice_and_warns_of_double_booking(db, office):
    period, other, persons = office["period"], office["other"], office["people"]
    roster_service.add_people(db, other.id, [persons[0].id])
    outcome = roster_service.add_people(db, period.id, [p.id for p in persons[:3]])
    assert len(outcome.added) == 3
    assert outcome.double_booked == {persons[0].id: ["选调生培训班第1期（05-13至05-20）"]}
    again = roster_service.add_people(db, period.id, [persons[1].id, persons[3].id])
    assert again.refused == {persons[1].id: "“丁一”已在本期名单中"} and len(again.added) == 1
    assert roster_service.double_booked(db, period.id) == {persons[0].id: ["选调生培训班第1期（05-13至05-20）"]}


def _enrolled(db, office):
    roster_service.add_people(db, office["period"].id, [p.id for p in office["people"][:3]])
    return roster_service.roster(db, office["period"].id)


def test_a_late_replacement_needs_a_reason_and_is_recorded(db, office):
    leaving = _enrolled(db, office)[0]
    newcomer = office["people"][4]
    late = START - timedelta(days=3)
    with pytest.raises(ValidationError) as caught:
        roster_service.replace_trainee(db, leaving.enrollment_id, newcomer.id, "  ", today=late)
    assert "不足5天" in caught.value.errors["reason"] and "仅3天" in caught.value.errors["reason"]
    assert [line.status for line in roster_service.roster(db, office["period"].id)] == ["拟选调"] * 3
    new, busy = roster_service.replace_trainee(db, leaving.enrollment_id, newcomer.id, "原学员住院", today=late)
    lines = {line.enrollment_id: line for line in roster_service.roster(db, office["period"].id)}
    assert lines[leaving.enrollment_id].status == "已替换"
    assert lines[leaving.enrollment_id].replace_reason == "原学员住院"
    assert lines[leaving.enrollment_id].replaced_by == new.id
    assert lines[new.id].name == "于二" and lines[new.id].status == "拟选调" and busy == []
    assert "开班前不足5天：原学员住院" in audit.entries(db)[0]["detail"]


def test_four_days_before_the_start_is_still_late(db, office):
    leaving = _enrolled(db, office)[0]
    with pytest.raises(ValidationError) as caught:
        roster_service.replace_trainee(db, leaving.enrollment_id, office["people"][4].id, "",
                                       today=START - timedelta(days=4))
    assert "不足5天" in caught.value.errors["reason"] and "仅4天" in caught.value.errors["reason"]
    assert [line.status for line in roster_service.roster(db, office["period"].id)] == ["拟选调"] * 3


def test_an_early_replacement_needs_no_reason(db, office):
    leaving = _enrolled(db, office)[1]
    roster_service.replace_trainee(db, leaving.enrollment_id, office["people"][4].id, today=START - timedelta(days=5))
    with pytest.raises(ValidationError, match="不能再被替换"):
        roster_service.replace_trainee(db, leaving.enrollment_id, office["people"][3].id, today=START)
    on_roster = _enrolled_ids(db, office)
    with pytest.raises(ValidationError, match="已在本期名单中"):
        roster_service.replace_trainee(db, roster_service.roster(db, office["period"].id)[0].enrollment_id,
                                       on_roster[-1], "x", today=START)


def _enrolled_ids(db, office):
    return [line.person_id for line in roster_service.roster(db, office["period"].id)]


def test_status_changes_credit_or_clear_hours(db, office):
    line = _enrolled(db, office)[0]
    assert roster_service.set_status(db, line.enrollment_id, "结业").hours == 40
    assert roster_service.set_status(db, line.enrollment_id, "缺训").hours == 0
    with pytest.raises(ValidationError, match="不在可选范围"):
        roster_service.set_status(db, line.enrollment_id, "毕业")
    with pytest.raises(UserError, match="更换学员"):
        roster_service.set_status(db, line.enrollment_id, "已替换")


def test_details_and_removal(db, office):
    line = _enrolled(db, office)[0]
    roster_service.update_details(db, line.enrollment_id, 12.5, "如何推进乡村振兴", " 迟到 ")
    back = roster_service.roster(db, office["period"].id)[0]
    assert (back.hours, back.key_problems, back.notes) == (12.5, "如何推进乡村振兴", "迟到")
    with pytest.raises(ValidationError):
        roster_service.update_details(db, line.enrollment_id, -1, "", "")
    roster_service.remove(db, line.enrollment_id)
    assert len(roster_service.roster(db, office["period"].id)) == 2


def test_quotas_used_remaining_and_over(db, office):
    period, (first, second) = office["period"], office["units"]
    _enrolled(db, office)  # 王五, 张三 of the first unit, 丁一 of the second
    assert quotas.warnings(db, period.id) == []
    quotas.save_quotas(db, period.id, {first.id: 1})
    usage = {u.unit_name: (u.seats, u.used, u.remaining, u.over) for u in quotas.usage(db, period.id)}
    assert usage == {"县财政局": (None, 1, None, False), "县委办公室": (1, 2, -1, True)}
    assert quotas.warnings(db, period.id) == ["县财政局未分配名额，已选1人", "县委办公室名额1人，已选2人，超出1人"]
    with pytest.raises(ValidationError):
        quotas.save_quotas(db, period.id, {second.id: -2})
    assert len(quotas.usage(db, period.id, every_unit=True)) == 2


def test_official_orders(db, office):
    _enrolled(db, office)
    roster_service.add_people(db, office["period"].id, [p.id for p in office["people"][3:]])
    lines = roster_service.roster(db, office["period"].id)
    # 丁 2 strokes, 于 and 马 3 (于 first in dictionary order), 王 4, 张 7
    assert [line.name for line in roster_service.sort_lines(lines, "strokes")] == ["丁一", "于二", "马六", "王五", "张三"]
    assert [line.name for line in roster_service.sort_lines(lines, "name")] == ["丁一", "马六", "王五", "于二", "张三"]
    assert [line.unit_name for line in lines] == ["县财政局"] * 2 + ["县委办公室"] * 3


def test_export_is_formatted_and_keeps_text_as_text(db, office, tmp_path):
    line = _enrolled(db, office)[0]
    roster_service.update_details(db, line.enrollment_id, 0, "=1+1", "")
    path = export_roster(db, office["period"].id, tmp_path / "名单 导出.xlsx")
    sheet = load_workbook(path).active
    assert sheet["A1"].value == "科级干部培训班第1期（2020-05-11至2020-05-15）学员名单"
    assert [c.value for c in sheet[3]][:3] == ["序号", "姓名", "性别"]
    assert sheet.freeze_panes == "A4" and sheet.print_area and sheet.print_title_rows == "$3:$3"
    assert sheet.column_dimensions["F"].width > sheet.column_dimensions["C"].width
    ids = [row[5] for row in sheet.iter_rows(min_row=4)]
    assert all(cell.number_format == "@" and len(cell.value) == 18 for cell in ids)
    formula = [cell for row in sheet.iter_rows(min_row=4) for cell in row if cell.value == "=1+1"]
    assert formula and formula[0].data_type == "s"


def test_a_closed_periods_roster_refuses_every_change(demo_db):
    from app.domain.errors import UserError
    from app.storage import tables as stored

    closed = next(p for p in stored.periods(demo_db).where() if p.status == "结班")
    lines = roster_service.roster(demo_db, closed.id)
    enrolled = {line.person_id for line in lines}
    outsider = next(p for p in stored.people(demo_db).where() if p.id not in enrolled)
    before = [(l.enrollment_id, l.status, l.hours, l.notes) for l in lines]
    attempts = [lambda: roster_service.add_people(demo_db, closed.id, [outsider.id]),
                lambda: roster_service.set_status(demo_db, lines[0].enrollment_id, "退学"),
                lambda: roster_service.replace_trainee(demo_db, lines[0].enrollment_id, outsider.id, "因公"),
                lambda: roster_service.update_details(demo_db, lines[0].enrollment_id, 1, "", "改"),
                lambda: roster_service.remove_many(demo_db, [lines[0].enrollment_id])]
    for attempt in attempts:
        with pytest.raises(UserError, match="已结班，名单和考勤已锁定"):
            attempt()
    after = [(l.enrollment_id, l.status, l.hours, l.notes) for l in roster_service.roster(demo_db, closed.id)]
    assert after == before
