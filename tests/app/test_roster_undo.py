"""Putting a roster's seats back (undo and redo without a window): by person, checked, one transaction."""
from datetime import date

import pytest

from app.domain.errors import UserError
from app.services import attendance
from app.services import roster as roster_service
from app.services.roster_undo import restore, seats
from app.services.safety import audit
from tests.app.test_roster import START, office  # noqa: F401 (a fixture)


def test_a_replacement_is_put_back_and_made_again_with_its_link(db, office):  # noqa: F811
    period, persons = office["period"], office["people"]
    roster_service.add_people(db, period.id, [persons[0].id])
    keys = [persons[0].id, persons[1].id]
    before = seats(db, period.id, keys)
    roster_service.replace_trainee(db, roster_service.roster(db, period.id)[0].enrollment_id, persons[1].id,
                                   "出差", today=date(2020, 1, 1))
    after = seats(db, period.id, keys)
    assert after[persons[0].id].status == "已替换" and after[persons[0].id].replaced_by_person == persons[1].id
    restore(db, period.id, after, before, "撤销更换学员")
    assert seats(db, period.id, keys) == before and before[persons[1].id] is None
    restore(db, period.id, before, after, "重做更换学员")
    assert seats(db, period.id, keys) == after  # the link follows the newcomer's new record
    assert [entry["action"] for entry in audit.entries(db)[:2]] == ["重做更换学员", "重做更换学员"]


def test_taking_off_a_seat_refuses_when_its_marks_or_details_changed_since(db, office):  # noqa: F811
    period, persons = office["period"], office["people"]
    keys = [persons[0].id]
    before = seats(db, period.id, keys)
    roster_service.add_people(db, period.id, keys)
    after = seats(db, period.id, keys)
    enrollment = roster_service.roster(db, period.id)[0].enrollment_id
    attendance.set_mark(db, enrollment, START.isoformat(), "上午", "出勤")
    with pytest.raises(UserError, match="王五已登记了考勤"):
        restore(db, period.id, after, before, "撤销加入名单")
    roster_service.set_status(db, enrollment, "已报到")
    with pytest.raises(UserError, match=r"^这条记录已被 .* 在 \d{4}-\d\d-\d\d \d\d:\d\d 修改，请刷新后再改$"):
        restore(db, period.id, after, before, "撤销加入名单")
    assert seats(db, period.id, keys)[persons[0].id].status == "已报到"  # nothing written
