"""The rule of 结业 (seed 000 item 22, 严格执行学员管理规定): a trainee who failed the 结业考核 — 不合格, or a score
below the pass score set in the settings — is marked 结业 only with a reason (completion_reason). Every path
that sets 结业 (a status change, 结班, an undo) asks `completion_refusal` first."""
from __future__ import annotations

from app.domain.models import Enrollment
from app.services import settings
from app.storage import tables
from app.storage.connection import Database

PASS, FAIL = "合格", "不合格"
RESULTS = (PASS, FAIL)
PASS_SCORE_KEY = "assessment_pass_score"
DEFAULT_PASS_SCORE = 60.0


def pass_score(db: Database) -> float:
    return float(settings.get(db, PASS_SCORE_KEY, DEFAULT_PASS_SCORE))


def failed(score: float | None, result: str, passing: float) -> bool:
    return result == FAIL or (score is not None and score < passing)


def is_failed(db: Database, enrollment: Enrollment) -> bool:
    return failed(enrollment.assessment_score, enrollment.assessment_result, pass_score(db))


def assessment_text(score: float | None, result: str) -> str:
    """考核 as lists show it: 85分（合格）, 不合格, or ""."""
    shown = f"{score:g}分" if score is not None else ""
    return f"{shown}（{result}）" if shown and result else shown or result


def completion_refusal(db: Database, enrollment: Enrollment, name: str = "") -> str | None:
    """Why the trainee may not be marked 结业 now, or None."""
    if not is_failed(db, enrollment) or enrollment.completion_reason:
        return None
    name = name or tables.people(db).get(enrollment.person_id).name
    shown = assessment_text(enrollment.assessment_score, enrollment.assessment_result) or FAIL
    return (f"{name}结业考核{shown}，未达合格要求，不能标为结业；如确需结业，请在“班级管理”的考核中填写结业理由，"
            "或先更正考核结果")
