"""The units' returned survey forms, many files in one step.

Each file is read as any import is (app/services/importing/reader: .xlsx and .xls, hostile and damaged files
refused with a reason) and checked whole: the unit it names (matched to the units' list as the roster import
matches units: without spaces, brackets of either width; a shortened name that begins only one unit's name),
each row's people per cadre category and months. A file with any fault is refused whole, with every fault
listed, so a unit's return is never counted in part; the other files are imported.

A unit counts once. Within one import the later file in the list wins (the earlier is set aside); a unit that
returned before has its earlier return replaced, and the new one notes it (替换了12月7日导入的调研表（a.xlsx）).
The good files are written in one transaction after a backup; a dry run writes nothing."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.domain.errors import UserError
from app.domain.models import Unit
from app.domain.quality_records import NeedsSurvey, SurveyAnswer, SurveyReturn, SurveyTopic
from app.domain.survey import categories, month_of, months_text, people_of, topic_error, topic_key
from app.domain.text import clean
from app.services import units as unit_service
from app.services.importing.cells import cell_text, unit_key
from app.services.importing.headers import HeaderWords
from app.services.importing.marker import importing
from app.services.importing.reader import Sheet, read_sheets
from app.services.progress import NO_PROGRESS, Progress
from app.services.safety import audit, backups
from app.services.survey.form import COMMENTS_LABEL, CONTACT_LABEL, UNIT_LABEL
from app.services.survey.surveys import survey_for, topics
from app.storage import survey as queries
from app.storage import tables
from app.storage.connection import Database

ACTION = "导入需求调研表"
FILE_FILTER = "需求调研表 (*.xlsx *.xls *.xlsm);;所有文件 (*)"
IMPORTED, REFUSED, SET_ASIDE = "导入", "未通过", "被取代"
_SEARCH_ROWS = 30
MAX_FILES = 500
MAX_COMMENTS = 2000


def _fields() -> dict[str, tuple[str, tuple[str, ...]]]:
    fields = {"topic": ("培训专题", ("培训专题", "专题", "培训内容", "需求专题", "专题名称", "培训主题")),
              "first": ("首选月份", ("首选月份", "希望月份", "月份", "拟参训月份", "首选时间")),
              "second": ("备选月份", ("备选月份", "其次月份", "备选时间")),
              "notes": ("备注", ("备注", "说明"))}
    for index, category in enumerate(categories()):
        fields[f"category:{index}"] = (category, (category,))
    return fields


_HEADERS = HeaderWords(_fields(), contains=False)


@dataclass
class TopicRequest:
    """One row of the form a unit filled: a topic with its people per category and months."""
    line: int
    topic: str
    topic_id: int | None  # None for a topic the unit wrote in itself
    people: dict[str, int]  # category -> people (only those asked for)
    months: list[int]
    notes: str = ""

    @property
    def total(self) -> int:
        return sum(self.people.values())


@dataclass
class SurveyFile:
    """One returned file as checked: imported, refused (errors) or set aside by a later file of its unit."""
    path: Path
    status: str = IMPORTED
    unit_id: int | None = None
    unit_name: str = ""  # the unit as matched (or as written, when it is not known)
    contact: str = ""
    comments: str = ""
    requests: list[TopicRequest] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    replaces: str = ""  # what it replaces, for its return's note

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def people(self) -> int:
        return sum(r.total for r in self.requests)

    def summary(self) -> str:
        if self.status == REFUSED:
            return "未通过：" + "；".join(self.errors)
        text = f"{self.unit_name}：{len(self.requests)}个专题，共{self.people}人"
        if self.status == SET_ASIDE:
            return text + "（" + "；".join(self.notes[-1:]) + "）"
        return text + (f"（{self.replaces}）" if self.replaces else "")


@dataclass
class SurveyImport:
    year: int
    survey_id: int
    files: list[SurveyFile] = field(default_factory=list)
    backup: Path | None = None
    written: int = 0

    def of(self, status: str) -> list[SurveyFile]:
        return [f for f in self.files if f.status == status]

    @property
    def good(self) -> list[SurveyFile]:
        return self.of(IMPORTED)

    @property
    def refused(self) -> list[SurveyFile]:
        return self.of(REFUSED)

    def summary(self, done: bool = False) -> str:
        parts = [f"{'导入' if done else '可导入'}{len(self.good)}个单位的调研表"]
        if replaced := [f for f in self.good if f.replaces]:
            parts.append(f"其中{len(replaced)}个替换了此前的调研表")
        if self.refused:
            parts.append(f"未通过{len(self.refused)}个文件")
        if aside := self.of(SET_ASIDE):
            parts.append(f"{len(aside)}个文件被同一单位后面的文件取代")
        return "，".join(parts)


class _Reader:
    """Reads one file's form against the survey's topics and the units' list."""

    def __init__(self, survey: NeedsSurvey, listed: list[SurveyTopic], units: list[Unit]):
        self.survey, self.listed = survey, listed
        self.last_row = 0  # the comments row of the file being read (after the topic rows)
        self.by_id = {t.id: t for t in listed}
        self.by_words = {topic_key(t.topic): t for t in listed}
        self.units = units
        self.unit_keys = {unit_key(u.name): u for u in units}

    def read(self, path: Path) -> SurveyFile:
        found = SurveyFile(path)
        try:
            sheets = read_sheets(path)
        except UserError as error:
            found.errors.append(str(error))
            found.status = REFUSED
            return found
        chosen = next(((s, h) for s in sorted(sheets, key=lambda s: s.hidden) if (h := _header(s))), None)
        if chosen is None:
            found.errors.append(f"前{_SEARCH_ROWS}行中找不到调研表的表头（应有“培训专题”和各干部类别的人数列），"
                                "请确认是本程序生成的需求调研表")
        else:
            sheet, (header_row, columns) = chosen
            found.notes += sheet.notes
            self._year(sheet, found)
            self._unit(sheet, found)
            self._rows(sheet, header_row, columns, found)
            found.errors += [f"第{r + 1}行：{why}" for (r, _), why in sorted(sheet.bad_cells.items())
                             if r <= header_row or r >= self.last_row]  # the unit, contact or comments unreadable
        if found.errors:
            found.status = REFUSED
        return found

    def _year(self, sheet: Sheet, found: SurveyFile) -> None:
        marks = [clean(cell_text(row[0])) for row in sheet.rows[:3] if row]
        mark = next((m for m in marks if m.startswith("survey:")), "")
        if not mark:
            found.notes.append("表中没有调研表的年度标记（可能是复制到了另一个工作簿），已按表头和专题名称读取")
            return
        year = mark.split(":")[1] if mark.count(":") >= 1 else ""
        if year != str(self.survey.year):
            found.errors.append(f"这是{year}年的需求调研表，不是{self.survey.year}年的")

    def _unit(self, sheet: Sheet, found: SurveyFile) -> None:
        unit = _labelled(sheet, "unit", UNIT_LABEL)
        found.contact = _labelled(sheet, "contact", CONTACT_LABEL, "联系人")[:100]
        found.comments = _labelled(sheet, "comments", COMMENTS_LABEL)
        if len(found.comments) > MAX_COMMENTS:
            found.notes.append(f"意见建议过长（共{len(found.comments)}个字），只保存了前{MAX_COMMENTS}个字")
            found.comments = found.comments[:MAX_COMMENTS]
        if not unit:
            found.errors.append(f"没有填写{UNIT_LABEL}")
            return
        match = self.unit_keys.get(unit_key(unit))
        if match is None:
            starts = [u for key, u in self.unit_keys.items() if key.startswith(unit_key(unit))]
            if len(starts) == 1 and len(unit_key(unit)) >= 2:
                match = starts[0]
                found.notes.append(f"填报单位“{unit}”按单位名录识别为“{match.name}”")
        if match is None:
            found.unit_name = unit
            found.errors.append(f"填报单位“{unit}”不在单位名录中：请在单位名录中添加，或请该单位按名录填写后重新报送")
            return
        found.unit_id, found.unit_name = match.id, match.name

    def _rows(self, sheet: Sheet, header_row: int, columns: dict[str, int], found: SurveyFile) -> None:
        if "topic" not in columns:
            return
        cats = {key: categories()[int(key.split(":")[1])] for key in columns if key.startswith("category:")}
        self.last_row = len(sheet.rows)
        for index in range(header_row + 1, len(sheet.rows)):
            row = sheet.rows[index]
            key = clean(cell_text(row[0])) if row else ""
            if key == "comments" or _starts_with(row, COMMENTS_LABEL):
                self.last_row = index
                break
            request = self._request(sheet, index, row, key, columns, cats, found)
            if request is not None:
                found.requests.append(request)

    def _request(self, sheet: Sheet, index: int, row: list, key: str, columns: dict[str, int],
                 cats: dict[str, str], found: SurveyFile) -> TopicRequest | None:
        line = index + 1

        def value(column_key: str):
            column = columns.get(column_key)
            return row[column] if column is not None and column < len(row) else None

        problems = [why for (r, c), why in sheet.bad_cells.items() if r == index and c in columns.values()]
        people: dict[str, int] = {}
        for column_key, category in cats.items():
            read = people_of(value(column_key))
            if isinstance(read, str):
                problems.append(f"“{category}”人数应为0至9999的整数（现为“{read}”）")
            elif read:
                people[category] = read
        months = []
        for column_key, label in (("first", "首选月份"), ("second", "备选月份")):
            read = month_of(value(column_key))
            if isinstance(read, str):
                problems.append(f"{label}应为1至12月（现为“{read}”）")
            elif read is not None:
                months.append(read)
        topic = clean(cell_text(value("topic")))
        notes = clean(cell_text(value("notes")))[:200]
        if not people and not months and not problems:
            return None  # a topic the unit does not want, or an empty row
        if not topic:
            problems.append("填了人数或月份，但没有写专题名称")
        elif problem := topic_error(topic):
            problems.append(problem)
        if not people and not problems:
            problems.append("填了月份，但没有填写参训人数")
        if problems:
            found.errors.append(f"第{line}行" + (f"（{topic}）" if topic else "") + "：" + "；".join(problems))
            return None
        keyed = self.by_id.get(int(key[6:])) if key.startswith("topic:") and key[6:].isdigit() else None
        listed = self.by_words.get(topic_key(topic)) or keyed
        if listed is not None and listed is keyed and topic_key(keyed.topic) != topic_key(topic):
            # the office renamed the topic after sending the form: the row's key still names it
            found.notes.append(f"第{line}行的专题“{topic}”已改为“{keyed.topic}”，按改后的专题计入")
        return TopicRequest(line, listed.topic if listed else topic, listed.id if listed else None, people,
                            list(dict.fromkeys(months)), notes)


def _header(sheet: Sheet) -> tuple[int, dict[str, int]] | None:
    """The header row and its columns; a heading over two rows (培训专题 merged down beside the categories under
    需参训人数) is read from both, also when the merge was lost in a copy."""
    above: dict[str, int] = {}
    for index, row in enumerate(sheet.rows[:_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for column, cell in enumerate(row):
            if (key := _HEADERS.key(cell)) and key not in columns:
                columns[key] = column
        merged = {**above, **columns}
        if "topic" in merged and any(key.startswith("category:") for key in columns):
            return index, merged
        above = columns
    return None


def _starts_with(row: list, label: str) -> bool:
    return any(clean(cell_text(cell)).startswith(label) for cell in row[1:3])


def _labelled(sheet: Sheet, key: str, *labels: str) -> str:
    """The value filled beside a label (填报单位：…): the row keyed so in column A, else the first row with the
    label; the first cell after the label that is not the label itself (merged cells repeat it)."""
    rows = [row for row in sheet.rows if row and clean(cell_text(row[0])) == key]
    rows = rows or [row for row in sheet.rows if any(clean(cell_text(c)).startswith(labels) for c in row[1:4])]
    for row in rows[:1]:
        texts = [clean(cell_text(cell)) for cell in row[1:]]
        at = next((i for i, text in enumerate(texts) if text.startswith(labels)), None)
        if at is None:
            continue
        label = texts[at]
        rest = [text for text in texts[at + 1:] if text and text != label]
        if rest:
            return rest[0]
        tail = label.split("：", 1)[1] if "：" in label else ""  # 填报单位：县委办 typed in one cell
        return tail.strip()
    return ""


def analyse(db: Database, year: int, paths: list[str | Path], progress: Progress = NO_PROGRESS) -> SurveyImport:
    """Reads and checks every file for the year's survey; writes nothing."""
    survey = survey_for(db, year)
    if not paths:
        raise UserError("没有选择要导入的调研表")
    if len(paths) > MAX_FILES:
        raise UserError(f"一次最多导入{MAX_FILES}个文件（选择了{len(paths)}个）")
    reader = _Reader(survey, topics(db, survey.id), list(unit_service.list_units(db)))
    result = SurveyImport(year, survey.id)
    total = len(paths) + 1
    for number, path in enumerate(paths):
        progress.step(number, total)
        result.files.append(reader.read(Path(path)))
    settle(db, result)
    progress.step(len(paths), total)
    return result


def settle(db: Database, result: SurveyImport) -> None:
    """The later file of a unit wins within the import; a stored return it replaces is named in its note."""
    latest: dict[int, SurveyFile] = {}
    for found in result.good:
        earlier = latest.get(found.unit_id)
        if earlier is not None:
            earlier.status = SET_ASIDE
            earlier.notes.append(f"以同一单位后面的“{found.name}”为准")
            found.replaces = f"替换了本次导入中的“{earlier.name}”"
        latest[found.unit_id] = found
    stored = {line.unit_id: line for line in queries.returns(db, result.survey_id)}
    for unit_id, found in latest.items():
        if unit_id in stored:
            old = stored[unit_id]
            when = date.fromisoformat(old.received_on) if old.received_on else None
            shown = f"{when.month}月{when.day}日" if when else "此前"
            text = f"替换了{shown}导入的调研表" + (f"（{old.source}）" if old.source else "")
            found.replaces = text if not found.replaces else f"{text}；{found.replaces}"


def commit(db: Database, found: SurveyImport, progress: Progress = NO_PROGRESS, today: date | None = None) -> SurveyImport:
    """Writes the good files' returns in one transaction after a backup; nothing when there is none."""
    if not found.good:
        raise UserError("没有可导入的调研表：" + "；".join(f"“{f.name}”{f.summary()}" for f in found.refused[:3]))
    received = (today or date.today()).isoformat()
    with importing(db, f"{len(found.good)}个需求调研表"):
        found.backup = backups.before_change(db, "导入前", ACTION)
        write(db, found, received, progress)
    progress.step(len(found.good) + 1, len(found.good) + 1)
    return found


def write(db: Database, found: SurveyImport, received: str, progress: Progress = NO_PROGRESS) -> None:
    """The good files' returns in one transaction, each audited (settle() has named what they replace)."""
    with db.atomic():
        for number, item in enumerate(found.good):
            progress.step(number, len(found.good) + 1)
            _write_return(db, found.survey_id, item, received)
            audit.record(db, ACTION, "survey", found.survey_id, f"{found.year}年 {item.name}→{item.summary()}")
    found.written = len(found.good)


def _write_return(db: Database, survey_id: int, item: SurveyFile, received: str) -> None:
    existing = queries.return_id(db, survey_id, item.unit_id)
    record = SurveyReturn(survey_id, item.unit_id, item.name[:200], received, item.contact, item.comments,
                          item.replaces[:200], existing)
    if existing is not None:
        queries.delete_answers(db, existing)
        tables.survey_returns(db).update(record)
    else:
        record = tables.survey_returns(db).insert(record)
    answers = [SurveyAnswer(record.id, r.topic_id, r.topic, category, people, months_text(r.months), r.notes)
               for r in item.requests for category, people in r.people.items()]
    tables.survey_answers(db).insert_many(answers)


def import_survey(db: Database, year: int, paths: list[str | Path], *, dry_run: bool = False,
                  progress: Progress = NO_PROGRESS) -> SurveyImport:
    found = analyse(db, year, paths, progress)
    return found if dry_run or not found.good else commit(db, found, progress)
