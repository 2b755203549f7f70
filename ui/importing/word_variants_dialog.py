"""设置 → 名称规范化: the words in the archive that are not standard (with how many people hold each), each
mapped by the clerk to a standard word. The mapping is saved with the office's data; later imports use it,
and the archive's words can be made standard at once."""
from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QVBoxLayout

from app.domain.errors import UserError
from app.services.importing import word_variants
from ui.common import messages
from ui.common.widgets import make_table, note
from ui.common.windows import remember_window
from ui.common.write_access import enable_writes
from ui.importing.word_variants_model import CHOICE, StandardWordDelegate, WordVariantsModel
from ui.shell.changes import Changed

EXPLAINED = ("下表是档案中不属于标准名称的写法。双击“对应为”一栏选择标准名称，保存后，以后导入的名单遇到这些写法会自动改为"
             "标准名称，并可把档案中已有的写法一并改正。对应关系随数据库保存。")


class WordVariantsDialog(QDialog):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("名称规范化")
        self.model = WordVariantsModel(self)
        self.table = make_table(self.model, (), self)
        self.table.setSortingEnabled(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.SelectedClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setItemDelegateForColumn(CHOICE, StandardWordDelegate(self.table))
        self.summary = note()
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("保存", QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button = buttons.addButton("改正档案中的写法…", QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.apply_button.clicked.connect(self.apply)
        buttons.rejected.connect(self.reject)
        explained = note(EXPLAINED)
        explained.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(explained)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        char = self.fontMetrics().horizontalAdvance("汉")
        for column, width in enumerate((5, 10, 3, 8)):
            self.table.setColumnWidth(column, width * char + 16)
        remember_window(self, "word-variants", char * 52, char * 38)
        self.reload()

    def reload(self) -> None:
        db = self.session.db
        self.model.set_rows(word_variants.seen_words(db))
        waiting = word_variants.pending(db)
        count = sum(change.count for change in waiting)
        self.summary.setText(f"共{self.model.rowCount()}种写法；其中{count}人的写法已可改为标准名称。" if count
                             else f"共{self.model.rowCount()}种写法。")
        enable_writes(self.session, (self.save_button, self.apply_button))
        self.apply_button.setEnabled(self.apply_button.isEnabled() and bool(waiting))

    def save(self) -> None:
        changed = self.model.changed()
        if not changed:
            messages.info(self, "名称规范化", "没有修改对应关系。")
            return
        try:
            word_variants.save_variants(self.session.db, changed)
        except UserError as problem:
            messages.error(self, "未能保存", str(problem))
            return
        self.reload()
        if self.apply_button.isEnabled():
            self.apply()

    def apply(self) -> None:
        """Offers to make the archive's words standard; one transaction after a backup."""
        waiting = word_variants.pending(self.session.db)
        if not waiting:
            return
        count = sum(change.count for change in waiting)
        listed = "\n".join(str(change) for change in waiting[:12]) + ("\n……" if len(waiting) > 12 else "")
        if messages.choose(self, "改正档案中的写法", f"将把档案中{count}人的写法改为标准名称：\n{listed}\n\n修改前会自动备份。",
                           ["改正", "暂不"], default=1) != 0:
            return
        try:
            done = word_variants.apply_variants(self.session.db)
        except UserError as problem:
            messages.error(self, "未能改正", str(problem))
            return
        self.session.announce(Changed.PEOPLE)
        self.reload()
        messages.info(self, "名称规范化", f"已把{sum(change.count for change in done)}人的写法改为标准名称。")
