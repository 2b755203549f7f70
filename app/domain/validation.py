"""Field checks for every record the office types in; each returns {field: Chinese message}."""
from __future__ import annotations

import re
from datetime import date, datetime

from . import vocab
from .idcard import IdInfo, IdNumberError, parse_id
from .models import Period, Person, Plan, TrainingClass, Unit
from .phone import phone_error

Errors = dict[str, str]


def date_error(value: str, label: str, *, required: bool = True) -> str | None:
    if not value:
        return f"{label}不能为空" if required else None
    try:
        date.fromisoformat(value)
    except ValueError:
        return f"{label}“{value}”不是有效日期（应如 2020-03-02）"
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return f"{label}应写成 2020-03-02 的样子"
    return None


def range_error(start: str, end: str) -> str | None:
    if start and end and end < start:
        return "结束日期不能早于开始日期"
    return None


def _choice_error(value: str, list_name: str, label: str) -> str | None:
    if value and value not in vocab.words(list_name):
        return f"{label}“{value}”不在可选范围内"
    return None


# A person's fields that take a value from a fixed list: field -> (word list, label).
PERSON_CHOICES = {
    "gender": ("genders", "性别"),
    "ethnicity": ("ethnic_groups", "民族"),
    "political_status": ("political_statuses", "政治面貌"),
    "education": ("educations", "学历"),
    "cadre_category": ("cadre_categories", "干部类别"),
}


def person_choice_error(field: str, value: str) -> str | None:
    """Whether value is one of the choices of a listed field (职级 included)."""
    if field == "rank":
        return f"职级“{value}”不在可选范围内" if value and value not in vocab.ranks() else None
    list_name, label = PERSON_CHOICES[field]
    return _choice_error(value, list_name, label)


def identity_errors(id_number: str, gender: str, birth_date: str) -> tuple[IdInfo | None, Errors]:
    """The ID number's own errors, and sex or birth date contradicting it."""
    errors: Errors = {}
    try:
        info = parse_id(id_number)
    except IdNumberError as error:
        return None, {"id_number": str(error)}
    if gender and gender != info.sex:
        errors["gender"] = f"性别与身份证号码不符（号码显示为{info.sex}）"
    if birth_date and birth_date != info.birth_iso:
        errors["birth_date"] = f"出生日期与身份证号码不符（号码显示为{info.birth_iso}）"
    return info, errors


def person_errors(person: Person) -> Errors:
    errors: Errors = {}
    if not person.name.strip():
        errors["name"] = "姓名不能为空"
    elif len(person.name) > 30:
        errors["name"] = "姓名过长"
    info, identity = identity_errors(person.id_number, person.gender, person.birth_date)
    errors.update(identity)
    if not info and person.birth_date and (message := date_error(person.birth_date, "出生日期")):
        errors["birth_date"] = message
    checks = {field: person_choice_error(field, getattr(person, field)) for field in (*PERSON_CHOICES, "rank")}
    checks["phone"] = phone_error(person.phone)
    errors.update({key: msg for key, msg in checks.items() if msg and key not in errors})
    return errors


def unit_errors(unit: Unit) -> Errors:
    errors: Errors = {}
    if not unit.name.strip():
        errors["name"] = "单位名称不能为空"
    if message := _choice_error(unit.kind, "unit_kinds", "单位类型"):
        errors["kind"] = message
    if message := phone_error(unit.contact_phone):
        errors["contact_phone"] = message
    return errors


def plan_errors(plan: Plan) -> Errors:
    errors: Errors = {}
    if not plan.title.strip():
        errors["title"] = "计划标题不能为空"
    if not 2000 <= int(plan.year or 0) <= 2100:
        errors["year"] = "年度应在2000至2100之间"
    if plan.issue_date and (message := date_error(plan.issue_date, "成文日期")):
        errors["issue_date"] = message
    return errors


def class_errors(training_class: TrainingClass) -> Errors:
    c = training_class
    errors: Errors = {}
    if not c.name.strip():
        errors["name"] = "班次名称不能为空"
    if message := _choice_error(c.kind, "class_kinds", "班次类型"):
        errors["kind"] = message
    numbers = {
        "planned_periods": (c.planned_periods, "计划期数"),
        "trainees_per_period": (c.trainees_per_period, "每期人数"),
        "length_days": (c.length_days, "学制天数"),
        "fee": (c.fee, "培训费"),
        "total_hours": (c.total_hours, "总课时"),
        "party_spirit_hours": (c.party_spirit_hours, "党性教育课时"),
        "leader_lecture_hours": (c.leader_lecture_hours, "领导干部讲课课时"),
        "practical_post_days": (c.practical_post_days, "实岗锻炼天数"),
    }
    for key, (value, label) in numbers.items():
        if value is None or value < 0:
            errors[key] = f"{label}不能为负数"
    for key, hours, label in (("party_spirit_hours", c.party_spirit_hours, "党性教育课时"),
                              ("leader_lecture_hours", c.leader_lecture_hours, "领导干部讲课课时")):
        if key not in errors and c.total_hours and hours > c.total_hours:
            errors[key] = f"{label}不能超过总课时"
    return errors


def period_errors(period: Period) -> Errors:
    errors: Errors = {}
    if period.number < 1:
        errors["number"] = "期次应从1开始"
    for key, label in (("start_date", "开始日期"), ("end_date", "结束日期")):
        if message := date_error(getattr(period, key), label):
            errors[key] = message
    if not errors and (message := range_error(period.start_date, period.end_date)):
        errors["end_date"] = message
    if period.report_time and not _is_report_time(period.report_time):
        errors["report_time"] = "报到时间应写成 2020-03-02 08:30 的样子"
    if period.capacity < 0:
        errors["capacity"] = "容量不能为负数"
    if message := _choice_error(period.status, "period_statuses", "期次状态"):
        errors["status"] = message
    return errors


def _is_report_time(value: str) -> bool:
    for pattern in ("%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            datetime.strptime(value, pattern)
            return True
        except ValueError:
            continue
    return False
