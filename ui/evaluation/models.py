"""Tables of 质量评估: a period's questions, sessions, lecturers and comments; a year's periods and classes; the
files of an import; a template's questions."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from app.domain import evaluation as scales
from ui.common.record_model import Column, RecordTableModel, attr

BELOW_BRUSH = QBrush(QColor("#b3261e"))
pct, avg = scales.percent, scales.average_text


class QuestionModel(RecordTableModel):
    """Rows are results.QuestionResult."""

    columns = (
        Column("类别", lambda q: q.line.section, 6),
        Column("评估项目", lambda q: q.label, 26),
        Column("人数", lambda q: q.figures.count, 4, numeric=True),
        Column("满意率", lambda q: pct(q.figures.rate), 6, numeric=True),
        Column("平均分", lambda q: avg(q.figures.average), 5, numeric=True),
        Column("各评价人数", attr("counts_text"), 20),
    )


class SessionModel(RecordTableModel):
    """Rows are results.SessionResult."""

    columns = (
        Column("日期", lambda s: s.session.day, 7),
        Column("时段", lambda s: s.session.half, 3),
        Column("课程", lambda s: s.session.topic, 22),
        Column("授课人", lambda s: s.session.lecturer, 6),
        Column("人数", lambda s: s.content.count, 4, numeric=True),
        Column("内容满意率", lambda s: pct(s.content.rate), 6, numeric=True),
        Column("授课满意率", lambda s: pct(s.teaching.rate), 6, numeric=True),
        Column("平均分", lambda s: avg(s.both.average), 5, numeric=True),
    )


class LecturerModel(RecordTableModel):
    """Rows are results.LecturerResult."""

    columns = (
        Column("授课人", attr("name"), 8),
        Column("课次", attr("sessions"), 4, numeric=True),
        Column("评价人次", lambda e: e.figures.count, 5, numeric=True),
        Column("满意率", lambda e: pct(e.figures.rate), 6, numeric=True),
        Column("平均分", lambda e: avg(e.figures.average), 5, numeric=True),
    )


class CommentModel(RecordTableModel):
    """Rows are (question, words)."""

    columns = (
        Column("意见建议", lambda c: c[1], 50),
        Column("题目", lambda c: c[0], 14),
    )


class _Flagged(RecordTableModel):
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and self._below(self._rows[index.row()]):
            return BELOW_BRUSH
        return super().data(index, role)

    @staticmethod
    def _below(record) -> bool:
        return bool(record.below)


class YearModel(_Flagged):
    """Rows are results.YearLine; a period below its threshold in red."""

    columns = (
        Column("期次", attr("title"), 26, elide_middle=True),
        Column("开班日期", attr("start_date"), 7),
        Column("收回份数", attr("responses"), 5, numeric=True),
        Column("满意率", lambda y: pct(y.figures.rate), 6, numeric=True),
        Column("警戒线", lambda y: f"{y.threshold:.0%}", 5, numeric=True),
        Column("提示", lambda y: "低于警戒线" if y.below else "", 6),
    )


class ClassYearModel(_Flagged):
    """Rows are results.ClassLine."""

    columns = (
        Column("班次", attr("class_name"), 26),
        Column("期数", attr("periods"), 4, numeric=True),
        Column("收回份数", attr("responses"), 5, numeric=True),
        Column("满意率", lambda c: pct(c.figures.rate), 6, numeric=True),
        Column("低于警戒线", lambda c: f"{c.below}期" if c.below else "", 6),
    )


class FileModel(RecordTableModel):
    """Rows are importer.FileCheck."""

    columns = (
        Column("文件", attr("name"), 18, elide_middle=True),
        Column("检查结果", attr("status"), 5),
        Column("说明", attr("outcome"), 40),
    )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and self._rows[index.row()].status == "未通过":
            return BELOW_BRUSH
        return super().data(index, role)


class ItemModel(RecordTableModel):
    """Rows are QuestionnaireItem, in their order."""

    columns = (
        Column("序号", lambda i: i.sort_order, 3, numeric=True),
        Column("类别", attr("section"), 6),
        Column("题目", attr("text"), 28),
        Column("题型", lambda i: scales.KINDS.get(i.kind, i.kind), 10),
    )
