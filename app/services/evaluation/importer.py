"""Importing the returned questionnaires of a period in one step: many files, each read as any import reads
(app/services/importing: .xlsx/.xls/.csv, hostile and damaged files refused with a reason), in either shape
(one workbook per trainee, a question per row; or the office's summary with a row per trainee). Answers are
mapped back by the form's hidden keys, else by the questions' words; scores are read leniently (满意,
" 基本满意 ", 5, "5分", a ✓ under an option's column). A file from another period, an unreadable one, or one
with a value off the scale is refused with its reasons, and then the batch is refused unless the office
chooses to import the good files. A file imported before (same content) is skipped: "已导入过". The batch is
written in one transaction after a backup; checks and dry runs write nothing."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.errors import UserError
from app.domain.quality_records import EvaluationAnswer, EvaluationResponse
from app.services.evaluation.answer_sheets import ALREADY as ALREADY
from app.services.evaluation.answer_sheets import GOOD as GOOD
from app.services.evaluation.answer_sheets import REFUSED as REFUSED
from app.services.evaluation.answer_sheets import Draft, FileCheck, SheetReader
from app.services.evaluation.forms import PeriodForm, issued_form
from app.services.importing.marker import importing
from app.services.importing.reader import read_sheets
from app.services.progress import NO_PROGRESS, Progress
from app.services.safety import audit, backups
from app.storage import evaluation as store
from app.storage import tables
from app.storage.connection import Database

ACTION = "导入评估问卷"
FILE_FILTER = "评估问卷 (*.xlsx *.xls *.xlsm *.csv *.txt);;所有文件 (*)"
_HASH = re.compile(r"#([0-9a-f]{16})")


@dataclass
class EvaluationImport:
    form: PeriodForm
    files: list[FileCheck] = field(default_factory=list)
    backup: Path | None = None
    written: int = 0

    def of(self, status: str) -> list[FileCheck]:
        return [f for f in self.files if f.status == status]

    @property
    def good(self) -> list[FileCheck]:
        return self.of(GOOD)

    @property
    def refused(self) -> list[FileCheck]:
        return self.of(REFUSED)

    @property
    def responses(self) -> int:
        return sum(len(f.drafts) for f in self.good)

    @property
    def label(self) -> str:
        return self.form.info.title

    def summary(self, done: bool = False) -> str:
        parts = [f"{len(self.files)}个文件：{'导入' if done else '可导入'}{len(self.good)}个（{self.responses}份问卷）"]
        if self.refused:
            parts.append(f"未通过{len(self.refused)}个")
        if already := self.of(ALREADY):
            parts.append(f"已导入过{len(already)}个（跳过）")
        return "，".join(parts)


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def source_of(check: FileCheck, draft: Draft) -> str:
    where = f"（{draft.where}）" if draft.where else ""
    return f"{check.name}{where}#{check.digest}"


def imported_digests(db: Database, evaluation_id: int) -> dict[str, str]:
    """Content hash -> the file name it was imported under."""
    found = {}
    for source in store.response_sources(db, evaluation_id):
        if match := _HASH.search(source):
            found.setdefault(match.group(1), source[:match.start()].split("（第")[0])
    return found


def analyse(db: Database, period_id: int, paths: list[str | Path], progress: Progress = NO_PROGRESS) -> EvaluationImport:
    """Reads and checks every file against the period's issued questions; writes nothing."""
    if not paths:
        raise UserError("请选择要导入的评估问卷文件")
    form = issued_form(db, period_id)
    result = EvaluationImport(form)
    if form.evaluation.id is None:
        raise UserError("本期还没有发放评估问卷")
    reader = SheetReader(db, form)
    before = imported_digests(db, form.evaluation.id)
    seen: dict[str, str] = {}
    for number, path in enumerate(map(Path, paths)):
        progress.step(number, len(paths) + 1)
        check = FileCheck(path)
        result.files.append(check)
        try:
            data = path.read_bytes() if path.is_file() else None
            if data is None:
                raise UserError(f"找不到文件：{path}")
            check.digest = file_digest(data)
            if check.digest in before:
                check.status = ALREADY
                check.notes.append(f"已导入过（{before[check.digest]}），不重复计入")
                continue
            if check.digest in seen:
                check.status = ALREADY
                check.notes.append(f"与本批的“{seen[check.digest]}”内容相同，已导入过，不重复计入")
                continue
            reader.read(check, read_sheets(path))
        except UserError as error:
            check.problems.append(str(error))
        except OSError as error:
            check.problems.append(f"无法读取文件：{error.strerror or error}")
        if check.problems:
            check.status = REFUSED
        else:
            seen[check.digest] = check.name
    progress.step(len(paths), len(paths) + 1)
    return result


def commit(db: Database, found: EvaluationImport, *, import_good: bool = False,
           progress: Progress = NO_PROGRESS) -> EvaluationImport:
    """Writes the good files' responses in one transaction after a backup. With files refused, nothing is
    written unless import_good."""
    if found.refused and not import_good:
        raise UserError(f"有{len(found.refused)}个文件未通过检查，本批问卷未导入；请改正后重新导入，"
                        "或选择只导入检查通过的文件")
    if not found.good:
        raise UserError("没有可导入的评估问卷" + ("（所选文件都已导入过）" if found.of(ALREADY) else ""))
    evaluation_id = found.form.evaluation.id
    with importing(db, found.good[0].name):
        found.backup = backups.before_change(db, "导入前", ACTION)
        with db.atomic():
            for index, check in enumerate(found.good):
                progress.step(index, len(found.good))
                for draft in check.drafts:
                    response = tables.evaluation_responses(db).insert(
                        EvaluationResponse(evaluation_id, source_of(check, draft), _today()))
                    tables.evaluation_answers(db).insert_many(
                        EvaluationAnswer(response.id, line.item.id, line.session.id if line.session else None,
                                         line.aspect, score, words)
                        for line, score, words in draft.answers.values())
            first, more = found.good[0].name, len(found.good) - 1
            # begins with the file the import marker names, so a crash after this commit is not reported as lost
            audit.record(db, ACTION, "periods", found.form.info.period.id,
                         f"{first}：{f'等{more + 1}个文件' if more else ''}→{found.label}，{found.summary(done=True)}")
    found.written = found.responses
    return found


def import_files(db: Database, period_id: int, paths: list[str | Path], *, dry_run: bool = False,
                 import_good: bool = False, progress: Progress = NO_PROGRESS) -> EvaluationImport:
    found = analyse(db, period_id, paths, progress)
    return found if dry_run else commit(db, found, import_good=import_good, progress=progress)


def _today() -> str:
    from datetime import date

    return date.today().isoformat()


def clear_responses(db: Database, period_id: int) -> int:
    """Removes every imported questionnaire of the period (after a backup, logged), e.g. when the wrong files
    were imported; the issued questions stay. Returns how many were removed."""
    form = issued_form(db, period_id)
    count = store.response_count(db, form.evaluation.id)
    if not count:
        raise UserError(f"{form.info.title}没有已导入的评估问卷")
    backups.before_change(db, "清除前", "清除评估问卷")
    with db.atomic():
        store.delete_responses(db, form.evaluation.id)
        audit.record(db, "清除评估问卷", "periods", period_id, f"{form.info.title}：{count}份")
    return count
