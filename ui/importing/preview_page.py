"""Step 4, the preview of every row with its bad cells marked, then the import itself (one transaction,
with progress and cancel); step 5, the counts and the receipt for the unit."""
from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWizardPage

from app.domain.errors import UserError
from app.services import roster, units
from app.services.importing.commit import commit
from app.services.importing.receipt import explanation, outcome
from app.services.progress import Cancelled
from app.services.safety import error_log
from ui.common import messages
from ui.common.id_reveal import FullIdBox
from ui.common.widgets import make_table
from ui.common.write_access import writable
from ui.importing.preview_model import FILTERS, WIDTHS, PreviewFilter, PreviewModel
from ui.shell.changes import Changed

WARNING_STYLE = "color: #92400e; background: #fff7e6; padding: 4px;"
NOTE_STYLE = "color: #1e3a5f; background: #eef4fb; padding: 4px;"


class PreviewPage(QWizardPage):
    def __init__(self, wizard):
        super().__init__()
        self.wizard_ = wizard
        self.setTitle("预览")
        # one line at 150%: every line above the table is a row less of it on a small screen
        self.setSubTitle("红色：有错，该行不导入；黄色：已自动修正，或非标准名称按原文保存。鼠标停在单元格上可看说明。")
        self.setCommitPage(True)
        self.model = PreviewModel(self)
        self.proxy = PreviewFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self.proxy, (), self)
        self.table.setSortingEnabled(False)
        self.summary = QLabel(wordWrap=True)
        self.explained = QLabel(wordWrap=True, objectName="note")
        self.warnings = QLabel(wordWrap=True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.notes = QLabel(wordWrap=True)
        self.notes.setStyleSheet(NOTE_STYLE)
        self.full_ids = FullIdBox(wizard.session, "导入预览", self)
        self.full_ids.reveal.connect(self.model.set_unmasked)
        self.filter = QComboBox()
        for key, text in FILTERS.items():
            self.filter.addItem(text, key)
        self.filter.currentIndexChanged.connect(lambda: self.proxy.apply(self.filter.currentData()))
        receipt = QPushButton("保存检查结果…")
        receipt.clicked.connect(wizard.save_receipt)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.full_ids)
        top.addWidget(self.filter)
        bottom = QHBoxLayout()
        bottom.addWidget(self.explained, 1)
        bottom.addWidget(receipt)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.notes)
        layout.addWidget(self.warnings)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.table.selectionModel().currentRowChanged.connect(self._explain)

    def _explain(self, current) -> None:
        """The whole story of the row under the cursor, which the table's narrow cells cannot show."""
        if not current.isValid():
            self.explained.setText("")
            return
        row = self.model.row(self.proxy.mapToSource(current).row())
        text = explanation(row)
        self.explained.setText(f"第{row.line}行 {row.values['name']}：{outcome(row, committed=False)}"
                               + (f"。{text}" if text else ""))

    def initializePage(self) -> None:
        plan = self.wizard_.plan
        names = {unit.id: unit.name for unit in units.list_units(self.wizard_.db())}
        self.model.set_plan(plan, names)
        self._size_columns()
        self.summary.setText(plan.summary())
        self.warnings.setText("名额提示：" + "；".join(plan.warnings) if plan.warnings else "")
        self.warnings.setVisible(bool(plan.warnings))
        notes = list(plan.notes)
        if kept := plan.kept_note():
            notes.append(kept)
        self.notes.setText("；".join(notes))
        self.notes.setVisible(bool(notes))
        self.full_ids.where = f"导入预览：{plan.file_name}"
        self.filter.setCurrentIndex(1 if plan.count("reject") else 0)
        self.explained.setText("选中一行可在此看到它的全部问题说明。")

    def _size_columns(self) -> None:
        """As wide as what the first rows hold (the result words, the longest name), within a bound per
        column: a long 提示 is cut and shows whole in the line under the table and as a tooltip."""
        char = self.table.fontMetrics().horizontalAdvance("汉")
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(200)
        self.table.resizeColumnsToContents()
        for column, name in enumerate(self.model.headers()):
            bound = char * max(WIDTHS.get(name, 5), 10) + 12
            self.table.setColumnWidth(column, min(max(header.sectionSize(column), char * 2 + 12), bound))

    def cleanupPage(self) -> None:
        self.wizard_.plan_ready = False

    def isComplete(self) -> bool:
        plan = self.wizard_.plan
        return plan is not None and writable(self.wizard_.session) and any(not row.rejected for row in plan.rows)

    def validatePage(self) -> bool:
        wizard = self.wizard_
        if wizard.result is not None:
            return True
        plan = wizard.plan

        def work(db, progress):
            return commit(db, plan, progress)

        def done(result):
            wizard.result = result
            wizard.next()
        wizard.run(f"正在导入{sum(1 for row in plan.rows if not row.rejected)}行…", work, done, self._failed,
                   changed=Changed.UNITS | Changed.PEOPLE | Changed.ROSTER)
        return False

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            messages.info(self, "导入已取消", str(error))
        elif isinstance(error, UserError):  # the service's message already says nothing was changed
            messages.error(self, "导入未完成", str(error))
        else:
            messages.error(self, "导入未完成", "导入未完成，数据未作任何改动。" + error_log.internal_error(error))


class FinishPage(QWizardPage):
    def __init__(self, wizard):
        super().__init__()
        self.wizard_ = wizard
        self.setTitle("导入完成")
        self.counts = QLabel(wordWrap=True)
        receipt = QPushButton("保存回执…")
        receipt.clicked.connect(wizard.save_receipt)
        self.roster_button = QPushButton("打开名单")
        self.roster_button.setToolTip("关闭向导，打开本期学员名单（可接着打印入学通知书）")
        self.roster_button.clicked.connect(self.open_roster)
        note = QLabel("回执列出本表每一行的导入结果，未导入的行写明原因，可发回报送单位修改后重新报送。", wordWrap=True)
        note.setObjectName("note")
        row = QHBoxLayout()
        row.addWidget(self.roster_button)
        row.addWidget(receipt)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addStretch(1)

    def open_roster(self) -> None:
        """The period the list went into: the wizard closes and its roster window opens (or comes forward)."""
        from ui.roster.period_actions import open_period  # the roster window opens this wizard: not at import

        wizard = self.wizard_
        period_id, parent = wizard.options.period_id, wizard.parentWidget()
        wizard.accept()
        if period_id is not None:
            open_period(parent, wizard.session, period_id)

    def initializePage(self) -> None:
        result = self.wizard_.result
        self.roster_button.setVisible(self.wizard_.options.period_id is not None)
        extras = []
        if result.unchanged:
            extras.append(f"{result.unchanged}人已在档案中，未作改动")
        if result.already:
            extras.append(f"{result.already}人已在本期名单中，未重复加入")
        if result.units_created:
            extras.append("新建单位：" + "、".join(result.units_created))
        if (period_id := self.wizard_.options.period_id) is not None:
            period = roster.period_of(self.wizard_.db(), period_id)
            extras.insert(0, f"名单：{period.class_name} 第{period.number}期（{period.start_date}至{period.end_date}）"
                             "，点“打开名单”可接着打印入学通知书")
        self.counts.setText(
            f"<p style='font-size:13pt'>新增 <b>{result.added}</b> 人，更新 <b>{result.updated}</b> 人，"
            f"加入名单 <b>{result.enrolled}</b> 人，未导入 <b>{result.rejected}</b> 行。</p>"
            + "".join(f"<p>{escape(text)}</p>" for text in extras))
