"""Make-up training (补训) for roll-call classes (点名调训): who is 待补训 and why, linking to a make-up period,
completing it, waiving and undoing, the refusals (which leave the data as it was) and 全覆盖."""
from __future__ import annotations

import json

import pytest

from app.domain.errors import UserError, ValidationError
from app.domain.models import Enrollment
from app.domain.status import EnrollmentStatus, PeriodStatus
from app.services import roster
from app.services.makeup import items, writes
from app.services.stats import coverage
from app.storage import tables
from app.storage.periods import set_status as set_period_status


def class_named(db, name):
    return next(c for c in tables.classes(db).all() if c.name == name)


def periods_of(db, training_class):
    return sorted((p for p in tables.periods(db).all() if p.class_id == training_class.id), key=lambda p: p.number)


def snapshot(db):
    return (db.execute("SELECT * FROM enrollments ORDER BY id").fetchall(),
            db.execute("SELECT count(*) FROM audit_log").fetchone()[0])


@pytest.fixture
def section(demo_db):
    """The demo's roll-call 科级干部培训班: its first period closed, its second open for enrolment."""
    training_class = class_named(demo_db, "科级干部培训班")
    first, second = periods_of(demo_db, training_class)[:2]
    return training_class, first, second


def by_enrollment(db, **filters):
    return {found.enrollment_id: found for found in items.items(db, include_waived=True, **filters)}


def test_each_reason_and_only_roll_call_classes(demo_db, section):
    training_class, first, _ = section
    found = items.items(demo_db, training_class.id)
    reasons = {f.reason.split("（")[0] for f in found}
    assert {"缺训", "退学", "请假超过规定"} <= reasons
    for f in found:
        enrollment = tables.enrollments(demo_db).get(f.enrollment_id)
        assert enrollment.period_id == first.id and enrollment.makeup_of is None
        assert enrollment.status in (EnrollmentStatus.ABSENT, EnrollmentStatus.WITHDRAWN)
    leave = next(f for f in found if f.reason.startswith("请假超过规定"))
    assert leave.line.status == EnrollmentStatus.WITHDRAWN and "学时" in leave.reason
    roll_call = {c.id for c in tables.classes(demo_db).all() if c.roll_call}
    assert {f.line.class_id for f in items.items(demo_db)} <= roll_call
    others = demo_db.execute("""SELECT count(*) FROM enrollments e JOIN periods p ON p.id = e.period_id
                                JOIN training_classes c ON c.id = p.class_id
                                WHERE c.roll_call = 0 AND e.status = '缺训'""").fetchone()[0]
    assert others > 0  # 缺训 in classes not marked 点名调训 exist, and are not listed


def test_not_reported_once_closed_and_replaced_people_are_not_due(demo_db, section):
    training_class, _, second = section
    selected = [e for e in roster.roster(demo_db, second.id) if e.status == EnrollmentStatus.SELECTED
                and tables.enrollments(demo_db).get(e.enrollment_id).makeup_of is None]
    leaving = selected[0]
    on_roster = {e.person_id for e in roster.roster(demo_db, second.id)}
    newcomer = next(p for p in tables.people(demo_db).all() if p.id not in on_roster)
    roster.replace_trainee(demo_db, leaving.enrollment_id, newcomer.id, reason="工作调动")
    assert not any(f.line.period_id == second.id for f in items.items(demo_db, training_class.id))
    set_period_status(demo_db, second.id, PeriodStatus.CLOSED)
    due = {f.line.person_id: f for f in items.items(demo_db, training_class.id) if f.line.period_id == second.id}
    assert newcomer.id in due and due[newcomer.id].reason == "未报到"
    assert leaving.person_id not in due
    completed = {e.person_id for e in tables.enrollments(demo_db).where("status = '结业'")
                 if tables.periods(demo_db).get(e.period_id).class_id == training_class.id}
    expected = ({s.person_id for s in selected} - {leaving.person_id} | {newcomer.id}) - completed
    assert completed and set(due) == expected  # the replacement instead of the replaced one; who completed
    # another period of the class anyway needs no make-up


def test_linking_then_completing_clears_the_item(demo_db, section):
    training_class, first, second = section
    due = next(f for f in items.items(demo_db, training_class.id) if f.state == items.DUE)
    assert second.id == writes.suggested_periods(demo_db, due.enrollment_id)[0]
    done = writes.link(demo_db, due.enrollment_id, second.id)
    made = tables.enrollments(demo_db).get(done.enrollment.id)
    assert (made.period_id, made.makeup_of, made.status) == (second.id, due.enrollment_id, EnrollmentStatus.SELECTED)
    linked = by_enrollment(demo_db)[due.enrollment_id]
    assert linked.state == items.LINKED and linked.makeup.period_id == second.id
    assert items.makeups_in(demo_db, second.id)[made.id].startswith(f"补训：科级干部培训班第{first.number}期")
    entry = demo_db.execute("SELECT action, detail FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert entry[0] == "安排补训" and due.line.person_name in entry[1]
    roster.set_status(demo_db, made.id, EnrollmentStatus.COMPLETED)
    assert due.enrollment_id not in by_enrollment(demo_db)
    assert due.line.person_id in items.made_up_people(demo_db, training_class.id)


def test_a_failed_make_up_leaves_the_item_due(demo_db, section):
    training_class, _, second = section
    due = next(f for f in items.items(demo_db, training_class.id) if f.state == items.DUE)
    made = writes.link(demo_db, due.enrollment_id, second.id).enrollment
    roster.set_status(demo_db, made.id, EnrollmentStatus.WITHDRAWN)
    again = by_enrollment(demo_db)[due.enrollment_id]
    assert again.state == items.DUE and again.makeup is None
    assert made.id not in by_enrollment(demo_db)  # a make-up is never an item of its own


def test_waiving_and_undoing(demo_db, section):
    training_class, *_ = section
    due = next(f for f in items.items(demo_db, training_class.id) if f.state == items.DUE)
    writes.waive(demo_db, due.enrollment_id, "  已退休 ")
    assert due.enrollment_id not in {f.enrollment_id for f in items.items(demo_db)}
    waived = by_enrollment(demo_db)[due.enrollment_id]
    assert waived.state == items.WAIVED and waived.line.makeup_note == "已退休"
    assert tables.enrollments(demo_db).get(due.enrollment_id).makeup_note == "已退休"
    assert due.line.person_id not in items.due_people(demo_db, training_class.id)
    writes.unwaive(demo_db, due.enrollment_id)
    assert by_enrollment(demo_db)[due.enrollment_id].state == items.DUE
    actions = [row[0] for row in demo_db.execute("SELECT action FROM audit_log ORDER BY id DESC LIMIT 2")]
    assert actions == ["撤销免补训", "免补训"]


def refused(db, call, message):
    before = snapshot(db)
    with pytest.raises(UserError) as raised:
        call()
    assert message in str(raised.value)
    assert snapshot(db) == before
    return raised.value


def test_refusals_change_nothing(demo_db, section):
    training_class, first, second = section
    due = [f for f in items.items(demo_db, training_class.id) if f.state == items.DUE]
    one, two = due[0], due[1]
    closed = next(p for p in tables.periods(demo_db).all() if p.status == PeriodStatus.CLOSED and p.id != first.id)
    error = refused(demo_db, lambda: writes.link(demo_db, one.enrollment_id, closed.id), "已结班")
    assert isinstance(error, ValidationError) and "period" in error.errors
    refused(demo_db, lambda: writes.link(demo_db, one.enrollment_id, first.id), "不能是未完成的那一期")
    someone = roster.roster(demo_db, second.id)[0]
    tables.enrollments(demo_db).insert(Enrollment(second.id, two.line.person_id, two.line.unit_id))
    refused(demo_db, lambda: writes.link(demo_db, two.enrollment_id, second.id), "已在")
    other_class = next(e for e in tables.enrollments(demo_db).all()
                       if not tables.classes(demo_db).get(tables.periods(demo_db).get(e.period_id).class_id).roll_call)
    refused(demo_db, lambda: writes.link(demo_db, other_class.id, second.id), "不是点名调训班次")
    refused(demo_db, lambda: writes.waive(demo_db, other_class.id, "理由"), "不是点名调训班次")
    completed = next(e for e in tables.enrollments(demo_db).all()
                     if e.period_id == first.id and e.status == EnrollmentStatus.COMPLETED)
    refused(demo_db, lambda: writes.link(demo_db, completed.id, second.id), "无需补训")
    refused(demo_db, lambda: writes.waive(demo_db, one.enrollment_id, "   "), "须说明原因")
    refused(demo_db, lambda: writes.unwaive(demo_db, one.enrollment_id), "没有免补训")
    made = writes.link(demo_db, one.enrollment_id, second.id).enrollment
    refused(demo_db, lambda: writes.link(demo_db, one.enrollment_id, second.id), "已安排在")
    refused(demo_db, lambda: writes.waive(demo_db, one.enrollment_id, "调离"), "已安排在")
    refused(demo_db, lambda: writes.link(demo_db, made.id, second.id), "补训记录")
    assert someone  # the target period had a roster all along


def test_unlinking_an_arrangement_not_begun(demo_db, section):
    training_class, first, second = section
    due = next(f for f in items.items(demo_db, training_class.id) if f.state == items.DUE)
    made = writes.link(demo_db, due.enrollment_id, second.id).enrollment
    assert writes.unlink(demo_db, made.id) == due.enrollment_id
    assert by_enrollment(demo_db)[due.enrollment_id].state == items.DUE
    assert not tables.enrollments(demo_db).where("id = ?", [made.id])
    made = writes.link(demo_db, due.enrollment_id, second.id).enrollment
    roster.set_status(demo_db, made.id, EnrollmentStatus.REPORTED)
    refused(demo_db, lambda: writes.unlink(demo_db, made.id), "不能再取消")
    refused(demo_db, lambda: writes.unlink(demo_db, due.enrollment_id), "不是补训记录")


def test_targets_offer_the_later_periods_of_the_class_first(demo_db, section):
    training_class, first, second = section
    due = next(f for f in items.items(demo_db, training_class.id) if f.state == items.DUE)
    found = writes.targets(demo_db, due.enrollment_id)
    assert found[0] == (next(e for e, _ in found if e.id == second.id), True)
    assert all(not suggested for _, suggested in found[1:]) and len(found) > 3
    assert all(e.status != PeriodStatus.CLOSED and e.id != first.id for e, _ in found)


def test_over_capacity_is_a_warning(demo_db, section):
    training_class, _, second = section
    second.capacity = sum(1 for line in roster.roster(demo_db, second.id) if line.active)
    tables.periods(demo_db).update(second)
    due = next(f for f in items.items(demo_db, training_class.id) if f.state == items.DUE)
    done = writes.link(demo_db, due.enrollment_id, second.id)
    assert done.enrollment.id and any("超出容量" in w for w in done.warnings)


def test_coverage_counts_make_up_completions_and_marks_the_due(demo_db):
    leaders = class_named(demo_db, "县管领导干部学习贯彻党的十九届四中全会精神专题班")
    ranks = sorted({r[0] for r in demo_db.execute(
        """SELECT DISTINCT p.rank FROM enrollments e JOIN people p ON p.id = e.person_id
           JOIN periods pe ON pe.id = e.period_id WHERE pe.class_id = ?""", [leaders.id])})
    coverage.set_group(demo_db, leaders.id, [], ranks)
    found = coverage.coverage(demo_db, leaders.id)
    missing = {p.id for p in found.missing}
    made_up = items.made_up_people(demo_db, leaders.id)
    due = items.due_people(demo_db, leaders.id)
    assert made_up and not made_up & missing  # made up in a later period: covered
    assert due and due <= missing and found.makeup_due == due
    # the same person's missed enrollment, without its make-up, would leave them uncovered
    person = next(iter(made_up))
    demo_db.execute("UPDATE enrollments SET makeup_of = NULL WHERE person_id = ? AND makeup_of IS NOT NULL", [person])
    demo_db.execute("""DELETE FROM enrollments WHERE person_id = ? AND status = '结业' AND period_id IN
                       (SELECT id FROM periods WHERE class_id = ?)""", [person, leaders.id])
    after = coverage.coverage(demo_db, leaders.id)
    assert person in {p.id for p in after.missing} and person in after.makeup_due


def test_the_demo_has_one_made_up_and_one_linked(demo_db):
    made = tables.enrollments(demo_db).where("makeup_of IS NOT NULL")
    statuses = sorted(m.status for m in made)
    assert statuses == sorted([EnrollmentStatus.COMPLETED, EnrollmentStatus.SELECTED])
    assert json.dumps([f.reason for f in items.items(demo_db)], ensure_ascii=False)


def test_roster_undo_keeps_the_make_up_link(demo_db, section):
    from app.services import roster_undo

    training_class, _, second = section
    due = next(f for f in items.items(demo_db, training_class.id) if f.state == items.DUE)
    made = writes.link(demo_db, due.enrollment_id, second.id).enrollment
    before = roster_undo.seats(demo_db, second.id, [made.person_id])
    roster.set_status(demo_db, made.id, EnrollmentStatus.REPORTED)
    after = roster_undo.seats(demo_db, second.id, [made.person_id])
    roster_undo.restore(demo_db, second.id, after, before, "撤销更改学员状态")
    assert tables.enrollments(demo_db).get(made.id).makeup_of == due.enrollment_id
    roster.remove(demo_db, made.id)
    roster_undo.restore(demo_db, second.id, roster_undo.seats(demo_db, second.id, [made.person_id]), before, "撤销移出名单")
    back = tables.enrollments(demo_db).where("period_id = ? AND person_id = ?", [second.id, made.person_id])[0]
    assert back.makeup_of == due.enrollment_id
    assert by_enrollment(demo_db)[due.enrollment_id].state == items.LINKED
