"""Step 1: which file, into the archive only or into a period's roster (the period it was opened from, else
the next to begin; a closed one only after asking), and what to do with known people."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.domain.errors import UserError
from app.domain.status import PeriodStatus
from app.services import periods, units
from app.services.importing.pipeline import best_sheet
from app.services.importing.reader import FILE_FILTER, read_sheets
from ui.common import messages
from ui.common.files import ask_open_file
from ui.importing.period_picker import PeriodPicker
from ui.importing.template import download_template

MODE_HINTS = {"add": "仅新增：档案中已有的人（身份证号码相同）保持不变",
              "add-update": "新增并更新：已有的人按本表更新职务、电话等（空白单元格不覆盖）",
              "update": "仅更新：只更新档案中已有的人，不新增"}


class FilePage(QWizardPage):
    def __init__(self, wizard):
        super().__init__()
        self.wizard_ = wizard
        self.loaded_path: Path | None = None
        self._closed_asked: int | None = None
        self.setTitle("选择名单文件")
        self.setSubTitle("支持 Excel（.xlsx、.xls，包括 WPS 保存的）、CSV 和 Unicode 文本（.txt）。")
        self.path = QLineEdit(placeholderText="选择单位报送的名单文件")
        self.path.textChanged.connect(self.completeChanged)
        browse = QPushButton("选择文件…")
        browse.clicked.connect(self.browse)
        template = QPushButton("下载模板…")
        template.clicked.connect(self.template)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        file_row.addWidget(template)
        self.archive_only = QRadioButton("仅导入人员档案")
        self.into_period = QRadioButton("导入人员档案，并加入期次名单：")
        self.period = PeriodPicker()
        self.default_unit = QComboBox(minimumContentsLength=12)
        self.modes = QButtonGroup(self)
        form = QFormLayout()
        form.addRow("文件", file_row)
        target = QVBoxLayout()
        target.addWidget(self.archive_only)
        target.addWidget(self.into_period)
        period_row = QHBoxLayout()
        period_row.addSpacing(self.fontMetrics().horizontalAdvance("汉") * 2)  # under the choice it belongs to
        period_row.addWidget(self.period, 1)
        target.addLayout(period_row)
        form.addRow("导入到", target)
        form.addRow("已有的人", self._mode_buttons())
        form.addRow("未填单位的行", self.default_unit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        self._fill()
        self.period.changed.connect(lambda: self.into_period.setChecked(True))  # choosing a period means into it

    def _mode_buttons(self) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        for index, (mode, hint) in enumerate(MODE_HINTS.items()):
            button = QRadioButton(hint)
            button.setProperty("mode", mode)
            self.modes.addButton(button, index)
            column.addWidget(button)
        self.modes.button(0).setChecked(True)
        return holder

    def _fill(self) -> None:
        db = self.wizard_.db()
        preset = self.wizard_.options.period_id
        self.period.set_periods(periods.entries(db, keep=preset), preset, self.wizard_.today)
        (self.into_period if preset is not None else self.archive_only).setChecked(True)
        self.default_unit.addItem("不指定（留空）", None)
        for unit in units.list_units(db):
            self.default_unit.addItem(unit.name, unit.id)

    def template(self) -> None:
        """The blank list, titled for the chosen period when the list goes into one."""
        if self.into_period.isChecked() and (entry := self.period.current()) is not None:
            download_template(self, entry.label.replace(" ", "") + "学员信息报送表")
        else:
            download_template(self)

    def browse(self) -> None:
        typed = Path(self.path.text().strip())
        path = ask_open_file(self, "选择名单文件", FILE_FILTER, typed.parent if typed.name else "")
        if path is not None:
            self.path.setText(str(path))

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:
        options = self.wizard_.options
        options.mode = self.modes.checkedButton().property("mode")
        into = self.period.current() if self.into_period.isChecked() else None
        if self.into_period.isChecked() and into is None:
            messages.info(self, "导入到期次", "没有符合筛选的期次：请清除筛选文字，或在列表中选一期。")
            return False
        if into is not None and PeriodStatus.is_closed(into.status) and into.id != self._closed_asked:
            question = f"{into.label}已结班（名单已锁定、学时已计入），仍要导入吗？"
            if messages.choose(self, "导入到已结班的期次", question, ["仍要导入", "取消"], default=1) != 0:
                return False
            self._closed_asked = into.id  # asked once: going back and on again does not ask twice
        options.period_id = into.id if into is not None else None
        options.default_unit_id = self.default_unit.currentData()
        path = Path(self.path.text().strip())
        if path == self.loaded_path and self.wizard_.sheets:
            return True
        self._read(path)
        return False

    def _read(self, path: Path) -> None:
        def work(db, progress):
            sheets = read_sheets(path)
            if not sheets:
                raise UserError(f"“{path.name}”中没有可读取的工作表")
            return sheets

        def done(sheets):
            wizard = self.wizard_
            wizard.path, wizard.sheets, self.loaded_path = path, sheets, path
            wizard.sheet, wizard.layout_ = best_sheet(sheets)
            wizard.next()
        self.wizard_.run(f"正在读取“{path.name}”…", work, done)
