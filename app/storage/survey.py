"""The queries of the needs survey (需求调研): a year's survey and its topics, the units' returns and their
answers as the tally reads them, and the plan themes a new survey starts from."""
from __future__ import annotations

from dataclasses import dataclass

from app.domain.quality_records import NeedsSurvey, SurveyTopic
from app.storage.connection import Database
from app.storage.records import from_row, rows


@dataclass
class ReturnLine:
    """A unit's return as the window lists it."""
    id: int
    unit_id: int
    unit_name: str
    unit_order: int
    source: str
    received_on: str
    contact: str
    comments: str
    note: str
    topics: int  # the topics it asked for
    people: int


@dataclass
class AnswerLine:
    """One answer with its unit: what the tally counts."""
    return_id: int
    unit_id: int
    unit_name: str
    unit_order: int
    topic_id: int | None
    topic: str
    category: str
    people: int
    months: str


@dataclass
class ClassTheme:
    name: str
    theme: str
    plan_year: int


def survey_of_year(db: Database, year: int) -> NeedsSurvey | None:
    found = rows(db, "SELECT * FROM surveys WHERE year = ?", [year])
    return from_row(NeedsSurvey, found[0]) if found else None


def survey_years(db: Database) -> list[int]:
    return [row["year"] for row in rows(db, "SELECT year FROM surveys ORDER BY year")]


def topics(db: Database, survey_id: int) -> list[SurveyTopic]:
    found = rows(db, "SELECT * FROM survey_topics WHERE survey_id = ? ORDER BY sort_order, id", [survey_id])
    return [from_row(SurveyTopic, row) for row in found]


def returns(db: Database, survey_id: int) -> list[ReturnLine]:
    sql = """SELECT r.id, r.unit_id, u.name AS unit_name, u.sort_order AS unit_order, r.source, r.received_on,
                    r.contact, r.comments, r.note, count(DISTINCT a.topic) AS topics, coalesce(sum(a.people), 0) AS people
             FROM survey_returns r JOIN units u ON u.id = r.unit_id
             LEFT JOIN survey_answers a ON a.return_id = r.id
             WHERE r.survey_id = ?
             GROUP BY r.id, r.unit_id, u.id, u.name, u.sort_order, r.source, r.received_on, r.contact, r.comments, r.note
             ORDER BY u.sort_order, u.id"""
    return [from_row(ReturnLine, row) for row in rows(db, sql, [survey_id])]


def return_id(db: Database, survey_id: int, unit_id: int) -> int | None:
    found = rows(db, "SELECT id FROM survey_returns WHERE survey_id = ? AND unit_id = ?", [survey_id, unit_id])
    return found[0]["id"] if found else None


def answers(db: Database, survey_id: int) -> list[AnswerLine]:
    sql = """SELECT a.return_id, r.unit_id, u.name AS unit_name, u.sort_order AS unit_order, a.topic_id, a.topic,
                    a.category, a.people, a.months
             FROM survey_answers a JOIN survey_returns r ON r.id = a.return_id JOIN units u ON u.id = r.unit_id
             WHERE r.survey_id = ? ORDER BY u.sort_order, u.id, a.id"""
    return [from_row(AnswerLine, row) for row in rows(db, sql, [survey_id])]


def delete_answers(db: Database, return_id_: int) -> None:
    db.execute("DELETE FROM survey_answers WHERE return_id = ?", [return_id_])


def answered_topics(db: Database, survey_id: int) -> dict[int, int]:
    """Topic -> how many units asked for it (a topic that units answered is removed only with a warning)."""
    sql = """SELECT a.topic_id, count(DISTINCT a.return_id) AS n FROM survey_answers a JOIN survey_returns r ON r.id = a.return_id
             WHERE r.survey_id = ? AND a.topic_id IS NOT NULL GROUP BY a.topic_id"""
    return {row["topic_id"]: row["n"] for row in rows(db, sql, [survey_id])}


def class_themes(db: Database, year: int) -> list[ClassTheme]:
    """The classes of the year's plans (not archived), in the plans' order."""
    sql = """SELECT c.name, c.theme, p.year AS plan_year FROM training_classes c JOIN plans p ON p.id = c.plan_id
             WHERE p.year = ? AND p.archived = 0 AND c.archived = 0 AND c.organiser_kind <> ?
             ORDER BY p.id, c.seq, c.id"""
    return [from_row(ClassTheme, row) for row in rows(db, sql, [year, "单位自办"])]


def section_titles(db: Database, year: int) -> list[str]:
    sql = """SELECT s.title FROM plan_sections s JOIN plans p ON p.id = s.plan_id
             WHERE p.year = ? AND p.archived = 0 ORDER BY p.id, s.number"""
    return [row["title"] for row in rows(db, sql, [year])]


def latest_plan_year(db: Database, up_to: int) -> int | None:
    found = rows(db, "SELECT max(year) AS y FROM plans WHERE year <= ? AND archived = 0", [up_to])
    return found[0]["y"] if found else None


def return_years_of_unit(db: Database, unit_id: int) -> list[int]:
    """The years whose survey the unit returned (such a unit is kept: its return counts in the tally)."""
    sql = """SELECT s.year FROM survey_returns r JOIN surveys s ON s.id = r.survey_id WHERE r.unit_id = ?
             ORDER BY s.year"""
    return [row["year"] for row in rows(db, sql, [unit_id])]
