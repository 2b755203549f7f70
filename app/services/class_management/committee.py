"""班委 and study groups: the roles trainees hold in their period (one 班长 a period, one 组长 a group, a 组长
belongs to a group) and the groups they are put in, several trainees at once; each change one audited
transaction, refused whole when any trainee cannot take it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.domain.errors import UserError, ValidationError
from app.domain.models import EnrollmentRow
from app.domain.status import EnrollmentStatus
from app.domain.text import clean
from app.services.roster import period_of, period_title
from app.services.safety import audit
from app.storage import class_management as queries
from app.storage import roster as roster_queries
from app.storage.connection import Database

COMMITTEE_ROLES = ("班长", "副班长", "学习委员", "生活委员", "宣传委员", "纪律委员", "组长", "副组长")
ONE_PER_PERIOD = ("班长",)
ONE_PER_GROUP = ("组长",)
GROUP_ROLES = ("组长", "副组长")  # held within a group: the trainee must be in one
MAX_GROUP = 20
_NUMERALS = "一二三四五六七八九"


@dataclass
class StudyGroup:
    name: str
    members: list[EnrollmentRow] = field(default_factory=list)

    @property
    def leader(self) -> str:
        return "、".join(m.person_name for m in self.members if m.committee_role == "组长")


def trainees(db: Database, period_id: int) -> list[EnrollmentRow]:
    """The period's trainees holding a seat, in unit order, with their 班委, group and 考核."""
    return [e for e in roster_queries.named_enrollments(db, period_id) if EnrollmentStatus.is_active(e.status)]


def group_number(name: str) -> int:
    """第三组 → 3, 2组 → 2, 第十二组 → 12; 0 for a name without a number (sorted first by name)."""
    if digits := re.search(r"\d+", name):
        return int(digits.group())
    found = re.search(f"([{_NUMERALS}十]+)", name)
    if not found:
        return 0
    text = found.group(1)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_NUMERALS.index(tens) + 1 if tens else 1) * 10 + (_NUMERALS.index(ones) + 1 if ones else 0)
    return _NUMERALS.index(text[0]) + 1


def groups(db: Database, period_id: int, lines: list[EnrollmentRow] | None = None) -> list[StudyGroup]:
    """The period's groups in number order, each with its members (组长 first)."""
    found: dict[str, StudyGroup] = {}
    for line in lines if lines is not None else trainees(db, period_id):
        if line.study_group:
            found.setdefault(line.study_group, StudyGroup(line.study_group)).members.append(line)
    for group in found.values():
        group.members.sort(key=lambda m: (m.committee_role != "组长", m.committee_role != "副组长"))
    return sorted(found.values(), key=lambda g: (group_number(g.name), g.name))


def _chosen(db: Database, period_id: int, enrollment_ids: list[int]) -> tuple[list[EnrollmentRow], list[EnrollmentRow]]:
    lines = roster_queries.named_enrollments(db, period_id)
    by_id = {line.id: line for line in lines}
    chosen = [by_id[i] for i in dict.fromkeys(enrollment_ids) if i in by_id]
    if not chosen:
        raise UserError("请先在名单中选择学员")
    if len(chosen) < len(set(enrollment_ids)):
        raise UserError("所选学员不在本期名单中")
    for line in chosen:
        if not EnrollmentStatus.is_active(line.status):
            raise UserError(f"{line.person_name}的状态为“{line.status}”，不能担任班委或分组")
    return chosen, [line for line in lines if EnrollmentStatus.is_active(line.status)]


def set_role(db: Database, period_id: int, enrollment_ids: list[int], role: str) -> None:
    """Gives the trainees a 班委 role ("" takes it away)."""
    role = clean(role)
    if role and role not in COMMITTEE_ROLES:
        raise ValidationError({"role": f"班委职务“{role}”不在可选范围内（{'、'.join(COMMITTEE_ROLES)}）"})
    chosen, everyone = _chosen(db, period_id, enrollment_ids)
    ids = {line.id for line in chosen}
    if role in ONE_PER_PERIOD:
        holders = [line.person_name for line in everyone if line.committee_role == role and line.id not in ids]
        if len(chosen) > 1 or holders:
            raise ValidationError({"role": f"一期只能有一名{role}" + (f"，本期已有{role}{holders[0]}；请先取消其职务"
                                                                 if holders else "")})
    if role in GROUP_ROLES:
        for line in chosen:
            if not line.study_group:
                raise ValidationError({"role": f"{line.person_name}还没有分组；{role}须属于一个小组，请先分组"})
    if role in ONE_PER_GROUP:
        _one_leader(everyone, {line.id: line.study_group for line in chosen}, role)
    period = period_of(db, period_id)
    with db.atomic():
        for line in chosen:
            queries.set_committee(db, line.id, role, line.study_group)
            audit.record(db, "设置班委" if role else "取消班委", "enrollment", line.id,
                         f"{period_title(period)} {line.person_name}：{role or line.committee_role or '无'}")


def _one_leader(everyone: list[EnrollmentRow], groups_of: dict[int, str], role: str) -> None:
    """Each group has at most one `role` once the chosen trainees (id -> their group) hold it."""
    leaders: dict[str, list[str]] = {}
    for line in everyone:
        if line.id in groups_of:
            leaders.setdefault(groups_of[line.id], []).append(line.person_name)
        elif line.committee_role == role and line.study_group:
            leaders.setdefault(line.study_group, []).append(line.person_name)
    for group, names in leaders.items():
        if len(names) > 1:
            raise ValidationError({"role": f"{group}只能有一名{role}（现为{'、'.join(names)}）"})


def set_group(db: Database, period_id: int, enrollment_ids: list[int], group: str) -> None:
    """Puts the trainees in a group ("" takes them out of theirs); a 组长 or 副组长 moves with the role."""
    group = clean(group)
    if len(group) > MAX_GROUP:
        raise ValidationError({"group": f"小组名称过长（不超过{MAX_GROUP}字）"})
    chosen, everyone = _chosen(db, period_id, enrollment_ids)
    for line in chosen:
        if not group and line.committee_role in GROUP_ROLES:
            raise ValidationError({"group": f"{line.person_name}是{line.study_group}{line.committee_role}，"
                                            "请先取消其职务再移出小组"})
    moving_leaders = {line.id: group for line in chosen if line.committee_role in ONE_PER_GROUP}
    if moving_leaders:
        _one_leader(everyone, moving_leaders, ONE_PER_GROUP[0])
    period = period_of(db, period_id)
    with db.atomic():
        for line in chosen:
            queries.set_committee(db, line.id, line.committee_role, group)
        names = "、".join(line.person_name for line in chosen)
        audit.record(db, "分组" if group else "移出小组", "period", period_id,
                     f"{period_title(period)}：{names} → {group or '不分组'}")
