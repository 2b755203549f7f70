"""The main window: navigation bar, pages, the 文件 and 帮助 menus, the global search (Ctrl+K), the keys
(Ctrl+F finds, Ctrl+P prints, F1 helps, on the page shown), and the status bar. It opens on the page shown
last."""
from __future__ import annotations

import importlib

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import config
from app.services import database
from ui.common import settings
from ui.shell import database_actions, shortcuts, style
from ui.shell.changes import EVERYTHING, Changed
from ui.shell.global_search import GlobalSearch
from ui.shell.recent_menu import RecentMenu
from ui.shell.session import Session

# (nav title, the page's module, class). A page's module is imported when the page is first shown:
# the print centre alone would bring reportlab and QtPdf into start-up.
PAGES = (("计划", "ui.plans.plans_page", "PlansPage"), ("班次", "ui.classes.classes_page", "ClassesPage"),
         ("期次", "ui.periods.periods_page", "PeriodsPage"), ("日历", "ui.calendar.calendar_page", "CalendarPage"), ("学员", "ui.people.people_page", "PeoplePage"),
         ("单位", "ui.units.units_page", "UnitsPage"), ("师资", "ui.teaching.pool_page", "TeachingPage"),
         ("文书打印", "ui.documents.documents_page", "DocumentsPage"),
         ("统计", "ui.stats.stats_page", "StatsPage"))


LAST_PAGE_KEY = "last_page"


def page_class(index: int) -> type:
    _, module, name = PAGES[index]
    return getattr(importlib.import_module(module), name)


class MainWindow(QMainWindow):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.setWindowTitle(config.APP_TITLE)
        self._built: dict[int, QWidget] = {}  # pages are built when first shown: start-up stays quick
        self.nav = QListWidget(objectName="nav")
        self.stack = QStackedWidget()
        self._build_body()
        self._build_menus()
        self._build_search()
        self.db_label = QLabel()
        self.counts_label = QLabel()
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.counts_label)
        session.database_changed.connect(self.update_status)
        session.changed.connect(self._data_changed)
        self.update_status()
        self.nav.setCurrentRow(self._last_row())

    def _build_body(self) -> None:
        title = QLabel(config.APP_TITLE, objectName="appTitle")
        title.setStyleSheet(style.APP_TITLE_SHEET)
        self.nav.setStyleSheet(style.NAV_SHEET)
        item_height = int(self.fontMetrics().height() * 1.85)  # nine pages fit the nav at 150% on 1366×768
        for entry in PAGES:
            item = QListWidgetItem(entry[0], self.nav)
            item.setSizeHint(QSize(0, item_height))
            self.stack.addWidget(QWidget())
        self.nav.currentRowChanged.connect(self._show_row)
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
        self._action(file_menu, "连接服务器数据库(&C)…", lambda: database_actions.connect_server(self, self.session))
        self.recent_menu = RecentMenu(self, self.session)
        file_menu.addMenu(self.recent_menu)
        self.file_only = [self._action(file_menu, "另存备份(&B)…", self.save_backup),
                          self._action(file_menu, "恢复备份(&R)…", self.restore_backup),
                          self._action(file_menu, "备份设置(&S)…", self.backup_settings)]
        file_menu.addSeparator()
        self._action(file_menu, "退出(&X)", self.close, QKeySequence("Ctrl+Q"))
        settings_menu = self.menuBar().addMenu("设置(&S)")
        self._action(settings_menu, "名称规范化(&N)…", self.word_variants)
        self._action(settings_menu, "讲课费标准(&F)…", self.lecture_fee_rules)
        self._action(settings_menu, "学员守则与结业考核(&R)…", lambda: importlib.import_module(
            "ui.class_management.trainee_dialogs").edit_rules(self, self.session))
        help_menu = self.menuBar().addMenu("帮助(&H)")
        self._action(help_menu, "使用手册(&M)", self.show_manual)
        self._action(help_menu, "本页帮助(&P)", self.page_help, QKeySequence(Qt.Key.Key_F1))
        self._action(help_menu, "快速上手(&Q)", self.show_welcome)
        help_menu.addSeparator()
        for text, keys, slot in (("查找", "Ctrl+F", self.focus_search), ("打印", "Ctrl+P", self.print_page)):
            self.addAction(self._action(None, text, slot, QKeySequence(keys)))
        self._action(help_menu, "操作日志(&L)", self.show_audit_log)
        self._action(help_menu, "关于(&A)", self.about)

    def _build_search(self) -> None:
        """The search box at the right of the menu bar: it costs the pages no height on a small screen."""
        bar_height = self.menuBar().sizeHint().height()
        self.search = GlobalSearch(lambda: self.session.db, self)
        self.search.setMaximumHeight(bar_height - 2)  # a taller box would make the bar, and every page, taller
        self.search.chosen.connect(self.open_found)
        self.menuBar().setCornerWidget(self.search, Qt.Corner.TopRightCorner)
        focus = QAction("搜索", self)
        focus.setShortcuts([QKeySequence("Ctrl+K")])
        focus.triggered.connect(self.search.focus)
        self.addAction(focus)

    def open_found(self, kind: str, found_id: int) -> None:
        """What the global search found: a period's roster, a class's form, a person or a unit on its page."""
        if kind == "period":
            from ui.roster import period_actions

            period_actions.open_period(self, self.session, found_id)
        elif kind == "class":
            from ui.classes import actions

            self._select_on("班次", found_id)
            actions.open_class(self, self.session, found_id)
        elif kind == "unit":
            self._select_on("单位", found_id)
        elif kind == "person":
            self.show_page("学员").select_person(found_id)

    def _select_on(self, title: str, record_id: int) -> None:
        page = self.show_page(title)
        page.search.clear()
        page.select_id(record_id)

    def _action(self, menu, text, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:  # setShortcuts: PySide6's setShortcut costs 30 ms the first time (overloads)
            action.setShortcuts(shortcut if isinstance(shortcut, QKeySequence.StandardKey) else [shortcut])
        action.triggered.connect(slot)
        if menu is not None:
            menu.addAction(action)
        return action

    def page(self, index: int) -> QWidget:
        if index not in self._built:
            page = page_class(index)(self.session)
            if page.layout() is not None:  # the holder gives every page its margins: none twice on a small screen
                page.layout().setContentsMargins(0, 0, 0, 0)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._built[index] = page
        return self._built[index]

    @property
    def pages(self) -> list[QWidget]:
        return [self.page(index) for index in range(len(PAGES))]

    def _show_row(self, index: int) -> None:
        self.stack.setCurrentWidget(self.page(index))
        settings.set_text(LAST_PAGE_KEY, PAGES[index][0])

    def _last_row(self) -> int:
        titles = [entry[0] for entry in PAGES]
        last = settings.text(LAST_PAGE_KEY)
        return titles.index(last) if last in titles else 0

    def current_topic(self) -> str:
        """The help topic of the page shown: its `help_topic`, else its folder (ui/plans/… -> "plans")."""
        page = self.stack.currentWidget()
        return getattr(page, "help_topic", "") or type(page).__module__.split(".")[1]

    def page_help(self) -> None:
        from ui.shell import help

        help.open_help(self, self.current_topic())

    def focus_search(self) -> None:
        if not shortcuts.focus_search(self.stack.currentWidget()):
            self.statusBar().showMessage("本页没有搜索框", 4000)

    def print_page(self) -> None:
        if why_not := shortcuts.press_print(self.stack.currentWidget()):
            self.statusBar().showMessage(why_not, 6000)

    def page_titles(self) -> list[str]:
        return [entry[0] for entry in PAGES]

    def show_page(self, title: str) -> QWidget:
        index = [entry[0] for entry in PAGES].index(title)
        self.nav.setCurrentRow(index)
        return self.page(index)

    def _data_changed(self, kinds: Changed) -> None:
        if kinds & EVERYTHING:  # the counts: an operation of any kind may have changed them
            self.update_status()

    def update_status(self) -> None:
        suffix = "（只读）" if self.session.read_only else ""
        self.setWindowTitle(f"{config.APP_TITLE} - {self.session.title}{suffix}")
        self.db_label.setText(f"数据库：{database.describe(self.session.path)}{suffix}")
        for action in self.file_only:  # a server's backups and checks are its administrator's
            action.setEnabled(not self.session.on_server)
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

    # The dialogs are imported when first used: start-up pays only for the main window.
    def restore_backup(self) -> None:
        from ui.shell.restore_dialog import RestoreDialog

        RestoreDialog(self.session, self).exec()

    def backup_settings(self) -> None:
        from ui.shell.backup_settings_dialog import BackupSettingsDialog

        BackupSettingsDialog(self.session, self).exec()

    def word_variants(self) -> None:
        from ui.importing.word_variants_dialog import WordVariantsDialog

        WordVariantsDialog(self.session, self).exec()

    def lecture_fee_rules(self) -> None:
        from ui.teaching.fee_actions import edit_fee_rules

        edit_fee_rules(self, self.session)

    def show_manual(self) -> None:
        from ui.shell.help import open_manual

        open_manual(self)

    def show_welcome(self) -> None:
        from ui.shell.help import show_welcome

        show_welcome(self)

    def show_audit_log(self) -> None:
        from ui.shell.audit_dialog import AuditDialog

        AuditDialog(self.session.db, self).exec()

    def about(self) -> None:
        QMessageBox.about(
            self,
            f"关于{config.APP_TITLE}",
            f"<h3>{config.APP_TITLE}</h3><p>版本 {config.APP_VERSION}</p>"
            "<p>为组织部干部教育科编制年度培训计划、管理班次期次和学员名单、打印调训文书的单机软件。"
            "全部数据保存在本机的一个数据库文件中，无需联网。</p>"
            f"<p>当前数据库：{self.session.path}<br>数据文件夹：{config.user_data_dir()}</p>",
        )
