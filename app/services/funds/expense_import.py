"""Spending imported from an Excel sheet (the finance office's list): the header found under titles and mapped by
synonyms, each row checked as a typed expense (refused with its reasons, or skipped when it is a total), then
the good rows written in one transaction after a backup. Dry runs and checks write nothing."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.domain.errors import UserError
from app.domain.models import Expense
from app.domain.text import clean
from app.services.funds.expenses import expense_errors, years_of
from app.services.importing.cells import cell_text
from app.services.importing.headers import HeaderWords
from app.services.importing.marker import importing
from app.services.importing.reader import Sheet, read_sheets
from app.services.progress import NO_PROGRESS, Progress
from app.services.safety import audit, backups
from app.storage import tables
from app.storage.connection import Database

ACTION = "导入支出"
FILE_FILTER = "支出明细 (*.xlsx *.xls *.xlsm *.csv *.txt);;所有文件 (*)"
FIELDS = {"item": ("项目", ("项目", "费用类别", "科目", "支出项目", "费用项目", "类别", "费用名称", "开支项目")),
          "amount": ("金额", ("金额", "支出金额", "支付金额", "报销金额", "金额元")),
          "day": ("日期", ("日期", "支付日期", "支出日期", "付款日期", "报销日期")),
          "payee": ("收款单位", ("收款单位", "收款人", "单位", "收款方")),
          "voucher": ("凭证号", ("凭证号", "凭证编号", "票据号", "发票号", "凭证号码")),
          "notes": ("摘要", ("摘要", "备注", "说明", "用途"))}
LABELS = {key: label for key, (label, _) in FIELDS.items()}
REQUIRED = ("item", "amount")
_HEADERS = HeaderWords(FIELDS, contains=False)
_TOTAL = ("合计", "总计", "小计")
_SEARCH_ROWS = 20
IMPORTED, REFUSED, SKIPPED = "导入", "未通过", "跳过"


def header_key(value: object) -> str | None:
    """The field a header cell names, exactly (a finance sheet's 单位 or 说明 must not pass for another field)."""
    return _HEADERS.key(clean(value) if isinstance(value, str) else value)


def find_header(sheet: Sheet) -> tuple[int, dict[str, int]] | None:
    for index, row in enumerate(sheet.rows[:_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for column, cell in enumerate(row):
            if (key := header_key(cell)) and key not in columns:
                columns[key] = column
        if all(key in columns for key in REQUIRED):
            return index, columns
    return None


@dataclass
class ExpenseRow:
    line: int
    status: str
    expense: Expense | None = None
    reason: str = ""
    texts: dict[str, str] = field(default_factory=dict)  # the row's cells as written (shown for a refused row)

    def shown(self, key: str) -> str:
        """A field as imported, else as the file writes it."""
        if self.expense is None:
            return self.texts.get(key, "")
        value = getattr(self.expense, key)
        return f"{value:,.2f}" if key == "amount" else value


@dataclass
class ExpenseImport:
    file_name: str
    period_id: int
    period_label: str
    sheet_name: str
    columns: list[str]
    rows: list[ExpenseRow] = field(default_factory=list)
    backup: Path | None = None
    written: int = 0

    def of(self, status: str) -> list[ExpenseRow]:
        return [row for row in self.rows if row.status == status]

    @property
    def good(self) -> list[Expense]:
        return [row.expense for row in self.of(IMPORTED)]

    @property
    def refused(self) -> list[ExpenseRow]:
        return self.of(REFUSED)

    @property
    def total(self) -> float:
        return round(sum(e.amount for e in self.good), 2)

    def summary(self, done: bool = False) -> str:
        parts = [f"{'导入' if done else '可导入'}{len(self.good)}笔，共{self.total:,.2f}元"]
        if self.refused:
            parts.append(f"未通过{len(self.refused)}行")
        if skipped := self.of(SKIPPED):
            parts.append(f"跳过{len(skipped)}行（合计行）")
        return "，".join(parts)


def _is_total(row: list) -> bool:
    return any(isinstance(cell, str) and cell.replace(" ", "").replace("　", "").startswith(_TOTAL) for cell in row)


def _read_row(values: dict[str, object], line: int, period_id: int, years: tuple[int, ...]) -> ExpenseRow | None:
    texts = {key: clean(cell_text(value)) if value is not None else "" for key, value in values.items()}
    if not any(texts.values()):
        return None
    draft = Expense(period_id, texts.get("item", ""), 0, "", texts.get("payee", ""), texts.get("voucher", ""),
                    texts.get("notes", ""))
    errors, amount, day = expense_errors(draft, values.get("amount"), values.get("day"), years)
    if errors:
        return ExpenseRow(line, REFUSED, reason="；".join(f"{LABELS.get(k, '备注')}：{v}" for k, v in errors.items()),
                          texts=texts)
    draft.amount, draft.day = amount, day
    return ExpenseRow(line, IMPORTED, draft)


def analyse(db: Database, path: str | Path, period_id: int, progress: Progress = NO_PROGRESS) -> ExpenseImport:
    """Reads and checks the file for the period; writes nothing. UserError when nothing can be imported."""
    path = Path(path)
    period = tables.periods(db).get(period_id)
    label = f"{tables.classes(db).get(period.class_id).name}第{period.number}期"
    progress.step(0, 2)
    sheets = read_sheets(path)
    found = next(((sheet, header) for sheet in sheets if (header := find_header(sheet))), None)
    if found is None:
        raise UserError(f"“{path.name}”的前{_SEARCH_ROWS}行中找不到支出明细的表头（应有“项目”（或“费用类别”“科目”）"
                        "和“金额”两列），请检查是否选对了文件")
    sheet, (header_row, columns) = found
    result = ExpenseImport(path.name, period_id, label, sheet.name,
                           [LABELS[key] for key in sorted(columns, key=columns.get)])
    years = years_of(db, period_id)
    for index in range(header_row + 1, len(sheet.rows)):
        row = sheet.rows[index]
        values = {key: row[column] if column < len(row) else None for key, column in columns.items()}
        bad = [why for (r, c), why in sheet.bad_cells.items() if r == index and c in columns.values()]
        read = ExpenseRow(index + 1, SKIPPED, reason="合计行") if _is_total(row) else \
            _read_row(values, index + 1, period_id, years)
        if read is not None and bad and read.status != SKIPPED:
            read = ExpenseRow(index + 1, REFUSED, reason="；".join(filter(None, [read.reason, *bad])),
                              texts=read.texts or {k: clean(cell_text(v)) for k, v in values.items()})
        if read is not None:
            result.rows.append(read)
    progress.step(1, 2)
    if not result.good:
        shown = "；".join(f"第{row.line}行 {row.reason}" for row in result.refused[:3])
        raise UserError(f"“{path.name}”中没有可导入的支出" + (f"：{shown}" if shown else "（表头下没有数据）"))
    return result


def commit(db: Database, found: ExpenseImport, progress: Progress = NO_PROGRESS) -> ExpenseImport:
    """Writes the good rows in one transaction after a backup."""
    with importing(db, found.file_name):
        found.backup = backups.before_change(db, "导入前", ACTION)
        with db.atomic():
            tables.expenses(db).insert_many(found.good)
            audit.record(db, ACTION, "periods", found.period_id,
                         f"{found.file_name}→{found.period_label}：{found.summary(done=True)}")
    found.written = len(found.good)
    progress.step(2, 2)
    return found


def import_expenses(db: Database, path: str | Path, period_id: int, *, dry_run: bool = False,
                    progress: Progress = NO_PROGRESS) -> ExpenseImport:
    found = analyse(db, path, period_id, progress)
    return found if dry_run else commit(db, found, progress)
