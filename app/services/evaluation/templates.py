"""The office's questionnaire templates (评估问卷模板): a default one made when none exists, and the editor's
save (name, scale, threshold and the questions in order). A period's evaluation copies a template's questions
when its form is first issued, so editing a template never changes what past trainees were asked."""
from __future__ import annotations

from dataclasses import dataclass, replace

from app.domain import evaluation as scales
from app.domain.errors import UserError, ValidationError
from app.domain.quality_records import Questionnaire, QuestionnaireItem
from app.domain.text import clean
from app.services.safety import audit
from app.storage import evaluation as store
from app.storage import tables
from app.storage.connection import Database

DEFAULT_NAME = "培训质量评估问卷"
DEFAULT_ITEMS = (
    ("总体评价", "对本期培训的总体满意度", "score"),
    ("课程教学", "课程教学（每个专题的课程内容和授课水平）", "sessions"),
    ("组织管理", "培训组织管理（通知报到、课程安排、班级管理）", "score"),
    ("后勤保障", "后勤服务保障（食宿、场地、教学设施）", "score"),
    ("学风", "班级学风（遵守纪律、学习风气）", "score"),
    ("意见建议", "对改进培训工作的意见和建议", "text"),
)
MAX_ITEMS = 40


@dataclass
class Template:
    questionnaire: Questionnaire
    items: list[QuestionnaireItem]


def default_items() -> list[QuestionnaireItem]:
    return [QuestionnaireItem(0, text, kind, section, order) for order, (section, text, kind)
            in enumerate(DEFAULT_ITEMS, start=1)]


def templates(db: Database) -> list[Questionnaire]:
    return store.questionnaire_list(db)


def template(db: Database, questionnaire_id: int) -> Template:
    return Template(tables.questionnaires(db).get(questionnaire_id), store.questionnaire_items(db, questionnaire_id))


def default_template(db: Database) -> Template:
    """The office's first template; the default one is made (and logged) when there is none and the
    connection may write, else it is offered unsaved."""
    found = templates(db)
    if found:
        return template(db, found[0].id)
    draft = Template(Questionnaire(DEFAULT_NAME), default_items())
    if not audit.can_record(db):
        return draft
    return save_template(db, draft.questionnaire, draft.items, action="新建默认评估问卷")


def template_errors(questionnaire: Questionnaire, items: list[QuestionnaireItem]) -> dict[str, str]:
    errors = {}
    if not clean(questionnaire.name):
        errors["name"] = "问卷名称不能为空"
    elif len(clean(questionnaire.name)) > 60:
        errors["name"] = "问卷名称不超过60字"
    if questionnaire.scale not in scales.SCALES:
        errors["scale"] = f"评分方式应为{'或'.join(scales.SCALES)}"
    if not 0 <= questionnaire.threshold <= 1:
        errors["threshold"] = "满意率警戒线应在0%至100%之间"
    if not items:
        errors["items"] = "问卷至少要有一道题"
    elif len(items) > MAX_ITEMS:
        errors["items"] = f"问卷不超过{MAX_ITEMS}道题"
    elif any(not clean(item.text) for item in items):
        errors["items"] = f"第{next(i for i, item in enumerate(items, 1) if not clean(item.text))}题的题目不能为空"
    elif any(item.kind not in scales.KINDS for item in items):
        errors["items"] = "题型应为评分题、逐课评分或文字意见"
    elif not any(item.kind in ("score", "sessions") for item in items):
        errors["items"] = "问卷至少要有一道评分题"
    elif sum(item.kind == "sessions" for item in items) > 1:
        errors["items"] = "逐课评分题只能有一道"
    return errors


def save_template(db: Database, questionnaire: Questionnaire, items: list[QuestionnaireItem],
                  action: str = "") -> Template:
    """Saves a template and its questions in the order given (the old questions are replaced)."""
    questionnaire = replace(questionnaire, name=clean(questionnaire.name), notes=clean(questionnaire.notes))
    errors = template_errors(questionnaire, items)
    if errors:
        raise ValidationError(errors)
    same = store.questionnaire_by_name(db, questionnaire.name)
    if same is not None and same.id != questionnaire.id:
        raise ValidationError({"name": f"已有名为“{questionnaire.name}”的问卷"})
    with db.atomic():
        saved = tables.questionnaires(db).save(questionnaire)
        store.delete_questionnaire_items(db, saved.id)
        kept = [tables.questionnaire_items(db).insert(replace(item, id=None, questionnaire_id=saved.id,
                                                              text=clean(item.text), section=clean(item.section),
                                                              sort_order=order))
                for order, item in enumerate(items, start=1)]
        audit.record(db, action or ("修改评估问卷" if questionnaire.id else "新建评估问卷"), "questionnaire", saved.id,
                     f"{saved.name}（{saved.scale}，{len(kept)}题，警戒线{saved.threshold:.0%}）")
    return Template(saved, kept)


def delete_template(db: Database, questionnaire_id: int) -> None:
    found = tables.questionnaires(db).get(questionnaire_id)
    if len(templates(db)) <= 1:
        raise UserError("这是唯一的评估问卷模板，不能删除；可以修改它")
    with db.atomic():
        tables.questionnaires(db).delete(questionnaire_id)
        audit.record(db, "删除评估问卷", "questionnaire", questionnaire_id, found.name)
