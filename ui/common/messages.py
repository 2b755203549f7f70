"""Message boxes with Chinese buttons; tests patch `choose` to answer them.

A long explanation (such as quick_check's hundred lines about a damaged file) goes in `details`: the box
shows its short text and buttons, and the details only behind 显示详细信息, so it fits a small screen.
"""
from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget


def question_box(parent: QWidget | None, title: str, text: str, buttons: list[str], default: int = 0, *,
                 icon: QMessageBox.Icon = QMessageBox.Icon.Question, details: str = "") -> QMessageBox:
    box = QMessageBox(icon, title, text, parent=parent)
    box.choices = [box.addButton(label, QMessageBox.ButtonRole.AcceptRole) for label in buttons]
    box.setDefaultButton(box.choices[default])
    if details:
        box.setDetailedText(details)
    return box


def choose(parent: QWidget | None, title: str, text: str, buttons: list[str], default: int = 0, *,
           details: str = "") -> int:
    """Asks a question with the given buttons; returns the index of the one clicked (-1 when closed)."""
    box = question_box(parent, title, text, buttons, default, details=details)
    box.exec()
    clicked = box.clickedButton()
    return box.choices.index(clicked) if clicked in box.choices else -1


def error(parent: QWidget | None, title: str, text: str, *, details: str = "") -> None:
    question_box(parent, title, text, ["确定"], icon=QMessageBox.Icon.Warning, details=details).exec()


def info(parent: QWidget | None, title: str, text: str) -> None:
    question_box(parent, title, text, ["确定"], icon=QMessageBox.Icon.Information).exec()


def ask_password(parent: QWidget | None, title: str, text: str) -> str | None:
    """A password typed into a box that hides it; None when the user cancels."""
    value, accepted = QInputDialog.getText(parent, title, text, QLineEdit.EchoMode.Password)
    return value if accepted else None
