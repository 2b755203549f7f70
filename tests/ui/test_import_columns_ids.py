"""The import wizard's columns page shows each column's first values as examples: ID numbers among them are
masked, as everywhere on screen, whether or not the column was recognised as the ID column."""
from openpyxl import Workbook
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel, QWizard

from app.domain.idcard import mask_id
from tests.roster_files import HEADER, good_rows, write_xlsx
from tests.ui.conftest import type_text
from ui.importing.launch import open_import_wizard
from ui.importing.steps import COLUMNS, FILE

NEXT = QWizard.WizardButton.NextButton


def example_texts(qtbot, window, path) -> str:
    wizard = open_import_wizard(window, window.session)
    type_text(wizard.page(FILE).path, str(path))
    qtbot.mouseClick(wizard.button(NEXT), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == COLUMNS, timeout=10000)
    texts = " ".join(label.text() for label in wizard.page(COLUMNS).scroll.widget().findChildren(QLabel))
    wizard.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return texts


def test_id_numbers_are_masked_among_the_examples(qtbot, window, tmp_path):
    rows = good_rows(3)
    texts = example_texts(qtbot, window, write_xlsx(tmp_path / "名单.xlsx", rows))
    numbers = [row[HEADER.index("公民身份号码")] for row in rows]
    assert "公民身份号码" in texts and "赵明伟" in texts  # the examples are there
    assert not any(number in texts for number in numbers)
    assert mask_id(numbers[0]) in texts


def test_a_column_not_taken_for_id_numbers_is_masked_by_what_it_holds(qtbot, window, tmp_path):
    book = Workbook()
    book.active.append([name if name != "公民身份号码" else "证件" for name in HEADER])
    rows = good_rows(2)
    for row in rows:
        book.active.append(row)
    book.save(tmp_path / "名单.xlsx")
    texts = example_texts(qtbot, window, tmp_path / "名单.xlsx")
    number = rows[0][HEADER.index("公民身份号码")]
    assert "证件" in texts and number not in texts and mask_id(number) in texts
    assert rows[0][HEADER.index("手机号码")] in texts  # a phone number is no ID number: shown as it is
