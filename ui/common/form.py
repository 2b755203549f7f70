"""Pieces of forms built in code: choice boxes over the office's word lists, and a message under each
field that the form fills as the user types: red for what stops saving, amber for a hint that does not."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.errors import RecordDeleted, StaleRecord, ValidationError
from ui.common import stale

ERROR_STYLE = "color: #b3261e;"
HINT_STYLE = "color: #92400e;"
NONE_TEXT = "（未填）"
NONSTANDARD = "（非标准名称）"


def choice_box(words, *, empty: bool = True) -> QComboBox:
    """A combo box of words; with empty, a first entry meaning "not given" (its data is "")."""
    box = QComboBox()
    if empty:
        box.addItem(NONE_TEXT, "")
    for word in words:
        box.addItem(word, word)
    box.setMaxVisibleItems(16)
    return box


def select_data(box: QComboBox, value) -> None:
    """Shows the entry whose data is value (the empty entry when there is none)."""
    index = box.findData(value)
    box.setCurrentIndex(max(index, 0))


def select_word(box: QComboBox, word: str) -> None:
    """Shows the entry of a stored word; a word not among the standard ones (kept as a unit wrote it) gets an
    entry of its own, so opening and saving a record never loses or refuses it."""
    if word and box.findData(word) < 0:
        box.addItem(word + NONSTANDARD, word)
    select_data(box, word)


class FieldErrors:
    """A red line under each field of a form, shown only while that field has a problem."""

    def __init__(self):
        self.labels: dict[str, QLabel] = {}

    def add_row(self, form: QFormLayout, label: str, widget: QWidget, key: str) -> None:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        message = QLabel(wordWrap=True)
        message.setStyleSheet(ERROR_STYLE)
        message.setObjectName(f"error_{key}")
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        message.hide()
        column.addWidget(message)
        self.labels[key] = message
        form.addRow(label, holder)

    def show(self, errors: dict[str, str], hints: dict[str, str] | None = None) -> None:
        """Each field's error in red, else its hint (which does not stop saving) in amber."""
        hints = hints or {}
        for key, label in self.labels.items():
            text = errors.get(key) or hints.get(key, "")
            label.setText(text)
            label.setStyleSheet(ERROR_STYLE if key in errors else HINT_STYLE)
            label.setVisible(bool(text))

    def text(self, key: str) -> str:
        label = self.labels.get(key)
        return label.text() if label is not None and label.isVisibleTo(label.parentWidget()) else ""


def save_or_show(dialog, errors: FieldErrors, save_button, save, reload=None):
    """Runs save(); a ValidationError (what only the database knows, like a name already taken) is shown
    under its fields and the dialog stays open. A record someone else saved since the dialog loaded it is
    refused with the offer to reload (ui.common.stale; `reload`, else the dialog's reload_record). Returns
    what save returned, or None."""
    try:
        saved = save()
    except ValidationError as error:
        errors.show(error.errors)
        save_button.setEnabled(False)
        return None
    except (StaleRecord, RecordDeleted) as problem:
        stale.refused(dialog, problem, reload or getattr(dialog, "reload_record", None))
        return None
    dialog.accept()
    return saved


def save_cancel(dialog, save_text: str = "保存") -> tuple[QDialogButtonBox, QPushButton]:
    """保存 (or save_text, e.g. 登记) and 取消 for a form dialog: the first calls dialog.save(), 取消 rejects."""
    buttons = QDialogButtonBox()
    save_button = buttons.addButton(save_text, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(dialog.save)
    buttons.rejected.connect(dialog.reject)
    return buttons, save_button
