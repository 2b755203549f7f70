"""The import wizard: file and target -> columns -> unknown units -> preview -> import -> receipt.

Reading, checking and committing are operations (ui.shell.ops.run_op: progress, cancel, a connection from
the session, read-only when the session is); committing announces what it changed. The pages share what
they learn through the wizard's attributes.
"""
from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWizard

from app.domain.errors import UserError
from app.services.importing.columns import Layout
from app.services.importing.commit import ImportResult
from app.services.importing.pipeline import analyse
from app.services.importing.plan import ImportOptions, ImportPlan
from app.services.importing.reader import Sheet
from app.services.importing.receipt import export_receipt, write_receipt
from ui.common import messages
from ui.common.files import XLSX_FILTER, ask_save_file
from ui.common.windows import remember_window
from ui.importing.columns_page import ColumnsPage
from ui.importing.file_page import FilePage
from ui.importing.preview_page import FinishPage, PreviewPage
from ui.importing.steps import COLUMNS, FILE, FINISH, PREVIEW, UNITS
from ui.importing.unit_choice_page import UnitChoicePage
from ui.shell.changes import NOTHING, Changed
from ui.shell.ops import run_op
from ui.shell.session import Session
from ui.shell.shortcuts import help_key


class ImportWizard(QWizard):
    def __init__(self, parent, session: Session, period_id: int | None = None, today: date | None = None):
        super().__init__(parent)
        self.session = session
        self.today = today or date.today()  # which periods are still to begin (tests fix it)
        self.path: Path | None = None
        self.sheets: list[Sheet] = []
        self.sheet: Sheet | None = None
        self.layout_: Layout | None = None
        self.options = ImportOptions(period_id=period_id)
        self.unknown: dict[str, int] = {}
        self.plan: ImportPlan | None = None
        self.result: ImportResult | None = None
        self.plan_ready = False  # the plan matches the choices made on the pages before the preview
        self.task = None
        self.busy = False
        self.setWindowTitle("导入学员名单")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        for button, text in ((QWizard.WizardButton.BackButton, "上一步"), (QWizard.WizardButton.NextButton, "下一步"),
                             (QWizard.WizardButton.CommitButton, "导入"), (QWizard.WizardButton.FinishButton, "完成"),
                             (QWizard.WizardButton.CancelButton, "取消")):
            self.setButtonText(button, text)
        self.setPage(FILE, FilePage(self))
        self.setPage(COLUMNS, ColumnsPage(self))
        self.setPage(UNITS, UnitChoicePage(self))
        self.setPage(PREVIEW, PreviewPage(self))
        self.setPage(FINISH, FinishPage(self))
        self._headings_in_pages()
        self.setWindowModality(Qt.WindowModality.WindowModal)
        # Deleted when closed, never later with its parent: Qt leaves a dangling style-sheet entry when a
        # QWizard is destroyed together with the window that owns it.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        remember_window(self, "import", 1100, 700)
        help_key(self, "import")

    def _headings_in_pages(self) -> None:
        """Each page's title and subtitle as one line at the top of the page, instead of QWizard's title and
        header band: those take four lines of height, and on a 1366×768 screen at 150% they are rows of
        the preview's table."""
        self.setOption(QWizard.WizardOption.IgnoreSubTitles)
        for page_id in self.pageIds():
            page = self.page(page_id)
            heading = QLabel(f"<b>{escape(page.title())}</b>　{escape(page.subTitle())}", wordWrap=True)
            heading.setObjectName("wizardHeading")
            page.setTitle("")
            page.layout().insertWidget(0, heading)

    def db(self):
        return self.session.db

    def run(self, label: str, work, on_done, on_error=None, changed: Changed = NOTHING) -> None:
        """Runs work(db, progress) off the UI thread on its own connection, then on_done(result).

        A second click while work is running does nothing: one import at a time."""
        if self.busy:
            return
        self.busy = True
        self.task = run_op(self, self.session, work, changed=changed, label=label, on_done=on_done,
                           on_error=on_error)
        self.task.done.connect(lambda: setattr(self, "busy", False))

    def check_rows(self, on_done) -> None:
        """Builds the plan (every row checked) for the chosen sheet, columns, units and mode."""
        name, sheet, layout, options = self.path.name, self.sheet, self.layout_, self.options

        def work(db, progress):
            return analyse(db, name, sheet, layout, options, progress)

        def done(plan):
            self.plan = plan
            on_done()
        self.run("正在检查每一行…", work, done)

    def check_then_next(self) -> bool:
        """For a page's validatePage: True when the plan is ready, else checks the rows and moves on after."""
        if self.plan_ready:
            return True

        def done():
            self.plan_ready = True
            self.next()
        self.check_rows(done)
        return False

    def save_receipt(self) -> None:
        if self.plan is None:
            return
        # beside the unit's list by default: the receipt goes back to the unit that sent it
        path = ask_save_file(self, "保存回执", f"{self.path.stem}-导入回执.xlsx", XLSX_FILTER, self.path.parent)
        if path is None:
            return
        try:
            if self.session.read_only:  # the audit log cannot be written; the receipt masks ID numbers
                saved = write_receipt(self.plan, self.result, path)
            else:
                saved = export_receipt(self.session.db, self.plan, self.result, path)
        except UserError as problem:
            messages.error(self, "未能保存回执", str(problem))
            return
        messages.info(self, "保存回执", f"回执已保存：\n{saved}\n\n可以把它发回报送单位，请其按“问题说明”修改后重新报送。")
