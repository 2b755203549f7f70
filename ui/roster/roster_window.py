"""The roster window of one period: its trainees with status, hours and key problems, warnings for
double booking and seats over quota, and the seats per unit. It stays open beside the main window."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain import vocab
from app.domain.errors import UserError
from app.domain.status import EnrollmentStatus
from app.services import quotas
from app.services import roster as roster_service
from app.services.exports.roster import export_roster, id_shown
from app.services.makeup import items as makeup_items
from ui.class_management.class_tab import ClassTab
from ui.classes import actions
from ui.common import messages
from ui.common.files import XLSX_FILTER, ask_save_file
from ui.common.flow_layout import FlowLayout, group
from ui.common.id_reveal import FullIdBox
from ui.common.keys import list_keys, on_keys
from ui.common.undo import undo_buttons
from ui.common.widgets import elided_heading, make_table, note
from ui.common.windows import remember_columns, remember_window
from ui.common.write_access import enable_writes, writable
from ui.documents import print_actions
from ui.evaluation.evaluation_tab import EvaluationTab
from ui.funds import fund_actions
from ui.funds.funds_tab import FundsTab
from ui.importing.launch import open_import_wizard
from ui.makeup.launch import open_makeup
from ui.roster.quota_panel import QuotaPanel
from ui.roster.roster_edits import RosterEdits
from ui.roster.roster_models import RosterModel
from ui.shell.changes import Changed
from ui.shell.session import Session
from ui.shell.shortcuts import window_keys
from ui.teaching import fee_actions
from ui.timetable.timetable_tab import TimetableTab

BANNER_STYLE = "color: #7f1d1d; background: #fdecea; border: 1px solid #f5c2c0; padding: 5px;"
RELOAD_ON = Changed.PEOPLE | Changed.UNITS | Changed.ROSTER | Changed.QUOTAS | Changed.PERIODS
EXPORT_QUESTION = ("名单含有身份证号码等个人信息。传阅、张贴或发给其他单位时，请隐去身份证号码中间部分；"
                   "只有报名、住宿登记等确需完整号码时才导出完整号码（会记入操作日志）。")
EXPORT_MASKED = "隐去中间部分（推荐）"
EXPORT_FULL = "导出完整身份证号码"


class RosterWindow(RosterEdits, QWidget):
    def __init__(self, parent: QWidget | None, session: Session, period_id: int):
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session, self.period_id = session, period_id
        self.undo_stack = QUndoStack(self)
        self.period = roster_service.period_of(session.db, period_id)
        self.setWindowTitle(f"学员名单 — {roster_service.period_title(self.period)}")
        self.title, self.facts = elided_heading(), note()
        self.facts.setWordWrap(True)
        self.banner = QLabel(wordWrap=True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.model = RosterModel(self)
        self.table = make_table(self.model, self.model.columns, self)
        self.table.setSortingEnabled(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.doubleClicked.connect(self.edit_trainee)
        self.order = QComboBox()
        for key, text in roster_service.ORDERS.items():
            self.order.addItem(text, key)
        self.order.currentIndexChanged.connect(self.refresh)
        self.quota_panel = QuotaPanel(session.db, period_id, self)
        self.quota_panel.print_button.clicked.connect(
            lambda: print_actions.print_unit_letters(self, self.session, self.period_id))
        self.quota_panel.saved.connect(lambda: self.session.announce(Changed.QUOTAS))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._roster_tab(), "学员名单")
        self.tabs.addTab(self.quota_panel, "名额分配")
        self.timetable_tab = TimetableTab(session, period_id, self.undo_stack, self)
        self.tabs.addTab(self.timetable_tab, "课程表")
        self.timetable_tab.counted.connect(lambda count: self.tabs.setTabText(2, f"课程表（{count}）"))
        self.timetable_tab.refresh()
        self.funds_tab = FundsTab(session, period_id, self, record_fees=self.record_fees, undo_stack=self.undo_stack)
        self.tabs.addTab(self.funds_tab, "经费")
        self.class_tab = ClassTab(session, period_id, self)
        self.tabs.addTab(self.class_tab, "班级管理")
        self.evaluation_tab = EvaluationTab(session, period_id, self)
        self.tabs.addTab(self.evaluation_tab, "评估")
        self.full_ids = FullIdBox(self.session, f"学员名单：{roster_service.period_title(self.period)}", self)
        self.full_ids.reveal.connect(self.model.set_unmasked)
        self.tabs.setCornerWidget(self.full_ids)
        self.tabs.currentChanged.connect(lambda index: self.full_ids.setVisible(index == 0))
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        for widget in self._undo_buttons() + self._period_buttons():
            header.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(header)
        layout.addWidget(self.facts)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        session.changed.connect(self._data_changed)
        session.database_changed.connect(self.close)
        remember_columns(self.table, "roster")
        remember_window(self, "roster", 1100, 680)
        self._keys()
        self.refresh()

    def _roster_tab(self) -> QWidget:
        tab = QWidget()
        self.write_buttons = []
        for text, slot, tip in (("添加学员…", self.add_people, "从人员档案中选择，可多选"),
                                ("新建学员…", self.new_person, "档案中没有此人时，新建并加入名单"),
                                ("导入名单…", self.import_list, "导入单位报送的 Excel 名单"),
                                ("更换…", self.replace, "更换选中的学员（开班前不足5天须说明原因）"),
                                ("编辑…", self.edit_trainee, "学时、重点难点问题或典型案例、备注"),
                                ("移出", self.remove, "把误加的人移出名单")):
            button = QPushButton(text, toolTip=tip)
            button.clicked.connect(slot)
            self.write_buttons.append(button)
        self.write_buttons.append(self._status_button())
        export = QPushButton("导出Excel…")
        export.clicked.connect(self.export)
        buttons = FlowLayout(last_to_the_right=True)  # the order and export wrap under the rest when narrow
        buttons.addWidget(group(*self.write_buttons))
        buttons.addWidget(group(self.order, export))
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        return tab

    def _undo_buttons(self) -> list[QWidget]:
        """撤销 / 重做 with Ctrl+Z / Ctrl+Y, and the table's right-click menu naming the step to undo."""
        self.undo_action, self.redo_action, self.undo_buttons = undo_buttons(self.undo_stack, self)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for text, slot in (("编辑…", self.edit_trainee), ("更换…", self.replace), ("移出", self.remove),
                           ("登记收费…", self.record_fees)):
            action = QAction(text, self.table)
            action.triggered.connect(slot)
            self.table.addAction(action)
        separator = QAction(self.table)
        separator.setSeparator(True)
        self.table.addActions([separator, self.undo_action, self.redo_action])
        return self.undo_buttons

    def _period_buttons(self) -> list[QPushButton]:
        """What is done with the whole period: its class, attendance and close-out, and one-click printing."""
        details = QPushButton("班次信息…", toolTip="打开本期所属班次的表单（日期、报到、课时、联系人）")
        details.clicked.connect(lambda: actions.open_class(self, self.session, self.period.class_id, self.period_id))
        attendance = QPushButton("考勤与结班…", toolTip="按半天登记出勤、请假、缺勤；结班计入学时")
        attendance.clicked.connect(self.open_attendance)
        makeup = QPushButton("补训…", toolTip="点名调训班次中未完成培训的学员：安排补训、免补训、打印补训通知")
        makeup.clicked.connect(self.open_makeup)
        printing = QPushButton("打印")
        menu = QMenu(printing)
        for text, action in (("入学通知书…", print_actions.print_admission_letters),
                             ("签到表…", print_actions.print_sign_in_sheets),
                             ("学员名册…", lambda parent, session, period_id: print_actions.print_roster(
                                 parent, session, period_id, "strokes" if self.order.currentData() == "strokes" else "unit")),
                             ("结业证书…", print_actions.print_certificates),
                             ("本期汇总…", print_actions.print_period_summary),
                             ("讲课费发放表…", fee_actions.print_period_fees),
                             ("经费结算表…", fund_actions.print_settlement)):
            item = QAction(text, menu)
            item.triggered.connect(lambda checked=False, act=action: act(self, self.session, self.period_id))
            menu.addAction(item)
        printing.setMenu(menu)
        self.print_menu, self.printing = menu, printing
        return [details, attendance, makeup, printing]

    def _keys(self) -> None:
        """Esc closes, F1 helps, Ctrl+P opens the print menu; in the list Enter edits and Del removes (asking)."""
        window_keys(self, lambda: "class-management" if self.tabs.currentWidget() is self.class_tab else "roster")
        on_keys(self, ("Ctrl+P",), self.printing.showMenu, Qt.ShortcutContext.WindowShortcut)
        list_keys(self.table, self.edit_trainee, self._remove_key)

    def _remove_key(self) -> None:
        if writable(self.session):
            self.remove()

    def open_attendance(self) -> None:
        from ui.roster.attendance_dialog import AttendanceDialog

        dialog = AttendanceDialog(self.session, self.period_id, self, self.order.currentData() or "unit")
        dialog.exec()
        dialog.deleteLater()

    def open_makeup(self) -> None:
        open_makeup(self, self.session, self.period.class_id)

    def _status_button(self) -> QPushButton:
        button = QPushButton("设置状态")
        menu = QMenu(button)
        for status in vocab.words("enrollment_statuses"):
            if not EnrollmentStatus.is_replaced(status):
                action = QAction(status, menu)
                action.triggered.connect(lambda checked=False, s=status: self.set_status(s))
                menu.addAction(action)
        button.setMenu(menu)
        return button

    def refresh(self) -> None:
        db = self.session.db
        self.period = roster_service.period_of(db, self.period_id)
        lines = roster_service.roster(db, self.period_id, self.order.currentData() or "unit")
        busy = roster_service.double_booked(db, self.period_id)
        self.model.set_roster(lines, busy, makeup_items.makeups_in(db, self.period_id))
        active = [line for line in lines if line.active]
        p = self.period
        self.title.setText(f"{p.class_name}　第{p.number}期")
        self.facts.setText(f"{p.start_date} 至 {p.end_date}，{p.days}天　报到：{p.report_time or '未定'} {p.report_place}"
                           f"　状态：{p.status}　学员 {len(active)} 人" + (f" / 计划 {p.capacity} 人" if p.capacity else ""))
        self.tabs.setTabText(0, f"学员名单（{len(active)}）")
        self._banner(quotas.warnings(db, self.period_id), [line for line in active if line.person_id in busy])
        self.quota_panel.set_writable(writable(self.session))
        self.quota_panel.refresh()
        enable_writes(self.session, self.write_buttons)

    def _banner(self, over: list[str], busy: list) -> None:
        parts = []
        if over:
            shown = "；".join(over[:3]) + (f"；另有{len(over) - 3}个单位（见“名额分配”）" if len(over) > 3 else "")
            parts.append("名额：" + shown)
        if busy:
            parts.append(f"多头调训：{'、'.join(line.name for line in busy)}同时在其他期次名单中（见“提示”列）")
        self.banner.setText("⚠ " + "\n⚠ ".join(parts) if parts else "")
        self.banner.setVisible(bool(parts))

    def selected_lines(self) -> list:
        return [self.model.record(index.row()) for index in self.table.selectionModel().selectedRows()]

    def record_fees(self) -> int:
        lines = self.selected_lines()
        unit = lines[0].unit_id if lines else None
        return fund_actions.record_fees(self, self.session, self.period_id, [line.enrollment_id for line in lines], unit)

    def import_list(self) -> None:
        open_import_wizard(self, self.session, self.period_id)

    def export(self) -> None:
        full_ids = self._export_full_ids()
        if full_ids is None:
            return
        name = f"{roster_service.period_title(self.period)}学员名单.xlsx".replace("/", "-")
        path = ask_save_file(self, "导出名单", name, XLSX_FILTER)
        if path is None:
            return
        try:
            saved = export_roster(self.session.db, self.period_id, path, self.order.currentData(),
                                  full_ids=full_ids)
        except UserError as problem:
            messages.error(self, "未能导出", str(problem))
            return
        messages.info(self, "导出名单", f"已导出（{id_shown(full_ids)}）：\n{saved}")

    def _export_full_ids(self) -> bool | None:
        """Masked unless the user chooses full numbers; None when cancelled. Read-only sessions export masked."""
        if not writable(self.session):
            return False
        answer = messages.choose(self, "导出名单", EXPORT_QUESTION, [EXPORT_MASKED, EXPORT_FULL, "取消"])
        return {0: False, 1: True}.get(answer)

    def _data_changed(self, kinds: Changed) -> None:
        if kinds & RELOAD_ON:
            self.refresh()
