"""The people archive as a table that reads a page at a time (canFetchMore / fetchMore), so a search
over 100,000 people shows its first rows at once and the rest as the list is scrolled."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex

from app.services import people
from ui.people.models import PeopleModel

PAGE = 200


class PagedPeopleModel(PeopleModel):
    """PeopleModel's columns over the rows of one search, read in pages as the view asks for them."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pages: people.PeoplePages | None = None

    @property
    def total(self) -> int:
        return self._pages.total if self._pages else 0

    def search(self, db, found: people.PeopleFilter) -> None:
        """Starts a new search: the first page now, the rest when the view scrolls to it."""
        self._pages = people.PeoplePages(db, found)
        self.set_rows(self._pages.page(0, PAGE))

    def clear(self) -> None:
        self._pages = None
        self.set_rows([])

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._pages is not None and len(self._rows) < self._pages.total

    def fetchMore(self, parent=QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        more = self._pages.page(len(self._rows), PAGE)
        if not more:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def row_of(self, person_id: int) -> int:
        """The row showing a person among those read so far, or -1."""
        return next((row for row, person in enumerate(self._rows) if person.id == person_id), -1)
