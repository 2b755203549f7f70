"""Importing a timetable as hosts send it: the header under a title, synonyms, merged dates, dates and times
written every way, lecturers matched to the pool, places to the bases, bad rows with their reasons, and one
transaction that leaves the old timetable when anything fails."""
from datetime import date, timedelta

import pytest

from app.domain.errors import UserError
from app.services.teaching import timetable
from app.services.teaching.timetable_import import pipeline
from app.services.teaching.timetable_import.rows import IMPORTED, SKIPPED
from app.storage import audit as audit_log
from tests.timetable_files import (
    BASE,
    HEADER,
    POOL_NAME,
    TYPED_NAME,
    open_period,
    pool,
    sessions_in_week,
    week,
    write_csv,
    write_xls,
    write_xlsx,
)


@pytest.fixture
def period(demo_db):
    return open_period(demo_db)


def first_day(period) -> date:
    return date.fromisoformat(period.start_date)


def stored(db, period_id) -> list[tuple]:
    return [(s.day, s.half, s.start_time, s.end_time, s.topic, s.form, s.lecturer, s.lecturer_job, s.where,
             s.hours, s.party_spirit) for s in timetable.timetable(db, period_id)]


def test_a_host_timetable_is_read_and_stored_as_sessions(demo_db, period, tmp_path):
    lecturer_id, base_id = pool(demo_db)
    path = write_xlsx(tmp_path / "课程表.xlsx", week(first_day(period)))
    found = pipeline.analyse(demo_db, path, period.id)
    assert found.layout.header_row == 2
    assert found.layout.labels == ["日期", "时间", "教学内容", "授课人", "职务职称", "地点", "教学形式", "学时", "备注"]
    assert [row.status for row in found.rows] == [IMPORTED, IMPORTED, SKIPPED, IMPORTED, IMPORTED, IMPORTED,
                                                  SKIPPED, IMPORTED, IMPORTED, SKIPPED]
    assert not timetable.has_timetable(demo_db, period.id)  # analysing writes nothing
    pipeline.commit(demo_db, found)
    d = [(first_day(period) + timedelta(days=n)).isoformat() for n in range(4)]
    assert stored(demo_db, period.id) == [
        (d[0], "上午", "08:30", "09:00", "开班式", "开班", "", "", "县委党校报告厅", None, False),
        (d[0], "上午", "09:00", "11:30", "学习贯彻党的二十大精神", "专题讲座", POOL_NAME, "教授", "县委党校报告厅", None, False),
        (d[0], "下午", "14:30", "17:30", "乡村振兴战略与县域实践", "专题讲座", TYPED_NAME, "县农业农村局局长", "", 3.0, False),
        (d[1], "上午", "", "", "重温入党誓词", "现场教学", "", "", BASE, None, True),
        (d[1], "下午", "", "", "党性分析交流", "研讨交流", "", "", "", None, True),
        (d[2], "上午", "", "", "实岗锻炼", "实岗锻炼", "", "", "", 4.0, False),
        (d[2], "下午", "", "", "实岗锻炼", "实岗锻炼", "", "", "", 4.0, False),
        (d[3], "下午", "14:30", "17:00", "结业式", "结业", "", "", "县委党校报告厅", None, False),
    ]
    sessions = timetable.timetable(demo_db, period.id)
    assert sessions[1].lecturer_id == lecturer_id and sessions[3].base_id == base_id
    assert [s.sort_order for s in sessions[:2]] == [0, 1]  # the file's order within the morning
    assert sessions[0].credited_hours + sessions[1].credited_hours == timetable.hours_settings(demo_db)[0]
    entry = audit_log.newest(demo_db, 1)[0]
    assert (entry["action"], entry["entity_id"]) == (pipeline.ACTION, period.id)
    assert entry["detail"].startswith("课程表.xlsx：导入8节课")


def test_skipped_rows_say_why_and_lecturers_not_in_the_pool_are_named(demo_db, period, tmp_path):
    pool(demo_db)
    found = pipeline.analyse(demo_db, write_xlsx(tmp_path / "a.xlsx", week(first_day(period))), period.id)
    reasons = {row.line: row.reason for row in found.skipped}
    assert reasons == {6: "“午餐、午休”不是授课内容，已跳过", 10: "“晚上”没有安排课程，已跳过",
                       14: "“注：课程如有调整，另行通知。”不是课程安排，已跳过"}
    assert found.typed_lecturers == [TYPED_NAME]
    notes = [note for row in found.rows for note in row.notes]
    assert f"授课人“{POOL_NAME}”已对应师资库" in notes
    assert f"地点“王良故居”对应教学基地“{BASE}”" in notes
    assert "教学形式“分组研讨”记为“研讨交流”" in notes
    assert found.summary() == f"可导入{sessions_in_week()}节课（7行），跳过3行（用餐、休息、说明等）"


@pytest.mark.parametrize("write", [write_xls, write_csv], ids=["xls", "csv"])
def test_old_xls_and_gbk_csv_read_the_same(demo_db, period, tmp_path, write):
    pool(demo_db)
    rows = week(first_day(period))
    path = write(tmp_path / f"课程表.{write.__name__[6:]}", rows)
    found = pipeline.analyse(demo_db, path, period.id)
    assert not found.refused, [row.reason for row in found.refused]
    assert len(found.sessions) == sessions_in_week()
    assert [s.day for s in found.sessions][-1] == (first_day(period) + timedelta(days=3)).isoformat()


def test_header_synonyms_and_dates_and_times_written_every_way(demo_db, period, tmp_path):
    first = first_day(period)
    header = ["序号", "日期", "时段", "课题", "主讲人", "上课地点", "类别", "课时", "说明"]
    m, d = first.month, first.day
    second = first + timedelta(days=1)
    rows = [
        [1, f"{m}月{d}日（星期一）", "上午", "专题一", "张  三 市委党校教授", "", "讲座", "3学时", ""],
        [2, f"{first.year}.{m}.{d}", "08:30—11:30", "专题二", "李四（省委党校副教授）", "", "", "", ""],
        [3, f"{second.month}.{second.day}", "14:30～17:30", "专题三", "", "", "", "", ""],
        [4, f"{second.month}月{second.day}日", "晚上7:00-9:00", "专题四", "", "", "观看警示教育片", "", ""],
        [5, f"{second.month}月{second.day}日下午", "", "专题五", "", "", "", "", ""],
    ]
    found = pipeline.analyse(demo_db, write_xlsx(tmp_path / "b.xlsx", rows, header, merge_days=False), period.id)
    assert found.layout.labels == ["日期", "时段", "教学内容", "授课人", "地点", "教学形式", "学时", "备注"]
    assert not found.refused, [row.reason for row in found.refused]
    got = [(s.day, s.half, s.start_time, s.end_time, s.lecturer_name, s.lecturer_post, s.form, s.hours)
           for s in found.sessions]
    assert got == [
        (first.isoformat(), "上午", "", "", "张三", "市委党校教授", "专题讲座", 3.0),
        (first.isoformat(), "上午", "08:30", "11:30", "李四", "省委党校副教授", "", None),
        (second.isoformat(), "下午", "14:30", "17:30", "", "", "", None),
        (second.isoformat(), "晚上", "19:00", "21:00", "", "", "其他", None),
        (second.isoformat(), "下午", "", "", "", "", "", None),
    ]
    assert "教学形式“观看警示教育片”不在列表中，已记为“其他”" in found.rows[3].notes


def test_bad_rows_are_reported_with_line_and_reason_and_the_good_imported(demo_db, period, tmp_path):
    first = first_day(period)
    late = date.fromisoformat(period.end_date) + timedelta(days=3)
    rows = week(first)[:2] + [
        [first, "上午", "", "王五", "", "", "", "", ""],
        [late, "上午", "期外的课", "", "", "", "", "", ""],
        ["第一天", "上午", "日期读不出", "", "", "", "", "", ""],
        [first + timedelta(days=1), "第三节", "时间读不出", "", "", "", "", "", ""],
        [first + timedelta(days=1), "上午", "学时太多", "", "", "", "", 20, ""],
        [first + timedelta(days=1), "11:30-10:00", "倒着的时间", "", "", "", "", "", ""],
    ]
    path = write_xlsx(tmp_path / "c.xlsx", rows, merge_days=False)
    found = pipeline.analyse(demo_db, path, period.id)
    assert {row.line: row.reason for row in found.refused} == {
        6: "缺少教学内容",
        7: f"日期{late.isoformat()}不在本期（{period.start_date}至{period.end_date}）之内",
        8: "日期“第一天”无法识别（应如 3月2日、2020-03-02）",
        9: "时间“第三节”无法识别（应为上午、下午、晚上或 8:30-11:30）",
        10: "学时应在0到12之间",
        11: "结束时间应晚于开始时间",
    }
    pipeline.commit(demo_db, found)
    assert [s.topic for s in timetable.timetable(demo_db, period.id)] == ["开班式", "学习贯彻党的二十大精神"]


def test_excel_numbers_for_dates_are_read_by_the_period(demo_db, period, tmp_path):
    """3.2 typed in Excel is the number 3.2; 3.10 becomes 3.1 too: the day inside the period is taken."""
    days = [date.fromisoformat(day) for day in timetable.days_of(period)]
    tenth = next((day for day in days if day.day % 10 == 0), None)
    if tenth is None:
        pytest.skip("the open period has no 10th, 20th or 30th")
    plain = next(day for day in days if day.day % 10)
    rows = [[float(f"{plain.month}.{plain.day}"), "上午", "专题一", "", "", "", "", "", ""],
            [float(f"{tenth.month}.{tenth.day}"), "上午", "专题二", "", "", "", "", "", ""]]
    found = pipeline.analyse(demo_db, write_xlsx(tmp_path / "d.xlsx", rows, merge_days=False), period.id)
    assert [s.day for s in found.sessions] == [plain.isoformat(), tenth.isoformat()]
    assert any("Excel会把3.10存成3.1" in note for note in found.rows[1].notes) == (tenth.day // 10 in
                                                                                 [d.day for d in days])


def test_date_cells_merged_over_rows_and_day_headings(demo_db, period, tmp_path):
    first = first_day(period)
    rows = [[f"{first.month}月{first.day}日", "", "", "", "", "", "", "", ""],
            ["", "上午", "专题一", "", "", "", "", "", ""],
            ["", "", "专题二（同一上午）", "", "", "", "", "", ""],
            ["", "下午", "专题三", "", "", "", "", "", ""]]
    found = pipeline.analyse(demo_db, write_xlsx(tmp_path / "e.xlsx", rows, merge_days=False), period.id)
    assert [(s.day, s.half, s.topic) for s in found.sessions] == [
        (first.isoformat(), "上午", "专题一"), (first.isoformat(), "上午", "专题二（同一上午）"),
        (first.isoformat(), "下午", "专题三")]
    assert found.rows[0].line == 5  # the day's heading is no session and no refusal


@pytest.mark.parametrize("content, reason", [
    (b"", "空"),
    (b"\x00\x01\x02garbage" * 50, "不是"),
])
def test_junk_files_are_refused_whole(demo_db, period, tmp_path, content, reason):
    path = tmp_path / "坏.csv"
    path.write_bytes(content)
    with pytest.raises(UserError, match=reason):
        pipeline.analyse(demo_db, path, period.id)


def test_files_without_a_timetable_are_refused_whole(demo_db, period, tmp_path):
    from openpyxl import Workbook
    from openpyxl.drawing.image import Image
    from PIL import Image as Picture

    with pytest.raises(UserError, match="不支持"):
        pipeline.analyse(demo_db, tmp_path / "课程表.docx", period.id)
    no_header = write_xlsx(tmp_path / "h.xlsx", [["a", "b"]], ["姓名", "身份证号码"])
    with pytest.raises(UserError, match="找不到课程表的表头"):
        pipeline.analyse(demo_db, no_header, period.id)
    picture = tmp_path / "p.png"
    Picture.new("RGB", (40, 20), "red").save(picture)
    book = Workbook()
    book.active.add_image(Image(str(picture)), "B2")
    book.save(tmp_path / "图片.xlsx")
    with pytest.raises(UserError, match="找不到课程表的表头"):
        pipeline.analyse(demo_db, tmp_path / "图片.xlsx", period.id)
    only_bad = write_xlsx(tmp_path / "bad.xlsx", [["第一天", "上午", "专题", "", "", "", "", "", ""]])
    with pytest.raises(UserError, match="没有可导入的课程，未导入：第4行 日期“第一天”无法识别"):
        pipeline.analyse(demo_db, only_bad, period.id)
    renamed = tmp_path / "改名.xlsx"
    renamed.write_bytes(b"PK\x03\x04 this is no workbook" * 20)
    with pytest.raises(UserError):
        pipeline.analyse(demo_db, renamed, period.id)


def test_a_password_protected_file_is_refused(demo_db, period, tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = write_xlsx(tmp_path / "明文.xlsx", week(first_day(period)))
    locked = tmp_path / "加密.xlsx"
    with open(plain, "rb") as source, open(locked, "wb") as target:
        OOXMLFile(source).encrypt("123456", target)
    with pytest.raises(UserError, match="设置了打开密码"):
        pipeline.analyse(demo_db, locked, period.id)


def test_a_period_with_a_timetable_is_replaced_only_when_asked(demo_file, tmp_path):
    from app.services import database

    with database.writing(demo_file) as db:
        period = open_period(db)
        path = write_xlsx(tmp_path / "f.xlsx", week(first_day(period)))
        pipeline.commit(db, pipeline.analyse(db, path, period.id))
        before = stored(db, period.id)
        shorter = write_xlsx(tmp_path / "g.xlsx", week(first_day(period))[:2])
        found = pipeline.analyse(db, shorter, period.id)
        assert found.existing == sessions_in_week()
        with pytest.raises(pipeline.TimetableExists):
            pipeline.commit(db, found)
        assert stored(db, period.id) == before
        pipeline.commit(db, found, replace=True)
        assert found.backup is not None and found.backup.exists()
        assert [s[4] for s in stored(db, period.id)] == ["开班式", "学习贯彻党的二十大精神"]
        assert "已替换原有课程表的8节课" in found.summary(done=True)


def test_a_failure_while_writing_leaves_the_old_timetable(demo_db, period, tmp_path, monkeypatch):
    path = write_xlsx(tmp_path / "f.xlsx", week(first_day(period)))
    pipeline.commit(demo_db, pipeline.analyse(demo_db, path, period.id))
    before = stored(demo_db, period.id)
    found = pipeline.analyse(demo_db, write_xlsx(tmp_path / "g.xlsx", week(first_day(period))[:2]), period.id)

    def fails(*args, **kwargs):
        raise OSError("disk full")

    from app.services.safety import audit
    monkeypatch.setattr(audit, "record", fails)  # after the sessions were deleted and inserted
    with pytest.raises(OSError):
        pipeline.commit(demo_db, found, replace=True)
    assert stored(demo_db, period.id) == before


def test_a_closed_period_is_refused(demo_db, tmp_path):
    from app.domain.status import PeriodStatus
    from app.storage import tables

    closed = next(p for p in tables.periods(demo_db).all() if PeriodStatus.is_closed(p.status))
    path = write_xlsx(tmp_path / "f.xlsx", week(date.fromisoformat(closed.start_date)))
    with pytest.raises(UserError, match="已结班"):
        pipeline.analyse(demo_db, path, closed.id)


def test_the_header_columns_map_in_the_files_words(demo_db, period, tmp_path):
    header = ["日期", "时间", "课程名称", "授课教师", "授课人职务", "地点", "形式", "学时", "备注"]
    found = pipeline.analyse(demo_db, write_xlsx(tmp_path / "m.xlsx", week(first_day(period)), header), period.id)
    assert ("课程名称", "教学内容") in found.layout.mapping() and ("授课教师", "授课人") in found.layout.mapping()
    assert HEADER[0] == found.layout.mapping()[0][0]


def test_a_pool_lecturer_teaching_elsewhere_at_the_same_time_is_noted(demo_db, tmp_path):
    from app.domain.status import PeriodStatus
    from app.storage import tables

    open_ = [p for p in tables.periods(demo_db).all() if not PeriodStatus.is_closed(p.status)]
    pairs = [(a, b) for a in open_ for b in open_ if a.id != b.id and a.start_date <= b.start_date <= a.end_date]
    if not pairs:
        pytest.skip("the demo has no two open periods at the same time")
    one, other = pairs[0]
    pool(demo_db)
    day = date.fromisoformat(other.start_date)
    rows = [[day, "上午9:00-11:30", "专题", POOL_NAME, "", "", "", "", ""]]
    pipeline.commit(demo_db, pipeline.analyse(demo_db, write_xlsx(tmp_path / "a.xlsx", rows), one.id), replace=True)
    found = pipeline.analyse(demo_db, write_xlsx(tmp_path / "b.xlsx", rows), other.id)
    title = f"第{one.number}期"
    assert any(f"{POOL_NAME}{day.isoformat()}上午已在" in note and title in note for note in found.rows[0].notes)
    later = [[day, "下午", "专题", POOL_NAME, "", "", "", "", ""]]
    assert not any("已在" in note for note in
                   pipeline.analyse(demo_db, write_xlsx(tmp_path / "c.xlsx", later), other.id).rows[0].notes)


def test_a_time_column_that_holds_the_date_too(demo_db, period, tmp_path):
    first = first_day(period)
    second = first + timedelta(days=1)
    rows = [[f"{first.month}月{first.day}日上午", "开班式", "县委书记"],
            [f"{first.month}月{first.day}日 14:30-17:30", "专题一", "张三"],
            [f"{second.month}月{second.day}日（星期二）晚上", "专题二", ""],
            [f"{second.year}.{second.month:02d}.{second.day:02d} 8.30-11.30", "专题三", ""],
            [f"{second.year}.{second.month:02d}.{second.day:02d}", "专题四", ""]]
    found = pipeline.analyse(demo_db, write_xlsx(tmp_path / "t.xlsx", rows, ["时间", "内容", "主讲人"],
                                                 merge_days=False), period.id)
    assert ("时间", "日期") in found.layout.mapping() and ("时间", "时间") in found.layout.mapping()
    assert [(s.day, s.half, s.start_time, s.end_time) for s in found.sessions] == [
        (first.isoformat(), "上午", "", ""), (first.isoformat(), "下午", "14:30", "17:30"),
        (second.isoformat(), "晚上", "", ""), (second.isoformat(), "上午", "08:30", "11:30")]
    assert found.refused[0].reason == "缺少时间（上午、下午、晚上或 8:30-11:30）"


def test_start_and_end_in_their_own_columns_and_the_lecturers_unit(demo_db, period, tmp_path):
    first = first_day(period)
    header = ["日期", "开始时间", "结束时间", "课程名称", "主讲人", "单位", "职称"]
    rows = [[first, "8:30", "11:30", "专题一", "张三", "市委党校", "教授"],
            [first, "下午2:30", "5:30", "专题二", "李四", "", ""],
            [first, "19:00", "九点", "专题三", "", "", ""]]
    found = pipeline.analyse(demo_db, write_xlsx(tmp_path / "s.xlsx", rows, header, merge_days=False), period.id)
    assert [(s.half, s.start_time, s.end_time, s.lecturer_name, s.lecturer_post) for s in found.sessions] == [
        ("上午", "08:30", "11:30", "张三", "市委党校教授"), ("下午", "14:30", "17:30", "李四", "")]
    assert found.refused[0].reason == "结束时间“九点”无法识别（应如 11:30）"


def test_a_timetable_on_several_sheets_is_read_from_each(demo_db, tmp_path):
    """A month's class: a sheet per week; a sheet of notes without a header is left alone."""
    from openpyxl import Workbook

    from app.domain.status import PeriodStatus
    from app.storage import tables

    period = next(p for p in tables.periods(demo_db).all() if not PeriodStatus.is_closed(p.status) and p.days >= 10)
    first = first_day(period)
    book = Workbook()
    book.active.title = "说明"
    book.active["A1"] = "请各位学员按时参加学习"
    for week_number, offset, topic in ((1, 0, "第一周的课"), (2, 7, "第二周的课")):
        sheet = book.create_sheet(f"第{'一二'[week_number - 1]}周")
        sheet.append(["日期", "时间", "课程"])
        sheet.append([first + timedelta(days=offset), "上午", topic])
        sheet.append(["某天", "下午", "日期错的课"])
    book.save(tmp_path / "月度课程表.xlsx")
    found = pipeline.analyse(demo_db, tmp_path / "月度课程表.xlsx", period.id)
    assert [(s.day, s.topic) for s in found.sessions] == [(first.isoformat(), "第一周的课"),
                                                          ((first + timedelta(days=7)).isoformat(), "第二周的课")]
    assert found.source == "工作表“第一周”（表头在第1行）、“第二周”（表头在第1行）"
    assert [row.where for row in found.refused] == ["第一周 第3行", "第二周 第3行"]


def test_a_cancelled_import_writes_nothing(demo_db, period, tmp_path):
    from app.services.progress import Cancelled, Progress

    found = pipeline.analyse(demo_db, write_xlsx(tmp_path / "a.xlsx", week(first_day(period))), period.id)
    with pytest.raises(Cancelled):
        pipeline.commit(demo_db, found, progress=Progress(is_cancelled=lambda: True))
    assert not timetable.has_timetable(demo_db, period.id)
