"""Dates: holidays, the same weekday a year on, the checks across a class's periods, conflicts, .ics."""
from dataclasses import fields
from datetime import date, datetime, timezone

from app.domain import conflicts
from app.domain.holidays import holiday_name, holidays_between, is_adjusted_workday, known_year
from app.domain.ics import Event, calendar_text
from app.domain.models import Period
from app.domain.rules import THRESHOLD_SETTINGS, Thresholds
from app.domain.schedule import period_set_errors, same_weekday_next_year, shift_report_time


def test_holidays_and_adjusted_working_days():
    assert holiday_name(date(2020, 10, 1)) == "国庆节"
    assert holiday_name(date(2020, 9, 26)) is None  # an ordinary Saturday
    assert is_adjusted_workday(date(2020, 9, 27)) and not is_adjusted_workday(date(2020, 9, 28))
    assert len(holidays_between(date(2020, 4, 1), date(2020, 4, 30))) == 3  # 清明
    assert not known_year(2099) and holiday_name(date(2099, 10, 1)) is None


def test_same_weekday_next_year():
    for day in (date(2020, 3, 2), date(2020, 2, 29), date(2020, 12, 31), date(2021, 1, 1)):
        moved = same_weekday_next_year(day)
        assert moved.weekday() == day.weekday()
        assert abs((moved - date(day.year + 1, day.month, min(day.day, 28))).days) <= 4
    assert same_weekday_next_year(date(2020, 3, 2)) == date(2021, 3, 1)
    assert shift_report_time("2020-03-02 08:30", 364) == "2021-03-01 08:30" and shift_report_time("", 3) == ""


def test_periods_of_one_class_end_before_start_overlap_or_repeat_a_number():
    good = [Period(1, 1, "2020-05-11", "2020-05-25"), Period(1, 2, "2020-10-12", "2020-10-26")]
    assert period_set_errors(good) == {}
    bad = [Period(1, 1, "2020-05-11", "2020-05-25"), Period(1, 2, "2020-05-20", "2020-05-30"),
           Period(1, 1, "2020-11-01", "2020-11-02"), Period(1, 4, "2020-12-05", "2020-12-01")]
    found = period_set_errors(bad)
    assert "时间重叠" in found[1]["start_date"]
    assert "重复" in found[2]["number"]
    assert found[3] == {"end_date": "结束日期不能早于开始日期"}


def spans():
    return {1: conflicts.Span(1, "甲班第1期", date(2020, 3, 2), date(2020, 3, 31), "县委党校"),
            2: conflicts.Span(2, "乙班第1期", date(2020, 3, 18), date(2020, 3, 20), "县委党校"),
            3: conflicts.Span(3, "丙班第1期", date(2020, 4, 1), date(2020, 4, 3), "县委党校")}


def test_one_person_in_two_overlapping_periods():
    bookings = [(1, "张三", 1), (1, "张三", 2), (2, "李四", 1), (2, "李四", 3), (3, "王五", 1), (4, "王五", 2)]
    found = conflicts.person_conflicts(spans(), bookings)
    assert [(c.period_ids, c.start, c.end) for c in found] == [((1, 2), date(2020, 3, 18), date(2020, 3, 20))]
    assert found[0].message.startswith("1人") and "张三" in found[0].message
    assert "李四" not in found[0].message and "王五" not in found[0].message  # two people of one name


def test_one_unit_with_many_people_away():
    counts = [("县委办", 1, 3), ("县委办", 2, 2), ("县财政局", 1, 4)]
    found = conflicts.unit_conflicts(spans(), counts, 5, date(2020, 1, 1), date(2020, 12, 31))
    assert [(c.message[:3], c.start, c.end) for c in found] == [("县委办", date(2020, 3, 18), date(2020, 3, 20))]
    assert conflicts.unit_conflicts(spans(), counts, 6, date(2020, 1, 1), date(2020, 12, 31)) == []


def test_a_unit_s_crowded_days_are_found_where_periods_start_and_end_as_a_day_by_day_count_finds_them():
    from collections import Counter
    from datetime import timedelta

    four = {**spans(), 4: conflicts.Span(4, "丁班第1期", date(2020, 3, 21), date(2020, 4, 2), "")}
    counts = [("县委办", 1, 3), ("县委办", 2, 2), ("县委办", 4, 2), ("县委办", 3, 3), ("县财政局", 1, 5)]
    first, last = date(2020, 3, 10), date(2020, 4, 1)  # the grid shown: periods are clipped to it
    found = conflicts.unit_conflicts(four, counts, 5, first, last)
    away: Counter = Counter()  # the slow, obvious way: every day of every period
    for unit, period_id, count in counts:
        span, day = four[period_id], max(four[period_id].start, first)
        while day <= min(span.end, last):
            away[(unit, day)] += count
            day += timedelta(days=1)
    crowded = {key for key, count in away.items() if count >= 5}
    covered = {(c.message.split("在")[0], c.start + timedelta(days=n))
               for c in found for n in range((c.end - c.start).days + 1)}
    assert covered == crowded
    assert [(c.period_ids, c.start, c.end) for c in found] == [
        ((1, 2), date(2020, 3, 18), date(2020, 3, 20)),  # 县委办: 甲 and 乙
        ((1, 4), date(2020, 3, 21), date(2020, 3, 31)),  # then 甲 and 丁: another run
        ((3, 4), date(2020, 4, 1), date(2020, 4, 1)),  # 丙 and 丁, clipped at the grid's last day
        ((1,), date(2020, 3, 10), date(2020, 3, 31))]  # 县财政局 alone, from the grid's first day


def test_the_same_place_booked_twice():
    found = conflicts.place_conflicts(spans())
    assert [c.period_ids for c in found] == [(1, 2)]
    moved = {**spans(), 2: conflicts.Span(2, "乙班第1期", date(2020, 3, 18),
                                                                             date(2020, 3, 20), "县委党校二教室")}
    assert conflicts.place_conflicts(moved) == []


def test_ics_text_is_folded_escaped_and_all_day():
    text = calendar_text([Event("p-1@x", date(2020, 3, 2), date(2020, 3, 31), "进修班第1期", "县委党校",
                                "类型：进修班, 承办; 党校\n第二行" * 3)], "2020年", datetime(2020, 1, 1, tzinfo=timezone.utc))
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "DTSTART;VALUE=DATE:20200302\r\n" in text and "DTEND;VALUE=DATE:20200401\r\n" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    unfolded = text.replace("\r\n ", "")
    assert "DESCRIPTION:类型：进修班\\, 承办\\; 党校\\n第二行" in unfolded


def test_every_threshold_is_a_setting_with_a_label():
    assert set(THRESHOLD_SETTINGS) == {f.name for f in fields(Thresholds)}
