"""Returned evaluation questionnaires for tests, filled through openpyxl as a trainee or the office would:
the program's Excel form (one per trainee, or the summary with a row per trainee), and hand-made sheets."""
from __future__ import annotations

from pathlib import Path

import openpyxl

from app.services.evaluation import workbook


def keys_of_form(path: Path) -> list[tuple[int, str, str]]:
    """(row, hidden key, question) of each line of a per-trainee form."""
    sheet = openpyxl.load_workbook(path).active
    return [(row, key_of(sheet.cell(row, 1).value), str(sheet.cell(row, 4).value))
            for row in range(4, sheet.max_row + 1) if sheet.cell(row, 1).value]


def key_of(cell: object) -> str:
    """The line's key (as results and forms name it) from the hidden cell: #12 or #12:345:内容."""
    return str(cell).removeprefix(workbook.KEY_MARK)


def fill_form(template: Path, target: Path, answer) -> Path:
    """A copy of the form with answer(key, question) in each 评价 cell (None leaves it blank)."""
    book = openpyxl.load_workbook(template)
    sheet = book[workbook.SHEET_NAME]
    for row in range(4, sheet.max_row + 1):
        key = sheet.cell(row, 1).value
        if key:
            sheet.cell(row, 5).value = answer(key_of(key), str(sheet.cell(row, 4).value))
    book.save(target)
    return target


def fill_table(template: Path, target: Path, rows: list) -> Path:
    """The summary form with one trainee per row: rows[i] maps key -> answer (or is a function of the key)."""
    book = openpyxl.load_workbook(template)
    sheet = book[workbook.SHEET_NAME]
    keys = {column: key_of(sheet.cell(3, column).value) for column in range(2, sheet.max_column + 1)
            if sheet.cell(3, column).value}
    for offset, answers in enumerate(rows):
        for column, key in keys.items():
            value = answers(key) if callable(answers) else answers.get(key)
            sheet.cell(5 + offset, column).value = value
    book.save(target)
    return target


def filled_demo_form(folder: Path, period_id: int, db_file: Path) -> Path:
    """For commands tests: the period's form saved by the command line and filled with 满意 everywhere."""
    from app.cli import main

    template = folder / "评估问卷模板.xlsx"
    assert main(["evaluation-template", "--period", str(period_id), "-o", str(template), "--db", str(db_file)]) == 0
    return fill_form(template, folder / "评估问卷（已填）.xlsx", lambda key, text: "满意" if ":" in key or "意见" not in text
                     else "无")
