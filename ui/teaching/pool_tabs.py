"""The 师资 page's 教学基地 tab (bases with the sessions held there) and 课程库 tab (topics taught again and again,
marked 精品课程 / 典型案例). Each has its own table and filter; the page's search box feeds both."""
from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.domain import teaching
from app.domain.errors import UserError
from app.domain.teaching_records import TeachingBase
from app.services.teaching import lecturers, pool
from ui.common import messages
from ui.common.confirm import ask_then_delete
from ui.common.record_model import RECORD_ROLE, SORT_ROLE
from ui.common.splitters import ListSplitter
from ui.common.widgets import make_table, note
from ui.common.windows import remember_columns
from ui.common.write_access import enable_writes
from ui.roster import period_actions
from ui.shell.changes import Changed
from ui.teaching.pool_dialogs import BaseDialog
from ui.teaching.pool_models import BaseModel, TaughtModel, TopicModel


def filtered_table(owner: QWidget, model, key: str):
    proxy = QSortFilterProxyModel(owner)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    table = make_table(proxy, model.columns, owner)
    remember_columns(table, key)
    return proxy, table


def selected(table, proxy, model):
    rows = table.selectionModel().selectedRows()
    return model.record(proxy.mapToSource(rows[0]).row()) if rows else None


def open_taught(parent: QWidget, session, table, proxy, model) -> None:
    taught = selected(table, proxy, model)
    if taught is not None:
        period_actions.open_period(parent, session, taught.session.period_id)


def buttons_row(specs) -> tuple[QHBoxLayout, list[QPushButton]]:
    row, made = QHBoxLayout(), []
    for text, slot in specs:
        button = QPushButton(text)
        button.clicked.connect(slot)
        row.addWidget(button)
        made.append(button)
    row.addStretch(1)
    return row, made


class BasesTab(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.model, self.held = BaseModel(self), TaughtModel(self)
        self.proxy, self.table = filtered_table(self, self.model, "TeachingBases")
        self.held_proxy, self.held_table = filtered_table(self, self.held, "TeachingBaseSessions")
        self.held_table.setToolTip("双击打开该期次的窗口")
        self.held_table.doubleClicked.connect(
            lambda: open_taught(self, session, self.held_table, self.held_proxy, self.held))
        self.table.doubleClicked.connect(self.edit_base)
        self.table.selectionModel().selectionChanged.connect(self.show_selected)
        row, self.write_buttons = buttons_row((("新增基地…", self.add_base), ("修改…", self.edit_base),
                                               ("删除", self.delete_base)))
        self.held_label = note("在此的教学安排")
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 4, 0, 0)
        lower_layout.addWidget(self.held_label)
        lower_layout.addWidget(self.held_table, 1)
        splitter = ListSplitter(Qt.Orientation.Vertical, "teaching_bases", self.table)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(splitter, 1)

    def refresh(self) -> None:
        enable_writes(self.session, self.write_buttons)
        chosen = self.current()
        self.model.set_rows(pool.base_rows(self.session.db))
        self.select(chosen.id if chosen else None)

    def current(self):
        return selected(self.table, self.proxy, self.model)

    def select(self, base_id) -> None:
        rows = [r for r in range(self.proxy.rowCount()) if self.proxy.index(r, 0).data(RECORD_ROLE).id == base_id]
        if rows or self.proxy.rowCount():
            self.table.selectRow(rows[0] if rows else 0)
        self.show_selected()

    def show_selected(self) -> None:
        base = self.current()
        self.held.set_rows(pool.base_sessions(self.session.db, base.id) if base else [])
        self.held_label.setText(f"在“{base.name}”的教学安排：{self.held.rowCount()}节（双击打开期次）" if base else "在此的教学安排")

    def add_base(self) -> None:
        self._edit(TeachingBase(name=""))

    def edit_base(self) -> None:
        base = self.current()
        if base is None:
            messages.info(self, "修改教学基地", "请先在列表中选择一个教学基地。")
            return
        self._edit(TeachingBase(**{k: getattr(base, k) for k in TeachingBase.__dataclass_fields__}))

    def _edit(self, base: TeachingBase) -> None:
        dialog = BaseDialog(self, self.session.db, base)
        if dialog.exec():
            self.session.announce(Changed.TEACHING)
            self.select(dialog.saved.id)
        dialog.deleteLater()

    def delete_base(self) -> None:
        base = self.current()
        if base is not None and ask_then_delete(self, "删除教学基地", f"确定删除“{base.name}”？",
                                                lambda: lecturers.delete_base(self.session.db, base.id)):
            self.session.announce(Changed.TEACHING)


class CoursesTab(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = TopicModel(self)
        self.proxy, self.table = filtered_table(self, self.model, "CourseLibrary")
        specs = [(f"标为{kind}", lambda _=False, k=kind: self.mark(k)) for kind in teaching.COURSE_KINDS]
        row, self.write_buttons = buttons_row([*specs, ("取消标记", lambda: self.mark(""))])
        self.summary = note()
        row.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        enable_writes(self.session, self.write_buttons)
        chosen = selected(self.table, self.proxy, self.model)
        topics = pool.course_library(self.session.db)
        self.model.set_rows(topics)
        repeated = sum(1 for t in topics if t.sessions > 1)
        marked = sum(1 for t in topics if t.kind)
        self.summary.setText(f"{len(topics)}个专题，其中多次讲授{repeated}个，已标记{marked}个")
        if chosen is not None:
            self.select_topic(chosen.topic)

    def select_topic(self, topic: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data() == topic:
                self.table.selectRow(row)
                return

    def mark(self, kind: str) -> None:
        topic = selected(self.table, self.proxy, self.model)
        if topic is None:
            messages.info(self, "课程库", "请先在列表中选择一个专题。")
            return
        try:
            pool.mark_topic(self.session.db, topic.topic, kind)
        except UserError as problem:
            messages.error(self, "未能标记", str(problem))
            return
        self.session.announce(Changed.TEACHING)
        self.select_topic(topic.topic)
