"""A page that is one searchable, sortable list: a title, a search box, a count and a table. Enter opens the
selected record (`open_selected`), Del removes it after asking (`remove_selected`), where a page has them;
the table's column widths are kept between sessions."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from ui.common import messages
from ui.common.keys import list_keys
from ui.common.lazy import LoadsWhenShown
from ui.common.record_model import SORT_ROLE, RecordTableModel
from ui.common.widgets import heading, make_table, note
from ui.common.windows import remember_columns
from ui.common.write_access import READ_ONLY_TIP, writable

if TYPE_CHECKING:  # the session is the shell's; common widgets only hold one
    from ui.shell.session import Session


class ListPage(LoadsWhenShown, QWidget):
    title = ""
    search_hint = "搜索"
    unit_word = "条"
    model_class = RecordTableModel
    proxy_class = QSortFilterProxyModel  # a page whose filter is more than the search text brings its own
    select_first = False  # pages with a detail pane show the first record at once
    opening_writes = False  # Enter opens a form that saves (refused, with the reason, while read-only)

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = self.model_class(self)
        self.proxy = self.proxy_class(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.search = QLineEdit(placeholderText=self.search_hint, clearButtonEnabled=True)
        self.search.setObjectName("search")
        self.search.textChanged.connect(self.on_search)
        self.count_label = note()
        self.table = make_table(self.proxy, self.model.columns, self)
        self.proxy.modelReset.connect(self.update_count)
        self.proxy.layoutChanged.connect(self.update_count)
        self.proxy.rowsInserted.connect(self.update_count)
        self.proxy.rowsRemoved.connect(self.update_count)
        self.layout_page()
        self.table.selectionModel().selectionChanged.connect(self.show_selected)
        self._stale = True  # loaded when first shown: start-up only pays for the visible page
        session.database_changed.connect(self._database_changed)
        list_keys(self.table, self._open_key if hasattr(self, "open_selected") else None,
                  self._remove_key if hasattr(self, "remove_selected") else None)
        remember_columns(self.table, type(self).__name__)

    def _open_key(self) -> None:
        if not self.opening_writes or self._may_write("修改"):
            self.open_selected()

    def _remove_key(self) -> None:
        if self._may_write("删除"):
            self.remove_selected()

    def _may_write(self, action: str) -> bool:
        if writable(self.session):
            return True
        messages.info(self, action, READ_ONLY_TIP)
        return False

    def layout_page(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self.header_row())
        layout.addWidget(self.table, 1)

    def header_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(heading(self.title))
        row.addSpacing(12)
        row.addWidget(self.count_label)
        row.addStretch(1)
        for widget in self.filter_widgets():
            row.addWidget(widget)
        row.addWidget(self.search)
        self.search.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉") * 16)
        return row

    def filter_widgets(self) -> list[QWidget]:
        return []

    def rows(self) -> list:
        raise NotImplementedError

    def reload(self) -> None:
        """Another database was opened: rebuild what depends on it, then the rows."""
        self._stale = False
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self.rows())
        if self.select_first and self.proxy.rowCount():
            self.table.selectRow(0)
        elif self.select_first:
            self.show_selected()

    def show_selected(self) -> None:
        """Called when the selection changes; pages with a detail pane fill it here."""

    def on_search(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())

    def update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = f"共 {total} {self.unit_word}"
        self.count_label.setText(text if shown == total else f"找到 {shown} {self.unit_word}（{text}）")

    def select_id(self, record_id: int) -> bool:
        """Selects and shows the record with this id, if the filter lets it through."""
        row = next((row for row, record in enumerate(self.model.records()) if record.id == record_id), -1)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else None
        if index is None or not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def selected_record(self):
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        return self.model.record(self.proxy.mapToSource(indexes[0]).row())
