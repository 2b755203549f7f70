"""Each row of a timetable made into the sessions it holds, or refused with its reasons, or skipped with a
note (a meal, a rest, a day's heading, a total). Dates and half-days left blank under the first row of a day
(as in a sheet whose cells were not merged) are those of the row above."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.domain import teaching
from app.domain.models import Period
from app.domain.teaching_records import Session
from app.services.teaching.timetable import session_errors
from app.services.teaching.timetable_import import cells
from app.services.teaching.timetable_import.columns import LABELS, TimetableLayout
from app.storage import teaching as store
from app.storage.connection import Database

IMPORTED, REFUSED, SKIPPED = "导入", "未通过", "跳过"
NO_TIME = "缺少时间（上午、下午、晚上或 8:30-11:30）"
_SHOWN = ("lecturer", "post", "unit", "place", "form", "notes")
_UNIT_ENDINGS = ("校", "委", "局", "院", "部", "会", "厅", "府", "所", "中心", "大学", "办", "室", "处", "站", "镇",
                 "乡", "村", "街道", "公司", "基地")


@dataclass
class TimetableRow:
    line: int  # the row's number as Excel shows it
    topic: str
    status: str = IMPORTED
    sessions: list[Session] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # why it is refused or skipped
    notes: list[str] = field(default_factory=list)  # what was done to read it
    sheet: str = ""  # its worksheet, when the file has a timetable on several

    @property
    def reason(self) -> str:
        return "；".join(self.reasons)

    @property
    def where(self) -> str:
        return f"{self.sheet} 第{self.line}行" if self.sheet else f"第{self.line}行"

    @property
    def label(self) -> str:
        """Its row number, with the sheet when there are several (for a table's 行号 column)."""
        return f"{self.sheet} {self.line}" if self.sheet else str(self.line)


class RowReader:
    """Reads the rows of one sheet for one period, matching lecturers to the pool and places to the bases."""

    def __init__(self, db: Database, period: Period, layout: TimetableLayout, bad_cells: dict, sheet: str = ""):
        self.period, self.columns, self.bad_cells, self.sheet = period, layout.columns, bad_cells, sheet
        self.first, self.last = date.fromisoformat(period.start_date), date.fromisoformat(period.end_date)
        self.years = tuple(dict.fromkeys((self.first.year, self.last.year)))
        self.pool: dict[str, list[int]] = {}
        for lecturer in store.list_lecturers(db):
            self.pool.setdefault(lecturer.name, []).append(lecturer.id)
        self.bases = {base.name: base for base in store.list_bases(db)}
        self.day: date | None = None  # the date and half-day rows below inherit when theirs are blank
        self.day_problem = ""
        self.half = ""

    def read(self, index: int, row: list) -> TimetableRow | None:
        """The row at index (0-based); None for an empty row or a day's heading."""
        if all(cells.is_blank(value) for value in row):
            return None
        values = {key: row[column] if column < len(row) else "" for key, column in self.columns.items()}
        texts = {key: cells.text_of(value) for key, value in values.items()}
        topic = texts.get("topic", "")
        for key in _SHOWN:  # a topic merged across the row fills these cells with itself
            if texts.get(key) == topic:
                texts[key] = ""
        found = TimetableRow(index + 1, topic, sheet=self.sheet)
        if not topic:
            return self._without_topic(found, values, texts, row)
        if cells.is_total(topic) or cells.not_taught(topic):
            self._take_day(values.get("day"), found)
            return self._skipped(found, "合计行" if cells.is_total(topic) else f"“{topic}”不是授课内容")
        unreadable = [f"{LABELS[key]}：{why}" for (r, c), why in self.bad_cells.items() if r == index
                      for key, column in self.columns.items() if column == c]
        found.reasons += unreadable
        day = self._take_day(values.get("day"), found)
        halves = self._halves(values, texts, found)
        if found.reasons:
            found.status = REFUSED
            return found
        found.sessions = [self._session(day, half, texts, values, found) for half in halves]
        for session in found.sessions if len(found.sessions) > 1 else ():  # a whole day's 学时, half each
            session.hours = None if session.hours is None else session.hours / 2
        found.reasons = list(dict.fromkeys(message for s in found.sessions
                                           for message in session_errors(s, self.period).values()))
        if found.reasons:
            found.status, found.sessions = REFUSED, []
        return found

    def _without_topic(self, found: TimetableRow, values: dict, texts: dict, row: list) -> TimetableRow | None:
        if any(texts.get(key) for key in ("lecturer", "post", "place")):
            found.status, found.reasons = REFUSED, ["缺少教学内容"]
            return found
        if time := texts.get("time") or texts.get("half"):  # a half-day left free
            return self._skipped(found, f"“{time}”没有安排课程")
        candidates = cells.day_candidates(values.get("day"), self.years)
        if candidates:  # a day's heading over its sessions
            self._take_day(values.get("day"), found)
            return None
        shown = next(cells.text_of(value) for value in row if not cells.is_blank(value))
        return self._skipped(found, f"“{shown[:20]}”不是课程安排")

    def _skipped(self, found: TimetableRow, why: str) -> TimetableRow:
        found.status, found.reasons = SKIPPED, [f"{why}，已跳过"]
        return found

    def _take_day(self, value: object, found: TimetableRow) -> date | None:
        """The row's date (or the one above when blank); a reason is added when there is none."""
        if cells.is_blank(value):
            if self.day is None:
                found.reasons.append(self.day_problem or "缺少日期")
            return self.day
        candidates = cells.day_candidates(value, self.years)
        if candidates is None:
            self.day, self.day_problem = None, "缺少日期（上面的日期无法识别）"
            found.reasons.append(f"日期“{cells.text_of(value)}”无法识别（应如 3月2日、2020-03-02）")
            return None
        inside = [day for day in candidates if self.first <= day <= self.last]
        if not inside:
            self.day, self.day_problem = None, "缺少日期（上面的日期不在本期之内）"
            found.reasons.append(f"日期{candidates[0].isoformat()}不在本期（{self.first}至{self.last}）之内")
            return None
        later = [day for day in inside if self.day is None or day >= self.day]
        self.day_problem = ""
        if (later or inside)[0] != self.day:
            self.day, self.half = (later or inside)[0], ""
        if len(candidates) > 1 and len(inside) > 1:
            found.notes.append(f"日期“{cells.text_of(value)}”按{self.day.month}月{self.day.day}日读取"
                               "（Excel会把3.10存成3.1，请核对）")
        return self.day

    def _halves(self, values: dict, texts: dict, found: TimetableRow) -> list[tuple[str, str, str]]:
        """(half-day, start, end) for each session of the row: two for a whole day."""
        read = self._times(values, texts, found)
        if read is None:
            return []
        if not read and (said := cells.half_word(texts.get("day", ""))):  # 3月2日上午
            read = [(said, "", "")]
        if not read:
            if not self.half:
                found.reasons.append(NO_TIME)
                return []
            read = [(self.half, "", "")]  # the half-day of the row above, its cell left blank or merged
        half = next((part[0] for part in read if part[0]), "")
        start = next((part[1] for part in read if part[1]), "")
        end = next((part[2] for part in read if part[2]), "") or self._end(values, texts, half, found)
        self.half = half
        if half == cells.FULL_DAY:
            return [("上午", "", ""), ("下午", "", "")]
        return [(half, start, end)]

    def _times(self, values: dict, texts: dict, found: TimetableRow) -> list[tuple[str, str, str]] | None:
        """What the 时段 and 时间 cells say (empty when blank); None, with the reason, when they cannot be read."""
        given = {key: values[key] for key in ("half", "time") if texts.get(key)}
        if "time" in given and self.columns["time"] == self.columns["day"]:  # one 时间 column: 3月2日 8:30-11:30
            given["time"] = cells.without_date(given["time"]) or None
            if given["time"] is None and "half" not in given:  # a date alone where the time is written: no guess
                found.reasons.append(NO_TIME)
                return None
        read = {key: cells.read_time(value) for key, value in given.items() if value is not None}
        if bad := [texts[key] for key, part in read.items() if part is None]:
            found.reasons.append(f"时间“{bad[0]}”无法识别（应为上午、下午、晚上或 8:30-11:30）")
            return None
        return list(read.values())

    def _end(self, values: dict, texts: dict, half: str, found: TimetableRow) -> str:
        """The end from its own column (结束时间), on the half-day's clock: 下午 5:30 is 17:30."""
        if not texts.get("end"):
            return ""
        read = cells.read_time(values["end"])
        if read is None or not read[1]:
            found.reasons.append(f"结束时间“{texts['end']}”无法识别（应如 11:30）")
            return ""
        hour, minute = read[1].split(":")
        if half in ("下午", "晚上") and int(hour) < 12:
            hour = str(int(hour) + 12)
        return f"{int(hour):02d}:{minute}"

    def _session(self, day: date, slot: tuple[str, str, str], texts: dict, values: dict,
                 found: TimetableRow) -> Session:
        half, start, end = slot
        session = Session(self.period.id, day.isoformat(), half, texts["topic"], start_time=start, end_time=end,
                          notes=texts.get("notes", ""))
        self._lecturer(session, texts, found)
        self._place(session, texts.get("place", ""), found)
        self._form(session, texts.get("form", ""), found)
        session.hours = self._hours(values, texts, found)
        return session

    def _lecturer(self, session: Session, texts: dict, found: TimetableRow) -> None:
        name, post = texts.get("lecturer", ""), texts.get("post", "")
        if name and not post:
            name, post = cells.split_lecturer(name)
            if post and name.endswith(_UNIT_ENDINGS) and len(post) <= 4:  # 市委党校 张三
                name, post = post, name
        if (unit := texts.get("unit", "")) and name and unit not in post:
            post = f"{unit}{post}"
        ids = self.pool.get(name, [])
        if len(ids) == 1:
            session.lecturer_id = ids[0]
            _once(found, f"授课人“{name}”已对应师资库")
        else:
            session.lecturer_name, session.lecturer_post = name, post
            if len(ids) > 1:
                _once(found, f"师资库中有{len(ids)}位“{name}”，未对应，请在课程表中选定")

    def _place(self, session: Session, place: str, found: TimetableRow) -> None:
        base = self.bases.get(place)
        if base is None and len(place) >= 4:
            near = [b for name, b in self.bases.items() if place in name or name in place]
            base = near[0] if len(near) == 1 else None
            if base is not None:
                _once(found, f"地点“{place}”对应教学基地“{base.name}”")
        if base is None:
            session.place = place
            return
        session.base_id = base.id
        if base.kind == "党性教育基地" and not teaching.is_party_spirit(session):
            session.party_spirit = True

    def _form(self, session: Session, typed: str, found: TimetableRow) -> None:
        if typed:
            form = cells.form_of(typed)
            if form is None:
                form = "其他"
                _once(found, f"教学形式“{typed}”不在列表中，已记为“其他”")
            elif form != typed:
                _once(found, f"教学形式“{typed}”记为“{form}”")
            session.form = form
        else:
            session.form = cells.form_from_topic(session.topic)
        if "党性" in session.topic and session.form != "党性教育":
            session.party_spirit = True

    def _hours(self, values: dict, texts: dict, found: TimetableRow) -> float | None:
        typed = texts.get("hours", "")
        if not typed:
            return None
        hours = cells.hours_of(values["hours"])
        if hours is None:
            _once(found, f"学时“{typed}”无法识别，按半天的学时计")
        return hours


def _once(found: TimetableRow, note: str) -> None:
    if note not in found.notes:
        found.notes.append(note)
