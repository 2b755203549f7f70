"""班次: every class of every plan, with the selected class's focus, trainees and periods below."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTextBrowser, QVBoxLayout

from app.services import classes

from ..models.lists import ClassesModel
from .list_page import ListPage


class ClassesPage(ListPage):
    title = "班次"
    search_hint = "搜索班次名称、类型、承办或调训对象"
    unit_word = "个班次"
    model_class = ClassesModel
    select_first = True

    def layout_page(self) -> None:
        self.detail = QTextBrowser(objectName="detail")
        self.detail.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(self.header_row())
        layout.addWidget(splitter, 1)

    def rows(self) -> list:
        return classes.list_classes(self.session.db)

    def show_selected(self) -> None:
        training_class = self.selected_record()
        if training_class is None:
            self.detail.clear()
            return
        periods = classes.list_periods(self.session.db, class_id=training_class.id)
        self.detail.setHtml(class_html(training_class, periods))


def class_html(c, periods) -> str:
    lines = [
        f"<h3>{escape(c.name)}</h3>",
        f"<p><b>主办：</b>{escape(c.organizer)}　<b>承办：</b>{escape(c.host)}　<b>地点：</b>{escape(c.place)}"
        f"　<b>培训费：</b>{c.fee:g}元/人</p>",
        f"<p><b>调训对象：</b>{escape(c.target_trainees)}</p>",
        f"<p><b>重点内容：</b>{escape(c.focus)}</p>",
        f"<p><b>计划：</b>举办{c.planned_periods}期、共培训{c.planned_trainees}人，学制{c.length_days}天；"
        f"总课时{c.total_hours:g}，其中党性教育{c.party_spirit_hours:g}、领导干部讲课{c.leader_lecture_hours:g}</p>",
    ]
    if periods:
        lines.append("<p><b>期次：</b>" + "；".join(
            f"第{p.number}期 {p.start_date} 至 {p.end_date}（{p.status}，{p.enrolled}人）" for p in periods) + "</p>")
    return "\n".join(lines)
