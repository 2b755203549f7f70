"""Importing a unit's trainee list: read -> find the header -> check every row -> preview -> commit.

The window shows the plan (`analyse`) before committing it; the command line and the benchmark
run `import_file`, which creates the units the file names and the database does not know.
Nothing is written before `commit`, and `commit` writes everything in one transaction.
"""
from __future__ import annotations

import difflib
from dataclasses import replace
from pathlib import Path

from app.domain.errors import UserError
from app.domain.models import Unit
from app.domain.text import clean
from app.domain.validation import unit_name_error
from app.services.bulk import without_cycle_collector
from app.services.importing.cells import cell_text
from app.services.importing.check import CREATE_UNIT, RowCheck, RowChecker, unit_key
from app.services.importing.columns import LABELS, REQUIRED, Layout, find_layout, layout_at
from app.services.importing.commit import ImportResult, commit
from app.services.importing.plan import MODES, ImportOptions, ImportPlan
from app.services.importing.plan_checks import existing_people, period_checks
from app.services.importing.reader import Sheet, read_sheets
from app.services.importing.word_variants import word_map
from app.services.progress import NO_PROGRESS, Progress
from app.storage import people, tables
from app.storage.connection import Database


def read_source(path: str | Path, sheet: str | None = None) -> list[Sheet]:
    """The file's sheets (or the one named); UserError when the file cannot be read at all."""
    sheets = read_sheets(path, only=sheet)
    if not sheets:
        raise UserError(f"“{Path(path).name}”中没有可读取的工作表")
    return sheets


def best_sheet(sheets: list[Sheet]) -> tuple[Sheet, Layout | None]:
    """The sheet whose header names the most fields, a shown sheet before a hidden one (the hidden one
    says so in its notes); the first sheet, without a layout, when none has a usable header."""
    found = [(sheet, find_layout(sheet.rows)) for sheet in sheets]
    usable = [(sheet, layout) for sheet, layout in found if layout is not None]
    if not usable:
        return found[0][0], None
    return max(usable, key=lambda pair: (not pair[0].hidden, pair[1].score))


def choose_sheet(sheets: list[Sheet]) -> tuple[Sheet, Layout]:
    """The best sheet (see best_sheet); UserError when no sheet has a usable header."""
    sheet, layout = best_sheet(sheets)
    if layout is None:
        names = "、".join(LABELS[key] for key in REQUIRED)
        raise UserError(f"在表格的前30行中找不到表头（至少应有“{names}”之一和其他一列），请检查是否选对了文件")
    return sheet, layout


def analyse(db: Database, file_name: str, sheet: Sheet, layout: Layout, options: ImportOptions,
            progress: Progress = NO_PROGRESS) -> ImportPlan:
    if options.mode not in MODES:
        raise UserError(f"导入方式“{options.mode}”无效，应为 add、update 或 add-update")
    if not ("name" in layout.columns and "id_number" in layout.columns):
        raise UserError("请为“姓名”和“身份证号码”各指定一列")
    if options.period_id is not None:
        tables.periods(db).get(options.period_id)
    units = {unit_key(unit.name): unit.id for unit in tables.units(db).all()}
    checker = RowChecker(layout.columns, units, options.unit_choices, options.default_unit_id,
                         CREATE_UNIT if options.create_units else None, sheet.bad_cells, word_map(db))
    with without_cycle_collector():
        rows, total = [], len(sheet.rows)
        for index in range(layout.data_row, total):
            if index % 2000 == 0:
                progress.step(index, total)
            row = checker.check(index + 1, sheet.rows[index])
            if row is not None:
                rows.append(row)
        if not rows:
            raise UserError(f"文件中没有数据：“{file_name}”的表头（第{layout.header_row + 1}行）下没有数据行")
        plan = ImportPlan(file_name, sheet, layout, options, rows)
        _mark_duplicates(rows)
        existing_people(db, plan, people.by_id_numbers)
        period_checks(db, plan)
    return plan


def relayout(sheet: Sheet, header_row: int) -> Layout:
    return layout_at(sheet.rows, header_row)


def _mark_duplicates(rows: list[RowCheck]) -> None:
    first: dict[str, int] = {}
    for row in rows:
        number = row.values["id_number"]
        if "id_number" in row.errors or not number:
            continue
        if number in first:
            row.errors["id_number"] = f"与第{first[number]}行重复（同一身份证号码）"
        else:
            first[number] = row.line


def unknown_units(db: Database, sheet: Sheet, layout: Layout) -> dict[str, int]:
    """Units the sheet names that the database does not know, with how many rows name each; names that
    cannot be a unit's (a formula, far too long) are left out: their rows are refused, never mapped."""
    column = layout.columns.get("unit")
    if column is None:
        return {}
    known = {unit_key(unit.name) for unit in tables.units(db).all()}
    found: dict[str, int] = {}
    for cells in sheet.rows[layout.data_row:]:
        name = clean(cell_text(cells[column])) if column < len(cells) else ""
        if name and unit_key(name) not in known and unit_name_error(name) is None:
            found[name] = found.get(name, 0) + 1
    return found


def suggest_unit(name: str, units: list[Unit]) -> Unit | None:
    """The known unit a name most likely means (县委办 -> 县委办公室), if one is close enough."""
    keys = {unit_key(unit.name): unit for unit in units}
    key = unit_key(name)
    starts = [unit for unit_name, unit in keys.items() if unit_name.startswith(key) or key.startswith(unit_name)]
    if len(starts) == 1:
        return starts[0]
    close = difflib.get_close_matches(key, list(keys), n=1, cutoff=0.75)
    return keys[close[0]] if close else None


def import_file(db: Database, path: str | Path, options: ImportOptions, sheet: str | None = None,
                dry_run: bool = False, progress: Progress = NO_PROGRESS) -> tuple[ImportPlan, ImportResult | None]:
    """The command line's import: units the file names that the database lacks are created."""
    chosen, layout = choose_sheet(read_source(path, sheet))
    options = replace(options, create_units=True)  # the caller's options stay as they were
    plan = analyse(db, Path(path).name, chosen, layout, options, progress)
    return plan, None if dry_run else commit(db, plan, progress)
