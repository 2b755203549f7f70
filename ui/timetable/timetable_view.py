"""The timetable grid: each cell's sessions drawn as stacked blocks (when, form and 学时; the topic; who and
where), the one clicked is the current session; a lecturer booked elsewhere at the same time is outlined in
red. Double-click a block to edit it, an empty place to add; drag a block to another half-day to move it,
with Ctrl to copy it."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QFont, QPainter, QPen
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QStyle, QStyledItemDelegate, QTableView

from app.domain.teaching_records import Session, SessionRow
from ui.timetable import clipboard
from ui.timetable.timetable_model import CONFLICTS_ROLE, SESSIONS_ROLE, session_lines

LINES = 3
PAD = 3
FILLS = {"party": QColor("#fdecea"), "leader": QColor("#e8f0fe"), "plain": QColor("#f3f4f6")}
CONFLICT = QColor("#c62828")


def block_height(view) -> int:
    return LINES * view.fontMetrics().lineSpacing() + 2 * PAD + 2


class SessionDelegate(QStyledItemDelegate):
    def __init__(self, view: TimetableView):
        super().__init__(view)
        self.view = view

    def sizeHint(self, option, index: QModelIndex) -> QSize:
        count = max(1, len(index.data(SESSIONS_ROLE) or []))
        return QSize(self.view.fontMetrics().horizontalAdvance("汉") * 16, count * block_height(self.view) + 8)

    def paint(self, painter: QPainter, option, index: QModelIndex) -> None:
        painter.save()
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.fillRect(option.rect, QColor("#f0f6ff"))
        conflicts = index.data(CONFLICTS_ROLE) or {}
        for number, session in enumerate(index.data(SESSIONS_ROLE) or []):
            self._block(painter, option, self.view.block_rect(option.rect, number), session, session.id in conflicts)
        painter.restore()

    def _block(self, painter: QPainter, option, rect: QRect, s: SessionRow, clash: bool) -> None:
        kind = "party" if s.is_party_spirit else "leader" if s.is_leader_lecture else "plain"
        painter.fillRect(rect, FILLS[kind])
        current = s.id == self.view.current_session_id
        color = CONFLICT if clash else QColor("#1a73e8") if current else QColor("#c7cbd1")
        painter.setPen(QPen(color, 2 if clash or current else 1))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        line = self.view.fontMetrics().lineSpacing()
        text = rect.adjusted(PAD + 2, PAD, -PAD, -PAD)
        first, topic, who = session_lines(s)
        if clash:
            first = "⚠ 冲突　" + first
        for number, words in enumerate((first, topic, who)):
            font = QFont(self.view.font())
            font.setBold(number == 1)
            painter.setFont(font)
            painter.setPen(CONFLICT if clash and number == 0 else option.palette.text().color())
            shown = painter.fontMetrics().elidedText(words, Qt.TextElideMode.ElideRight, text.width())
            painter.drawText(QRect(text.left(), text.top() + number * line, text.width(), line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)


class TimetableView(QTableView):
    add_requested = Signal(str, str)  # day, half
    edit_requested = Signal(int)  # session id
    dropped = Signal(object, str, str, bool)  # Session, day, half, copy
    current_changed = Signal()

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.current_session_id: int | None = None
        self.editable = True
        self._press: tuple[QPoint, SessionRow] | None = None
        self.setModel(model)
        self.setItemDelegate(SessionDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setWordWrap(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        model.modelReset.connect(self._after_reset)

    def block_rect(self, cell: QRect, number: int) -> QRect:
        height = block_height(self)
        return QRect(cell.left() + 3, cell.top() + 3 + number * height, cell.width() - 6, height - 2)

    def session_at(self, pos: QPoint) -> tuple[QModelIndex, SessionRow | None]:
        index = self.indexAt(pos)
        cell = self.visualRect(index)
        for number, session in enumerate(self.model().sessions(index)):
            if self.block_rect(cell, number).contains(pos):
                return index, session
        return index, None

    def current_session(self) -> SessionRow | None:
        for session in self.model().sessions(self.currentIndex()):
            if session.id == self.current_session_id:
                return session
        return None

    def select_session(self, session_id: int | None) -> None:
        """Makes the session (its cell) current, as a click on it does."""
        index = self.model().find(session_id) if session_id is not None else QModelIndex()
        if index.isValid():
            self.setCurrentIndex(index)
        self.current_session_id = session_id if index.isValid() else None
        self.viewport().update()
        self.current_changed.emit()

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:
        super().currentChanged(current, previous)
        ids = [s.id for s in self.model().sessions(current)]
        if self.current_session_id not in ids:
            self.current_session_id = ids[0] if ids else None
        self.viewport().update()
        self.current_changed.emit()

    def _after_reset(self) -> None:
        kept = self.current_session_id
        self.current_session_id = None
        if kept is not None and self.model().find(kept).isValid():
            self.select_session(kept)

    def mousePressEvent(self, event) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)  # the view's keys (Ctrl+C, Ctrl+V, Del) work after a click
        index, session = self.session_at(event.position().toPoint())
        if index.isValid():
            self.setCurrentIndex(index)
            self.current_session_id = session.id if session else None
            self.viewport().update()
            self.current_changed.emit()
        self._press = (event.position().toPoint(), session) if session and event.button() == Qt.MouseButton.LeftButton \
            else None

    def mouseMoveEvent(self, event) -> None:
        if self._press is None or not self.editable or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        start, session = self._press
        if (event.position().toPoint() - start).manhattanLength() >= QApplication.startDragDistance():
            self._press = None
            drag = QDrag(self)
            drag.setMimeData(clipboard.to_mime(session))
            drag.exec(Qt.DropAction.MoveAction | Qt.DropAction.CopyAction, Qt.DropAction.MoveAction)

    def mouseReleaseEvent(self, event) -> None:
        self._press = None

    def mouseDoubleClickEvent(self, event) -> None:
        index, session = self.session_at(event.position().toPoint())
        if session is not None:
            self.edit_requested.emit(session.id)
        elif index.isValid():
            self.add_requested.emit(*self.model().slot(index))

    def dragEnterEvent(self, event) -> None:
        self._accept(event)

    def dragMoveEvent(self, event) -> None:
        self._accept(event)

    def _accept(self, event) -> None:
        if self.editable and clipboard.from_mime(event.mimeData()) is not None \
                and self.indexAt(event.position().toPoint()).isValid():
            copying = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            event.setDropAction(Qt.DropAction.CopyAction if copying else Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        session: Session | None = clipboard.from_mime(event.mimeData())
        index = self.indexAt(event.position().toPoint())
        if not self.editable or session is None or not index.isValid():
            event.ignore()
            return
        copying = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        event.setDropAction(Qt.DropAction.CopyAction if copying else Qt.DropAction.MoveAction)
        event.accept()
        self.dropped.emit(session, *self.model().slot(index), copying)
