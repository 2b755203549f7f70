"""A timetable for tests: a few pool lecturers (one a 领导干部), a teaching base, and a period's sessions
over its first days through the services, as the clerk would enter them."""
from __future__ import annotations

from app.domain.teaching_records import Lecturer, Session, TeachingBase
from app.services import settings
from app.services.teaching import lecturers, timetable
from app.storage import tables
from tests.documents.conftest import period_id

TOPICS = ("开班式暨开班第一课", "习近平新时代中国特色社会主义思想概论", "学习党章党规党纪", "长征精神现场教学",
          "乡村振兴典型案例", "领导干部政治能力提升", "分组研讨", "党性分析交流")


def pool(db) -> dict[str, int]:
    """Names -> ids of the pool lecturers and the base (made once per database)."""
    found = {lecturer.name: lecturer.id for lecturer in lecturers.list_lecturers(db)}
    if "王书记" not in found:
        for lecturer in (Lecturer("王书记", unit="县委", post="县委副书记", title="领导干部", kind="领导干部"),
                         Lecturer("李教授", unit="县委党校", post="副校长", title="正高级", kind="党校教师"),
                         Lecturer("赵老师", unit="县委党校", post="讲师", title="中级", kind="党校教师")):
            found[lecturer.name] = lecturers.save_lecturer(db, lecturer).id
    base = next((b for b in lecturers.list_bases(db) if b.name == "长征精神党性教育基地"), None)
    if base is None:
        base = lecturers.save_base(db, TeachingBase("长征精神党性教育基地", kind="党性教育基地", capacity=80))
    found["base"] = base.id
    if settings.get(db, "hours_per_half_day") != 4.0:
        with db.atomic():
            settings.put(db, "hours_per_half_day", 4.0)  # these tests' office counts 4 学时 a half-day (the demo 3)
    return found


def fill_timetable(db, period_id: int, days: int = 3) -> list[Session]:
    """Morning and afternoon sessions on the period's first `days` days (two on the first morning)."""
    ids = pool(db)
    period = tables.periods(db).get(period_id)
    plan = [("上午", "08:30", "09:30", TOPICS[0], "开班", None, "", 1.0),
            ("上午", "09:40", "11:40", TOPICS[1], "专题讲座", ids["李教授"], "", None),
            ("下午", "", "", TOPICS[2], "专题讲座", ids["王书记"], "", None),
            ("上午", "", "", TOPICS[3], "现场教学", None, "base", None),
            ("下午", "", "", TOPICS[4], "案例教学", None, "张典型", None),
            ("上午", "", "", TOPICS[5], "专题讲座", ids["王书记"], "", None),
            ("下午", "", "", TOPICS[7], "研讨交流", ids["赵老师"], "", None)]
    day_of = [0, 0, 0, 1, 1, 2, 2]
    saved = []
    for (half, start, end, topic, form, lecturer, other, hours), day in zip(plan, day_of, strict=True):
        if day >= min(days, period.days):
            continue
        session = Session(period_id, timetable.days_of(period)[day], half, topic=topic, form=form,
                          start_time=start, end_time=end, lecturer_id=lecturer, hours=hours,
                          base_id=ids["base"] if other == "base" else None,
                          lecturer_name="" if other == "base" else other, lecturer_post="乡村振兴带头人" if other == "张典型" else "",
                          place="" if other == "base" else "县委党校报告厅", party_spirit=topic == TOPICS[7])
        saved.append(timetable.save_session(db, session))
    return saved


CLASS = "加强党的政治建设专题培训班"


def timetabled_period(demo_db) -> int:
    """The demo's 加强党的政治建设专题培训班 第2期 with fill_timetable's sessions."""
    found = period_id(demo_db, CLASS, 2)
    fill_timetable(demo_db, found)
    return found
