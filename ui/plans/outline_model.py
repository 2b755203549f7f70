"""A plan's headings (一、二、…) with their work points (1. … 22.) as a two-level tree, edited in memory;
numbers always follow the order, so moving a point renumbers everything after it."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal

from app.domain.models import PlanItem, PlanSection
from app.domain.text import chinese_numeral
from app.services.plans import SectionOutline

HEADERS = ("标题与要点", "落实班次")


class OutlineModel(QAbstractItemModel):
    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.sections: list[SectionOutline] = []
        self.classes: dict[int, list[str]] = {}  # work point id -> names of the classes carrying it out

    def set_outline(self, sections: list[SectionOutline], classes: dict[int, list[str]]) -> None:
        self.beginResetModel()
        self.sections = [SectionOutline(replace(s.section), [replace(i) for i in s.items]) for s in sections]
        self.classes = classes
        self.endResetModel()

    def outline(self) -> list[SectionOutline]:
        return [SectionOutline(replace(s.section), [replace(i) for i in s.items]) for s in self.sections]

    # -- positions: a section index has internalId 0; an item's is its section's row + 1

    def index(self, row, column, parent=QModelIndex()):
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1 if parent.isValid() else 0)

    def parent(self, index):
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent=QModelIndex()) -> int:
        if not parent.isValid():
            return len(self.sections)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.sections[parent.row()].items)
        return 0

    def columnCount(self, parent=QModelIndex()) -> int:
        return len(HEADERS)

    def position(self, index) -> tuple[int, int | None]:
        """(section row, item row or None) of an index."""
        if index.internalId() == 0:
            return index.row(), None
        return index.internalId() - 1, index.row()

    def item_number(self, section_row: int, item_row: int) -> int:
        return sum(len(s.items) for s in self.sections[:section_row]) + item_row + 1

    def node(self, index) -> PlanSection | PlanItem:
        section_row, item_row = self.position(index)
        outline = self.sections[section_row]
        return outline.section if item_row is None else outline.items[item_row]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        section_row, item_row = self.position(index)
        node = self.node(index)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 1:
                return "、".join(self.classes.get(node.id, [])) if item_row is not None else ""
            if item_row is None:
                return f"{chinese_numeral(section_row + 1)}、{node.title}"
            text = f"{self.item_number(section_row, item_row)}. {node.title}"
            return text if role == Qt.ItemDataRole.DisplayRole else f"{text}{node.body}"
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def set_text(self, index, title: str, body: str | None = None) -> None:
        node = self.node(index)
        node.title = title
        if body is not None:
            node.body = body
        self.dataChanged.emit(index.siblingAtColumn(0), index.siblingAtColumn(1))
        self.edited.emit()

    # -- edits; each returns the (section row, item row) where the touched node now stands

    def _changed(self) -> None:
        self.endResetModel()
        self.edited.emit()

    def add_section(self, after: int) -> tuple[int, None]:
        self.beginResetModel()
        self.sections.insert(after + 1, SectionOutline(PlanSection(0, 0, "新标题"), []))
        self._changed()
        return after + 1, None

    def add_item(self, section_row: int, after: int | None) -> tuple[int, int]:
        items = self.sections[section_row].items
        row = len(items) if after is None else after + 1
        self.beginResetModel()
        items.insert(row, PlanItem(0, 0, "新要点。"))
        self._changed()
        return section_row, row

    def remove(self, section_row: int, item_row: int | None) -> SectionOutline | PlanItem:
        """Takes a heading (with its points) or a point out; returns it, for put() to bring back."""
        self.beginResetModel()
        taken = self.sections.pop(section_row) if item_row is None else self.sections[section_row].items.pop(item_row)
        self._changed()
        return taken

    def put(self, section_row: int, item_row: int | None, node: SectionOutline | PlanItem) -> tuple[int, int | None]:
        """Puts back what remove() took, where it was."""
        self.beginResetModel()
        if item_row is None:
            self.sections.insert(section_row, node)
        else:
            self.sections[section_row].items.insert(item_row, node)
        self._changed()
        return section_row, item_row

    def move(self, section_row: int, item_row: int | None, step: int) -> tuple[int, int | None]:
        self.beginResetModel()
        try:
            return self._move_section(section_row, step) if item_row is None else \
                self._move_item(section_row, item_row, step)
        finally:
            self._changed()

    def _move_section(self, row: int, step: int) -> tuple[int, None]:
        target = row + step
        if 0 <= target < len(self.sections):
            self.sections[row], self.sections[target] = self.sections[target], self.sections[row]
            return target, None
        return row, None

    def _move_item(self, section_row: int, item_row: int, step: int) -> tuple[int, int]:
        """Within its heading; past the first or last point it moves into the neighbouring heading."""
        items = self.sections[section_row].items
        target = item_row + step
        if 0 <= target < len(items):
            items[item_row], items[target] = items[target], items[item_row]
            return section_row, target
        neighbour = section_row + step
        if not 0 <= neighbour < len(self.sections):
            return section_row, item_row
        moved = items.pop(item_row)
        into = self.sections[neighbour].items
        into.insert(len(into) if step < 0 else 0, moved)
        return neighbour, len(into) - 1 if step < 0 else 0
