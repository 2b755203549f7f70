"""Undo and redo, one QUndoStack per window: steps already made when they are pushed, whose undo and redo
call the services (each a transaction, logged) or put an in-memory form back as it was; the window's
撤销 / 重做 buttons and Ctrl+Z / Ctrl+Y. A step the data no longer allows says why, changes nothing and
leaves the stack, so what remains on it can still be undone.
"""
from __future__ import annotations

from typing import Callable, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QToolButton, QWidget

from app.domain.errors import UserError
from ui.common import messages

UNDO_KEYS = (QKeySequence("Ctrl+Z"),)
REDO_KEYS = (QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z"))
P = TypeVar("P")
V = TypeVar("V")


class Step(QUndoCommand):
    """Pushed after the edit was made and saved, so the first redo (QUndoStack.push calls it) does nothing."""

    def __init__(self, text: str, undo: Callable[[], object], redo: Callable[[], object], widget: QWidget | None = None):
        super().__init__(text)
        self._undo, self._redo, self.widget = undo, redo, widget
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._run(self._redo, "重做")

    def undo(self) -> None:
        self._run(self._undo, "撤销")

    def _run(self, work: Callable[[], object], word: str) -> None:
        try:
            work()
            show_tab_of(self.widget)
        except UserError as problem:
            self.setObsolete(True)  # QUndoStack drops it; the steps under it stay undoable
            messages.error(self.widget, f"无法{word}", f"不能{word}“{self.text()}”：{problem}\n\n"
                                                      f"数据未作改动，这一步已从撤销记录中去掉。")


def show_tab_of(widget: QWidget | None) -> None:
    """Brings forward the tabs the widget stands in, so an undone step is seen where it was made."""
    while widget is not None and (parent := widget.parentWidget()) is not None:
        tabs = parent.parentWidget()
        if isinstance(tabs, QTabWidget) and tabs.indexOf(widget) >= 0:
            tabs.setCurrentWidget(widget)
        widget = parent


def push(stack: QUndoStack | None, text: str, undo: Callable[[], object], redo: Callable[[], object],
         widget: QWidget | None = None) -> None:
    """An edit just made in a form, pushed when the form keeps a stack (a form may be used without one)."""
    if stack is not None:
        stack.push(Step(text, undo, redo, widget))


def inserted(stack: QUndoStack | None, text: str, take: Callable[[P], V], put: Callable[[P, V], object], where: P,
             widget: QWidget | None = None) -> None:
    """A row (period, contact, work point) just put at `where`: undo takes it out as it is by then (typed
    fields included), redo puts that back. The rows of a list edited in memory keep their places while
    the steps above them are undone, so a place is enough to find them."""
    kept: dict[str, V] = {}
    push(stack, text, lambda: kept.update(value=take(where)), lambda: put(where, kept["value"]), widget)


def removed(stack: QUndoStack | None, text: str, take: Callable[[P], V], put: Callable[[P, V], object], where: P,
            value: V, widget: QWidget | None = None) -> None:
    """A row just taken from `where`: undo puts it back there, redo takes it again."""
    kept = {"value": value}
    push(stack, text, lambda: put(where, kept["value"]), lambda: kept.update(value=take(where)), widget)


def install(stack: QUndoStack, host: QWidget,
            context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> tuple[QAction, QAction]:
    """The stack's 撤销 / 重做 actions on the host, with Ctrl+Z and Ctrl+Y (Ctrl+Shift+Z too). Their text
    names the step ("撤销 移出名单：张三"); a focused text field keeps Ctrl+Z for its own typing."""
    undo, redo = stack.createUndoAction(host, "撤销"), stack.createRedoAction(host, "重做")
    for action, keys in ((undo, UNDO_KEYS), (redo, REDO_KEYS)):
        action.setShortcuts(list(keys))
        action.setShortcutContext(context)
        host.addAction(action)
    return undo, redo


class StepButton(QToolButton):
    """撤销 or 重做 with a short label, the step's name and keys in its tooltip. It follows the stack's own
    signals (which carry the state) rather than the action's, which fire while the window is torn down."""

    def __init__(self, stack: QUndoStack, action: QAction, label: str, redo: bool = False):
        super().__init__()
        self.label, self.keys = label, action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.setText(label)
        self.clicked.connect(action.trigger)
        (stack.canRedoChanged if redo else stack.canUndoChanged).connect(self.setEnabled)
        (stack.redoTextChanged if redo else stack.undoTextChanged).connect(self._name)
        self.setEnabled(stack.canRedo() if redo else stack.canUndo())
        self._name(stack.redoText() if redo else stack.undoText())

    def _name(self, step: str) -> None:
        self.setToolTip(f"{self.label} {step}（{self.keys}）" if step else f"没有可{self.label}的操作（{self.keys}）")


def undo_buttons(stack: QUndoStack, host: QWidget, context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut
                 ) -> tuple[QAction, QAction, list[StepButton]]:
    """The stack's actions on the host (install) and 撤销 / 重做 buttons for the host's toolbar."""
    undo, redo = install(stack, host, context)
    return undo, redo, [StepButton(stack, undo, "撤销"), StepButton(stack, redo, "重做", redo=True)]


def undo_corner(tabs: QTabWidget, stack: QUndoStack, host: QWidget,
                context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> tuple[QAction, QAction]:
    """撤销 / 重做 in the corner of a form's tabs, whichever tab is shown."""
    undo, redo, buttons = undo_buttons(stack, host, context)
    corner = QWidget()
    row = QHBoxLayout(corner)
    row.setContentsMargins(0, 0, 0, 2)
    for button in buttons:
        row.addWidget(button)
    tabs.setCornerWidget(corner)
    return undo, redo
