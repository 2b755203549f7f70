"""A year's needs survey and its topics: made for a coming year from the themes of the latest plan before it
(each class's theme, else its name without 专题培训班; the plan's headings when it has no classes), then
edited as a list (add, remove, reorder, rename) saved in one audited transaction."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.errors import UserError, ValidationError
from app.domain.quality_records import NeedsSurvey, SurveyTopic
from app.domain.survey import MAX_TOPICS, topic_key, topic_of_class, topics_errors, year_error
from app.domain.text import clean
from app.services.safety import audit
from app.storage import survey as queries
from app.storage import tables
from app.storage.connection import Database


@dataclass
class TopicDraft:
    """A topic as the editor holds it: id None for a new one."""
    topic: str
    theme: str = ""
    id: int | None = None


def survey_of_year(db: Database, year: int) -> NeedsSurvey | None:
    return queries.survey_of_year(db, year)


def survey_for(db: Database, year: int) -> NeedsSurvey:
    """The year's survey, or a UserError saying there is none."""
    found = queries.survey_of_year(db, year)
    if found is None:
        raise UserError(f"还没有{year}年的需求调研：请先在“计划 → 需求调研”中建立")
    return found


def years(db: Database) -> list[int]:
    return queries.survey_years(db)


def suggested_year(db: Database) -> int:
    """The year a new survey is most likely for: the one after the latest plan, else after the latest survey."""
    latest = max([queries.latest_plan_year(db, 2100) or 0, *queries.survey_years(db)])
    return latest + 1 if latest else date.today().year + 1


def topics(db: Database, survey_id: int) -> list[SurveyTopic]:
    return queries.topics(db, survey_id)


def suggested_topics(db: Database, year: int) -> list[TopicDraft]:
    """The topics a survey for `year` starts from: the latest plan's themes up to that year (usually the year
    before: the plan being carried out while units are asked about the next)."""
    source = queries.latest_plan_year(db, year)
    if source is None:
        return []
    found: dict[str, TopicDraft] = {}
    for line in queries.class_themes(db, source):
        topic = topic_of_class(line.name, line.theme)
        if len(topic) >= 4 and topic_key(topic) not in found:
            found[topic_key(topic)] = TopicDraft(topic[:60], f"{source}年计划：{line.name}"[:200])
    if not found:
        for title in queries.section_titles(db, source):
            if clean(title) and topic_key(title) not in found:
                found[topic_key(title)] = TopicDraft(clean(title)[:60], f"{source}年计划的要点标题")
    return list(found.values())[:MAX_TOPICS]


def create_survey(db: Database, year: int, title: str = "", deadline: str = "") -> NeedsSurvey:
    """A survey for the year with the suggested topics; refused when the year has one."""
    if problem := year_error(year):
        raise ValidationError({"year": problem})
    if queries.survey_of_year(db, year) is not None:
        raise UserError(f"{year}年的需求调研已经建立")
    drafts = suggested_topics(db, year)
    survey = NeedsSurvey(year, clean(title) or f"{year}年度干部教育培训需求调研", clean(deadline))
    with db.atomic():
        survey = tables.needs_surveys(db).insert(survey)
        for order, draft in enumerate(drafts, start=1):
            tables.survey_topics(db).insert(SurveyTopic(survey.id, draft.topic, draft.theme, order))
        audit.record(db, "建立需求调研", "survey", survey.id, f"{year}年：{len(drafts)}个专题（取自计划）")
    return survey


def save_survey(db: Database, survey: NeedsSurvey, drafts: list[TopicDraft]) -> list[SurveyTopic]:
    """Writes the survey's title and deadline and its topics as listed (new ones added, missing ones removed,
    the rest renamed and put in the list's order). A removed topic's answers keep the words units gave."""
    title, deadline = clean(survey.title), clean(survey.deadline)
    words = [clean(d.topic) for d in drafts]
    errors = topics_errors(words)
    if not title:
        errors["title"] = "调研名称不能为空"
    elif len(title) > 60:
        errors["title"] = "调研名称不超过60个字"
    if len(deadline) > 30:
        errors["deadline"] = "报送时限不超过30个字"
    if errors:
        raise ValidationError(errors)
    stored = {t.id: t for t in queries.topics(db, survey.id)}
    unknown = [d.id for d in drafts if d.id is not None and d.id not in stored]
    if unknown:
        raise UserError("调研专题已被其他操作修改，请重新打开后再编辑")
    kept = {d.id for d in drafts if d.id is not None}
    with db.atomic():
        tables.needs_surveys(db).update(NeedsSurvey(survey.year, title, deadline, survey.notes, survey.id,
                                                    version=survey.version))
        for topic_id in stored.keys() - kept:
            tables.survey_topics(db).delete(topic_id)
        for order, (draft, topic) in enumerate(zip(drafts, words, strict=True), start=1):
            tables.survey_topics(db).save(SurveyTopic(survey.id, topic, draft.theme, order, draft.id))
        audit.record(db, "修改需求调研", "survey", survey.id,
                     f"{survey.year}年：{len(drafts)}个专题" + (f"，删除{len(stored.keys() - kept)}个"
                                                           if stored.keys() - kept else ""))
    return queries.topics(db, survey.id)


def answered_topics(db: Database, survey_id: int) -> dict[int, int]:
    return queries.answered_topics(db, survey_id)
