"""The clerk's day, end to end and counted: from the 期次 page, a unit's Excel list into a period and its
enrollment letters saved as a PDF, every step a click or key the clerk makes (issue 16: 24 clicks before)."""
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWizard

from app.services import roster as roster_service
from tests.roster_files import good_rows, write_xlsx
from tests.ui.test_documents_page import previewed
from tests.ui.test_main_window import click_nav
from tests.ui.test_roster_entry_points import when_menu_opens
from ui.documents.print_dialog import PrintDialog
from ui.importing.steps import COLUMNS, FILE, FINISH, PREVIEW
from ui.roster.roster_window import RosterWindow

CLICKS_BEFORE = 24  # measured by the walk that filed issue 16


class Clerk:
    """Clicks as the clerk does, counting every click (a double-click and a chosen file count one each)."""

    def __init__(self, qtbot):
        self.qtbot, self.clicks = qtbot, 0

    def click(self, widget, pos=None) -> None:
        self.clicks += 1
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos) if pos else \
            self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def choose_file(self, monkeypatch, method: str, answer: str) -> None:
        """The next file dialog answers this path: one click (a double-click on the file, or 打开 / 保存)."""
        def answered(*args, **kwargs):
            self.clicks += 1
            return answer, ""
        monkeypatch.setattr(QFileDialog, method, answered)


def test_a_units_list_to_printed_letters_from_the_periods_page(qtbot, window, tmp_path, monkeypatch):
    clerk = Clerk(qtbot)
    db = window.session.db
    clerk.clicks += 1  # 期次 in the navigation
    page = click_nav(qtbot, window, "期次")
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 3).data() == "报名")
    clerk.click(page.table.viewport(), page.table.visualRect(page.proxy.index(row, 0)).center())
    period_id = page.selected_record().id
    before = len(roster_service.roster(db, period_id))
    clerk.click(page.open_button)
    roster = next(r for r in window.findChildren(RosterWindow) if r.isVisible())
    assert roster.period_id == period_id

    list_file = write_xlsx(tmp_path / "县委办 报送 名单.xlsx", good_rows(5))
    import_button = next(b for b in roster.write_buttons if b.text() == "导入名单…")
    clerk.click(import_button)
    wizard = next(w for w in roster.findChildren(QWizard) if w.isVisible())
    file_page = wizard.page(FILE)
    assert file_page.into_period.isChecked() and file_page.period.current_id() == period_id
    clerk.choose_file(monkeypatch, "getOpenFileName", str(list_file))
    clerk.click(next(b for b in file_page.findChildren(type(import_button)) if b.text() == "选择文件…"))
    for button, page_id in ((QWizard.WizardButton.NextButton, COLUMNS), (QWizard.WizardButton.NextButton, PREVIEW),
                            (QWizard.WizardButton.CommitButton, FINISH)):
        clerk.click(wizard.button(button))
        qtbot.waitUntil(lambda page_id=page_id: wizard.currentId() == page_id, timeout=15000)
    assert len(roster_service.roster(db, period_id)) == before + 5
    clerk.click(wizard.page(FINISH).roster_button)  # 打开名单: back to the roster, refreshed
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert roster.isVisible() and roster.model.rowCount() == before + 5

    when_menu_opens(qtbot, lambda menu: next(a for a in menu.actions() if a.text() == "入学通知书…"))
    clerk.clicks += 1  # the item in the menu
    clerk.click(roster.printing)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PrintDialog), timeout=5000)
    dialog = previewed(qtbot, QApplication.activeModalWidget())
    saved = tmp_path / "入学 通知书.pdf"
    clerk.choose_file(monkeypatch, "getSaveFileName", str(saved))
    clerk.click(dialog.save_button)
    assert saved.exists() and dialog.preview.page_count() == before + 5
    dialog.close()
    roster.close()
    assert clerk.clicks == 14 < CLICKS_BEFORE  # nav, row, 打开名单, 导入, 选择文件, file, 下一步 ×2, 导入,
    # 打开名单, 打印, 入学通知书, 保存PDF, file name
