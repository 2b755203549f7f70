"""Phone and fax numbers: mainland mobiles, landlines with or without area code and extension."""
from __future__ import annotations

import re

from app.domain.text import clean_code

_MOBILE = re.compile(r"^(?:\+?86-?)?1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^(?:\(?0\d{2,3}\)?-?)?[2-9]\d{6,7}(?:-\d{1,6})?$")


def normalize_phone(text: object) -> str:
    value = clean_code(text).replace("－", "-").replace("—", "-")
    return value.replace("（", "(").replace("）", ")")


def phone_error(text: object, *, required: bool = False) -> str | None:
    value = normalize_phone(text)
    if not value:
        return "联系电话不能为空" if required else None
    if _MOBILE.match(value) or _LANDLINE.match(value):
        return None
    if re.fullmatch(r"\d(\.\d+)?E\+?\d+", value, re.IGNORECASE):
        return "电话号码被 Excel 存成了数字（科学计数法）；请把该列设为“文本”后重新录入"
    if value.isdigit() and value.startswith("1"):
        return f"手机号码应为11位，现为{len(value)}位"
    return f"电话号码“{value}”格式不对（手机11位，座机如 023-12345678）"


def mask_phone(text: object) -> str:
    """138****5678, 023-6***4567: what lists and circulating printouts show of a lecturer's phone."""
    value = normalize_phone(text)
    digits = sum(ch.isdigit() for ch in value)
    if digits < 7:
        return value
    hide, seen, shown = digits - 7, 0, []
    for ch in value:  # keep the first three and last four digits, whatever the separators
        if ch.isdigit():
            seen += 1
            shown.append("*" if 3 < seen <= 3 + hide else ch)
        else:
            shown.append(ch)
    return "".join(shown)
