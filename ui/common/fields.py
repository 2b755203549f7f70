"""Widgets bound to a record's fields by name: load a record, read it back, and show the error or the
rule warnings for each field right under it, as the user types."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

ERROR_COLOR = "#b3261e"
WARNING_COLOR = "#a16207"
NO_DATE = QDate(1900, 1, 1)  # a QDateEdit at this value shows "未填" and reads as ""


def message_html(error: str | None, warnings: list[str]) -> str:
    lines = [f'<span style="color:{ERROR_COLOR}">✖ {error}</span>'] if error else []
    lines += [f'<span style="color:{WARNING_COLOR}">⚠ {text}</span>' for text in warnings]
    return "<br>".join(lines)


class FieldBox(QWidget):
    """A field's widget with its message line under it (hidden while there is nothing to say)."""

    def __init__(self, widget: QWidget, parent=None):
        super().__init__(parent)
        self.widget = widget
        self.message = QLabel(objectName="fieldMessage", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self.message)

    def show_message(self, error: str | None, warnings: list[str] = ()) -> None:
        html = message_html(error, list(warnings))
        self.message.setText(html)
        self.message.setVisible(bool(html))


def _narrow(widget: QWidget) -> QWidget:
    """Numbers need no full row: a wide spin box reads badly."""
    widget.setMaximumWidth(widget.fontMetrics().horizontalAdvance("汉") * 10)
    return widget


@dataclass
class Binding:
    box: FieldBox
    get: Callable[[], Any]
    set: Callable[[Any], None]


class Fields:
    """The bound fields of one form; `changed` is called whenever the user changes any of them."""

    def __init__(self, changed: Callable[[], None]):
        self.changed = changed
        self.bindings: dict[str, Binding] = {}
        self._loading = False

    def _bind(self, name: str, widget: QWidget, get, set_, signal) -> FieldBox:
        box = FieldBox(widget)
        widget.setObjectName(name)
        self.bindings[name] = Binding(box, get, set_)
        signal.connect(self._on_change)
        return box

    def _on_change(self, *_) -> None:
        if not self._loading:
            self.changed()

    def widget(self, name: str) -> QWidget:
        return self.bindings[name].box.widget

    def line(self, name: str, placeholder: str = "") -> FieldBox:
        edit = QLineEdit(placeholderText=placeholder)
        return self._bind(name, edit, lambda: edit.text().strip(), lambda v: edit.setText(str(v or "")),
                          edit.textEdited)

    def text(self, name: str, lines: int = 3) -> FieldBox:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * min(lines, 2) + 12)
        edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * lines + 14)
        return self._bind(name, edit, lambda: edit.toPlainText().strip(), lambda v: edit.setPlainText(v or ""),
                          edit.textChanged)

    def number(self, name: str, maximum: int, suffix: str = "") -> FieldBox:
        spin = _narrow(QSpinBox(maximum=maximum, suffix=suffix))
        return self._bind(name, spin, spin.value, lambda v: spin.setValue(int(v or 0)), spin.valueChanged)

    def real(self, name: str, maximum: float, suffix: str = "", decimals: int = 1) -> FieldBox:
        spin = _narrow(QDoubleSpinBox(maximum=maximum, suffix=suffix, decimals=decimals))
        return self._bind(name, spin, spin.value, lambda v: spin.setValue(float(v or 0)), spin.valueChanged)

    def check(self, name: str, text: str) -> FieldBox:
        box = QCheckBox(text)
        return self._bind(name, box, box.isChecked, lambda v: box.setChecked(bool(v)), box.toggled)

    def choice(self, name: str, items: list[tuple[str, Any]]) -> FieldBox:
        """A drop-down of (label, value) pairs; set_items() changes them later."""
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        self._fill(combo, items)
        return self._bind(name, combo, combo.currentData, lambda v: combo.setCurrentIndex(max(0, combo.findData(v))),
                          combo.currentIndexChanged)

    def set_items(self, name: str, items: list[tuple[str, Any]]) -> None:
        combo = self.widget(name)
        value = combo.currentData()
        self._loading = True
        try:
            self._fill(combo, items)
            combo.setCurrentIndex(max(0, combo.findData(value)))
        finally:
            self._loading = False

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, Any]]) -> None:
        combo.clear()
        for label, value in items:
            combo.addItem(label, value)
            combo.setItemData(combo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)

    def date(self, name: str, optional: bool = False) -> FieldBox:
        edit = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        if optional:
            edit.setMinimumDate(NO_DATE)
            edit.setSpecialValueText("未填")

        def get() -> str:
            value = edit.date()
            return "" if optional and value == NO_DATE else value.toString("yyyy-MM-dd")

        def set_(value: str) -> None:
            edit.setDate(QDate.fromString(value, "yyyy-MM-dd") if value else (NO_DATE if optional else QDate.currentDate()))

        return self._bind(name, edit, get, set_, edit.dateChanged)

    def custom(self, name: str, widget: QWidget, get, set_, signal) -> FieldBox:
        """A widget of the form's own making, bound by its getter, setter and change signal."""
        return self._bind(name, widget, get, set_, signal)

    def load(self, record: Any) -> None:
        self._loading = True
        try:
            for name, binding in self.bindings.items():
                binding.set(getattr(record, name))
        finally:
            self._loading = False

    def read(self, record: Any) -> Any:
        return replace(record, **{name: binding.get() for name, binding in self.bindings.items()})

    def show(self, errors: dict[str, str], warnings: dict[str, list[str]] | None = None) -> None:
        warnings = warnings or {}
        for name, binding in self.bindings.items():
            binding.box.show_message(errors.get(name), warnings.get(name, []))

    def set_enabled(self, enabled: bool) -> None:
        for binding in self.bindings.values():
            binding.box.widget.setEnabled(enabled)
