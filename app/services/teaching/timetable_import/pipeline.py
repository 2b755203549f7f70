"""A timetable file checked whole (`analyse`, which writes nothing), then committed in one transaction after
a backup (`commit`). The import is refused as a whole when the file cannot be read, has no header or no row
that can be imported; otherwise the good rows are imported and the bad ones reported with their reasons."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.domain.errors import UserError
from app.domain.models import Period
from app.domain.teaching import HALVES
from app.domain.teaching_records import Session, SessionRow
from app.services import roster
from app.services.importing.marker import importing
from app.services.importing.reader import read_sheets
from app.services.progress import NO_PROGRESS, Progress
from app.services.teaching import timetable
from app.services.teaching.timetable_import.columns import TimetableLayout, choose_sheets
from app.services.teaching.timetable_import.rows import IMPORTED, REFUSED, SKIPPED, RowReader, TimetableRow
from app.storage import teaching as store
from app.storage.connection import Database

ACTION = "导入课程表"
FILE_FILTER = "课程表文件 (*.xlsx *.xls *.xlsm *.csv *.txt);;所有文件 (*)"
_SHOWN_REASONS = 3


class TimetableExists(UserError):
    """The period has a timetable and replacing it was not asked for."""


@dataclass
class TimetableImport:
    file_name: str
    sheet_name: str  # the first sheet read, and its header (the columns shown)
    layout: TimetableLayout
    period: Period
    period_title: str
    sheets: list[tuple[str, TimetableLayout]] = field(default_factory=list)  # every sheet read
    rows: list[TimetableRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # about the whole file
    existing: int = 0  # sessions the period has now (replaced on commit)
    written: int = 0
    backup: Path | None = None

    def of(self, status: str) -> list[TimetableRow]:
        return [row for row in self.rows if row.status == status]

    @property
    def refused(self) -> list[TimetableRow]:
        return self.of(REFUSED)

    @property
    def skipped(self) -> list[TimetableRow]:
        return self.of(SKIPPED)

    @property
    def sessions(self) -> list[Session]:
        return [session for row in self.of(IMPORTED) for session in row.sessions]

    @property
    def typed_lecturers(self) -> list[str]:
        """Lecturers kept as the file names them (not in the pool): offered to the pool in the timetable."""
        return list(dict.fromkeys(s.lecturer_name for s in self.sessions if s.lecturer_id is None and s.lecturer_name))

    @property
    def source(self) -> str:
        """Where the timetable was read: 工作表“课程表”，表头在第3行."""
        if len(self.sheets) <= 1:
            return f"工作表“{self.sheet_name}”，表头在第{self.layout.header_row + 1}行"
        return "工作表" + "、".join(f"“{name}”（表头在第{layout.header_row + 1}行）" for name, layout in self.sheets)

    def summary(self, done: bool = False) -> str:
        parts = [f"{'导入' if done else '可导入'}{len(self.sessions)}节课（{len(self.of(IMPORTED))}行）"]
        if self.refused:
            parts.append(f"未通过{len(self.refused)}行")
        if self.skipped:
            parts.append(f"跳过{len(self.skipped)}行（用餐、休息、说明等）")
        if self.existing:
            parts.append(f"{'已替换' if done else '将替换'}原有课程表的{self.existing}节课")
        return "，".join(parts)


def analyse(db: Database, path: str | Path, period_id: int, progress: Progress = NO_PROGRESS) -> TimetableImport:
    """Reads and checks the file for the period; writes nothing. UserError when it cannot be imported at all."""
    path = Path(path)
    period = roster.ensure_open(db, period_id)
    title = roster.period_title(roster.period_of(db, period_id))
    progress.step(0, 3)
    chosen = choose_sheets(read_sheets(path), path.name)
    progress.step(1, 3)
    first, layout = chosen[0]
    found = TimetableImport(path.name, first.name, layout, period, title,
                            [(sheet.name, layout) for sheet, layout in chosen],
                            notes=list(dict.fromkeys(note for sheet, _ in chosen for note in sheet.notes)),
                            existing=len(store.period_sessions(db, period_id)))
    for sheet, layout in chosen:
        reader = RowReader(db, period, layout, sheet.bad_cells, sheet.name if len(chosen) > 1 else "")
        found.rows += [row for index in range(layout.header_row + 1, len(sheet.rows))
                       if (row := reader.read(index, sheet.rows[index])) is not None]
    progress.step(2, 3)
    if not found.sessions:
        raise UserError(_nothing_to_import(found))
    _order(found.sessions)
    _double_bookings(db, found)
    return found


def _double_bookings(db: Database, found: TimetableImport) -> None:
    """A pool lecturer the file books while they teach in another period at the same time: said on the row."""
    for row in found.of(IMPORTED):
        for session in (s for s in row.sessions if s.lecturer_id is not None):
            for other in store.lecturer_sessions(db, session.lecturer_id, session.day, session.day):
                if other.period_id != session.period_id and other.half == session.half and _overlap(session, other):
                    title = roster.period_title(roster.period_of(db, other.period_id))
                    note = f"{other.lecturer}{session.day}{session.half}已在{title}授课（同一时间两处有课）"
                    if note not in row.notes:
                        row.notes.append(note)


def _overlap(one: Session, other: Session) -> bool:
    if not (one.start_time and one.end_time and other.start_time and other.end_time):
        return True
    return one.start_time < other.end_time and other.start_time < one.end_time


def _nothing_to_import(found: TimetableImport) -> str:
    where = f"“{found.file_name}”（{found.source}）"
    if not found.refused:
        return f"{where}的表头下没有课程"
    shown = "；".join(f"{row.where} {row.reason}" for row in found.refused[:_SHOWN_REASONS])
    more = f"等{len(found.refused)}行" if len(found.refused) > _SHOWN_REASONS else ""
    return f"{where}中没有可导入的课程，未导入：{shown}{more}"


def _order(sessions: list[Session]) -> None:
    """Sessions of one half-day keep the file's order."""
    seen: dict[tuple[str, str], int] = {}
    for session in sessions:
        slot = (session.day, session.half)
        session.sort_order = seen.get(slot, 0)
        seen[slot] = session.sort_order + 1


def commit(db: Database, found: TimetableImport, *, replace: bool = False,
           progress: Progress = NO_PROGRESS) -> TimetableImport:
    """Writes the good rows' sessions as the period's timetable in one transaction, after a backup when it
    replaces one; a period that has a timetable is replaced only when asked."""
    existing = len(store.period_sessions(db, found.period.id))
    if existing and not replace:
        raise TimetableExists(f"{found.period_title}已有课程表（{existing}节课），导入会替换它；未确认替换，未导入")
    found.existing = existing
    progress.step(2, 3)
    with importing(db, found.file_name):  # a killed import is told at the next start
        found.backup = timetable.replace_timetable(db, found.period.id, found.sessions, ACTION,
                                                   detail=f"{found.file_name}：{found.summary(done=True)}")
    found.written = len(found.sessions)  # no progress step after this: a cancel now would hide what was written
    return found


def import_timetable(db: Database, path: str | Path, period_id: int, *, replace: bool = False,
                     dry_run: bool = False, progress: Progress = NO_PROGRESS) -> TimetableImport:
    """The command line's import: checks, then (unless dry_run) commits."""
    found = analyse(db, path, period_id, progress)
    return found if dry_run else commit(db, found, replace=replace, progress=progress)


@dataclass
class PlannedSession:
    """A session as the timetable will show it once imported, with the file's row and what was done to it."""
    line: str  # the row's number (with its sheet when there are several)
    session: SessionRow
    notes: str


def planned(db: Database, found: TimetableImport) -> list[PlannedSession]:
    """The sessions to import as stored: the pool's names, the bases, the 学时 each will count for."""
    pool = {lecturer.id: lecturer for lecturer in store.list_lecturers(db, include_archived=True)}
    bases = {base.id: base.name for base in store.list_bases(db, include_archived=True)}
    made = []
    for row in found.of(IMPORTED):
        for session in row.sessions:
            lecturer = pool.get(session.lecturer_id)
            shown = SessionRow(**{**vars(session), "id": len(made)}, pool_name=lecturer.name if lecturer else "",
                               pool_post=lecturer.post if lecturer else "",
                               lecturer_title=lecturer.title if lecturer else "",
                               lecturer_kind=lecturer.kind if lecturer else "", base_name=bases.get(session.base_id, ""))
            made.append(PlannedSession(row.label, shown, "；".join(row.notes)))
    timetable.with_hours(db, [plan.session for plan in made])
    return sorted(made, key=lambda plan: (plan.session.day, HALVES.index(plan.session.half), plan.session.sort_order))
