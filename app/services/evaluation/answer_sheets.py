"""Reading one returned questionnaire file: either shape (a workbook per trainee with the form's hidden keys, or
a summary with a row per trainee), answers matched by key or by the questions' words, scores read leniently;
what is wrong is collected on the file's FileCheck. importer.py decides what to do with the files."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from app.domain import evaluation as scales
from app.domain.text import clean, to_halfwidth
from app.services.evaluation.forms import Line, PeriodForm
from app.services.evaluation.workbook import KEY_MARK, MARKER, questions_digest
from app.services.importing.cells import cell_text
from app.services.importing.headers import HeaderWords
from app.services.importing.reader import Sheet
from app.storage import evaluation as store
from app.storage import tables
from app.storage.connection import Database

GOOD, REFUSED, ALREADY = "可导入", "未通过", "已导入过"
MAX_TEXT = 500
_SEARCH_ROWS = 12
_SHOWN_PROBLEMS = 8
_TOTALS = ("合计", "总计", "小计", "平均", "满意率", "人数")
_HEADERS = HeaderWords({
    "question": ("评估内容", ("评估内容", "评估项目", "评价项目", "评估指标", "项目", "题目", "问题", "内容", "指标")),
    "answer": ("评价", ("评价", "评分", "满意度", "评价结果", "评价等级", "打分", "得分", "分数", "选项", "答案",
                      "意见", "您的评价")),
}, contains=False)
_PUNCTUATION = re.compile(r"[\s\u3000《》〈〉“”\"'‘’（）()【】\[\]：:，,。.、；;？?！!—\-_/]+")


def compact(text: object) -> str:
    return _PUNCTUATION.sub("", to_halfwidth(cell_text(text)))


@dataclass
class Draft:
    """One trainee's answers as read: line -> (score, words)."""
    where: str  # "" for a workbook per trainee, 第5行 in a summary
    answers: dict[str, tuple[Line, float | None, str]] = field(default_factory=dict)


@dataclass
class FileCheck:
    path: Path
    status: str = GOOD
    shape: str = ""  # 每人一份 or 汇总表
    digest: str = ""
    drafts: list[Draft] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def reason(self) -> str:
        shown = "；".join(self.problems[:_SHOWN_PROBLEMS])
        more = len(self.problems) - _SHOWN_PROBLEMS
        return shown + (f"；……另有{more}处" if more > 0 else "")

    @property
    def outcome(self) -> str:
        if self.status == GOOD:
            return f"{self.shape}，{len(self.drafts)}份问卷" + (f"（{'；'.join(self.notes)}）" if self.notes else "")
        return self.reason or "；".join(self.notes)


class _Matcher:
    """A line from a hidden key or from the words of a question."""

    def __init__(self, form: PeriodForm):
        self.lines = form.lines
        self.by_key = {line.key: line for line in self.lines}
        self.by_words: dict[str, Line | None] = {}
        sections = [line.item.section for line in self.lines if line.session is None]
        for line in self.lines:
            words = [line.label]
            if line.session is None:
                words += [line.item.text, f"{line.section}{line.item.text}"]
                if line.item.section and sections.count(line.item.section) == 1:
                    words.append(line.item.section)
            else:
                s = line.session
                for aspect in (line.aspect, scales.ASPECT_LABELS[line.aspect]):
                    words += [f"{s.topic}{aspect}", f"{s.topic}{s.lecturer}{aspect}"]
            for word in map(compact, words):
                if word:
                    # two lines answering to the same words: neither is matched by them
                    self.by_words[word] = None if word in self.by_words and self.by_words[word] is not line else line

    def key(self, value: object) -> Line | None:
        text = clean(cell_text(value)) if isinstance(value, str) else ""
        return self.by_key.get(text[len(KEY_MARK):]) if text.startswith(KEY_MARK) else None

    def checked(self, line: Line | None, words: object) -> Line | None:
        """A keyed line whose question still reads as written (a session edited since keeps its row id but not
        its topic): else the line the words name, if any."""
        text = compact(words)
        if line is None or not text or text in (compact(line.label), compact(f"{line.section}{line.item.text}")):
            return line
        return self.words(words)

    def words(self, value: object) -> Line | None:
        text = compact(value)
        if not text:
            return None
        if text in self.by_words:
            return self.by_words[text]
        sessions = [line for line in self.lines if line.session is not None and compact(line.session.topic)
                    and compact(line.session.topic) in text]
        found = [line for line in sessions if scales.ASPECT_LABELS[line.aspect] in text]  # 课程内容, 授课水平
        if len(found) != 1:  # 内容, 授课 (but 李教授课程内容 holds 授课 too)
            found = [line for line in sessions if line.aspect in text.replace(line.session.lecturer, "")]
        if not found and len(text) >= 4:  # 总体满意度 for 对本期培训的总体满意度
            found = [line for line in self.lines if line.session is None and text in compact(line.item.text)]
        return found[0] if len(found) == 1 else None


def _marker(sheet: Sheet) -> tuple[int, int, str] | None:
    """(evaluation, period, questions digest) of the program's form."""
    for row in sheet.rows[:_SEARCH_ROWS]:
        for cell in row[:3]:
            text = clean(cell_text(cell))
            if text.startswith(MARKER + ":"):
                parts = text.split(":")
                if len(parts) == 4 and parts[1].isdigit() and parts[2].isdigit():
                    return int(parts[1]), int(parts[2]), parts[3]
    return None


def _cell(row: list, column: int) -> object:
    return row[column] if column < len(row) else None


def _is_total(row: list, columns: dict[int, Line]) -> bool:
    """A summary's 合计, 平均分 or 满意率 row (its label outside the question columns)."""
    return any(isinstance(cell, str) and cell.replace(" ", "").replace("\u3000", "").startswith(_TOTALS)
               for c, cell in enumerate(row) if c not in columns)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class SheetReader:
    def __init__(self, db: Database, form: PeriodForm):
        self.db, self.form, self.match = db, form, _Matcher(form)
        self.unmatched: dict[int, str] = {}  # a keyed column whose question no longer reads as issued

    def read(self, check: FileCheck, sheets: list[Sheet]) -> None:
        for sheet in sheets:
            found = _marker(sheet)
            if found is not None and found[1] != self.form.info.period.id:
                check.problems.append(self._other_period(found[1]))
                return
            if found is not None and (found[0], found[2]) != (self.form.evaluation.id, questions_digest(self.form)):
                check.problems.append("这是本期以前发放的问卷，题目已更换，对不上；请用新生成的问卷")
                return
            done = self._form_sheet(check, sheet) or self._table_sheet(check, sheet)
            if done:
                return
        check.problems.append("找不到评估问卷的题目和评价（不是本程序生成的评估问卷，也认不出题目）；请检查是否选对了文件")

    def _other_period(self, period_id: int) -> str:
        found = store.period_or_none(self.db, period_id)
        if found is None:
            return "这是另一期（已不存在的期次）的评估问卷，不是本期的"
        name = tables.classes(self.db).get(found.class_id).name
        return f"这是“{name}第{found.number}期”的评估问卷，不是本期（{self.form.info.title}）的"

    # one workbook per trainee: a question per row
    def _form_sheet(self, check: FileCheck, sheet: Sheet) -> bool:
        header = self._form_header(sheet)
        if header is None:
            return False
        index, question, answer, options = header
        draft = Draft("")
        for r in range(index + 1, len(sheet.rows)):
            row = sheet.rows[r]
            written = _cell(row, question) if question is not None else None
            line = self.match.checked(self.match.key(_cell(row, 0)), written) or self.match.words(written)
            values = [_cell(row, answer)] if answer is not None else [_cell(row, c) for c in options]
            if line is None:
                text = clean(cell_text(_cell(row, question))) if question is not None else ""
                if text and any(not _blank(v) for v in values):
                    check.problems.append(f"第{r + 1}行 题目“{text[:30]}”与本期问卷对不上")
                continue
            self._answer(check, draft, line, sheet, r, answer, options, f"第{r + 1}行（{line.label[:24]}）")
        check.shape = "每人一份"
        if not draft.answers and not check.problems:
            check.problems.append("没有填写任何评价（空白问卷）")
        check.drafts.append(draft)
        return True

    def _form_header(self, sheet: Sheet):
        for index, row in enumerate(sheet.rows[:_SEARCH_ROWS]):
            keys = {}
            options: dict[int, float] = {}
            for column, cell in enumerate(row):
                key = _HEADERS.key(cell)
                if key and key not in keys:
                    keys[key] = column
                score = scales.option_of_header(self.form.scale, cell) if isinstance(cell, str) else None
                if score is not None and score not in options.values():
                    options[column] = score
            if "question" in keys and ("answer" in keys or len(options) >= 2):
                return index, keys["question"], keys.get("answer"), options
            if "answer" in keys and any(self.match.key(_cell(r, 0)) for r in sheet.rows[index + 1:index + 4]):
                return index, None, keys["answer"], options
        return None

    def _answer(self, check: FileCheck, draft: Draft, line: Line, sheet: Sheet, r: int, answer: int | None,
                options: dict[int, float], where: str) -> None:
        columns = [answer] if answer is not None else list(options)
        bad = [why for (row, column), why in sheet.bad_cells.items() if row == r and column in columns]
        if bad:
            check.problems.append(f"{where}：{bad[0]}")
            return
        row = sheet.rows[r]
        if not line.scored:
            text = clean(cell_text(_cell(row, answer))) if answer is not None else ""
            if text:
                draft.answers[line.key] = (line, None, text[:MAX_TEXT])
            return
        try:
            if answer is not None:
                value = _cell(row, answer)
                score = scales.read_answer(self.form.scale, value)
                words = clean(cell_text(value))
            else:
                score = scales.read_marked(self.form.scale, {options[c]: _cell(row, c) for c in options})
                words = scales.score_word(self.form.scale, score) if score is not None else ""
        except scales.AnswerError as error:
            check.problems.append(f"{where}：{error}")
            return
        if score is not None:
            draft.answers[line.key] = (line, score, words)

    # the office's summary: a row per trainee
    def _table_sheet(self, check: FileCheck, sheet: Sheet) -> bool:
        header = self._table_header(sheet)
        if header is None:
            return False
        index, columns = header
        check.shape = "汇总表"
        for r in range(index + 1, len(sheet.rows)):
            row = sheet.rows[r]
            if _is_total(row, columns):
                check.notes.append(f"第{r + 1}行是合计行，已跳过")
                continue
            for c, words in self.unmatched.items():
                if not _blank(_cell(row, c)):
                    check.problems.append(f"第{r + 1}行 题目“{words[:30]}”与本期问卷对不上")
            if all(_blank(_cell(row, c)) for c in columns):
                continue
            draft = Draft(f"第{r + 1}行")
            for column, line in columns.items():
                self._answer(check, draft, line, sheet, r, column, {}, f"第{r + 1}行“{line.label[:24]}”")
            if draft.answers:
                check.drafts.append(draft)
        if not check.drafts and not check.problems:
            check.problems.append("汇总表中没有填写任何评价")
        return True

    def _table_header(self, sheet: Sheet) -> tuple[int, dict[int, Line]] | None:
        self.unmatched = {}
        best: tuple[int, dict[int, Line]] | None = None
        for index, row in enumerate(sheet.rows[:_SEARCH_ROWS]):
            by_key = {c: line for c, cell in enumerate(row) if (line := self.match.key(cell))}
            if by_key and len(by_key) >= max(1, len(self.match.lines) // 2):
                heads = sheet.rows[index + 1] if index + 1 < len(sheet.rows) else []
                checked = {c: self.match.checked(line, _cell(heads, c)) for c, line in by_key.items()}
                self.unmatched = {c: clean(cell_text(_cell(heads, c))) for c, line in checked.items() if line is None}
                return index + 1, {c: line for c, line in checked.items() if line is not None}  # questions next row
            by_words = {c: line for c, cell in enumerate(row) if (line := self.match.words(cell))}
            if len({line.key for line in by_words.values()}) < len(by_words):
                continue
            if len(by_words) >= min(2, len(self.match.lines)) and (best is None or len(by_words) > len(best[1])):
                best = (index, by_words)
        return best

