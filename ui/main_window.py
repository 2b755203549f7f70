"""The main window: navigation bar, pages, the 文件 and 帮助 menus, and the status bar."""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox, QStackedWidget,
                               QVBoxLayout, QWidget)

from app import config
from app.services import database

from . import database_actions
from .pages.classes_page import ClassesPage
from .pages.list_page import ListPage
from .pages.people_page import PeoplePage
from .pages.plans_page import PlansPage
from .pages.simple_pages import CalendarPage, DocumentsPage, UnitsPage
from .pages.stats_page import StatsPage
from .session import Session

PAGES: tuple[type[ListPage], ...] = (PlansPage, ClassesPage, CalendarPage, PeoplePage, UnitsPage,
                                     DocumentsPage, StatsPage)


class MainWindow(QMainWindow):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.setWindowTitle(config.APP_TITLE)
        self.pages = [page_class(session) for page_class in PAGES]
        self.nav = QListWidget(objectName="nav")
        self.stack = QStackedWidget()
        self._build_body()
        self._build_menus()
        self.db_label = QLabel()
        self.counts_label = QLabel()
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.counts_label)
        session.database_changed.connect(self.update_status)
        session.data_changed.connect(lambda kind: self.update_status())
        for page in self.pages:
            page.reload()
        self.update_status()
        self.nav.setCurrentRow(0)

    def _build_body(self) -> None:
        title = QLabel(config.APP_TITLE, objectName="appTitle")
        item_height = int(self.fontMetrics().height() * 2.4)
        for page in self.pages:
            item = QListWidgetItem(page.title, self.nav)
            item.setSizeHint(QSize(0, item_height))
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        width = self.fontMetrics().horizontalAdvance(config.APP_TITLE) + 40
        side = QWidget()
        side.setFixedWidth(width)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        side_layout.addWidget(title)
        side_layout.addWidget(self.nav, 1)
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(side)
        page_holder = QWidget()
        holder_layout = QVBoxLayout(page_holder)
        holder_layout.setContentsMargins(12, 10, 12, 6)
        holder_layout.addWidget(self.stack)
        layout.addWidget(page_holder, 1)
        self.setCentralWidget(body)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("文件(&F)")
        self._action(file_menu, "新建数据库(&N)…", self.new_database, QKeySequence.StandardKey.New)
        self._action(file_menu, "打开数据库(&O)…", self.open_database, QKeySequence.StandardKey.Open)
        self._action(file_menu, "另存备份(&B)…", self.save_backup)
        file_menu.addSeparator()
        self._action(file_menu, "退出(&X)", self.close, QKeySequence("Ctrl+Q"))
        help_menu = self.menuBar().addMenu("帮助(&H)")
        self._action(help_menu, "关于(&A)", self.about)

    def _action(self, menu, text, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def show_page(self, title: str) -> ListPage:
        index = [page.title for page in self.pages].index(title)
        self.nav.setCurrentRow(index)
        return self.pages[index]

    def update_status(self) -> None:
        self.db_label.setText(f"数据库：{self.session.path}")
        counts = database.counts(self.session.db)
        self.counts_label.setText(
            f"单位 {counts['units']}　人员 {counts['people']}　班次 {counts['training_classes']}"
            f"　期次 {counts['periods']}　参训 {counts['enrollments']}  "
        )

    def new_database(self) -> None:
        database_actions.new_database(self, self.session)

    def open_database(self) -> None:
        database_actions.open_database(self, self.session)

    def save_backup(self) -> None:
        database_actions.save_backup(self, self.session)

    def about(self) -> None:
        QMessageBox.about(
            self,
            f"关于{config.APP_TITLE}",
            f"<h3>{config.APP_TITLE}</h3><p>版本 {config.APP_VERSION}</p>"
            "<p>为组织部干部教育科编制年度培训计划、管理班次期次和学员名单、打印调训文书的单机软件。"
            "全部数据保存在本机的一个数据库文件中，无需联网。</p>"
            f"<p>当前数据库：{self.session.path}<br>数据文件夹：{config.user_data_dir()}</p>",
        )
