"""The demo office's teaching side, from seeds/teaching.json: the lecturer pool (党校教师, 领导干部 with their
levels, 专家学者, 基层典型), the five teaching bases seed 000 names, and the timetables of the periods whose
class the seed gives a programme, laid on the periods' dates with nobody booked in two places at once."""
from __future__ import annotations

from datetime import date

from app.domain.models import Period, TrainingClass
from app.domain.teaching import PRACTICAL_POST_FORM
from app.domain.teaching_records import Lecturer, Session, TeachingBase
from app.services.teaching import timetable
from app.storage import tables
from app.storage.connection import Database

_DAY_HALVES = ("上午", "下午")


def build_teaching(db: Database, periods: list[tuple[Period, TrainingClass]], seed: dict) -> int:
    """Adds the pool, the bases and the timetables (call inside the demo's transaction); returns how many
    periods got a timetable."""
    lecturers = {row["key"]: tables.lecturers(db).insert(Lecturer(**{k: v for k, v in row.items() if k != "key"}))
                 for row in seed["lecturers"]}
    bases = {row["name"]: tables.teaching_bases(db).insert(TeachingBase(**row)) for row in seed["bases"]}
    layout = _Layout(seed["times"], lecturers, bases)
    count = 0
    for period, training_class in periods:
        programme = seed["timetables"].get(training_class.name)
        if programme and period.number in programme.get("periods", [period.number]):
            timetable.replace_timetable(db, period.id, layout.sessions(period, programme), "载入示范课程表")
            count += 1
    return count


def teaching_days(period: Period) -> list[str]:
    """The days taught: every day of a short class; a class of more than a week rests at weekends (as the
    demo's attendance does)."""
    days = timetable.days_of(period)
    if period.days <= 7:
        return days
    return [day for day in days if date.fromisoformat(day).weekday() < 5]


def spread(candidates: list[str], count: int) -> list[str]:
    """count of the candidates, evenly spaced from the first."""
    return [candidates[i * len(candidates) // count] for i in range(count)] if count else []


class _Layout:
    def __init__(self, times: dict, lecturers: dict[str, Lecturer], bases: dict[str, TeachingBase]):
        self.times, self.lecturers, self.bases = times, lecturers, bases
        self.busy: set[tuple[int, str, str]] = set()  # (lecturer, day, half) booked in any period

    def sessions(self, period: Period, programme: dict) -> list[Session]:
        """One entry a half-day in order (a count repeats it), then the evenings spread over the days that
        are neither 实岗锻炼 nor the last."""
        days = teaching_days(period)
        slots = [(day, half) for day in days for half in _DAY_HALVES]
        entries = [entry for entry in programme["halves"] for _ in range(entry[4] if len(entry) > 4 else 1)]
        if len(entries) != len(slots):
            raise ValueError(f"第{period.number}期有{len(slots)}个半天，课程安排有{len(entries)}个")
        found = [self._session(period, day, half, entry) for (day, half), entry in zip(slots, entries, strict=True)]
        post_days = {s.day for s in found if s.form == PRACTICAL_POST_FORM}
        evenings = programme.get("evenings", [])
        free = [day for day in days[:-1] if day not in post_days]
        found += [self._session(period, day, "晚上", entry)
                  for day, entry in zip(spread(free, len(evenings)), evenings, strict=True)]
        return found

    def _session(self, period: Period, day: str, half: str, entry: list) -> Session:
        form, topic, who, place = entry[:4]
        base = self.bases.get(place)
        start, end = self.times[half]
        return Session(period_id=period.id, day=day, half=half, topic=topic, form=form,
                       lecturer_id=self._free(who, day, half) if who else None,
                       base_id=base.id if base else None, place="" if base else place,
                       start_time=start, end_time=end)

    def _free(self, who: str, day: str, half: str) -> int:
        """The first of the lecturers named (key/key) who teaches nowhere else at that half-day."""
        for key in who.split("/"):
            lecturer_id = self.lecturers[key].id
            if (lecturer_id, day, half) not in self.busy:
                self.busy.add((lecturer_id, day, half))
                return lecturer_id
        raise ValueError(f"{day}{half}：{who}都已有课")
