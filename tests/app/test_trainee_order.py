"""One order for a period's trainees: the roster window, the attendance sheet and the printed lists agree."""
import pytest

from app.services import attendance, periods
from app.services import roster as roster_service
from app.services.documents import sources


@pytest.fixture
def period_id(demo_db):
    return next(e.id for e in periods.entries(demo_db) if e.label == "县管副职领导干部进修班 第2期")


@pytest.mark.parametrize("order", ["unit", "name", "strokes"])
def test_the_attendance_sheet_lists_the_roster_in_its_order(demo_db, period_id, order):
    on_roster = [line.enrollment_id for line in roster_service.roster(demo_db, period_id, order) if line.active]
    assert len(on_roster) == 24
    assert [trainee.id for trainee in attendance.sheet(demo_db, period_id, order).trainees] == on_roster


@pytest.mark.parametrize("order", ["unit", "strokes"])
def test_the_printed_lists_follow_the_same_order(demo_db, period_id, order):
    on_roster = [line.enrollment_id for line in roster_service.roster(demo_db, period_id, order) if line.active]
    assert [t.enrollment_id for t in sources.trainees(demo_db, period_id, order=order)] == on_roster


def test_by_unit_means_the_units_order_then_surname_strokes(demo_db, period_id):
    from app.domain.strokes import stroke_key
    from app.storage.roster import named_enrollments

    lines = [line for line in roster_service.roster(demo_db, period_id, "unit") if line.active]
    keys = [(line.unit_order, line.unit_id, stroke_key(line.name)) for line in lines]
    assert keys == sorted(keys) and len({line.unit_id for line in lines}) > 3
    # the sheet's own query reads them by unit: a roster shown by strokes used to be marked in another order
    as_read = [e.id for e in named_enrollments(demo_db, period_id) if e.status not in ("已替换", "退学")]
    by_strokes = [line.enrollment_id for line in roster_service.roster(demo_db, period_id, "strokes") if line.active]
    assert as_read != by_strokes == [e.id for e in attendance.sheet(demo_db, period_id, "strokes").trainees]
