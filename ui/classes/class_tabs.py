"""The class form's 基本信息 and 课程与学时 tabs: rows of bound fields in scrollable forms."""
from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QWidget

from app.domain import vocab
from app.domain.funds import ORGANISER_KINDS
from app.domain.models import TrainingClass
from app.domain.teaching import Taught
from ui.classes.coverage_editor import CoverageEditor
from ui.common.fields import Fields
from ui.common.widgets import note


def scrolling(content: QWidget) -> QScrollArea:
    """A tab's content that scrolls when the screen is small (1366×768 at 150%)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(content)
    return area


def form_layout(parent: QWidget) -> QFormLayout:
    form = QFormLayout(parent)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    return form


def basic_tab(fields: Fields, plan_choices: list[tuple[str, int | None]],
              unit_choices: list[tuple[str, int | None]]) -> QScrollArea:
    content = QWidget()
    form = form_layout(content)
    form.addRow("班次名称", fields.line("name", "如：科级干部培训班"))
    form.addRow("所属计划", fields.choice("plan_id", plan_choices))
    form.addRow("落实要点", fields.choice("plan_item_id", [("（不对应具体要点）", None)]))
    form.addRow("计划内序号", fields.number("seq", 999))
    form.addRow("班次类型", fields.choice("kind", [(kind, kind) for kind in vocab.words("class_kinds")]))
    form.addRow("举办方式", fields.choice("organiser_kind", [(kind, kind) for kind in ORGANISER_KINDS]))
    form.addRow("举办单位", fields.choice("unit_id", unit_choices))
    form.addRow("培训主题", fields.line("theme"))
    form.addRow("主办单位", fields.line("organizer", "如：中共xx县委组织部"))
    form.addRow("承办单位", fields.line("host", "如：中共xx县委党校"))
    form.addRow("培训地点", fields.line("place", "各期未另填地点时用此地点"))
    form.addRow("调训对象", fields.text("target_trainees", 3))
    form.addRow("重点内容", fields.text("focus", 4))
    form.addRow("培训费", fields.real("fee", 99999, " 元/人", 0))
    form.addRow("调训方式", fields.check("roll_call", "点名调训（选调的学员必须参训，未完成的列为待补训）"))
    form.addRow("备注", fields.line("notes"))
    coverage = CoverageEditor()
    form.addRow("全覆盖对象", fields.custom("coverage", coverage, coverage.value, coverage.set_value, coverage.changed))
    form.addRow("", note("勾选后，统计页的“全覆盖”列出其中尚未参加本班次的人。"))
    return scrolling(content)


class HoursTab(QWidget):
    """学制 and course hours, with the shares the rules look at shown as they are typed."""

    def __init__(self, fields: Fields):
        super().__init__()
        form = form_layout(self)
        form.addRow("学制", fields.number("length_days", 999, " 天"))
        form.addRow("总课时", fields.real("total_hours", 9999, " 课时"))
        form.addRow("党性教育课时", fields.real("party_spirit_hours", 9999, " 课时"))
        form.addRow("领导干部讲课课时", fields.real("leader_lecture_hours", 9999, " 课时"))
        form.addRow("实岗锻炼", fields.number("practical_post_days", 999, " 天"))
        form.addRow("党性分析", fields.check("party_analysis", "安排学员进行党性分析"))
        self.shares = note()
        self.shares.setWordWrap(True)
        form.addRow(QLabel(), self.shares)

    def show_shares(self, c: TrainingClass, timetables: list[tuple[int, Taught]] = (), all_have_one: bool = False) -> None:
        """The typed shares, and those of the periods' timetables (number, sums), which the rules check instead."""
        lines = [] if all_have_one else [self._typed_shares(c)]
        for number, taught in timetables:
            if taught.total_hours:
                lines.append(f"第{number}期按课程表：共{taught.total_hours:g}学时，党性教育占 "
                             f"{taught.party_spirit_hours * 100 / taught.total_hours:.1f}%，领导干部讲课占 "
                             f"{taught.leader_lecture_hours * 100 / taught.total_hours:.1f}%。")
        if timetables and not all_have_one:
            lines[0] = "尚无课程表的期次按填报数字：" + lines[0]
        self.shares.setText("<br>".join(lines))

    @staticmethod
    def _typed_shares(c: TrainingClass) -> str:
        if not c.total_hours:
            return "填写总课时后，这里显示党性教育和领导干部讲课所占比例。"
        return (f"党性教育占总课时 {c.party_spirit_hours * 100 / c.total_hours:.1f}%，"
                f"领导干部讲课占 {c.leader_lecture_hours * 100 / c.total_hours:.1f}%。")
