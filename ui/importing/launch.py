"""Opening the import wizard from a page or the roster window."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.importing.wizard import ImportWizard
from ui.shell.session import Session


def open_import_wizard(parent: QWidget, session: Session, period_id: int | None = None) -> ImportWizard:
    wizard = ImportWizard(parent, session, period_id)
    wizard.open()
    return wizard
