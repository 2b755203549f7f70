"""The demo office's class management (跟班管理, seed 000 item 22: 对重点班次派员全程跟班管理，加强学员自我管理，开展学风
督查): the 中青年干部培训班 and the first 科级干部培训班, both closed, and the 县管副职领导干部进修班 now in session
each have a 班主任 and 跟班人员, a 班长 and 班委, study groups with their 组长 and a 学风督查 record; the two closed
ones have their 结业考核, one trainee 不合格 who completed with the office's reason.

Written through the services, as the office would have entered it."""
from __future__ import annotations

from datetime import date, timedelta

from app.domain.models import Period
from app.domain.quality_records import DisciplineCheck, PeriodStaff
from app.domain.status import PeriodStatus
from app.services.class_management import assessment, committee, staff
from app.storage import tables
from app.storage.connection import Database

# (class, period number, 班主任, 跟班人员, groups, assessed)
CLASSES = (("中青年干部培训班", 1, "刘明远", "陈晓雪", 3, True),
           ("科级干部培训班", 1, "刘明远", "赵一凡", 4, True),
           ("县管副职领导干部进修班", 2, "孙海燕", "陈晓雪", 3, False))
OFFICE_PHONE = "023-77221234"
NUMERALS = "一二三四五六"
REPORTS = ("以高质量党建引领基层治理的实践与思考", "关于推进乡村振兴产业发展的调研报告", "提升为民服务能力的几点体会",
           "学习贯彻新发展理念心得体会", "优化营商环境的调查与建议")
FAILED_REASON = "考核后补交研究报告，经班委会和跟班人员研究同意结业"


def build_class_management(db: Database) -> None:
    for class_name, number, teacher, helper, groups, assessed in CLASSES:
        period = _period(db, class_name, number)
        staff.save_staff(db, PeriodStaff(period.id, teacher, "班主任", OFFICE_PHONE))
        staff.save_staff(db, PeriodStaff(period.id, helper, "跟班人员", OFFICE_PHONE, notes="全程跟班"))
        lines = committee.trainees(db, period.id)
        _committee(db, period, [line.id for line in lines], groups)
        _check(db, period)
        if assessed and PeriodStatus.is_closed(period.status):
            _assess(db, [line.id for line in lines])


def _period(db: Database, class_name: str, number: int) -> Period:
    training_class = next(c for c in tables.classes(db).all() if c.name == class_name)
    return next(p for p in tables.periods(db).all() if p.class_id == training_class.id and p.number == number)


def _committee(db: Database, period: Period, ids: list[int], groups: int) -> None:
    for index in range(groups):
        members = ids[index::groups]
        committee.set_group(db, period.id, members, f"第{NUMERALS[index]}组")
        committee.set_role(db, period.id, members[:1], "组长")
    for enrollment_id, role in zip(ids[groups:], ("班长", "副班长", "学习委员", "生活委员"), strict=False):
        committee.set_role(db, period.id, [enrollment_id], role)


def _check(db: Database, period: Period) -> None:
    day = (date.fromisoformat(period.start_date) + timedelta(days=1)).isoformat()
    staff.save_check(db, DisciplineCheck(period.id, day, "县委组织部干部教育科",
                                         "上午课前抽查到课情况：学员按时到课，课堂纪律良好，无迟到早退；"
                                         "个别学员课间接打电话，已当场提醒。"))


def _assess(db: Database, ids: list[int]) -> None:
    for index, enrollment_id in enumerate(ids):
        score = 78 + (index * 7) % 20
        draft = assessment.AssessmentDraft(str(score), "", index % 6 != 5, REPORTS[index % len(REPORTS)])
        if index == 9:  # one who failed and still completed, with the office's reason
            draft = assessment.AssessmentDraft("55", "不合格", True, REPORTS[0], FAILED_REASON)
        assessment.save_assessment(db, enrollment_id, draft)
