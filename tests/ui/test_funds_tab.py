"""The 经费 tab of a period's window and the 登记收费 of the roster, through the user's paths: spending typed,
edited and deleted (asked first), a bad amount refused before saving, a budget line adjusted and put back, an
expense sheet imported, fees recorded for chosen trainees and for a whole unit, the settlement printed and
exported, and the year's funds from the 统计 page; the database read back after every step."""
import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from app.services.funds import budget
from app.storage import tables
from tests import funds_files
from tests.documents.conftest import period_id
from tests.ui.helpers import select_rows, when_dialog_opens
from ui.documents.print_dialog import PrintDialog
from ui.funds import expense_import_dialog
from ui.funds.fee_dialog import FeeDialog
from ui.roster.period_actions import open_period
from ui.shell.changes import Changed

OVER = "县管副职领导干部进修班"  # the demo's period over the standard
CHARGING = "加强党的政治建设专题培训班"  # a class that charges 1,500 元


def spent(db, period) -> list[tuple]:
    return [(e.item, e.amount, e.day, e.payee) for e in tables.expenses(db).where("period_id = ?", [period])]


@pytest.fixture
def tab(qtbot, window):
    period = period_id(window.session.db, OVER, 1)
    shown = open_period(window, window.session, period)
    shown.tabs.setCurrentWidget(shown.funds_tab)
    yield shown.funds_tab
    shown.close()


def test_the_tab_shows_the_budget_the_spending_and_the_warning(tab):
    assert tab.banner.isVisible() and "超过三类标准550元" in tab.banner.text()
    assert [tab.budget_model.record(r).item for r in range(tab.budget_model.rowCount())] == ["综合定额", "师资费"]
    assert tab.budget_model.index(0, 1).data() == "396,000.00"  # 24 people × 30 days × 550
    assert tab.expense_model.rowCount() == 7
    assert "实际支出 441,338.00元" in tab.totals.text()


def test_spending_is_added_edited_and_deleted_through_the_window(qtbot, tab, answers):
    db, period = tab.session.db, tab.period_id
    before = spent(db, period)

    def fill(dialog):
        dialog.item.setCurrentText("会务费")
        dialog.amount.setText("一千")
        assert not dialog.save_button.isEnabled() and "不是数字" in dialog.errors.text()
        dialog.amount.setText("1,000")
        dialog.day.setText("2020-03-10")
        dialog.payee.setText("县宾馆")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(fill)
    qtbot.mouseClick(tab.add_expense_button, Qt.MouseButton.LeftButton)
    assert spent(db, period) == before + [("会务费", 1000, "2020-03-10", "县宾馆")]
    assert tab.expense_model.rowCount() == 8

    row = next(r for r in range(tab.expense_model.rowCount()) if tab.expense_model.record(r).item == "会务费")
    select_rows(tab.expense_table, [row])
    when_dialog_opens(lambda dialog: (dialog.amount.setText("1500"), dialog.save()))
    qtbot.mouseClick(tab.edit_expense_button, Qt.MouseButton.LeftButton)
    assert spent(db, period)[-1] == ("会务费", 1500, "2020-03-10", "县宾馆")

    row = next(r for r in range(tab.expense_model.rowCount()) if tab.expense_model.record(r).item == "会务费")
    select_rows(tab.expense_table, [row])
    answers["replies"] = [1]  # 取消
    qtbot.mouseClick(tab.delete_expense_button, Qt.MouseButton.LeftButton)
    assert "删除这笔支出吗" in answers["asked"][0][1] and len(spent(db, period)) == 8
    qtbot.mouseClick(tab.delete_expense_button, Qt.MouseButton.LeftButton)
    assert spent(db, period) == before


def test_a_cancelled_or_refused_expense_leaves_the_data_as_it_was(qtbot, tab, answers):
    db, period = tab.session.db, tab.period_id
    before = spent(db, period)

    def refuse(dialog):
        dialog.amount.setText("100")
        dialog.day.setText("2020-02-30")
        assert not dialog.save_button.isEnabled() and "日期" in dialog.errors.text()
        dialog.save()  # the service refuses it too (Enter pressed anyway)
        assert "日期“2020-02-30”无效" in answers["errors"][-1][1]
        dialog.reject()

    when_dialog_opens(refuse)
    qtbot.mouseClick(tab.add_expense_button, Qt.MouseButton.LeftButton)
    assert spent(db, period) == before


def test_a_budget_line_is_adjusted_shown_beside_its_computed_figure_and_put_back(qtbot, tab):
    db, period = tab.session.db, tab.period_id
    select_rows(tab.budget_table, [0])
    when_dialog_opens(lambda dialog: (dialog.amount.setText("380000"), dialog.text.setText("财政批复"), dialog.save()))
    qtbot.mouseClick(tab.adjust_button, Qt.MouseButton.LeftButton)
    item = budget.period_budget(db, period).items[0]
    assert (item.computed, item.amount, item.notes) == (396000, 380000, "财政批复")
    assert [tab.budget_model.index(0, c).data() for c in (1, 2, 4)] == ["396,000.00", "380,000.00", "财政批复"]
    select_rows(tab.budget_table, [0])
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    assert budget.period_budget(db, period).items[0].amount == 396000


def test_an_expense_sheet_is_imported_with_its_bad_rows_left_out(qtbot, tab, answers, monkeypatch, tmp_path):
    db, period = tab.session.db, tab.period_id
    path = funds_files.write_xlsx(tmp_path / "结算单.xlsx", funds_files.good_rows() + funds_files.bad_rows(), total=False)
    monkeypatch.setattr(expense_import_dialog, "ask_file", lambda parent: path)
    before = len(spent(db, period))
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), expense_import_dialog.ExpenseImportDialog),
                    timeout=10000)
    dialog = QApplication.activeModalWidget()
    assert dialog.model.rowCount() == 6 and "未通过3行" in dialog.summary.text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(answers["infos"]), timeout=10000)
    assert "导入3笔" in answers["infos"][0][1]
    assert len(spent(db, period)) == before + 3 and tab.expense_model.rowCount() == before + 3


def test_print_and_export_the_settlement(qtbot, tab, monkeypatch, tmp_path, answers):
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, PrintDialog) and dialog.windowTitle() == "打印 — 经费结算表"
    qtbot.waitUntil(lambda: dialog.shown is not None, timeout=20000)
    dialog.reject()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "结算 导出"), ""))
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    book = load_workbook(tmp_path / "结算 导出.xlsx")
    assert book["预算执行"]["A1"].value == f"{OVER}第1期经费结算表"


def fees(db, period) -> dict[int, tuple]:
    return {e.id: (e.fee_paid, e.fee_paid_on) for e in tables.enrollments(db).where("period_id = ?", [period])}


def test_fees_are_recorded_for_chosen_trainees_and_for_a_whole_unit(qtbot, window, answers):
    db = window.session.db
    period = period_id(db, CHARGING, 2)  # not begun on the demo's day: nobody has paid
    roster = open_period(window, window.session, period)
    before = fees(db, period)
    assert not any(paid for paid, _ in before.values())
    select_rows(roster.table, [0, 1])
    chosen = [roster.model.record(r).enrollment_id for r in (0, 1)]

    def pay(dialog):
        assert isinstance(dialog, FeeDialog) and dialog.chosen.isChecked() and dialog.amount.text() == "1500"
        dialog.day.setText("2020-10-19")
        dialog.save()

    when_dialog_opens(pay)
    roster.record_fees()
    after = fees(db, period)
    assert [after[e] for e in chosen] == [(1500, "2020-10-19")] * 2
    assert sum(1 for paid, _ in after.values() if paid) == 2
    assert roster.model.index(0, len(roster.model.columns) - 1).data() == "1500"

    unit = roster.model.record(5).unit_id
    of_unit = [e.id for e in tables.enrollments(db).where("period_id = ? AND unit_id = ?", [period, unit])]

    def whole_unit(dialog):
        dialog.whole_unit.setChecked(True)
        dialog.unit.setCurrentIndex(dialog.unit.findData(unit))
        dialog.amount.setText("一千五")
        dialog.save()  # refused: the amount is not a number
        assert answers["errors"] and "金额" in answers["errors"][-1][1]
        dialog.amount.setText("1500")
        dialog.day.setText("2020-10-20")
        dialog.save()

    select_rows(roster.table, [])
    when_dialog_opens(whole_unit)
    qtbot.mouseClick(roster.funds_tab.fees_button, Qt.MouseButton.LeftButton)
    after = fees(db, period)
    assert all(after[e] == (1500, "2020-10-20") for e in of_unit if e not in chosen)
    assert "已收" in roster.funds_tab.totals.text()
    roster.close()


def test_the_year_dialog_keeps_organiser_kinds_apart(qtbot, window):
    from ui.funds.year_dialog import FundsYearDialog

    dialog = FundsYearDialog(window.session, window, 2020)
    qtbot.addWidget(dialog)
    rows = [dialog.models["classes"].record(r).label for r in range(dialog.models["classes"].rowCount())]
    assert rows[-1] == "2020年合计" and "本级举办小计" in rows
    assert dialog.tabs.tabText(2) == "提示（2）"


def test_the_fund_settings_change_the_computed_budget(qtbot, tab):
    from ui.funds.fund_settings import FundSettingsDialog

    dialog = FundSettingsDialog(tab.session.db, tab)
    qtbot.addWidget(dialog)
    dialog.rates["三类"].setValue(500)
    dialog.later_share.setValue(80)
    dialog.save()
    tab.session.announce(Changed.SETTINGS)  # as fund_actions.edit_fund_rules does after saving
    assert budget.period_budget(tab.session.db, tab.period_id).items[0].computed == 24 * 30 * 500
    assert tab.budget_model.index(0, 1).data() == "360,000.00"


def test_spending_steps_are_undone_and_redone_on_the_windows_stack(qtbot, tab, answers):
    db, period = tab.session.db, tab.period_id
    before = spent(db, period)
    stack = tab.window().undo_stack
    when_dialog_opens(lambda dialog: (dialog.amount.setText("800"), dialog.day.setText("2020-03-12"), dialog.save()))
    qtbot.mouseClick(tab.add_expense_button, Qt.MouseButton.LeftButton)
    assert stack.undoText() == "登记支出：住宿费800.00元" and len(spent(db, period)) == len(before) + 1
    stack.undo()
    assert spent(db, period) == before
    stack.redo()
    assert spent(db, period)[-1] == ("住宿费", 800, "2020-03-12", "")
    select_rows(tab.expense_table, [0])
    first = tab.expense_model.record(0)
    qtbot.mouseClick(tab.delete_expense_button, Qt.MouseButton.LeftButton)
    assert first.id not in [e.id for e in tables.expenses(db).all()]
    stack.undo()
    assert tables.expenses(db).get(first.id) == first  # back with its id
    stack.undo()  # the added one
    assert sorted(spent(db, period)) == sorted(before)
