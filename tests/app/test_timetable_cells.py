"""The cells of a timetable as hosts write them: dates without a year, times as words or clocks, lecturers
with their post in the same cell, forms in the schools' words."""
from datetime import date, datetime, time

import pytest

from app.services.teaching.timetable_import import cells

YEARS = (2020,)


@pytest.mark.parametrize("value, expected", [
    ("3月2日", [date(2020, 3, 2)]),
    ("3月2号", [date(2020, 3, 2)]),
    ("2020.3.2", [date(2020, 3, 2)]),
    ("2020年3月2日", [date(2020, 3, 2)]),
    ("2020-03-02", [date(2020, 3, 2)]),
    ("20200302", [date(2020, 3, 2)]),
    ("3.2", [date(2020, 3, 2)]),
    ("3/2", [date(2020, 3, 2)]),
    ("3月2日（星期一）", [date(2020, 3, 2)]),
    ("3月2日 周一", [date(2020, 3, 2)]),
    ("３月２日", [date(2020, 3, 2)]),  # full-width digits as an IME types them
    ("3月2日上午", [date(2020, 3, 2)]),
    ("3月2日 8:30-11:30", [date(2020, 3, 2)]),
    (datetime(2020, 3, 2, 0, 0), [date(2020, 3, 2)]),
    (date(2020, 3, 2), [date(2020, 3, 2)]),
    (43892.0, [date(2020, 3, 2)]),  # an Excel date shown as a number
    (3.2, [date(2020, 3, 2), date(2020, 3, 20)]),  # typed 3.2 or 3.20: Excel keeps both as 3.2
    (3.15, [date(2020, 3, 15)]),
    ("第一天", None), ("2月30日", None), ("13月2日", None), ("", None), (float("inf"), None), (float("nan"), None),
])
def test_dates(value, expected):
    assert cells.day_candidates(value, YEARS) == expected


def test_a_year_less_date_takes_each_year_a_period_spans():
    assert cells.day_candidates("1月4日", (2020, 2021)) == [date(2020, 1, 4), date(2021, 1, 4)]


@pytest.mark.parametrize("value, expected", [
    ("上午", ("上午", "", "")), ("下午", ("下午", "", "")), ("晚上", ("晚上", "", "")), ("全天", ("全天", "", "")),
    ("8:30-11:30", ("上午", "08:30", "11:30")),
    ("08:30—11:30", ("上午", "08:30", "11:30")),
    ("14:30～17:30", ("下午", "14:30", "17:30")),
    ("14：30-17：30", ("下午", "14:30", "17:30")),
    ("上午8:30-11:30", ("上午", "08:30", "11:30")),
    ("下午2:30-5:30", ("下午", "14:30", "17:30")),  # on a twelve-hour clock after 下午
    ("晚上7:00-9:00", ("晚上", "19:00", "21:00")),
    ("19:00", ("晚上", "19:00", "")),
    ("8点半-11点", ("上午", "08:30", "11:00")),
    ("11:59", ("上午", "11:59", "")), ("12:00", ("下午", "12:00", "")), ("18:00", ("晚上", "18:00", "")),
    (time(14, 30), ("下午", "14:30", "")),
    (0.375, ("上午", "09:00", "")),  # a time cell read as a fraction of a day
    ("第三节", None), ("25:00", None), ("", None),
])
def test_times(value, expected):
    assert cells.read_time(value) == expected


@pytest.mark.parametrize("text, expected", [
    ("张三 市委党校教授", ("张三", "市委党校教授")),
    ("张三（市委党校副教授）", ("张三", "市委党校副教授")),
    ("张三(市委党校副教授)", ("张三", "市委党校副教授")),
    ("张  三 教授", ("张三", "教授")),
    ("欧阳明华，省委党校教授", ("欧阳明华", "省委党校教授")),
    ("张三", ("张三", "")),
    ("张三、李四", ("张三、李四", "")),
])
def test_a_lecturer_cell_with_the_post_in_it(text, expected):
    assert cells.split_lecturer(text) == expected


@pytest.mark.parametrize("text, form", [
    ("专题讲座", "专题讲座"), ("专题辅导", "专题讲座"), ("分组研讨", "研讨交流"), ("现场参观", "现场教学"),
    ("案例分析", "案例教学"), ("开班式", "开班"), ("结业典礼", "结业"), ("读书自学", "自学"), ("考核", "考试"),
    ("重温入党誓词", "党性教育"), ("跟岗学习", "实岗锻炼"), ("其它", "其他"), ("观看影片", None),
])
def test_forms_in_the_schools_words(text, form):
    assert cells.form_of(text) == form


@pytest.mark.parametrize("topic, skipped", [
    ("午餐", True), ("午餐、午休", True), ("自由活动", True), ("学员报到", True), ("晚餐", True),
    ("乡村振兴战略", False), ("党性教育现场教学（返程途中参观王良故居党性教育基地）", False),
])
def test_what_is_not_taught(topic, skipped):
    assert cells.not_taught(topic) is skipped


@pytest.mark.parametrize("value, hours", [(3, 3.0), (3.5, 3.5), ("3学时", 3.0), ("４课时", 4.0), ("三", None), ("", None)])
def test_hours(value, hours):
    assert cells.hours_of(value) == hours
