"""文书打印, the print centre: pick the document and its scope (a period, a plan or a year), see the
preview, then 打印 or 保存PDF. Previews are made and pages printed off the UI thread.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services import plans
from app.services.documents import DocumentRequest
from app.services.documents.glyphs import MissingGlyphs
from app.services.documents.sources import ORDERS, period_units
from app.services.documents.summary_data import years
from app.services.stats import statistics
from ui.common.list_page import ListPage
from ui.common.pdf_preview import PdfPreview
from ui.common.splitters import ListSplitter
from ui.common.widgets import FirstColumnFits, note, size_columns
from ui.documents import output
from ui.documents.document_settings import DocumentSettingsDialog
from ui.documents.output import Printable, Shown, of_request
from ui.documents.scopes import CHOICES, SCOPE_COLUMNS, SCOPE_WORDS, Choice, ScopeModel, record_key
from ui.shell.changes import EVERYTHING, Changed

PREVIEW_DELAY_MS = 250  # wait for the user to stop clicking before making a preview
RELOAD_ON = EVERYTHING  # every kind shows in some document: in its list, its units or its preview


def _combo(items: list[tuple[str, object]]) -> QComboBox:
    box = QComboBox()
    for text, data in items:
        box.addItem(text, data)
    return box


class DocumentsPage(ListPage):
    title = "文书打印"
    search_hint = "搜索班次、计划或年度"
    unit_word = SCOPE_WORDS["period"]
    model_class = ScopeModel
    select_first = True

    def __init__(self, session, parent=None):
        self._folder = tempfile.TemporaryDirectory(prefix="traindesk-preview-", ignore_cleanup_errors=True)
        self._generation, self._stale, self.preview_task, self.print_task = 0, True, None, None
        self.shown: Shown | None = None  # the finished preview; printed only while it is the current choice
        self.word_only: Printable | None = None  # the current choice, when only its Word file can be made
        super().__init__(session, parent)
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.build_preview)
        for box in (self.unit_box, self.order_box, self.half_box):
            box.currentIndexChanged.connect(self.schedule_preview)
        self.kind_box.currentIndexChanged.connect(self.on_kind_changed)
        self.print_button.clicked.connect(self.print_preview)
        self.save_button.clicked.connect(self.save_pdf)
        self.word_button.clicked.connect(self.save_word)
        self.settings_button.clicked.connect(self.open_settings)
        session.changed.connect(self._data_changed)  # a method, not a lambda: no reference cycle
        self.on_kind_changed()

    # Layout

    def layout_page(self) -> None:
        self.kind_box = _combo([(choice.label, choice.kind) for choice in CHOICES])
        self.unit_box = _combo([("全部单位", None)])
        self.unit_box.setMinimumContentsLength(8)
        self.unit_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.order_box = _combo([(label, key) for key, label in ORDERS.items()])
        self.half_box = _combo([("每天一张", False), ("上午、下午各一张", True)])
        self.settings_button = QPushButton("文书设置…")
        self.preview = PdfPreview()
        self.pages_label = note()
        self.print_button = QPushButton("打印…")
        self.save_button = QPushButton("保存PDF…")
        self.word_button = QPushButton("保存为Word…", toolTip="保存为可编辑的 Word 文件（.docx），可在 WPS 或 Word 中修改后再印发")
        self.word_task = None
        layout = QVBoxLayout(self)
        layout.addLayout(self.header_row())
        layout.addLayout(self._options_row())
        splitter = ListSplitter(Qt.Orientation.Horizontal, "documents", self.table, share=0.42)
        splitter.addWidget(self.table)
        splitter.addWidget(self._preview_panel())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setCollapsible(1, False)
        self.first_column = FirstColumnFits(self.table)
        layout.addWidget(splitter, 1)

    def _options_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.option_labels = {}
        for text, box in (("文书", self.kind_box), ("单位", self.unit_box), ("排序", self.order_box),
                          ("签到表", self.half_box)):
            label = QLabel(text)
            label.setBuddy(box)
            self.option_labels[box] = label
            row.addWidget(label)
            row.addWidget(box)
            row.addSpacing(8)
        row.addStretch(1)
        row.addWidget(self.settings_button)
        return row

    def _preview_panel(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview, 1)
        bar = QHBoxLayout()
        bar.addWidget(self.pages_label, 1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addWidget(self.word_button)
        layout.addLayout(bar)
        return panel

    # Choosing

    @property
    def choice(self) -> Choice:
        return CHOICES[self.kind_box.currentIndex()]

    def on_kind_changed(self) -> None:
        choice = self.choice
        for box, shown in ((self.unit_box, choice.units), (self.order_box, choice.order),
                           (self.half_box, choice.half_days)):
            box.setVisible(shown)
            self.option_labels[box].setVisible(shown)
        if self.model.columns is not SCOPE_COLUMNS[choice.scope]:
            self.unit_word = SCOPE_WORDS[choice.scope]
            self.refresh()
            size_columns(self.table, self.model.columns)
            self.first_column.refit()
        self.schedule_preview()

    def rows(self) -> list:
        scope, db = self.choice.scope, self.session.db
        if scope == "plan":
            return plans.list_plans(db)
        return years(db) if scope == "year" else statistics.period_summaries(db)

    def _data_changed(self, kinds: Changed) -> None:
        if kinds & RELOAD_ON:
            self.refresh()

    def refresh(self) -> None:
        """Reloads the list, keeping the selected period, plan or year when it is still there."""
        selected = record_key(self.selected_record())
        self.model.set_scope(self.choice.scope, self.rows())
        keys = [record_key(record) for record in self.model.records()]
        if keys:
            row = keys.index(selected) if selected in keys else 0
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        self.show_selected()

    def show_selected(self) -> None:
        self._fill_units()
        self.schedule_preview()

    def _fill_units(self) -> None:
        record, previous = self.selected_record(), self.unit_box.currentData()
        self.unit_box.blockSignals(True)
        self.unit_box.clear()
        self.unit_box.addItem("全部单位", None)
        if record is not None and self.choice.scope == "period":
            for unit_id, name in period_units(self.session.db, record.period_id):
                self.unit_box.addItem(name, unit_id)
        self.unit_box.setCurrentIndex(max(self.unit_box.findData(previous), 0))
        self.unit_box.blockSignals(False)

    def current_request(self) -> DocumentRequest | None:
        record, choice = self.selected_record(), self.choice
        if record is None:
            return None
        if choice.scope == "plan":
            return DocumentRequest(choice.kind, plan_id=record.id)
        if choice.scope == "year":
            return DocumentRequest(choice.kind, year=record.year)
        return DocumentRequest(choice.kind, period_id=record.period_id,
                               unit_id=self.unit_box.currentData() if choice.units else None,
                               order=self.order_box.currentData() if choice.order else "unit",
                               half_days=bool(self.half_box.currentData()) if choice.half_days else False)

    # Preview

    def schedule_preview(self) -> None:
        """The choice changed: what is on screen may no longer be it, so nothing can be printed until the
        new preview is ready, and a preview still being made for an older choice is dropped."""
        self._stale, self.word_only = True, None
        self._generation += 1
        if self.preview_task is not None:
            self.preview_task.cancel.set()
            self.preview_task = None
        self._update_buttons()
        if self.isVisible():
            self.pages_label.setText("正在生成预览…")
            self._timer.start()

    def ready_to_send(self) -> bool:
        """Print and save only the finished preview of exactly what is chosen now."""
        return not self._stale and self.shown is not None and self.shown.printable.key == self.current_request()

    def _update_buttons(self) -> None:
        ready = self.ready_to_send()
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)
        self.word_button.setEnabled(self.word_printable() is not None)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._timer.start()

    def build_preview(self) -> None:
        if not self.isVisible():  # the user moved on (or the window closed) before the delay ran out
            self._stale = True
            return
        request = self.current_request()
        if request is None:
            self.shown = None
            self.preview.show_message("左侧列表中没有可选的项目。")
            self.pages_label.setText("")
            self._update_buttons()
            return
        if self.preview_task is not None:
            self.preview_task.cancel.set()  # an older preview nobody will look at
        self._stale, self._generation, self.word_only = False, self._generation + 1, None
        generation = self._generation
        printable = of_request(self.session.db, request)
        target = Path(self._folder.name) / f"预览-{generation}.pdf"
        self.pages_label.setText("正在生成预览…")
        self.preview_task = output.make(self, self.session, printable, target,
                                        lambda pages: self._preview_ready(generation, printable, target),
                                        lambda error: self._preview_failed(generation, error, printable))

    def _preview_ready(self, generation: int, printable: Printable, target: Path) -> None:
        if generation != self._generation:
            return  # made for a choice the user has since left
        self.shown = Shown(printable, self.preview.show_pdf(target), target)
        self.pages_label.setText(f"{printable.label}，共{self.shown.pages}页")
        self._update_buttons()

    def _preview_failed(self, generation: int, error: BaseException, printable: Printable | None = None) -> None:
        if generation != self._generation:
            return
        self.shown = None
        # a character no font here has: no PDF, but a Word file, whose reader's fonts draw it
        self.word_only = printable if isinstance(error, MissingGlyphs) and printable.word is not None else None
        self._update_buttons()
        self.preview.show_message(output.problem_text(error) + (output.WORD_STILL if self.word_only else ""))
        self.pages_label.setText("无法打印")

    # Printing and saving

    def print_preview(self) -> None:
        if self.ready_to_send():
            self.print_task = output.send_to_printer(self, self.session, self.shown)

    def save_pdf(self) -> None:
        if self.ready_to_send():
            output.save_copy(self, self.session, self.shown)

    def word_printable(self) -> Printable | None:
        """What 保存为Word saves: the finished preview's document, or the current choice's whose PDF a missing
        character stopped."""
        if self.ready_to_send():
            return self.shown.printable if self.shown.printable.word is not None else None
        if not self._stale and self.word_only is not None and self.word_only.key == self.current_request():
            return self.word_only
        return None

    def save_word(self) -> None:
        if (printable := self.word_printable()) is not None:
            self.word_task = output.save_word(self, self.session, printable)

    def open_settings(self) -> None:
        DocumentSettingsDialog(self.session, self).exec()
        self.schedule_preview()
