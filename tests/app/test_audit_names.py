"""The audit log names records as the clerk knows them ("县管副职领导干部进修班 第1期", not "期次21"), when read:
the stored rows stay as written."""
from app.domain.models import Period, TrainingClass
from app.services import classes, closeout, periods, quotas, units
from app.services import roster as roster_service
from app.services.documents import record_output
from app.services.documents.request import DocumentRequest
from app.services.safety import audit
from app.storage import tables


def newest(db) -> dict:
    return audit.entries(db, limit=1)[0]


def period_named(db, label: str):
    return next(entry for entry in periods.entries(db) if entry.label == label)


def test_a_printed_documents_period_and_unit_are_named(demo_db):
    period = period_named(demo_db, "县管副职领导干部进修班 第1期")
    record_output(demo_db, DocumentRequest("letters", period_id=period.id), 12, "打印")
    entry = newest(demo_db)
    assert entry["detail"] == f"入学通知书（期次{period.id}）：12页"  # stored as written
    assert entry["shown"] == "入学通知书（县管副职领导干部进修班 第1期）：12页"
    unit = units.list_units(demo_db)[0]
    record_output(demo_db, DocumentRequest("unit-letters", period_id=period.id, unit_id=unit.id), 1, "保存")
    assert newest(demo_db)["shown"] == f"学员选调函（县管副职领导干部进修班 第1期，{unit.name}）：1页"


def test_a_period_named_only_by_its_number_gets_its_class(demo_db):
    period = period_named(demo_db, "县管副职领导干部进修班 第1期")
    closeout.reopen(demo_db, period.id, "补录学时")
    entry = newest(demo_db)
    assert entry["detail"] == "第1期，原因：补录学时"
    assert entry["shown"] == "县管副职领导干部进修班 第1期，原因：补录学时"
    quotas.save_quotas(demo_db, period.id, {units.list_units(demo_db)[0].id: 3})
    assert newest(demo_db)["shown"] == "县管副职领导干部进修班 第1期：1个单位，共3个名额"


def test_a_trainee_and_a_unit_are_named_where_the_detail_does_not(demo_db):
    period = period_named(demo_db, "国企改革与管理培训班 第1期")
    line = roster_service.roster(demo_db, period.id)[0]
    roster_service.set_status(demo_db, line.enrollment_id, "已报到")
    assert newest(demo_db)["shown"] == f"{line.name}（国企改革与管理培训班 第1期）：{line.status} → 已报到"
    roster_service.update_details(demo_db, line.enrollment_id, 0, "", "")
    assert newest(demo_db)["shown"] == f"{line.name}（国企改革与管理培训班 第1期）"
    second = units.list_units(demo_db)[1]
    units.move_unit(demo_db, second.id, -1)
    assert (newest(demo_db)["detail"], newest(demo_db)["shown"]) == ("", second.name)


def test_entries_that_name_their_record_stay_as_written(demo_db):
    period = period_named(demo_db, "国企改革与管理培训班 第1期")
    someone = tables.people(demo_db).get(3)
    roster_service.add_people(demo_db, period.id, [someone.id])
    entry = newest(demo_db)
    assert entry["shown"] == entry["detail"] and someone.name in entry["detail"]
    draft = classes.load_draft(demo_db, period.class_id)
    classes.save_draft(demo_db, draft)
    assert newest(demo_db)["shown"] == newest(demo_db)["detail"] == "国企改革与管理培训班（1期）"


def test_a_deleted_period_is_said_to_be_deleted(demo_db):
    saved = classes.save_draft(demo_db, classes.ClassDraft(TrainingClass(name="临时班", kind="专题班"), [
        Period(class_id=0, number=1, start_date="2020-12-21", end_date="2020-12-22")]))
    period_id = classes.load_draft(demo_db, saved.id).periods[0].id
    record_output(demo_db, DocumentRequest("sign-in", period_id=period_id), 2, "打印")
    classes.delete_class(demo_db, saved.id)
    printed = next(e for e in audit.entries(demo_db, limit=5) if e["action"] == "打印文书")
    assert printed["shown"] == f"签到表（已删除的期次{period_id}）：2页"
