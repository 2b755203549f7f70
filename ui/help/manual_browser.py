"""The manual's page: a QTextBrowser showing one chapter (Markdown) at a time, with links between
chapters (`08-import.md#核对表头与列`: a section is named by its heading, which Markdown gives no anchor),
pictures shrunk to the width of the view, headings spaced and search words highlighted."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QTextEdit

HIGHLIGHT = QColor("#fde68a")
HEADING_SPACE = {1: (4, 10), 2: (20, 6), 3: (12, 4)}  # heading level -> space above and below, in pixels
LINE_HEIGHT = 135  # per cent: Chinese prose reads better with some air between the lines


class ManualBrowser(QTextBrowser):
    picture_clicked = Signal(str)  # the picture's name as the chapter writes it

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self._over_picture = False
        self.setOpenExternalLinks(True)
        self.terms: list[str] = []
        self._pictures: dict[str, QImage] = {}
        self._refit = QTimer(self, singleShot=True, interval=80)
        self._refit.timeout.connect(self.fit_images)
        self.document().setDocumentMargin(14)

    def doSetSource(self, name: QUrl, resource_type=QTextDocument.ResourceType.UnknownResource) -> None:
        reloaded = name.toLocalFile() != self.source().toLocalFile()
        super().doSetSource(name, resource_type)
        if reloaded:
            self._dress()
        self.highlight(self.terms)
        self.scroll_to_section(name.fragment(QUrl.ComponentFormattingOption.FullyDecoded))

    def chapter_url(self) -> QUrl:
        return QUrl.fromLocalFile(self.source().toLocalFile())

    def headings(self) -> list[str]:
        """The chapter's headings as shown, top to bottom."""
        return [block.text() for block in self._blocks() if block.blockFormat().headingLevel()]

    def scroll_to_section(self, title: str) -> bool:
        """Puts the heading titled so at the top of the view; False when the chapter has none."""
        block = next((b for b in self._blocks() if b.blockFormat().headingLevel() and b.text() == title), None)
        if not title or block is None:
            return False
        self.setTextCursor(QTextCursor(block))
        top = self.document().documentLayout().blockBoundingRect(block).top()
        self.verticalScrollBar().setValue(int(top))
        return True

    def current_section(self) -> str:
        """The heading of the part at the top of the view."""
        top = self.verticalScrollBar().value() + 4
        layout, title = self.document().documentLayout(), ""
        for block in self._blocks():
            if block.blockFormat().headingLevel():
                if layout.blockBoundingRect(block).top() > top:
                    break
                title = block.text()
        return title

    # Pictures: a click shows one at full size

    def picture_at(self, point: QPoint) -> str:
        """The name of the picture drawn under a point of the view, or ""."""
        offset = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        position = self.document().documentLayout().hitTest(QPointF(point + offset), Qt.HitTestAccuracy.ExactHit)
        if position < 0:
            return ""
        cursor = QTextCursor(self.document())
        for after in (position + 1, position):  # a picture is one character: hit on its left or right half
            cursor.setPosition(min(after, self.document().characterCount() - 1))
            if cursor.charFormat().isImageFormat():
                return cursor.charFormat().toImageFormat().name()
        return ""

    def mouseMoveEvent(self, event) -> None:
        super().mouseMoveEvent(event)
        over = bool(self.picture_at(event.position().toPoint()))
        if over != self._over_picture:
            self._over_picture = over
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
            self.viewport().setToolTip("单击查看原图" if over else "")

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        name = self.picture_at(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and name and not self.textCursor().hasSelection():
            self.picture_clicked.emit(name)

    # Search words

    def highlight(self, terms: list[str]) -> int:
        """Marks every occurrence of the words; returns how many there are in this chapter."""
        self.terms = [term for term in terms if term]
        marks = []
        for term in self.terms:
            cursor = self.document().find(term, 0)
            while not cursor.isNull():
                mark = QTextEdit.ExtraSelection()
                mark.cursor, mark.format = cursor, QTextCharFormat()
                mark.format.setBackground(HIGHLIGHT)
                marks.append(mark)
                cursor = self.document().find(term, cursor)
        self.setExtraSelections(marks)
        return len(marks)

    def find_next(self) -> bool:
        """Moves to the next occurrence of the first search word after the cursor; False at the end."""
        return bool(self.terms) and self.find(self.terms[0])

    # Looks

    def _blocks(self):
        block = self.document().begin()
        while block.isValid():
            yield block
            block = block.next()

    def _dress(self) -> None:
        document = self.document()
        document.setUndoRedoEnabled(False)
        cursor = QTextCursor(document)
        for block in self._blocks():
            level = block.blockFormat().headingLevel()
            shape = QTextBlockFormat()
            if level:
                above, below = HEADING_SPACE.get(level, (10, 4))
                shape.setTopMargin(above)
                shape.setBottomMargin(below)
            elif not block.textList() and "\ufffc" not in block.text():  # a picture's line stays its height
                shape.setLineHeight(LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            cursor.setPosition(block.position())
            cursor.mergeBlockFormat(shape)
        self.fit_images()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._refit.start()

    def fit_images(self) -> None:
        """Each picture at its own size, or narrower to fit the view, scaled smoothly for the screen's pixel
        ratio (the document would stretch the file's pixels); the part of the chapter on top stays on top."""
        room = self.viewport().width() - 2 * self.document().documentMargin() - 12
        top = self.cursorForPosition(QPoint(0, 0)).block() if self.verticalScrollBar().value() else None
        changed = False
        cursor = QTextCursor(self.document())
        for fragment in self._image_fragments():
            image = fragment.charFormat().toImageFormat()
            picture = self.picture(image.name())
            if picture.isNull():
                continue
            width = max(min(picture.width(), room), 80)
            if round(image.width()) == width:
                continue
            ratio = self.devicePixelRatioF()
            scaled = picture.scaledToWidth(round(width * ratio), Qt.TransformationMode.SmoothTransformation)
            scaled.setDevicePixelRatio(ratio)
            # the document looks resources up by their address resolved against the chapter's
            where = self.document().baseUrl().resolved(QUrl(image.name()))
            self.document().addResource(QTextDocument.ResourceType.ImageResource, where, scaled)
            image.setWidth(width)
            image.setHeight(picture.height() * width / picture.width())
            cursor.setPosition(fragment.position())
            cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(image)
            changed = True
        if not changed:
            return
        if self.textCursor().hasSelection():  # a search word found: it stays in sight
            self.ensureCursorVisible()
        elif top is not None:
            self.verticalScrollBar().setValue(int(self.document().documentLayout().blockBoundingRect(top).top()))

    def image_names(self) -> list[str]:
        """The pictures of the chapter shown, as its text names them."""
        return [fragment.charFormat().toImageFormat().name() for fragment in self._image_fragments()]

    def _image_fragments(self):
        for block in self._blocks():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                fragments += 1
                if fragment.charFormat().isImageFormat():
                    yield fragment

    def picture(self, name: str) -> QImage:
        """The picture as its file holds it (a null image when the file is missing)."""
        path = self.chapter_url().resolved(QUrl(name)).toLocalFile()
        if path not in self._pictures:
            self._pictures[path] = QImage(path)
        return self._pictures[path]


def link_target(url: QUrl) -> tuple[str, str]:
    """(chapter file name, section title) a link in the manual points to."""
    return url.fileName(), url.fragment(QUrl.ComponentFormattingOption.FullyDecoded)

