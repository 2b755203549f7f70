"""No lost update (issue 23): every record a form edits carries a version; a save over a version that moved
since the record was loaded is refused, naming who saved it and when, and changes nothing.

Two clerks are two connections to one office file (the second opened beside the first, as a background
worker's is); who writes is the signed-in user, so each clerk's save runs under their own name."""
from __future__ import annotations

import re
from dataclasses import replace

import pytest

from app.domain.errors import NotFound, RecordDeleted, StaleRecord, shown_time
from app.domain.models import Unit
from app.domain.status import PeriodStatus
from app.services import classes, closeout, database, people, plans, roster, units, versions
from app.services.safety import audit
from app.storage import writers
from app.storage.lock import DatabaseLock

MESSAGE = re.compile(r"^这条记录已被 (.+) 在 (\d{4}-\d\d-\d\d \d\d:\d\d) 修改，请刷新后再改$")


@pytest.fixture
def clerks(demo_file, monkeypatch):
    """Two connections to the demo file, and `as_clerk(name)` to make the next writes that clerk's."""
    lock = DatabaseLock.acquire(demo_file)
    first = database.open_database(demo_file, lock=lock)
    second = database.light_connection(demo_file, lock)

    def as_clerk(name: str) -> None:
        monkeypatch.setattr(writers, "os_user", lambda: name)

    yield first, second, as_clerk
    second.close()
    first.close()
    lock.release()


def test_a_save_over_someone_elses_is_refused_naming_them_and_changes_nothing(clerks):
    a, b, as_clerk = clerks
    loaded_by_a = people.get_person(a, 7)
    loaded_by_b = people.get_person(b, 7)
    assert loaded_by_a.version == loaded_by_b.version >= 1
    as_clerk("李四")
    saved_by_b = people.save_person(b, replace(loaded_by_b, phone="13900001111"))
    assert saved_by_b.version == loaded_by_a.version + 1 and saved_by_b.changed_by == "李四"
    as_clerk("张三")
    with pytest.raises(StaleRecord) as refused:
        people.save_person(a, replace(loaded_by_a, notes="张三的修改"))
    found = MESSAGE.match(str(refused.value))
    assert found is not None, str(refused.value)
    assert found[1] == "李四" and found[2] == shown_time(saved_by_b.changed_at)
    stored = people.get_person(a, 7)
    assert (stored.phone, stored.notes, stored.version) == ("13900001111", loaded_by_a.notes, saved_by_b.version)
    # reloaded, A's save goes through and counts one more
    again = people.save_person(a, replace(versions.current(a, loaded_by_a), notes="张三的修改"))
    stored = people.get_person(b, 7)
    assert (stored.phone, stored.notes, stored.version, stored.changed_by) == (
        "13900001111", "张三的修改", saved_by_b.version + 1, "张三")
    assert again.version == stored.version


def test_the_audit_log_records_each_save_under_its_clerk(clerks):
    a, b, as_clerk = clerks
    loaded = units.list_units(a)[0]
    as_clerk("李四")
    units.save_unit(b, replace(units.list_units(b)[0], contact_name="王五"))
    as_clerk("张三")
    with pytest.raises(StaleRecord):
        units.save_unit(a, replace(loaded, notes="张三"))
    units.save_unit(a, replace(versions.current(a, loaded), notes="张三"))
    newest = audit.entries(a, 2)
    assert [entry["os_user"] for entry in newest] == ["张三", "李四"]
    assert all(entry["entity"] == "unit" and entry["entity_id"] == loaded.id for entry in newest)


def test_a_record_deleted_meanwhile_gets_its_own_message(clerks):
    a, b, as_clerk = clerks
    made = units.save_unit(a, Unit(name="临时单位"))
    assert made.version == 1 and made.changed_by and made.changed_at
    units.delete_unit(b, made.id)
    with pytest.raises(RecordDeleted, match="已被删除") as refused:
        units.save_unit(a, replace(made, notes="x"))
    assert not isinstance(refused.value, StaleRecord)
    with pytest.raises(NotFound):
        versions.current(a, made)


def test_the_class_form_is_refused_when_its_class_or_a_period_moved(clerks):
    a, b, as_clerk = clerks
    class_id = classes.list_classes(a)[0].id
    draft_a = classes.load_draft(a, class_id)
    as_clerk("李四")
    draft_b = classes.load_draft(b, class_id)
    classes.save_draft(b, replace(draft_b, training_class=replace(draft_b.training_class, theme="李四改的主题")))
    with pytest.raises(StaleRecord, match="李四"):
        classes.save_draft(a, replace(draft_a, training_class=replace(draft_a.training_class, place="张三改的地点")))
    assert classes.get_class(a, class_id).theme == "李四改的主题"
    assert classes.get_class(a, class_id).place == draft_a.training_class.place
    # a period saved on its own (moved on the calendar) since the form loaded the class
    draft_a = classes.load_draft(a, class_id)
    period = draft_a.periods[0]
    classes.save_period(b, replace(classes.get_period(b, period.id), notes="李四的备注"))
    with pytest.raises(StaleRecord, match="李四"):
        classes.save_draft(a, draft_a)
    assert classes.get_period(a, period.id).notes == "李四的备注"
    saved = classes.save_draft(a, classes.load_draft(a, class_id))
    assert saved.version == classes.get_class(b, class_id).version


def test_the_plan_editor_is_refused_when_the_plan_moved(clerks):
    a, b, as_clerk = clerks
    plan = plans.list_plans(a)[0]
    outline = plans.plan_outline(a, plan.id)
    loaded = plans.get_plan(a, plan.id)
    as_clerk("李四")
    plans.save_plan(b, replace(plans.get_plan(b, plan.id), closing="李四"), outline.sections, outline.contacts)
    with pytest.raises(StaleRecord, match="李四"):
        plans.save_plan(a, replace(loaded, closing="张三"), outline.sections, outline.contacts)
    assert plans.get_plan(a, plan.id).closing == "李四"


def test_bulk_changes_bump_the_versions_of_what_they_change(clerks):
    a, b, as_clerk = clerks
    line = next(line for period in classes.list_periods(a) if not PeriodStatus.is_closed(period.status)
                for line in roster.roster(a, period.id) if line.status == "拟选调")
    enrollment = roster.get_enrollment(a, line.enrollment_id)
    as_clerk("李四")
    assert roster.set_statuses(b, [enrollment.id], "已报到") == {}
    moved = roster.get_enrollment(a, enrollment.id)
    assert moved.version == enrollment.version + 1 and moved.changed_by == "李四"
    # units put in order: those whose place changed count one more
    before = {unit.id: unit.version for unit in units.list_units(a)}
    first = units.list_units(a)[0]
    units.move_unit(b, first.id, 1)
    after = {unit.id: unit.version for unit in units.list_units(a)}
    assert after[first.id] == before[first.id] + 1 and sum(after.values()) == sum(before.values()) + 2


def test_a_close_out_bumps_the_period_and_its_trainees(demo_db):
    from app.storage import tables

    period = next(p for p in classes.list_periods(demo_db) if not PeriodStatus.is_closed(p.status) and
                  roster.roster(demo_db, p.id) and _has_marks(demo_db, p.id))
    trainees = {line.enrollment_id: roster.get_enrollment(demo_db, line.enrollment_id).version
                for line in roster.roster(demo_db, period.id)}
    closeout.close_out(demo_db, period.id)
    assert tables.periods(demo_db).get(period.id).version == period.version + 1
    assert all(roster.get_enrollment(demo_db, eid).version == version + 1 for eid, version in trainees.items())


def _has_marks(db, period_id: int) -> bool:
    from app.services import attendance

    return bool(attendance.sheet(db, period_id).marks)


def test_new_records_start_at_version_one_with_who_and_when(db, monkeypatch):
    monkeypatch.setattr(writers, "writer_name", lambda connection: "王五")
    unit = units.save_unit(db, Unit(name="县委办公室"))
    stored = versions.current(db, unit)
    assert (stored.version, stored.changed_by) == (1, "王五") and stored.changed_at[:4].isdigit()
    # a record read without its version (0) is written over what is there, and still counted
    assert units.save_unit(db, replace(stored, version=0, notes="x")).version == 2


def test_the_writer_is_answered_in_one_place(db, monkeypatch):
    monkeypatch.setattr(writers, "writer_name", lambda connection: "traindesk_clerk")
    units.save_unit(db, Unit(name="县委宣传部"))
    assert audit.entries(db, 1)[0]["os_user"] == "traindesk_clerk"
    assert units.list_units(db)[0].changed_by == "traindesk_clerk"


def test_a_budget_line_saved_over_a_moved_version_is_refused(clerks):
    from app.services.funds import budget

    a, b, as_clerk = clerks
    period = classes.list_periods(a)[0]
    made = budget.save_own_line(a, period.id, "教材费", "1200", "每人40元")
    loaded = next(i for i in budget.period_budget(a, period.id).items if i.line_id == made.id)
    as_clerk("李四")
    budget.save_own_line(b, period.id, "教材费", "1500", "每人50元", made.id, loaded.version)
    as_clerk("张三")
    with pytest.raises(StaleRecord, match="李四"):
        budget.save_own_line(a, period.id, "教材费", "1300", "", made.id, loaded.version)
    assert next(i for i in budget.period_budget(a, period.id).items if i.line_id == made.id).amount == 1500


def test_an_import_bumps_the_people_it_updates_and_stamps_those_it_adds(demo_db, tmp_path, monkeypatch):
    from app.services.importing.pipeline import analyse, choose_sheet, commit, read_source
    from app.services.importing.plan import ImportOptions
    from tests.roster_files import good_rows, person, write_xlsx

    someone = people.search_people(demo_db)[5]
    loaded = people.get_person(demo_db, someone.id)  # a form open on them
    changed = person(someone.name, someone.birth_date, 1, 现任职务="导入的职务", 工作单位=someone.unit_name,
                     公民身份号码=someone.id_number, 性别=someone.gender, 职级=someone.rank,
                     干部类别=someone.cadre_category, 政治面貌=someone.political_status, 学历=someone.education,
                     民族=someone.ethnicity, 手机号码=someone.phone)
    path = write_xlsx(tmp_path / "a.xlsx", [changed, good_rows(1)[0]])
    sheet, layout = choose_sheet(read_source(path))
    monkeypatch.setattr(writers, "writer_name", lambda connection: "李四")
    result = commit(demo_db, analyse(demo_db, path.name, sheet, layout, ImportOptions(mode="add-update")))
    assert (result.added, result.updated) == (1, 1)
    imported = people.get_person(demo_db, someone.id)
    assert imported.version == loaded.version + 1 and imported.changed_by == "李四"
    with pytest.raises(StaleRecord, match="李四"):
        people.save_person(demo_db, replace(loaded, notes="表单里的修改"))
    assert people.get_person(demo_db, someone.id).post == "导入的职务"
    newest = max(people.search_people(demo_db), key=lambda p: p.id)
    assert (newest.version, newest.changed_by) == (1, "李四") and newest.changed_at


def test_a_word_replaced_across_the_archive_bumps_who_holds_it(demo_db):
    from app.storage import words

    holder = next(p for p in people.search_people(demo_db) if p.education)
    loaded = people.get_person(demo_db, holder.id)
    with demo_db.atomic():
        assert words.replace_word(demo_db, "education", loaded.education, loaded.education + "（核）") >= 1
    with pytest.raises(StaleRecord):
        people.save_person(demo_db, replace(loaded, notes="x"))
