"""快速上手: a short welcome after the first start (and from 帮助 → 快速上手) pointing to where the
office's work begins, each step a button that opens its page."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QPushButton, QVBoxLayout

from app import config

# (step, the pages that do it, first found is opened, what to do there)
STEPS = (
    ("计划", ("计划",), "录入本年度的培训计划或工作要点及各条要点。"),
    ("班次与期次", ("班次",), "为要点建立班次，在“期次”标签中排好各期的日期和地点。"),
    ("导入单位名单", ("期次", "学员"), "打开一期的学员名单，分配名额、打印选调函，再导入单位报送的名单。"),
    ("打印入学通知书", ("文书打印",), "选“入学通知书”和期次，预览无误后打印或保存PDF。"),
)
DEMO = "已载入示范数据（2020年的计划、班次、46个单位和600名学员），可以放心试用；正式使用时用“文件 → 新建数据库…”。"
EMPTY = "这是一个空数据库。单位和人员可以在导入名单时一并建立，不必先逐个录入。"
ACCENT = "color: #b3261e; font-size: 18pt; font-weight: bold;"


class WelcomeDialog(QDialog):
    def __init__(self, window, *, demo: bool | None = None, on_manual: Callable[[], None] | None = None):
        super().__init__(window)
        self.window_ = window
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("快速上手")
        title = QLabel(f"欢迎使用{config.APP_TITLE}", objectName="pageTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        self.intro = None if demo is None else self._text(DEMO if demo else EMPTY)
        if self.intro is not None:
            layout.addWidget(self.intro)
        layout.addWidget(self._text("从这里开始："))
        layout.addLayout(self._steps())
        layout.addWidget(self._text("每一页按 F1 可查看该页的说明；完整的说明在“帮助 → 使用手册”。", note=True))
        buttons = QDialogButtonBox()
        self.manual_button = buttons.addButton("阅读使用手册", QDialogButtonBox.ButtonRole.HelpRole)
        start = buttons.addButton("开始使用", QDialogButtonBox.ButtonRole.AcceptRole)
        start.setDefault(True)
        self.manual_button.clicked.connect(lambda: self._manual(on_manual))
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        char = self.fontMetrics().horizontalAdvance("汉")
        room = window.screen().availableGeometry().width() - 40  # 1366×768 at 150%: 910 wide
        width = min(char * 48, room)
        self.setMinimumWidth(width)  # wrapped labels would otherwise squeeze it to a column
        # its full height: left to itself, a dialog takes at most 2/3 of the screen and squeezes the steps
        height = layout.heightForWidth(width) if layout.hasHeightForWidth() else self.sizeHint().height()
        self.resize(width, min(height, window.screen().availableGeometry().height() - 40))

    @staticmethod
    def _text(text: str, *, note: bool = False) -> QLabel:
        label = QLabel(text, wordWrap=True)
        if note:
            label.setObjectName("note")
        return label

    def _steps(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(1, 1)
        self.step_buttons: list[QPushButton] = []
        for row, (name, pages, what) in enumerate(STEPS):
            number = QLabel(str(row + 1))
            number.setStyleSheet(ACCENT)
            grid.addWidget(number, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self._text(f"<b>{name}</b><br>{what}"), row, 1)
            page = self._first_page(pages)
            button = QPushButton(f"打开“{page}”")
            button.clicked.connect(lambda _=False, title=page: self.go(title))
            grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
            self.step_buttons.append(button)
        return grid

    def _first_page(self, pages: tuple[str, ...]) -> str:
        """The first of the pages the window has (the 期次 page is newer than the others)."""
        titles = self.window_.page_titles()
        return next((page for page in pages if page in titles), pages[-1])

    def go(self, title: str) -> None:
        self.window_.show_page(title)
        self.accept()

    def _manual(self, on_manual: Callable[[], None] | None) -> None:
        self.accept()  # first: while this modal dialog is up the manual would open inside it, and close with it
        if on_manual is not None:
            on_manual()

