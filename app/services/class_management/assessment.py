"""结业考核: a trainee's score or 合格 / 不合格, the 党性分析 handed in and the 研究报告 / 心得 title; and the rule
(seed 000 item 22, 严格执行学员管理规定) that a trainee who failed — 不合格, or a score below the pass score set in
the settings — is marked 结业 only with a reason (completion_reason): the rule itself is in completion.py."""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.errors import UserError, ValidationError
from app.domain.models import Enrollment
from app.domain.status import EnrollmentStatus
from app.domain.text import clean, to_halfwidth
from app.services.class_management import completion, rules
from app.services.class_management.completion import FAIL, PASS, RESULTS, failed, pass_score
from app.services.roster import period_of, period_title
from app.services.safety import audit
from app.storage import class_management as queries
from app.storage import tables
from app.storage.connection import Database

MAX_SCORE = 100.0
MAX_TITLE, MAX_REASON = 100, 200


@dataclass
class AssessmentDraft:
    """The 考核 form as typed: the score as text ("" for none), the result ("" for not assessed yet)."""
    score: str = ""
    result: str = ""
    party_analysis: bool = False
    report_title: str = ""
    completion_reason: str = ""


def set_pass_score(db: Database, value: float) -> None:
    """The pass score alone (the settings dialog saves it with the 学员守则: rules.save_rules)."""
    rules.save_rules(db, rules.trainee_rules(db), value)


def parse_score(text: str) -> float | None:
    """85, "85.5", "８５分"; None for blank; ValidationError otherwise."""
    value = re.sub(r"\s", "", to_halfwidth(str(text or ""))).removesuffix("分")
    if not value:
        return None
    if not re.fullmatch(r"-?\d+(\.\d+)?", value):
        raise ValidationError({"score": f"考核成绩“{text}”不是数字"})
    score = float(value)
    if not 0 <= score <= MAX_SCORE:
        raise ValidationError({"score": f"考核成绩应在0到{MAX_SCORE:g}分之间"})
    return score


def checked(draft: AssessmentDraft, passing: float, status: str) -> tuple[float | None, str, str]:
    """(score, result, reason) as they will be stored; ValidationError naming each problem. A score without a
    result takes 合格 or 不合格 from the pass score; a reason is kept only for a trainee who failed."""
    errors: dict[str, str] = {}
    score = None
    try:
        score = parse_score(draft.score)
    except ValidationError as problem:
        errors.update(problem.errors)
    result = clean(draft.result)
    if result and result not in RESULTS:
        errors["result"] = f"考核结果应为{'或'.join(RESULTS)}"
    elif score is not None and not result:
        result = PASS if score >= passing else FAIL
    elif score is not None and result == PASS and score < passing:
        errors["result"] = f"成绩{score:g}分低于合格分数线{passing:g}分，考核结果不能为合格"
    if len(clean(draft.report_title)) > MAX_TITLE:
        errors["report_title"] = f"研究报告题目过长（不超过{MAX_TITLE}字）"
    reason = clean(draft.completion_reason)
    if len(reason) > MAX_REASON:
        errors["completion_reason"] = f"结业理由过长（不超过{MAX_REASON}字）"
    is_fail = failed(score, result, passing)
    if is_fail and EnrollmentStatus.is_completed(status) and not reason and "score" not in errors:
        errors["completion_reason"] = "该学员已结业，考核不合格须填写结业理由（或先把状态改为缺训、退学等）"
    if errors:
        raise ValidationError(errors)
    return score, result, reason if is_fail else ""


def save_assessment(db: Database, enrollment_id: int, draft: AssessmentDraft, version: int = 0) -> Enrollment:
    """A trainee's 结业考核 as the form holds it, over the `version` the form loaded (0: whatever is there)."""
    enrollment = tables.enrollments(db).get(enrollment_id)
    if not EnrollmentStatus.is_active(enrollment.status):
        raise UserError(f"状态为“{enrollment.status}”的学员不登记结业考核")
    score, result, reason = checked(draft, pass_score(db), enrollment.status)
    title = clean(draft.report_title)
    person = tables.people(db).get(enrollment.person_id)
    period = period_of(db, enrollment.period_id)
    with db.atomic():
        queries.set_assessment(db, enrollment_id, score, result, draft.party_analysis, title, reason, version)
        shown = completion.assessment_text(score, result) or "未考核"
        audit.record(db, "登记结业考核", "enrollment", enrollment_id,
                     f"{period_title(period)} {person.name}：{shown}" + (f"，结业理由：{reason}" if reason else ""))
    return tables.enrollments(db).get(enrollment_id)
