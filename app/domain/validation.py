"""Field checks for every record the office types in; each returns {field: Chinese message}."""
from __future__ import annotations

import re
from datetime import date, datetime

from app.domain import vocab
from app.domain.funds import ORGANISER_KINDS, UNIT
from app.domain.idcard import IdInfo, IdNumberError, parse_id
from app.domain.models import Contact, Period, Person, Plan, TrainingClass, Unit
from app.domain.phone import phone_error
from app.domain.text import formula_start

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


# The longest text each field takes: longer is not a name or a word but junk (a pasted page, a million
# characters). The forms refuse it; an import refuses such a name or unit name, and cuts other cells short
# with a note. Listed fields take words kept as written, up to 50 characters.
MAX_LENGTHS = {"name": 30, "unit": 100, "post": 200, "notes": 500, "key_problems": 1000, "phone": 30,
               "contact_name": 30, **dict.fromkeys(vocab.PERSON_LISTS, 50)}
_LABELS = {"name": "姓名", "unit": "单位名称", "post": "职务", "notes": "备注", "key_problems": "重点难点问题或典型案例",
           "phone": "联系电话", "contact_name": "联系人", **vocab.PERSON_LABELS}


def length_error(field: str, value: str, label: str = "") -> str | None:
    limit = MAX_LENGTHS[field]
    if len(value) > limit:
        return f"{label or _LABELS[field]}过长（共{len(value)}个字，最多{limit}个字）"
    return None


def formula_error(value: str, label: str) -> str | None:
    """A name beginning with = + - @ is a formula someone pasted (or planted), never a name."""
    sign = formula_start(value)
    return f"{label}以“{sign}”开头，可能是公式" if sign else None


def name_error(name: str) -> str | None:
    """A person's name: given, not a formula, not too long."""
    if not name.strip():
        return "姓名不能为空"
    return formula_error(name, "姓名") or length_error("name", name)


def unit_name_error(name: str) -> str | None:
    if not name.strip():
        return "单位名称不能为空"
    return formula_error(name, "单位名称") or length_error("unit", name)


def gender_error(value: str) -> str | None:
    return "性别只能填“男”或“女”" if value and value not in ("男", "女") else None


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
    """What stops a person being saved: who it is cannot be told, the record contradicts itself, or junk.
    A word that is not one of the standard words is no error (see person_hints)."""
    errors: Errors = {}
    if message := name_error(person.name):
        errors["name"] = message
    if message := gender_error(person.gender):
        errors["gender"] = message
    info, identity = identity_errors(person.id_number, "" if message else person.gender, person.birth_date)
    errors.update(identity)
    if not info and person.birth_date and (message := date_error(person.birth_date, "出生日期")):
        errors["birth_date"] = message
    for field in ("post", "notes", "phone", *vocab.PERSON_LISTS):
        if field not in errors and (message := length_error(field, getattr(person, field))):
            errors[field] = message
    return errors


def person_hints(person: Person) -> Errors:
    """What is worth a look but saves as it is: a word that is not standard, a phone number of no known form."""
    hints: Errors = {}
    for field, label in vocab.PERSON_LABELS.items():
        value = getattr(person, field)
        if field != "gender" and value and value not in vocab.standard_set(field):
            hints[field] = f"{label}“{value}”不是标准名称，可改选标准名称"
    if message := phone_error(person.phone):
        hints["phone"] = message + "（不妨碍保存）"
    return hints


def unit_errors(unit: Unit) -> Errors:
    errors: Errors = {}
    if message := unit_name_error(unit.name):
        errors["name"] = message
    if message := _choice_error(unit.kind, "unit_kinds", "单位类型"):
        errors["kind"] = message
    if message := phone_error(unit.contact_phone):
        errors["contact_phone"] = message
    for field in ("contact_name", "notes"):
        if message := length_error(field, getattr(unit, field)):
            errors[field] = message
    return errors


def plan_errors(plan: Plan) -> Errors:
    errors: Errors = {}
    if not plan.title.strip():
        errors["title"] = "计划标题不能为空"
    if not 2000 <= int(plan.year or 0) <= 2100:
        errors["year"] = "年度应在2000至2100之间"
    if plan.issue_date and (message := date_error(plan.issue_date, "成文日期")):
        errors["issue_date"] = message
    errors.update(organiser_errors(plan.organiser_kind, None, needs_unit=False))
    return errors


def organiser_errors(kind: str, unit_id: int | None, needs_unit: bool = True) -> Errors:
    """举办方式: one of the three kinds; a unit's own class (单位自办) names its unit (a plan need not)."""
    if kind not in ORGANISER_KINDS:
        return {"organiser_kind": f"举办方式“{kind}”不在可选范围内（{'、'.join(ORGANISER_KINDS)}）"}
    if needs_unit and kind == UNIT and unit_id is None:
        return {"unit_id": "单位自办的班次需要选择举办单位"}
    return {}


def class_errors(training_class: TrainingClass) -> Errors:
    c = training_class
    errors: Errors = {}
    if not c.name.strip():
        errors["name"] = "班次名称不能为空"
    if message := _choice_error(c.kind, "class_kinds", "班次类型"):
        errors["kind"] = message
    errors.update(organiser_errors(c.organiser_kind, c.unit_id))
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


def contact_errors(contact: Contact) -> Errors:
    """A contact person of a plan or a class: a name, and phone and fax numbers that are numbers."""
    errors: Errors = {}
    if not contact.name.strip():
        errors["name"] = "联系人姓名不能为空"
    for key, label in (("phone", "联系电话"), ("fax", "传真")):
        if message := phone_error(getattr(contact, key)):
            errors[key] = message.replace("联系电话", label).replace("电话号码", f"{label}号码")
    return errors
