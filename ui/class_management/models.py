"""The tables of the 班级管理 tab: the trainees with 班委, group and 结业考核; the staff; the 学风督查 records."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from app.services.class_management.completion import assessment_text
from ui.common.record_model import Column, RecordTableModel, attr

FAILED_BRUSH = QBrush(QColor("#b3261e"))


class ClassTraineeModel(RecordTableModel):
    """Rows are EnrollmentRow (with 班委, group and 考核); failed rows are marked by the tab (failed_ids)."""

    columns = (
        Column("姓名", attr("person_name"), 6),
        Column("工作单位", attr("unit_name"), 12, elide_middle=True),
        Column("状态", attr("status"), 4),
        Column("班委", attr("committee_role"), 5),
        Column("小组", attr("study_group"), 5),
        Column("结业考核", lambda e: assessment_text(e.assessment_score, e.assessment_result), 8),
        Column("党性分析", lambda e: "已交" if e.party_analysis else "", 4),
        Column("研究报告", attr("report_title"), 14),
        Column("结业理由", attr("completion_reason"), 10),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self.failed_ids: set[int] = set()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() == 5 \
                and self._rows[index.row()].id in self.failed_ids:
            return FAILED_BRUSH
        return super().data(index, role)


class StaffModel(RecordTableModel):
    """Rows are PeriodStaff."""

    columns = (
        Column("职责", attr("role"), 5),
        Column("姓名", attr("name"), 6),
        Column("联系电话", attr("phone"), 9),
        Column("备注", attr("notes"), 8),
    )


class CheckModel(RecordTableModel):
    """Rows are DisciplineCheck."""

    columns = (
        Column("日期", attr("day"), 7),
        Column("督查人", attr("checker"), 9),
        Column("督查情况", attr("findings"), 24),
        Column("备注", attr("notes"), 6),
    )
