"""The lecturer pool (师资库) and teaching bases: listed with how often they were used, checked, saved,
deleted only when nothing names them (else archived), and a typed lecturer taken into the pool."""
from __future__ import annotations

from dataclasses import replace

from app.domain import teaching, vocab
from app.domain.errors import UserError, ValidationError
from app.domain.phone import normalize_phone, phone_error
from app.domain.teaching_records import Lecturer, TeachingBase
from app.domain.text import clean
from app.domain.validation import Errors
from app.services.safety import audit
from app.storage import tables
from app.storage import teaching as store
from app.storage.connection import Database


def lecturer_errors(lecturer: Lecturer) -> Errors:
    errors: Errors = {}
    if not lecturer.name:
        errors["name"] = "姓名不能为空"
    if lecturer.kind and lecturer.kind not in teaching.LECTURER_KINDS:
        errors["kind"] = f"类别应为{'、'.join(teaching.LECTURER_KINDS)}之一"
    if lecturer.title and lecturer.title not in teaching.TITLES:
        errors["title"] = f"职称应为{'、'.join(teaching.TITLES)}之一"
    if lecturer.leader_level and lecturer.leader_level not in vocab.words("leadership_levels"):
        errors["leader_level"] = f"领导职务层次“{lecturer.leader_level}”不是标准名称（如正处级、副科级）"
    if message := phone_error(lecturer.phone):
        errors["phone"] = message
    return errors


def list_lecturers(db: Database, include_archived: bool = False) -> list[Lecturer]:
    return store.list_lecturers(db, include_archived)


def save_lecturer(db: Database, lecturer: Lecturer) -> Lecturer:
    lecturer = replace(lecturer, name=clean(lecturer.name), unit=clean(lecturer.unit), post=clean(lecturer.post),
                       phone=normalize_phone(lecturer.phone))
    if errors := lecturer_errors(lecturer):
        raise ValidationError(errors)
    with db.atomic():
        saved = tables.lecturers(db).save(lecturer)
        audit.record(db, "保存授课人", "lecturer", saved.id, saved.name)
    return saved


def delete_lecturer(db: Database, lecturer_id: int) -> None:
    lecturer = tables.lecturers(db).get(lecturer_id)
    if used := store.session_counts(db, "lecturer_id").get(lecturer_id):
        raise UserError(f"{lecturer.name}已在课程表中授课{used}次，不能删除；可改为“停用”，其授课记录保留")
    with db.atomic():
        tables.lecturers(db).delete(lecturer_id)
        audit.record(db, "删除授课人", "lecturer", lecturer_id, lecturer.name)


def take_into_pool(db: Database, lecturer: Lecturer) -> Lecturer:
    """A lecturer typed in timetables joins the pool: the sessions naming them (by that name, with no pool
    lecturer) are linked to the new record, in the same transaction."""
    lecturer = replace(lecturer, name=clean(lecturer.name), id=None)
    if errors := lecturer_errors(lecturer):
        raise ValidationError(errors)
    with db.atomic():
        saved = tables.lecturers(db).insert(lecturer)
        store.link_typed_lecturer(db, saved.id, saved.name)
        audit.record(db, "加入师资库", "lecturer", saved.id, saved.name)
    return saved


def base_errors(base: TeachingBase) -> Errors:
    errors: Errors = {}
    if not base.name:
        errors["name"] = "基地名称不能为空"
    if base.kind and base.kind not in teaching.BASE_KINDS:
        errors["kind"] = f"类别应为{'、'.join(teaching.BASE_KINDS)}之一"
    if base.capacity < 0:
        errors["capacity"] = "容量不能为负数"
    if message := phone_error(base.contact_phone):
        errors["contact_phone"] = message
    return errors


def list_bases(db: Database, include_archived: bool = False) -> list[TeachingBase]:
    return store.list_bases(db, include_archived)


def save_base(db: Database, base: TeachingBase) -> TeachingBase:
    base = replace(base, name=clean(base.name), address=clean(base.address),
                   contact_phone=normalize_phone(base.contact_phone))
    errors = base_errors(base)
    same = store.base_by_name(db, base.name)
    if same and same.id != base.id:
        errors.setdefault("name", f"教学基地“{base.name}”已存在")
    if errors:
        raise ValidationError(errors)
    with db.atomic():
        saved = tables.teaching_bases(db).save(base)
        audit.record(db, "保存教学基地", "base", saved.id, saved.name)
    return saved


def delete_base(db: Database, base_id: int) -> None:
    base = tables.teaching_bases(db).get(base_id)
    if used := store.session_counts(db, "base_id").get(base_id):
        raise UserError(f"“{base.name}”已安排教学{used}次，不能删除；可改为“停用”，其教学记录保留")
    with db.atomic():
        tables.teaching_bases(db).delete(base_id)
        audit.record(db, "删除教学基地", "base", base_id, base.name)
