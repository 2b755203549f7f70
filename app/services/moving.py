"""Moving an office's data between engines (issue 23): its SQLite file onto an empty server database
(`migrate-to`), and a server database's data into an ordinary TrainingDesk file (`backup --db postgresql://…`).

Both sides are made by the same migrations, so each table has the same columns; rows keep their ids. The
copy is one transaction on the receiving side, its tables filled in the order their references need (a
reference within one table, such as a make-up enrollment's original, filled in once all its rows are
there), each table's rows counted on both sides before it commits; the side read from is only read."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from app import config
from app.domain.errors import UserError
from app.services import database
from app.services.progress import NO_PROGRESS, Progress
from app.storage import copying
from app.storage.connection import Database


@dataclass
class Moved:
    counts: dict[str, int]  # table -> rows copied (equal on both sides)

    def summary(self) -> str:
        shown = {table: self.counts.get(table, 0) for table in database.COUNTED}
        text = "，".join(f"{label}{shown[table]}" for table, label in database.COUNTED.items())
        return f"{text}（共{len(self.counts)}张表、{sum(self.counts.values())}行，两边逐表核对一致）"


def migrate_to(source: Database, url: str, progress: Progress = NO_PROGRESS) -> Moved:
    """The file's data onto the server database at url, which must hold none yet (init'ed or new)."""
    if database.on_server(source):
        raise UserError("迁移的来源应是数据库文件（--db 文件路径），不是服务器数据库")
    if not database.is_server(url):
        raise UserError(f"迁移的目标应是服务器数据库（postgresql://…），而不是“{url}”")
    with database.create_database(url, None) as target:
        if filled := [table for table in copying.tables(target) if copying.has_rows(target, table)]:
            raise UserError(f"{database.describe(url)}中已有数据（{'、'.join(filled[:5])}等），只能迁移到空的服务器数据库；"
                            "数据未作任何改动")
        return copy(source, target, shape=source, progress=progress)


def backup_server(source: Database, folder: str | Path | None, progress: Progress = NO_PROGRESS) -> Path:
    """The server database's data as an ordinary TrainingDesk file in folder (the user data folder's
    backups by default), named for the server database and the time; checked before it is named done."""
    if not database.on_server(source):
        raise UserError("只有服务器数据库需要这样备份；数据库文件请用 backup 的通常方式")
    folder = Path(folder) if folder else config.user_data_dir() / "backups"
    name = unquote(urlsplit(source.url).path.lstrip("/")) or "traindesk"
    path = folder / f"{name}-服务器备份-{datetime.now():%Y%m%d-%H%M%S}.db"
    try:
        with database.held(path, "服务器备份") as lock, database.create_database(path, lock) as target:
            copy(source, target, shape=target, progress=progress)
        if problems := database.check_file(path):
            raise UserError(f"服务器备份文件检查未通过：{problems[0]}")
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


def copy(source: Database, target: Database, *, shape: Database, progress: Progress = NO_PROGRESS) -> Moved:
    """Every office table of source into target, in one transaction; shape is whichever of the two is a
    SQLite file (its schema tells the references). Raises, leaving target as it was, when a count differs."""
    receiving = set(copying.tables(target))
    names = [table for table in copying.tables(source) if table in receiving]
    order = _in_reference_order(shape, names)
    counts: dict[str, int] = {}
    with target.atomic():
        for done, table in enumerate(order):
            progress.step(done, len(order))
            counts[table] = _copy_table(source, target, table, shape)
        for table in order:
            if copying.count(target, table) != copying.count(source, table):
                raise UserError(f"表 {table} 复制后行数不一致，已全部撤销")
    progress.step(len(order), len(order))
    return Moved(counts)


def _copy_table(source: Database, target: Database, table: str, shape: Database) -> int:
    names = copying.columns(source, table)
    own = [column for column, parent in copying.references(shape, table) if parent == table and column in names]
    later: dict[str, list[tuple]] = {column: [] for column in own}
    copied = 0
    for chunk in copying.rows(source, table, names):
        if own:
            chunk = [_without(names, row, own, later) for row in chunk]
        copying.insert(target, table, names, chunk)
        copied += len(chunk)
    for column, values in later.items():
        copying.set_column(target, table, column, values)
    if "id" in names:
        copying.ids_follow_copy(target, table)
    return copied


def _without(names: list[str], row: tuple, own: list[str], later: dict[str, list[tuple]]) -> tuple:
    """The row with its references to rows of its own table left empty, noted to be set afterwards."""
    values = list(row)
    row_id = values[names.index("id")]
    for column in own:
        index = names.index(column)
        if values[index] is not None:
            later[column].append((values[index], row_id))
            values[index] = None
    return tuple(values)


def _in_reference_order(shape: Database, names: list[str]) -> list[str]:
    """The tables, each after the tables it refers to."""
    parents = {table: {parent for _, parent in copying.references(shape, table) if parent != table and parent in names}
               for table in names}
    ordered: list[str] = []
    while len(ordered) < len(names):
        ready = [table for table in names if table not in ordered and parents[table] <= set(ordered)]
        if not ready:
            raise UserError("数据表之间的引用成环，无法排定复制顺序")
        ordered += ready
    return ordered
