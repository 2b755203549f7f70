"""使用手册: the manual's window. The contents on the left (chapters and their sections, narrowed to the
sections that hold the search words while searching), the chapter on the right, back and forward."""
from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import config
from ui.common.windows import remember_window
from ui.help import chapters
from ui.help.manual_browser import ManualBrowser, link_target
from ui.help.picture_window import PictureWindow

WHERE = Qt.ItemDataRole.UserRole  # an item's (chapter file name, section title or "")


class ManualWindow(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)  # never keeps the program running alone
        self.setWindowTitle(f"使用手册 — {config.APP_TITLE}")
        self.search = QLineEdit(placeholderText="搜索手册，如：回执、结班、备份", clearButtonEnabled=True)
        self.search.textChanged.connect(self.find)
        self.search.returnPressed.connect(self.next_hit)
        self.found = QLabel(objectName="note")
        self.contents = QTreeWidget(headerHidden=True, rootIsDecorated=True)
        self.contents.itemClicked.connect(self._item_clicked)
        self.contents.itemActivated.connect(self._item_clicked)
        self.browser = ManualBrowser()
        self.browser.sourceChanged.connect(self._follow)
        self.browser.picture_clicked.connect(self.show_picture)
        self._layout()
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        self._fill_contents(None)
        self.fit_to_screen()

    def _layout(self) -> None:
        back, forward = QPushButton("← 后退"), QPushButton("前进 →")
        back.clicked.connect(self.browser.backward)
        forward.clicked.connect(self.browser.forward)
        self.browser.backwardAvailable.connect(back.setEnabled)
        self.browser.forwardAvailable.connect(forward.setEnabled)
        back.setEnabled(False)
        forward.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(back)
        top.addWidget(forward)
        top.addSpacing(12)
        top.addWidget(self.search, 1)
        top.addWidget(self.found)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        char = self.fontMetrics().horizontalAdvance("汉")
        self.contents.setMinimumWidth(char * 9)
        splitter.setSizes([char * 15, char * 45])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:  # what the search box and the page leave unused
            self.close()
            return
        super().keyPressEvent(event)

    def fit_to_screen(self) -> None:
        """Where the reader left it last time, clamped to the screen; else roomy on a large screen and within
        1366×768 at 150% (910×512) with the contents still beside it."""
        if not remember_window(self, "manual", 1040, 760):
            screen = (self.parentWidget() or self).screen().availableGeometry()
            self.move(screen.center() - self.rect().center())

    # Going to a place

    def show_topic(self, key: str) -> None:
        self.open(chapters.chapter(key).file_name)

    def open(self, file_name: str, section: str = "") -> None:
        url = QUrl.fromLocalFile(str(chapters.manual_dir() / file_name))
        if section:
            url.setFragment(section)
        self.browser.setSource(url)

    def _item_clicked(self, item: QTreeWidgetItem) -> None:
        file_name, section = item.data(0, WHERE)
        self.open(file_name, section)

    def _follow(self, url: QUrl) -> None:
        """Selects the chapter (and the section a link named) in the contents."""
        file_name, section = link_target(url)
        for item in self._items():
            if item.data(0, WHERE) == (file_name, section):
                self.contents.setCurrentItem(item)
                item.setExpanded(True)
                return
        for item in self._items():
            if item.data(0, WHERE) == (file_name, ""):
                self.contents.setCurrentItem(item)
                item.setExpanded(True)
                return

    def _items(self):
        for index in range(self.contents.topLevelItemCount()):
            chapter_item = self.contents.topLevelItem(index)
            yield chapter_item
            for child in range(chapter_item.childCount()):
                yield chapter_item.child(child)

    def show_picture(self, name: str) -> PictureWindow:
        chapter = chapters.chapter_of_file(self.browser.chapter_url().fileName())
        caption = chapter.pictures.get(name, "插图") if chapter else "插图"
        window = PictureWindow(self.browser.picture(name), caption, self)
        window.show()
        window.activateWindow()
        return window

    # Contents and search

    def _fill_contents(self, hits: list[chapters.Hit] | None) -> None:
        """Every chapter with its sections, or only the sections that hold the search words."""
        self.contents.clear()
        wanted = None if hits is None else {(hit.chapter.key, hit.section.title): hit.count for hit in hits}
        for number, chapter in enumerate(chapters.chapters(), 1):
            if wanted is not None and not any(key == chapter.key for key, _ in wanted):
                continue
            intro = "" if wanted is None or (chapter.key, chapter.title) not in wanted else \
                f"（{wanted[chapter.key, chapter.title]}）"
            top = QTreeWidgetItem([f"{number}. {chapter.title}{intro}"])
            top.setData(0, WHERE, (chapter.file_name, ""))
            for section in chapter.sections[1:]:
                if wanted is None or (chapter.key, section.title) in wanted:
                    count = "" if wanted is None else f"（{wanted[chapter.key, section.title]}）"
                    child = QTreeWidgetItem(top, [section.title + count])
                    child.setData(0, WHERE, (chapter.file_name, section.title))
            self.contents.addTopLevelItem(top)
            top.setExpanded(wanted is not None)
        self._follow(self.browser.source())

    def find(self, text: str) -> None:
        terms = text.split()
        hits = chapters.search(text) if terms else None
        self._fill_contents(hits)
        self.browser.highlight(terms)
        if hits is None:
            self.found.setText("")
        elif hits:
            self.found.setText(f"{len(hits)}节含有“{text.strip()}”，按 Enter 逐处查看")
        else:
            self.found.setText(f"没有找到“{text.strip()}”")

    def next_hit(self) -> None:
        """Enter in the search box: the next occurrence in this chapter, then the next chapter that has one."""
        if self.browser.find_next():
            return
        hits = chapters.search(self.search.text())
        if not hits:
            return
        files = list(dict.fromkeys(hit.chapter.file_name for hit in hits))
        current = self.browser.chapter_url().fileName()
        following = files[files.index(current) + 1:] if current in files else files
        self.open((following or files)[0])
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        self.browser.find_next()
