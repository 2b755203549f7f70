"""The needs survey's tables: the topics as edited (renamed in place), the units' returns, the ranking of the
tally, and the files of an import with what became of each."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from app.domain.survey import topic_error
from app.domain.text import clean
from app.services.survey.importer import REFUSED, SurveyFile
from app.services.survey.surveys import TopicDraft
from app.services.survey.tally import month_text, topic_label
from ui.common.record_model import Column, RecordTableModel
from ui.roster.roster_models import MUTED_BRUSH


class TopicsModel(QAbstractTableModel):
    """The survey's topics as edited, in order; the 培训专题 column is edited in place."""

    edited = Signal()
    HEADERS = ("序号", "培训专题", "来源")
    TOPIC = 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.drafts: list[TopicDraft] = []
        self.answered: dict[int, int] = {}

    def load(self, drafts: list[TopicDraft], answered: dict[int, int]) -> None:
        self.beginResetModel()
        self.drafts, self.answered = list(drafts), dict(answered)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.drafts)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    def flags(self, index):
        found = super().flags(index)
        return found | Qt.ItemFlag.ItemIsEditable if index.column() == self.TOPIC else found

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.drafts):
            return None
        draft = self.drafts[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (str(index.row() + 1), draft.topic, self._source(draft))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            problem = topic_error(draft.topic)
            return problem or (self._source(draft) if index.column() == 2 else draft.topic)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2:
            return MUTED_BRUSH
        return None

    def _source(self, draft: TopicDraft) -> str:
        text = draft.theme or ("新增" if draft.id is None else "")
        answered = self.answered.get(draft.id or 0)
        return text + (f"（{answered}个单位已提出需求）" if answered else "")

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != self.TOPIC:
            return False
        text = clean(value)
        if text == self.drafts[index.row()].topic:
            return False
        self.drafts[index.row()].topic = text
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def add(self, topic: str) -> int:
        row = len(self.drafts)
        self.beginInsertRows(QModelIndex(), row, row)
        self.drafts.append(TopicDraft(clean(topic)))
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove(self, row: int) -> TopicDraft:
        self.beginRemoveRows(QModelIndex(), row, row)
        removed = self.drafts.pop(row)
        self.endRemoveRows()
        self._renumber()
        self.edited.emit()
        return removed

    def move(self, row: int, step: int) -> int:
        target = row + step
        if not 0 <= target < len(self.drafts):
            return row
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + (1 if step > 0 else 0))
        self.drafts.insert(target, self.drafts.pop(row))
        self.endMoveRows()
        self._renumber()
        self.edited.emit()
        return target

    def _renumber(self) -> None:
        if self.drafts:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.drafts) - 1, 0))


class ReturnsModel(RecordTableModel):
    """Rows are app.storage.survey.ReturnLine."""

    columns = (
        Column("单位", lambda r: r.unit_name, 10),
        Column("导入日期", lambda r: r.received_on, 7),
        Column("专题数", lambda r: r.topics, 4, numeric=True),
        Column("人数", lambda r: r.people, 4, numeric=True),
        Column("联系人及电话", lambda r: r.contact, 12),
        Column("文件", lambda r: r.source, 12, elide_middle=True),
        Column("说明", lambda r: r.note, 16),
        Column("意见建议", lambda r: r.comments, 16),
    )


class RankingModel(RecordTableModel):
    """Rows are app.services.survey.tally.TopicDemand, ranked."""

    columns = (
        Column("排名", lambda t: t.rank, 3, numeric=True),
        Column("培训专题", topic_label, 18),
        Column("人数", lambda t: t.people, 4, numeric=True),
        Column("单位数", lambda t: len(t.units), 4, numeric=True),
        Column("集中月份", lambda t: month_text(t.top_months), 9),
        Column("干部类别（人）", lambda t: "、".join(f"{c}{n}" for c, n in sorted(t.by_category.items(),
                                                                          key=lambda i: -i[1])), 20),
    )


class FilesModel(RecordTableModel):
    """Rows are app.services.survey.importer.SurveyFile: what the import makes of each file."""

    columns = (
        Column("文件", lambda f: f.name, 14, elide_middle=True),
        Column("单位", lambda f: f.unit_name, 10),
        Column("结果", lambda f: f.status, 4),
        Column("专题数", lambda f: len(f.requests) if f.status != REFUSED else "", 4, numeric=True),
        Column("人数", lambda f: f.people if f.status != REFUSED else "", 4, numeric=True),
        Column("说明", lambda f: _explained(f), 30),
    )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and 0 <= index.row() < len(self._rows):
            found: SurveyFile = self._rows[index.row()]
            if role == Qt.ItemDataRole.ForegroundRole and found.status == REFUSED:
                from PySide6.QtGui import QBrush, QColor

                return QBrush(QColor("#b3261e"))
            if role == Qt.ItemDataRole.ToolTipRole and index.column() == len(self.columns) - 1:
                return "\n".join([*found.errors, *found.notes, found.replaces]).strip() or None
        return super().data(index, role)


def _explained(found: SurveyFile) -> str:
    if found.status == REFUSED:
        return "；".join(found.errors)
    return "；".join(filter(None, [found.replaces, *found.notes]))
