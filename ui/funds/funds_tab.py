"""The 经费 tab of a period's window: the budget (each line computed by the fee rules and, where the clerk
adjusted it, the adjusted figure beside it; the clerk's own lines), the spending list with 登记 / 编辑 / 删除 /
导入支出, the totals with the warnings, and 打印经费结算表 / 导出Excel / 经费标准."""
from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.errors import UserError
from app.domain.models import Expense
from app.services.funds import budget, expenses
from app.services.funds.summary import PeriodFunds, period_funds
from ui.common import messages
from ui.common.flow_layout import FlowLayout, group
from ui.common.keys import list_keys
from ui.common.tab_parts import list_table, tab_button, titled_part
from ui.common.undo import Step
from ui.common.widgets import note
from ui.common.write_access import enable_writes, writable
from ui.funds import fund_actions
from ui.funds.expense_import_dialog import open_expense_import
from ui.funds.funds_models import BudgetModel, ExpenseModel
from ui.shell.changes import Changed

RELOAD_ON = (Changed.FUNDS | Changed.ROSTER | Changed.TIMETABLE | Changed.TEACHING | Changed.SETTINGS
             | Changed.CLASSES | Changed.PERIODS)
BANNER_STYLE = "color: #7f1d1d; background: #fdecea; border: 1px solid #f5c2c0; padding: 5px;"


class FundsTab(QWidget):
    def __init__(self, session, period_id: int, parent: QWidget | None = None, record_fees=None,
                 undo_stack: QUndoStack | None = None):
        super().__init__(parent)
        self.session, self.period_id = session, period_id
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        # the roster's 登记收费 (its selected trainees); alone, the tab records a whole unit's
        self.record_fees = record_fees or (lambda: fund_actions.record_fees(self, session, period_id, []))
        self.funds: PeriodFunds | None = None
        self.budget_model, self.expense_model = BudgetModel(self), ExpenseModel(self)
        self.budget_table = list_table(self, self.budget_model, 3, self.edit_line)
        self.expense_table = list_table(self, self.expense_model, 5, self.edit_expense)
        self.totals = note()
        self.totals.setWordWrap(True)
        self.banner = QLabel(wordWrap=True, styleSheet=BANNER_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.banner)
        layout.addWidget(titled_part("预算", self._budget_buttons(), self.budget_table), 0)
        layout.addWidget(titled_part("支出", self._expense_buttons(), self.expense_table), 1)
        layout.addWidget(self.totals)
        session.changed.connect(self._data_changed)
        self.refresh()



    def _budget_buttons(self) -> FlowLayout:
        self.adjust_button = tab_button("调整…", self.edit_line, "修改选中项目的预算金额（按标准计算的数保留在旁边）")
        self.reset_button = tab_button("恢复计算值", self.reset_line, "选中的项目按标准重新计算")
        self.add_line_button = tab_button("增加项目…", self.add_line, "综合定额和师资费以外的项目")
        self.remove_line_button = tab_button("删除项目", self.remove_line)
        self.budget_buttons = [self.adjust_button, self.reset_button, self.add_line_button, self.remove_line_button]
        self.rules_button = tab_button("经费标准…", lambda: fund_actions.edit_fund_rules(self, self.session),
                                       "各类培训的综合定额、超过30天的计算比例、报到天数")
        self.print_button = tab_button("打印经费结算表…",
                                       lambda: fund_actions.print_settlement(self, self.session, self.period_id))
        self.export_button = tab_button("导出Excel…", lambda: fund_actions.export_period(
            self, self.session, self.period_id, self.funds.label if self.funds else ""))
        row = FlowLayout(last_to_the_right=True)
        row.addWidget(group(*self.budget_buttons))
        row.addWidget(group(self.rules_button, self.export_button, self.print_button))
        return row

    def _expense_buttons(self) -> FlowLayout:
        self.add_expense_button = tab_button("登记支出…", self.add_expense)
        self.edit_expense_button = tab_button("编辑…", self.edit_expense)
        self.delete_expense_button = tab_button("删除", self.delete_expense, "删除选中的支出（会先询问）")
        self.import_button = tab_button("导入支出…", lambda: open_expense_import(self, self.session, self.period_id),
                                        "导入财务的支出明细（Excel，应有“项目”和“金额”列）")
        self.fees_button = tab_button("登记收费…", lambda: self.record_fees(),
                                      "学员或其单位缴纳的培训费：在“学员名单”中选中学员后右键，或按单位登记")
        self.expense_buttons = [self.add_expense_button, self.edit_expense_button, self.delete_expense_button,
                                self.import_button, self.fees_button]
        list_keys(self.expense_table, self.edit_expense, self._delete_key)
        row = FlowLayout(last_to_the_right=True)
        row.addWidget(group(*self.expense_buttons[:4]))
        row.addWidget(group(self.fees_button))
        return row

    def refresh(self) -> None:
        db = self.session.db
        self.funds = funds = period_funds(db, self.period_id)
        self.budget_model.set_rows(funds.budget.items)
        self.expense_model.set_rows(expenses.period_expenses(db, self.period_id))
        self._fit_budget(len(funds.budget.items))
        self.banner.setText("⚠ " + "；".join(re.sub(r"（[^）]*）$", "", w.message) for w in funds.warnings))
        self.banner.setToolTip("\n".join(w.message for w in funds.warnings))
        self.banner.setVisible(bool(funds.warnings))
        self.totals.setText(self._totals_text(funds))
        enable_writes(self.session, self.budget_buttons + self.expense_buttons + [self.rules_button])

    def _fit_budget(self, rows: int) -> None:
        """The budget has a few lines: shown whole, the spending takes the rest."""
        table = self.budget_table
        height = table.horizontalHeader().height() + table.verticalHeader().defaultSectionSize() * max(rows, 2)
        table.setFixedHeight(height + 2 * table.frameWidth() + 2)

    @staticmethod
    def _totals_text(funds: PeriodFunds) -> str:
        b = funds.budget.basis
        parts = [f"{funds.organiser_kind}，{b.total_person_days:g}人天", f"预算合计 {funds.budget.total:,.2f}元",
                 f"实际支出 {funds.spent_total:,.2f}元", f"结余 {funds.budget.total - funds.spent_total:,.2f}元"]
        if funds.lump_spent and funds.per_person_day is not None:
            parts.append(f"综合定额支出每人每天 {funds.per_person_day:,.2f}元（标准{funds.budget.basis.rate:g}元）")
        if funds.fees.charges:
            parts.append(f"收费：应收{funds.fees.due:,.2f}元，已收{funds.fees.paid_count}人{funds.fees.received:,.2f}元")
        return "　".join(parts)

    def _data_changed(self, kinds: Changed) -> None:
        if kinds & RELOAD_ON:
            self.refresh()

    def _selected(self, table, model):
        rows = table.selectionModel().selectedRows()
        return model.record(rows[0].row()) if rows else None

    def _changed(self) -> None:
        self.session.announce(Changed.FUNDS)

    def _open(self, dialog) -> bool:
        done = bool(dialog.exec())
        dialog.deleteLater()
        if done:
            self._changed()
        return done

    def edit_line(self) -> bool:
        from ui.funds.budget_dialog import BudgetLineDialog

        item = self._selected(self.budget_table, self.budget_model)
        if item is None:
            messages.info(self, "预算", "请先选择一个预算项目。")
            return False
        return writable(self.session) and self._open(BudgetLineDialog(self, self.session.db, self.period_id, item))

    def add_line(self) -> bool:
        from ui.funds.budget_dialog import BudgetLineDialog

        return self._open(BudgetLineDialog(self, self.session.db, self.period_id))

    def reset_line(self) -> None:
        item = self._selected(self.budget_table, self.budget_model)
        if item is not None and item.adjusted:
            budget.reset(self.session.db, self.period_id, item.item)
            self._changed()

    def remove_line(self) -> None:
        item = self._selected(self.budget_table, self.budget_model)
        if item is None:
            return
        if item.computed is not None:
            messages.info(self, "删除项目", f"“{item.item}”按标准计算，不能删除；可调整金额或恢复计算值。")
            return
        if messages.choose(self, "删除项目", f"删除预算项目“{item.item}”（{item.amount:,.2f}元）吗？",
                           ["删除", "取消"], default=1) == 0:
            budget.remove_own_line(self.session.db, item.line_id)
            self._changed()

    def _expense_dialog(self, expense: Expense, before: Expense | None, word: str) -> bool:
        from ui.funds.expense_dialog import ExpenseDialog

        dialog = ExpenseDialog(self, self.session.db, expense)
        if not self._open(dialog):
            return False
        self._push(f"{word}：{dialog.saved.item}{dialog.saved.amount:,.2f}元", dialog.saved.id, before, dialog.saved)
        return True

    def _push(self, text: str, expense_id: int, before: Expense | None, after: Expense | None) -> None:
        """A step on the window's stack: undone only if nobody changed the expense since."""
        def put(expected, target, action):
            try:
                expenses.restore_expense(self.session.db, expense_id, expected, target, action)
            finally:
                self._changed()

        word = text.split("：")[0]
        self.undo_stack.push(Step(text, lambda: put(after, before, f"撤销{word}"),
                                  lambda: put(before, after, f"重做{word}"), self))

    def add_expense(self) -> bool:
        return self._expense_dialog(Expense(self.period_id, "", 0), None, "登记支出")

    def edit_expense(self) -> bool:
        expense = self._selected(self.expense_table, self.expense_model)
        if expense is None:
            messages.info(self, "编辑支出", "请先在支出列表中选择一笔。")
            return False
        return writable(self.session) and self._expense_dialog(replace(expense), expense, "修改支出")

    def _delete_key(self) -> None:
        if writable(self.session):
            self.delete_expense()

    def delete_expense(self) -> None:
        expense = self._selected(self.expense_table, self.expense_model)
        if expense is None:
            messages.info(self, "删除支出", "请先在支出列表中选择一笔。")
            return
        text = f"删除这笔支出吗？\n{expense.day or '（无日期）'} {expense.item} {expense.amount:,.2f}元 {expense.payee}"
        if messages.choose(self, "删除支出", text, ["删除", "取消"], default=1) != 0:
            return
        try:
            expenses.delete_expense(self.session.db, expense.id)
        except UserError as problem:
            messages.error(self, "未能删除", str(problem))
        else:
            self._push(f"删除支出：{expense.item}{expense.amount:,.2f}元", expense.id, expense, None)
        self._changed()
