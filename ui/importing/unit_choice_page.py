"""Step 3 (only when needed): units the list names that the archive does not know, each mapped to an
existing unit (the likeliest is suggested), created, or left out."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget, QWizardPage

from app.services import units
from app.services.importing.check import CREATE_UNIT, SKIP_UNIT
from app.services.importing.pipeline import suggest_unit


class UnitChoicePage(QWizardPage):
    def __init__(self, wizard):
        super().__init__()
        self.wizard_ = wizard
        self.boxes: dict[str, QComboBox] = {}
        self.setTitle("对应单位")
        self.setSubTitle("名单中有单位不在单位名录里。请把它对应到已有单位，或新建，或不导入这些行。")
        self.scroll = QScrollArea(widgetResizable=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)

    def initializePage(self) -> None:
        known = units.list_units(self.wizard_.db())
        form = QFormLayout()
        self.boxes = {}
        for name, count in self.wizard_.unknown.items():
            box = QComboBox(minimumContentsLength=16)
            box.addItem(f"新建单位“{name}”", CREATE_UNIT)
            box.addItem("不导入这些行", SKIP_UNIT)
            for unit in known:
                box.addItem(f"对应到：{unit.name}", unit.id)
            suggestion = suggest_unit(name, known)
            if suggestion is not None:
                box.setCurrentIndex(box.findData(suggestion.id))
            self.boxes[name] = box
            form.addRow(QLabel(f"“{name}”（{count}行）"), box)
        holder = QWidget()
        holder.setLayout(form)
        self.scroll.setWidget(holder)

    def choices(self) -> dict[str, int]:
        return {name: box.currentData() for name, box in self.boxes.items()}

    def validatePage(self) -> bool:
        self.wizard_.options.unit_choices = self.choices()
        return self.wizard_.check_then_next()
