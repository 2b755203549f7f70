"""The queries of 质量评估: the office's questionnaire templates with their questions, a period's evaluation
(its frozen questions), the anonymous responses and their answers, and the scored answers by session,
lecturer, topic and period for the results."""
from __future__ import annotations

from dataclasses import dataclass

from app.domain.models import Period
from app.domain.quality_records import Evaluation, EvaluationItem, Questionnaire, QuestionnaireItem
from app.storage import conditions, tables
from app.storage.connection import Database
from app.storage.records import from_row, rows


def questionnaire_list(db: Database) -> list[Questionnaire]:
    return tables.questionnaires(db).where(order_by="id")


def questionnaire_items(db: Database, questionnaire_id: int) -> list[QuestionnaireItem]:
    return tables.questionnaire_items(db).where("questionnaire_id = ?", [questionnaire_id], order_by="sort_order, id")


def questionnaire_by_name(db: Database, name: str) -> Questionnaire | None:
    found = tables.questionnaires(db).where("name = ?", [name])
    return found[0] if found else None


def delete_questionnaire_items(db: Database, questionnaire_id: int) -> None:
    db.execute("DELETE FROM questionnaire_items WHERE questionnaire_id = ?", [questionnaire_id])


def evaluation_of_period(db: Database, period_id: int) -> Evaluation | None:
    found = tables.evaluations(db).where("period_id = ?", [period_id])
    return found[0] if found else None


def evaluation_items(db: Database, evaluation_id: int) -> list[EvaluationItem]:
    return tables.evaluation_items(db).where("evaluation_id = ?", [evaluation_id], order_by="sort_order, id")


def response_sources(db: Database, evaluation_id: int) -> list[str]:
    sql = "SELECT source FROM evaluation_responses WHERE evaluation_id = ? ORDER BY id"
    return [row[0] for row in db.execute(sql, [evaluation_id])]


def response_count(db: Database, evaluation_id: int) -> int:
    return tables.evaluation_responses(db).count("evaluation_id = ?", [evaluation_id])


def delete_responses(db: Database, evaluation_id: int) -> int:
    """Every response of the evaluation (their answers go with them); how many there were."""
    count = response_count(db, evaluation_id)
    db.execute("DELETE FROM evaluation_responses WHERE evaluation_id = ?", [evaluation_id])
    return count


@dataclass
class AnswerLine:
    response_id: int
    item_id: int
    session_id: int | None
    aspect: str
    score: float | None
    answer: str


def answers(db: Database, evaluation_id: int) -> list[AnswerLine]:
    sql = """SELECT a.response_id, a.item_id, a.session_id, a.aspect, a.score, a.answer
             FROM evaluation_answers a JOIN evaluation_responses r ON r.id = a.response_id
             WHERE r.evaluation_id = ? ORDER BY a.response_id, a.id"""
    return [from_row(AnswerLine, row) for row in rows(db, sql, [evaluation_id])]


@dataclass
class GroupScores:
    """The scored answers about the sessions of one lecturer or one topic, over every live period."""
    key: object  # lecturer id or topic
    count: int
    satisfied: int
    total: float
    sessions: int


def session_scores_by(db: Database, by: str, satisfied_from: dict[str, float]) -> list[GroupScores]:
    """Scored session answers grouped by lecturer ("lecturer") or topic ("topic"); an answer is satisfied from
    its evaluation's scale's lowest satisfied score (satisfied_from: scale -> score)."""
    # a lecturer's id is a number, a topic a text that may be empty
    column, named = {"lecturer": ("s.lecturer_id", ""), "topic": ("s.topic", " AND s.topic <> ''")}[by]
    cases = " ".join("WHEN ev.scale = ? AND a.score >= ? THEN 1" for _ in satisfied_from)
    params: list = [value for pair in satisfied_from.items() for value in pair]
    sql = f"""SELECT {column} AS key, count(*) AS count, sum(CASE {cases} ELSE 0 END) AS satisfied,
                     sum(a.score) AS total, count(DISTINCT s.id) AS sessions
              FROM evaluation_answers a JOIN evaluation_responses r ON r.id = a.response_id
              JOIN evaluations ev ON ev.id = r.evaluation_id
              JOIN {conditions.LIVE_PERIODS} pe ON pe.id = ev.period_id
              JOIN sessions s ON s.id = a.session_id
              WHERE a.score IS NOT NULL AND {column} IS NOT NULL{named}
              GROUP BY {column}"""
    return [from_row(GroupScores, row) for row in rows(db, sql, params)]


@dataclass
class YearEvaluation:
    """A period of the year with its evaluation (the scored answers are read apart)."""
    evaluation_id: int
    period_id: int
    class_id: int
    class_name: str
    number: int
    start_date: str
    end_date: str
    scale: str
    threshold: float
    responses: int


def year_evaluations(db: Database, year: int) -> list[YearEvaluation]:
    sql = f"""SELECT ev.id AS evaluation_id, pe.id AS period_id, c.id AS class_id, c.name AS class_name, pe.number,
                     pe.start_date, pe.end_date, ev.scale, ev.threshold,
                     (SELECT count(*) FROM evaluation_responses r WHERE r.evaluation_id = ev.id) AS responses
              FROM evaluations ev JOIN {conditions.LIVE_PERIODS} pe ON pe.id = ev.period_id
              JOIN training_classes c ON c.id = pe.class_id
              WHERE substr(pe.start_date, 1, 4) = ?
              ORDER BY pe.start_date, c.name, pe.number"""
    return [from_row(YearEvaluation, row) for row in rows(db, sql, [str(year)])]


def scores_of_evaluations(db: Database, evaluation_ids: list[int]) -> dict[int, list[float]]:
    """Each evaluation's scored answers (every question and session aspect)."""
    if not evaluation_ids:
        return {}
    inside, params = conditions.one_of("r.evaluation_id", evaluation_ids)
    sql = f"""SELECT r.evaluation_id, a.score FROM evaluation_answers a
              JOIN evaluation_responses r ON r.id = a.response_id WHERE a.score IS NOT NULL AND {inside}"""
    found: dict[int, list[float]] = {}
    for evaluation_id, score in db.execute(sql, params):
        found.setdefault(evaluation_id, []).append(score)
    return found


def evaluation_years(db: Database) -> list[int]:
    sql = f"""SELECT DISTINCT substr(pe.start_date, 1, 4) FROM evaluations ev
              JOIN {conditions.LIVE_PERIODS} pe ON pe.id = ev.period_id ORDER BY 1 DESC"""
    return [int(row[0]) for row in db.execute(sql) if str(row[0]).isdigit()]


def closed_periods_of_year(db: Database, year: int) -> list[Period]:
    """The year's closed periods (the demo evaluates them), by start date."""
    return tables.periods(db).where(f"{conditions.closed('periods')} AND substr(start_date, 1, 4) = ?", [str(year)],
                                    order_by="start_date, id")


def completed_count(db: Database, period_id: int) -> int:
    return tables.enrollments(db).count(f"period_id = ? AND {conditions.completed('enrollments')}", [period_id])


def period_or_none(db: Database, period_id: int) -> Period | None:
    found = tables.periods(db).where("id = ?", [period_id])
    return found[0] if found else None
