"""Cells of a timetable as hosts write them: dates without a year (3月2日, 3.2, 3月2日（星期一）), times as
上午 or 8:30-11:30 (下午2:30 is 14:30), a lecturer's name with their post in the same cell, forms in the
schools' own words. Each reader returns the value, or None when the cell cannot be read."""
from __future__ import annotations

import math
import re
from datetime import date, datetime, time, timedelta

from app.domain import teaching
from app.domain.text import clean, to_halfwidth
from app.services.importing.cells import cell_text

_EXCEL_EPOCH = date(1899, 12, 30)
FULL_DAY = "全天"  # a row for a whole day: a morning and an afternoon session
_WEEKDAY = re.compile(r"[(（\[【]?\s*(星期|礼拜|周)[一二三四五六日天七]\s*[)）\]】]?")
_FULL = re.compile(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*[日号]?")
_SHORT = re.compile(r"(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*[日号]?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DATE_FIRST = re.compile(r"^\s*(\d{4}\s*[-./年]\s*)?\d{1,2}\s*[-./月]\s*\d{1,2}\s*[日号]?")
_CLOCK = re.compile(r"(\d{1,2})\s*[:.]\s*(\d{2})|(\d{1,2})\s*点\s*(半|(\d{1,2})\s*分?)?")
HALF_WORDS = {"上午": "上午", "早上": "上午", "早晨": "上午", "下午": "下午", "午后": "下午", "中午": "下午",
              "晚上": "晚上", "晚间": "晚上", "晚": "晚上", "夜间": "晚上", "全天": FULL_DAY, "整天": FULL_DAY}

# the schools' words for a session's form -> the program's (teaching.SESSION_FORMS)
FORM_WORDS: dict[str, str] = {
    **{form: form for form in teaching.SESSION_FORMS},
    **dict.fromkeys(("讲座", "专题辅导", "辅导报告", "专题报告", "授课", "讲授", "课堂教学", "理论教学", "专题教学",
                     "报告", "辅导", "讲课", "专题讲授"), "专题讲座"),
    **dict.fromkeys(("党性锻炼", "党性修养", "党性分析", "党性教育课", "红色教育", "革命传统教育", "警示教育",
                     "体验式教学", "情景教学", "重温入党誓词"), "党性教育"),
    **dict.fromkeys(("现场", "现场参观", "参观学习", "参观", "实地教学", "考察", "现场观摩", "观摩", "实地考察",
                     "现场教学点"), "现场教学"),
    **dict.fromkeys(("案例", "案例分析", "案例研讨", "案例讲授", "案例式教学"), "案例教学"),
    **dict.fromkeys(("研讨", "讨论", "分组讨论", "分组研讨", "交流", "交流研讨", "研讨式教学", "学员论坛",
                     "结构化研讨", "座谈", "座谈交流", "互动交流", "经验交流", "学习交流"), "研讨交流"),
    **dict.fromkeys(("挂职锻炼", "跟岗学习", "跟岗锻炼", "实践锻炼", "岗位锻炼"), "实岗锻炼"),
    **dict.fromkeys(("开班式", "开班仪式", "开学典礼", "开班典礼", "开班动员", "开学式"), "开班"),
    **dict.fromkeys(("结业式", "结业典礼", "结业仪式", "毕业典礼", "结业总结"), "结业"),
    **dict.fromkeys(("自主学习", "读书自学", "个人自学", "自学讨论", "读书", "阅读"), "自学"),
    **dict.fromkeys(("考核", "测试", "结业考试", "考查", "闭卷考试", "结业考核", "测验"), "考试"),
    **dict.fromkeys(("其它",), "其他"),
}
# topics that say their form, for a timetable without a form column (checked in this order)
TOPIC_FORMS = (("开班", "开班"), ("开学典礼", "开班"), ("结业", "结业"), ("现场教学", "现场教学"),
               ("实岗锻炼", "实岗锻炼"), ("分组讨论", "研讨交流"), ("研讨", "研讨交流"), ("自学", "自学"),
               ("考试", "考试"), ("党性分析", "研讨交流"))
# what a timetable lists that is not taught (meals, rest, travel): skipped with a note
NOT_SESSIONS = ("午餐", "午饭", "午休", "晚餐", "晚饭", "早餐", "用餐", "就餐", "自由活动", "休息", "报到", "返程",
                "离校", "离会", "乘车", "集合", "合影", "茶歇", "返回", "出发", "返校", "住宿")
TOTAL_WORDS = ("合计", "总计", "小计", "共计")
_HALVES_LONGEST_FIRST = sorted(HALF_WORDS, key=len, reverse=True)


def text_of(value: object) -> str:
    return clean(cell_text(value))


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def day_candidates(value: object, years: tuple[int, ...]) -> list[date] | None:
    """The dates a cell may mean (several when Excel made 3.10 the number 3.1), in the years given for a
    date written without one; None when it cannot be read as a date."""
    if isinstance(value, datetime):
        return [value.date()]
    if isinstance(value, date):
        return [value]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _number_days(float(value), years)
    text = _WEEKDAY.sub("", to_halfwidth(text_of(value)))
    if first := _DATE_FIRST.match(text):  # 3月2日上午, 3月2日 8:30-11:30
        text = first.group(0)
    text = text.strip()
    if match := _FULL.fullmatch(text) or _COMPACT.fullmatch(text):
        return _valid([(int(match[1]), int(match[2]), int(match[3]))])
    if match := _SHORT.fullmatch(text):
        return _valid([(year, int(match[1]), int(match[2])) for year in years])
    return None


def _number_days(number: float, years: tuple[int, ...]) -> list[date] | None:
    if not math.isfinite(number) or not 0 < number < 100_000:
        return None
    if number.is_integer() and 20000 < number < 80000:  # an Excel date serial shown as a number
        return [_EXCEL_EPOCH + timedelta(days=int(number))]
    month, _, fraction = f"{number:.2f}".partition(".")
    if not 1 <= int(month) <= 12 or fraction == "00":
        return None
    days = {int(fraction)}
    if fraction.endswith("0"):  # Excel keeps 3.10 as 3.1: the 1st or the 10th
        days.add(int(fraction[0]))
    return _valid([(year, int(month), day) for year in years for day in sorted(days)]) or None


def _valid(parts: list[tuple[int, int, int]]) -> list[date] | None:
    found = []
    for year, month, day in parts:
        try:
            found.append(date(year, month, day))
        except ValueError:
            continue
    return found or None


def read_time(value: object) -> tuple[str, str, str] | None:
    """(half-day, start, end) from 上午, 8:30-11:30, 08:30—11:30, 14:30～17:30, 上午8:30-11:30, 下午2:30-5:30 or
    a time cell; the half-day follows the start (before 12:00 上午, before 18:00 下午, else 晚上). Empty parts
    are ''; None when the cell says neither a half-day nor a time."""
    if isinstance(value, datetime):
        value = value.time()
    if isinstance(value, time):
        start = f"{value.hour:02d}:{value.minute:02d}"
        return half_of(start), start, ""
    if isinstance(value, float) and 0 < value < 1:  # a time cell read as a fraction of a day
        minutes = round(value * 24 * 60)
        start = f"{minutes // 60:02d}:{minutes % 60:02d}"
        return half_of(start), start, ""
    text = to_halfwidth(text_of(value)).replace(" ", "")
    said = half_word(text)
    if said == FULL_DAY:
        return FULL_DAY, "", ""
    clocks = [_clock(match) for match in _CLOCK.finditer(text)]
    if not clocks or None in clocks:
        return (said, "", "") if said and not clocks else None
    if said in ("下午", "晚上"):  # 下午2:30 is written on a twelve-hour clock
        clocks = [(hour + 12 if hour < 12 else hour, minute) for hour, minute in clocks]
    start = f"{clocks[0][0]:02d}:{clocks[0][1]:02d}"
    end = f"{clocks[-1][0]:02d}:{clocks[-1][1]:02d}" if len(clocks) > 1 else ""
    return said or half_of(start), start, end


def without_date(value: object) -> str:
    """A cell that gives the date before the time (3月2日（星期一）上午, 2020.03.02 8:30-11:30) without the date."""
    text = _WEEKDAY.sub("", to_halfwidth(text_of(value)))
    return _DATE_FIRST.sub("", text).strip()


def half_word(text: str) -> str:
    """The half-day a text names (上午, 下午, 晚上, 全天), or ''."""
    return next((HALF_WORDS[word] for word in _HALVES_LONGEST_FIRST if word in text), "")


def _clock(match: re.Match) -> tuple[int, int] | None:
    if match[1] is not None:
        hour, minute = int(match[1]), int(match[2])
    else:
        hour, minute = int(match[3]), 30 if match[4] == "半" else int(match[5] or 0)
    return (hour, minute) if hour < 24 and minute < 60 else None


def half_of(start: str) -> str:
    return "上午" if start < "12:00" else "下午" if start < "18:00" else "晚上"


def split_lecturer(text: str) -> tuple[str, str]:
    """(name, post) from 张三 市委党校教授, 张三（市委党校副教授）, 张  三 教授; a cell that does not start with a
    name and a space or bracket is the name as written."""
    text = clean(to_halfwidth(text))
    text = re.sub(r"^([\u4e00-\u9fff]) ([\u4e00-\u9fff])(?=$|[ (,，])", r"\1\2", text)  # 张 三: spaced to align
    if match := re.fullmatch(r"([\u4e00-\u9fff·]{2,5})\s*\((.+)\)", text):
        return match[1], match[2].strip()
    if match := re.fullmatch(r"([\u4e00-\u9fff·]{2,5})[ ,，]\s*(.+)", text):
        return match[1], match[2].strip()
    return text, ""


def form_of(text: str) -> str | None:
    """The program's form for a school's word; None when it is not one the program knows."""
    plain = re.sub(r"[\s()（）]", "", to_halfwidth(text))
    return FORM_WORDS.get(plain)


def form_from_topic(topic: str) -> str:
    return next((form for word, form in TOPIC_FORMS if word in topic), "")


def not_taught(topic: str) -> bool:
    """A meal, a rest, travel: what a timetable lists between sessions."""
    plain = re.sub(r"[\s、，,/()（）]", "", topic)
    return len(plain) <= 10 and any(word in plain for word in NOT_SESSIONS)


def is_total(topic: str) -> bool:
    return any(topic.replace(" ", "").startswith(word) for word in TOTAL_WORDS)


def hours_of(value: object) -> float | None:
    """3, 3.5, "3学时", "3课时"; None when empty or not a number."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(学时|课时|小时)?", to_halfwidth(text_of(value)))
    return float(match[1]) if match else None
