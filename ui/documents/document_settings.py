"""文书设置: the letter templates, the issuing body and the seal, the 版头 and 版记 of each kind of 公文, and
which fonts the documents use."""
from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import config
from app.domain.errors import UserError
from app.services.documents import KINDS, fonts, heads
from app.services.documents.preferences import (
    LetterSettings,
    letter_settings,
    letter_settings_errors,
    save_letter_settings,
)
from app.services.documents.seal import clear_seal, seal_image, set_seal
from app.services.documents.templates import TEMPLATES, reset_template, save_template, template_errors, template_text
from ui.common import messages
from ui.common.files import ask_open_file
from ui.common.widgets import note
from ui.common.windows import remember_window
from ui.shell.changes import Changed
from ui.shell.session import Session

ERROR_STYLE = "color: #b3261e;"


def _error_label() -> QLabel:
    label = QLabel(wordWrap=True)
    label.setStyleSheet(ERROR_STYLE)
    return label


class TemplatesTab(QWidget):
    """One template at a time: edited as text, checked as you type, saved only when it is valid."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.chooser = QComboBox()
        for template in TEMPLATES.values():
            self.chooser.addItem(template.label, template.key)
        self.editor = QPlainTextEdit()
        self.fields = QListWidget()
        self.error = _error_label()
        self.reset_button, self.save_button = QPushButton("恢复默认"), QPushButton("保存模板")
        self._layout()
        self.chooser.currentIndexChanged.connect(self.load)
        self.editor.textChanged.connect(self.revalidate)
        self.fields.itemDoubleClicked.connect(lambda item: self.editor.insertPlainText(item.data(Qt.ItemDataRole.UserRole)))
        self.reset_button.clicked.connect(self.reset)
        self.save_button.clicked.connect(self.save)
        self.load()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("模板"))
        top.addWidget(self.chooser)
        hint = note("第一行是标题；“一、”开头的行用黑体，“（一）”开头的行用楷体；双击右侧字段插入。")
        hint.setWordWrap(True)
        top.addWidget(hint, 1)
        # the fields' list as wide as its longest line ({培训时间} 如“2020年5月11日至15日”), the editor the rest
        self.body = body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self.editor)
        body.addWidget(self.fields)
        body.setStretchFactor(0, 1)
        body.setStretchFactor(1, 0)
        body.setChildrenCollapsible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(body, 1)
        layout.addLayout(buttons)

    @property
    def template(self):
        return TEMPLATES[self.chooser.currentData()]

    def load(self) -> None:
        template = self.template
        self.fields.clear()
        for name, meaning in template.fields.items():
            self.fields.addItem(f"{{{name}}}　{meaning}")
            item = self.fields.item(self.fields.count() - 1)
            item.setData(Qt.ItemDataRole.UserRole, f"{{{name}}}")
            item.setToolTip(f"{{{name}}}：{meaning}")
        wanted = self.fields.sizeHintForColumn(0) + self.fields.verticalScrollBar().sizeHint().width() + 8
        self.body.setSizes([max(self.body.width() - wanted, wanted), wanted])
        self.saved_text = template_text(self.session.db, template)
        self.editor.setPlainText(self.saved_text)

    def revalidate(self) -> None:
        errors = template_errors(self.template, self.editor.toPlainText())
        self.error.setText(errors.get("text", ""))
        self.save_button.setEnabled(not errors and self.editor.toPlainText().strip() != self.saved_text.strip())

    def save(self) -> None:
        try:
            save_template(self.session.db, self.template, self.editor.toPlainText())
        except UserError as problem:
            messages.error(self, "未能保存", str(problem))
            return
        self.saved_text = self.editor.toPlainText()
        self.revalidate()
        self.session.announce(Changed.SETTINGS)

    def reset(self) -> None:
        reset_template(self.session.db, self.template)
        self.load()
        self.session.announce(Changed.SETTINGS)


class LetterheadTab(QWidget):
    """The issuing body, the reply deadline of selection letters, and the seal image."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        current = letter_settings(session.db)
        self.office = QLineEdit(current.office_name, placeholderText="如：中共xx县委组织部")
        self.reply_days = QSpinBox(minimum=0, maximum=90, value=current.reply_days, suffix=" 天")
        self.error = _error_label()
        self.save_button = QPushButton("保存")
        self.seal = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.seal.setFixedSize(120, 120)
        self.seal.setStyleSheet("border: 1px dashed #d1d5db;")
        self.choose_button, self.clear_button = QPushButton("选择印章图片…"), QPushButton("清除印章")
        self._layout()
        for signal in (self.office.textChanged, self.reply_days.valueChanged):
            signal.connect(self.revalidate)
        self.save_button.clicked.connect(self.save)
        self.choose_button.clicked.connect(self.choose_seal)
        self.clear_button.clicked.connect(self.remove_seal)
        self.show_seal()
        self.revalidate()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow("发文机关", self.office)
        form.addRow("名单报送期限", self.reply_days)
        form.addRow("", note("选调函要求单位在开班前多少天报送名单。班次填写了主办单位时，落款用主办单位。"))
        save_row = QHBoxLayout()
        save_row.addWidget(self.error, 1)
        save_row.addWidget(self.save_button)
        seal_buttons = QVBoxLayout()
        seal_buttons.addWidget(self.choose_button)
        seal_buttons.addWidget(self.clear_button)
        seal_buttons.addStretch(1)
        seal_row = QHBoxLayout()
        seal_row.addWidget(self.seal)
        seal_row.addLayout(seal_buttons)
        seal_row.addWidget(note("印章须为透明背景的 PNG 图片，打印时盖在发文机关署名和成文日期上。不设印章则不盖。"), 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(save_row)
        layout.addSpacing(8)
        layout.addWidget(QLabel("印章"))
        layout.addLayout(seal_row)
        layout.addStretch(1)

    def values(self) -> LetterSettings:
        return LetterSettings(self.office.text(), self.reply_days.value())

    def revalidate(self) -> None:
        errors = letter_settings_errors(self.values())
        self.error.setText("；".join(errors.values()))
        self.save_button.setEnabled(not errors)

    def save(self) -> None:
        try:
            save_letter_settings(self.session.db, self.values())
        except UserError as problem:
            messages.error(self, "未能保存", str(problem))
            return
        self.session.announce(Changed.SETTINGS)

    def show_seal(self) -> None:
        data = seal_image(self.session.db)
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.seal.setPixmap(pixmap.scaled(110, 110, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))
        else:
            self.seal.setText("未设置")
        self.clear_button.setEnabled(bool(data))

    def choose_seal(self) -> None:
        path = ask_open_file(self, "选择印章图片", "PNG 图片 (*.png)")
        if path is None:
            return
        try:
            set_seal(self.session.db, path)
        except UserError as problem:
            messages.error(self, "无法使用该图片", str(problem))
            return
        self.show_seal()
        self.session.announce(Changed.SETTINGS)

    def remove_seal(self) -> None:
        clear_seal(self.session.db)
        self.show_seal()
        self.session.announce(Changed.SETTINGS)


def _wrapped_note(text: str) -> QLabel:
    label = note(text)
    label.setWordWrap(True)
    return label


class HeadsTab(QWidget):
    """Per kind of 公文: its 版头 (红头文件, 信函格式 or none) and 发文机关标志, and its 版记 (抄送, 印发机关)."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.kind = QComboBox()
        for key in heads.HEAD_KINDS:
            self.kind.addItem(KINDS[key].label, key)
        self.style = QComboBox()
        self.style.addItems(heads.HEAD_STYLES)
        self.organ_mark = QLineEdit(placeholderText="留空则用文书的发文机关，如“中共xx县委组织部文件”")
        self.copy_to = QLineEdit(placeholderText="如：县委办公室，县政府办公室（不抄送则留空）")
        self.printer = QLineEdit(placeholderText="如：中共xx县委组织部办公室（留空则不印版记）")
        self.error = _error_label()
        self.save_button = QPushButton("保存")
        self._layout()
        self.kind.currentIndexChanged.connect(self.load)
        self.style.currentIndexChanged.connect(self.revalidate)
        for edit in (self.organ_mark, self.copy_to, self.printer):
            edit.textChanged.connect(self.revalidate)
        self.save_button.clicked.connect(self.save)
        self.load()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow("文书", self.kind)
        form.addRow("版头", self.style)
        form.addRow("发文机关标志", self.organ_mark)
        form.addRow("", _wrapped_note("红头文件：红色发文机关标志、发文字号（计划的文号）和红色分隔线；"
                                      "信函格式：红色机关名称和上粗下细的红色双线，首页不印页码。"))
        form.addRow("抄送", self.copy_to)
        form.addRow("印发机关", self.printer)
        form.addRow("", _wrapped_note("版记印在最后一页下端：抄送机关，印发机关和印发日期（即成文日期），"
                                      "上下有分隔线。"))
        save_row = QHBoxLayout()
        save_row.addWidget(self.error, 1)
        save_row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(save_row)
        layout.addStretch(1)

    def values(self) -> heads.HeadSettings:
        return heads.HeadSettings(self.style.currentText(), self.organ_mark.text(), self.copy_to.text(),
                                  self.printer.text())

    def load(self) -> None:
        self.saved = heads.stored_head_settings(self.session.db, self.kind.currentData())
        self.style.setCurrentText(self.saved.style)
        self.organ_mark.setText(self.saved.organ_mark)
        self.copy_to.setText(self.saved.copy_to)
        self.printer.setText(self.saved.printer)
        self.revalidate()

    def revalidate(self) -> None:
        values = self.values()
        self.organ_mark.setEnabled(values.style != heads.NO_HEAD)
        errors = heads.head_settings_errors(values)
        self.error.setText("；".join(errors.values()))
        stripped = heads.HeadSettings(*(part.strip() for part in (values.style, values.organ_mark, values.copy_to,
                                                                   values.printer)))
        self.save_button.setEnabled(not errors and stripped != self.saved)

    def save(self) -> None:
        try:
            heads.save_head_settings(self.session.db, self.kind.currentData(), self.values())
        except UserError as problem:
            messages.error(self, "未能保存", str(problem))
            return
        self.load()
        self.session.announce(Changed.SETTINGS)


class FontsTab(QWidget):
    """Which font each part of a document is printed in, and where to add the office's own."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.report = QPlainTextEdit(readOnly=True)
        self.folder = config.user_data_dir() / "fonts"
        open_button, rescan_button = QPushButton("打开字体文件夹"), QPushButton("重新查找字体")
        open_button.clicked.connect(self.open_folder)
        rescan_button.clicked.connect(self.rescan)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(open_button)
        buttons.addWidget(rescan_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.report, 1)
        layout.addLayout(buttons)
        self.show_fonts()

    def show_fonts(self) -> None:
        found = fonts.font_set()
        lines = [f"{label}：{found.font(role).style}（{found.font(role).path.name}）"
                 for role, label in fonts.ROLE_LABELS.items()]
        lines += ["", *found.notes, "", f"缺少方正小标宋等字体时，可把字体文件（.ttf）放入：{self.folder}，"
                  "再点“重新查找字体”。缺字时自动改用附带的文泉驿微米黑；各字体都没有的字会在打印前报告。"]
        self.report.setPlainText("\n".join(lines))

    def open_folder(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    def rescan(self) -> None:
        fonts.clear_cache()
        self.show_fonts()


class DocumentSettingsDialog(QDialog):
    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.setWindowTitle("文书设置")
        self.tabs = QTabWidget()
        self.templates, self.letterhead, self.fonts = TemplatesTab(session), LetterheadTab(session), FontsTab()
        self.heads = HeadsTab(session)
        self.tabs.addTab(self.templates, "文书模板")
        self.tabs.addTab(self.letterhead, "落款与印章")
        self.tabs.addTab(self.fonts, "字体")
        self.tabs.addTab(self.heads, "版头与版记")
        close = QDialogButtonBox()
        close.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)
        remember_window(self, "document-settings", 900, 600)
