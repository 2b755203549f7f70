"""Letter texts the office can edit, with fields such as {姓名} {班次} {报到时间}; defaults follow the seeds.

A template's first line is the title. Lines starting 一、 are headings in 黑体, （一） in 楷体; a line
ending in "：" right after the title is the addressee; a line holding only a block field such as
{学员名单} is replaced by a table.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.errors import ValidationError
from app.services import settings
from app.services.safety import audit
from app.storage.connection import Database

FIELD = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class LetterTemplate:
    key: str
    label: str
    fields: dict[str, str]  # field name → what it holds
    default: str
    blocks: tuple[str, ...] = ()  # fields that stand on a line of their own and become tables

    @property
    def setting(self) -> str:
        return f"template.{self.key}"


_PERIOD_FIELDS = {
    "班次": "班次名称", "期次": "第几期，如“第1期”", "培训时间": "如“2020年5月11日至15日”",
    "开始日期": "如“2020年5月11日”", "结束日期": "如“2020年5月15日”", "学制": "天数", "学时": "总学时",
    "报到时间": "如“2020年5月11日（星期一）8:30”", "报到地点": "期次的报到地点", "培训地点": "班次的培训地点",
    "主办单位": "班次的主办单位", "承办单位": "班次的承办单位", "调训对象": "班次的调训对象",
    "费用": "培训费说明", "联系人": "联系人、电话和传真", "发文机关": "落款的发文机关",
}

ADMISSION = LetterTemplate("admission_letter", "入学通知书", {
    "姓名": "学员姓名", "性别": "学员性别", "单位": "学员工作单位", "职务": "学员职务", **_PERIOD_FIELDS,
}, """入学通知书
{姓名}同志：
经研究，决定选调你参加{班次}{期次}学习。现将有关事项通知如下。
一、培训时间。{培训时间}，学制{学制}天。
二、报到时间和地点。请于{报到时间}到{报到地点}报到。
三、报到时携带。本通知书、本人身份证、近期一寸免冠彩色照片2张和学习用品。
四、纪律要求。请严格遵守《干部教育培训学员管理规定》，集中报到、集中返程，培训期间服从管理、不得无故缺课，确需请假的按规定履行手续。因故不能参训的，请所在单位提前5天向{发文机关}报告。
五、培训费用。{费用}
六、联系方式。{联系人}""")

UNIT_LETTER = LetterTemplate("unit_letter", "学员选调函", {
    "单位": "收函单位", "名额": "分配给该单位的名额", "名单说明": "已确定人选或请单位填表的说明",
    "学员名单": "旧模板的名单表格位置（名单现作为附件“学员回执表”附在函后，此行可删去）", "计划名称": "如“《2020年公务员培训计划》”",
    "报送截止日期": "报送名单的截止日期", "更换截止日期": "开班前5天", "联系部门": "名单报送部门",
    **_PERIOD_FIELDS,
}, """关于选调学员参加{班次}{期次}的通知
{单位}：
根据{计划名称}安排，定于{培训时间}在{培训地点}举办{班次}{期次}，学制{学制}天。请你单位选派{名额}名同志参加培训。现将有关事项通知如下。
一、调训对象
{调训对象}。
二、参训学员
{名单说明}
三、报到时间和地点
请参训学员于{报到时间}到{报到地点}报到。
四、有关要求
（一）按时报送名单。请于{报送截止日期}前将学员回执表报送{联系部门}，并收集汇总参训学员关心关注的重点难点问题或典型案例，与学员名单一并报送。
（二）严格学员调训。因故需更换学员人选，应提前5天（{更换截止日期}前）向{发文机关}报告。
（三）加强纪律提醒。请在培训前对参训学员进行纪律提醒、明确纪律要求，学员应集中报到、集中返程。
（四）培训费用。{费用}
五、联系方式
{联系人}""", blocks=("学员名单",))

CERTIFICATE = LetterTemplate("certificate", "结业证书", {
    "姓名": "学员姓名", "单位": "学员工作单位", "证书编号": "如“2020-03-017”", **_PERIOD_FIELDS,
}, """结业证书
{姓名}同志：
于{培训时间}参加{主办单位}举办的{班次}{期次}学习，完成规定课程，共计{学时}学时，准予结业。
特发此证。""")

TEMPLATES = {template.key: template for template in (ADMISSION, UNIT_LETTER, CERTIFICATE)}


def template_text(db: Database, template: LetterTemplate) -> str:
    return settings.get(db, template.setting, template.default)


def template_errors(template: LetterTemplate, text: str) -> dict[str, str]:
    """What is wrong with an edited template, in Chinese, keyed "text"; empty when it can be saved."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        return {"text": "模板至少要有两行：第一行是标题，其后是正文"}
    if text.count("{") != text.count("}") or re.search(r"\{[^}]*\{|\}[^{]*\}", text):
        return {"text": "花括号“{ }”不成对：字段要写成 {姓名} 这样"}
    unknown = [name for name in FIELD.findall(text) if name not in template.fields]
    if unknown:
        return {"text": f"“{{{unknown[0]}}}”不是可用的字段；可用字段：" + "、".join(template.fields)}
    for block in template.blocks:
        token = "{" + block + "}"
        if token in text and token not in lines:
            return {"text": f"{token} 要单独占一行（它会换成表格）"}
    return {}


def save_template(db: Database, template: LetterTemplate, text: str) -> None:
    if errors := template_errors(template, text):
        raise ValidationError(errors)
    with db.atomic():
        settings.put(db, template.setting, text.strip())
        audit.record(db, "修改文书模板", detail=template.label)


def reset_template(db: Database, template: LetterTemplate) -> None:
    with db.atomic():
        settings.remove(db, template.setting)
        audit.record(db, "恢复默认文书模板", detail=template.label)


def fill(text: str, values: dict[str, str]) -> str:
    """The template with each {字段} replaced by its value (blocks stay as they are)."""
    return FIELD.sub(lambda match: values.get(match.group(1), match.group(0)), text)
