"""The search box in the top bar (Ctrl+K): people, periods, classes and units by name or pinyin initials,
grouped in a popup list; Enter or a click opens the one chosen (app/services/search.py finds them)."""
from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QListView, QStyle, QStyledItemDelegate

from app.services import search

SEARCH_DELAY_MS = 150
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 3
_DETAIL = QColor("#6b7280")
_GROUP = QColor("#f3f4f6")


class _ResultDelegate(QStyledItemDelegate):
    """A result's name, then its unit, dates or plan in grey; a group's title on a grey band."""

    def paint(self, painter, option, index) -> None:
        detail = index.data(DETAIL_ROLE)
        super().paint(painter, option, index)
        if not detail:
            return
        painter.save()
        name_width = option.fontMetrics.horizontalAdvance(index.data() or "")
        rect = option.rect.adjusted(name_width + option.fontMetrics.horizontalAdvance("汉") * 2, 0, -8, 0)
        selected = option.state & QStyle.StateFlag.State_Selected
        painter.setPen(option.palette.highlightedText().color() if selected else _DETAIL)
        text = option.fontMetrics.elidedText(detail, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, text)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), hint.height() + 8)  # room to aim at with the mouse


class _EnterKey(QObject):
    """Watches the result list for Enter and hands it to the search box."""

    def __init__(self, search: GlobalSearch):
        super().__init__(search)
        self.search = search

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.search.enter_in_list()
            return True
        return False


class GlobalSearch(QLineEdit):
    chosen = Signal(str, int)  # (kind, id): a key of search.KINDS and the record's id

    def __init__(self, db: Callable, parent=None):
        super().__init__(parent)
        self._db = db  # the session's database now: another file may be opened meanwhile
        self.today: Callable[[], date] = date.today
        self.setObjectName("globalSearch")
        self.setPlaceholderText("搜索人员、期次、班次、单位（Ctrl+K）")
        self.setToolTip("输入姓名或名称，也可输入拼音首字母，例如 zs 找到“张三”，jxb2 找到进修班第2期")
        self.setClearButtonEnabled(True)
        # No parent: destroyed as a child of this box, the completer (and the list it deletes) crashed the
        # program about one time in three when the main window went; held here, it goes with this object.
        self.completer = QCompleter()
        self.model = QStandardItemModel(self.completer)
        self.completer.setModel(self.model)
        self.completer.setWidget(self)  # not setCompleter: moving through the list must not rewrite the box
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(20)
        popup = self.completer.popup()
        popup.setUniformItemSizes(True)
        self._delegate = _ResultDelegate(self)  # the box owns it; the list only uses it
        popup.setItemDelegate(self._delegate)
        popup.installEventFilter(_EnterKey(self))  # after the completer's filter, so it sees Enter first
        self.completer.activated[QModelIndex].connect(self._activated)  # a click
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.textEdited.connect(lambda: self._timer.start())

    def sizeHint(self) -> QSize:
        """As wide as its hint: the menu bar places its corner widget by the size hint."""
        return QSize(self.fontMetrics().horizontalAdvance("汉") * 18, super().sizeHint().height())

    @property
    def popup(self) -> QListView:
        return self.completer.popup()

    def run_search(self) -> None:
        """Fills the list with what the text finds and shows it, the first result current."""
        self._timer.stop()
        found = search.find(self._db(), self.text(), today=self.today())
        self.model.clear()
        kind = None
        for result in found:
            if result.kind != kind:
                kind = result.kind
                self.model.appendRow(_group(search.KINDS[kind]))
            self.model.appendRow(_result(result))
        if not self.text().strip():
            self.popup.hide()
            return
        if not found:
            self.model.appendRow(_group("没有找到"))
        self._show_popup()

    def _show_popup(self) -> None:
        width = max(self.width(), self.fontMetrics().horizontalAdvance("汉") * 44)
        rect = QRect(self.width() - width, 0, width, self.height())  # the box sits at the window's right edge
        self.completer.complete(rect)
        first = next((row for row in range(self.model.rowCount()) if self.model.item(row).data(ID_ROLE)), None)
        model = self.completer.completionModel()
        self.popup.setCurrentIndex(model.index(first, 0) if first is not None else QModelIndex())

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Down and not self.popup.isVisible() and self.text().strip():
            self.run_search()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.text().strip():
            self.open_first()  # typed faster than the pause, or the list was closed: the best match
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)

    def enter_in_list(self) -> None:
        """Enter in the list opens the current result (the completer would also hand the key to the box)."""
        index = self.popup.currentIndex()
        self.popup.hide()
        if index.isValid():
            self._activated(index)

    def open_first(self) -> None:
        self.run_search()
        index = self.popup.currentIndex()
        if index.isValid() and index.data(ID_ROLE):
            self.popup.hide()
            self._activated(index)

    def focus(self) -> None:
        """Ctrl+K: into the box with its text selected, the last results shown again."""
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()
        if self.text().strip():
            self.run_search()

    def _activated(self, index: QModelIndex) -> None:
        found_id = index.data(ID_ROLE)
        if found_id:
            self.chosen.emit(index.data(KIND_ROLE), found_id)


def _group(title: str) -> QStandardItem:
    item = QStandardItem(title)
    item.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading: never current, never chosen
    font = QFont()
    font.setBold(True)
    item.setFont(font)
    item.setBackground(_GROUP)
    item.setForeground(_DETAIL)
    return item


def _result(found: search.Found) -> QStandardItem:
    item = QStandardItem(found.title)
    item.setData(found.kind, KIND_ROLE)
    item.setData(found.id, ID_ROLE)
    item.setData(found.detail, DETAIL_ROLE)
    item.setToolTip(f"{found.title}　{found.detail}".strip())
    return item
