"""Message boxes with Chinese buttons; tests patch `choose` to answer them."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def choose(parent: QWidget | None, title: str, text: str, buttons: list[str], default: int = 0) -> int:
    """Asks a question with the given buttons; returns the index of the one clicked (-1 when closed)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    made = [box.addButton(label, QMessageBox.ButtonRole.AcceptRole) for label in buttons]
    box.setDefaultButton(made[default])
    box.exec()
    clicked = box.clickedButton()
    return made.index(clicked) if clicked in made else -1


def error(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    box.addButton("确定", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def info(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    box.addButton("确定", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
