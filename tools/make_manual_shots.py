"""Makes the manual's pictures (resources/manual/images/*.png) from the demo office, offscreen.

    python tools/make_manual_shots.py [NAME ...]      (no names: every picture)

A demo database is built in a temporary folder; each page and dialog is opened through the window's own
methods (no screen coordinates), given a fixed size, grabbed, and reduced to 256 colours so the manual stays
small. Run it again whenever the windows change. A picture that cannot be made is reported, its old file
kept, and the others are still made; the exit code says how many failed.
"""
from __future__ import annotations

import io
import json
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HOME = Path(tempfile.mkdtemp(prefix="traindesk-shots-"))
os.environ["TRAINDESK_HOME"] = str(HOME)
SCREEN = HOME / "screen.json"  # a 1920×1080 screen, so no window is cut down to Qt's 800×800 default
SCREEN.write_text(json.dumps({"screens": [{"name": "shots", "x": 0, "y": 0, "width": 1920, "height": 1080,
                                           "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from openpyxl import Workbook  # noqa: E402
from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice  # noqa: E402

from app.domain.idcard import check_digit  # noqa: E402
from app.services import classes, database, demo  # noqa: E402
from app.storage.lock import DatabaseLock  # noqa: E402
from ui.importing.steps import COLUMNS, FILE, PREVIEW  # noqa: E402
from ui.shell.main import make_app  # noqa: E402
from ui.shell.main_window import MainWindow  # noqa: E402
from ui.shell.session import Session  # noqa: E402

OUT = ROOT / "resources" / "manual" / "images"
WINDOW = (1100, 680)  # logical pixels: the main window as an office PC shows it
DIALOG = (940, 580)
ROSTER_PERIOD = ("科级干部培训班", 2)  # enrolling: quotas, letters, an import
ATTENDANCE_PERIOD = ("国企改革与管理培训班", 1)  # running: half-days marked
CALENDAR_DAY = date(2020, 9, 15)  # the day the demo office stands on
OFFICE_DB = r"数据库：C:\Users\干部教育科\AppData\Roaming\TrainingDesk\traindesk.db"


def settle(seconds: float = 0.25, until=None, timeout: float = 20.0) -> None:
    """Lets Qt lay out and paint (and background work finish, when `until` is given)."""
    end = time.monotonic() + (timeout if until else seconds)
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        if until is not None and until():
            break
        time.sleep(0.02)
    QCoreApplication.processEvents()


def save(widget, name: str, size: tuple[int, int] | None) -> Path:
    if size is not None:
        hint = widget.minimumSizeHint()
        widget.resize(max(size[0], hint.width()), max(size[1], hint.height()))
    widget.show()
    settle()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().toImage().save(buffer, "PNG")
    image = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")
    small = image.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    path = OUT / f"{name}.png"
    small.save(path, optimize=True)
    return path


class Office:
    """The demo office opened in a main window, and the periods the pictures show."""

    def __init__(self):
        self.app = make_app()
        path = HOME / "traindesk.db"
        with database.writing(path, create=True) as db:
            demo.build_demo(db)
        self.lock = DatabaseLock.acquire(path)
        self.session = Session(database.open_database(path, lock=self.lock), path, self.lock)
        self.window = MainWindow(self.session)
        self.window.resize(*WINDOW)
        self.window.show()
        periods = classes.list_periods(self.session.db)
        self.roster_period = self._period(periods, ROSTER_PERIOD)
        self.attendance_period = self._period(periods, ATTENDANCE_PERIOD)

    @staticmethod
    def _period(periods, wanted):
        found = [p for p in periods if (p.class_name, p.number) == wanted]
        return found[0] if found else max(periods, key=lambda p: p.enrolled)

    def page(self, *titles: str):
        """Shows the first of the pages the window has and returns it."""
        title = next(t for t in titles if t in self.window.page_titles())
        page = self.window.show_page(title)
        settle()
        return page

    def close(self) -> None:
        self.window.close()
        self.session.close()


def unit_list(path: Path) -> Path:
    """A unit's list as offices receive it: words of their own, one ID number mistyped."""
    rows = [("张建国", "1978-03-12", "县委办公室", "副主任", "正科", "汉", "党员"),
            ("李秀梅", "1985-11-02", "县委办公室", "科员", "科员", "汉族", "中共党员"),
            ("王志强", "1982-07-19", "县财政局", "股长", "主任科员", "汉族", "中共党员"),
            ("赵丽娟", "1990-01-25", "县财政局", "科员", "一级科员", "汉族", "群众"),
            ("陈海涛", "1980-05-30", "青龙乡", "副乡长", "副科", "汉族", "中共党员"),
            ("刘芳", "1988-09-14", "青龙乡", "科员", "二级科员", "回族", "中共预备党员")]
    book = Workbook()
    sheet = book.active
    sheet.append(["县委办公室等单位报送科级干部培训班学员名单"])
    sheet.append(["序号", "姓名", "性别", "民族", "出生日期", "公民身份号码", "工作单位", "现任职务", "职级", "政治面貌",
                  "手机号码"])
    for number, (name, birth, unit, post, rank, ethnic, party) in enumerate(rows, 1):
        first17 = f"500236{birth.replace('-', '')}{100 + number * 2 + (number % 2):03d}"
        digit = check_digit(first17)
        if number == 4:  # a slip of the pen: the preview marks it red and the receipt says why
            digit = "1" if digit == "0" else "0"
        gender = "男" if int(first17[16]) % 2 else "女"
        sheet.append([number, name, gender, ethnic, birth, first17 + digit, unit, post, rank, party,
                      f"1390000{number:04d}"])
    book.save(path)
    return path


def main_window(office: Office):
    office.page("期次", "班次")
    return office.window


def classes_page(office: Office):
    page = office.page("班次")
    name = office.roster_period.class_name
    column = [c.header for c in page.model.columns].index("班次名称")  # by its header: columns come and go
    for row in range(page.proxy.rowCount()):
        if page.proxy.index(row, column).data() == name:
            page.table.selectRow(row)
    return office.window


def class_form(office: Office, tab: int = 0):
    from ui.classes.class_dialog import ClassDialog

    draft = classes.load_draft(office.session.db, office.roster_period.class_id)
    dialog = ClassDialog(office.session.db, draft, office.window)
    dialog.tabs.setCurrentIndex(tab)
    if tab == 1:
        dialog.show_period(office.roster_period.id)
    return dialog


def periods_page(office: Office):
    if "期次" in office.window.page_titles():
        office.page("期次")
        return office.window
    return class_form(office, 1)  # before the periods page: the class form's 期次 tab


def calendar(office: Office):
    page = office.page("日历")
    page.go_to(CALENDAR_DAY)
    return office.window


def roster(office: Office, tab: int = 0):
    from ui.roster.period_actions import open_period

    window = open_period(office.window, office.session, office.roster_period.id)
    window.tabs.setCurrentIndex(tab)
    if tab == 1:
        window.quota_panel.every_unit.setChecked(True)
    return window


def period_tab(class_name: str, number: int, tab: int):
    """A period's window open at one of its tabs (课程表 2, 经费 3, 班级管理 4, 评估 5)."""
    def make(office: Office):
        from ui.roster.period_actions import open_period

        period_id = office.session.db.execute(
            "SELECT pe.id FROM periods pe JOIN training_classes c ON c.id = pe.class_id WHERE c.name = ? AND pe.number = ?",
            [class_name, number]).fetchone()[0]
        window = open_period(office.window, office.session, period_id)
        window.tabs.setCurrentIndex(tab)
        return window
    return make


def attendance(office: Office):
    from app.services import attendance as marks
    from ui.roster.attendance_dialog import AttendanceDialog

    period = office.attendance_period
    sheet = marks.sheet(office.session.db, period.id)
    if len(sheet.slots) > 2 and len(sheet.trainees) > 3:  # the next half-day from the sheet, one on leave, one away
        day, half = sheet.slots[2]
        marks.mark_slot(office.session.db, period.id, day, half)
        marks.set_mark(office.session.db, sheet.trainees[1].id, day, half, "请假")
        marks.set_mark(office.session.db, sheet.trainees[3].id, day, half, "缺勤")
    return AttendanceDialog(office.session, office.attendance_period.id, office.window)


def wizard_at(page_id: int):
    def make(office: Office):
        return _wizard(office, page_id)
    return make


def _wizard(office: Office, page_id: int):
    from ui.importing.wizard import ImportWizard

    wizard = ImportWizard(office.window, office.session, office.roster_period.id)
    wizard.show()
    listed = unit_list(HOME / "县委办公室等单位报送名单.xlsx")
    # the first page only shows the path: as on an office PC, not this script's temporary folder
    wizard.page(FILE).path.setText(r"D:\各单位报送\县委办公室等单位报送名单.xlsx" if page_id == FILE else str(listed))
    for step in (COLUMNS, PREVIEW):
        if wizard.currentId() == page_id:
            break
        wizard.next()
        settle(until=lambda step=step: wizard.currentId() == step)
    if page_id == PREVIEW:
        preview = wizard.page(PREVIEW)
        preview.filter.setCurrentIndex(0)
        preview.table.selectRow(2)  # 主任科员 kept as written, with its note below the table
    return wizard


def documents(office: Office):
    page = office.page("文书打印")
    for row in range(page.proxy.rowCount()):
        record = page.model.record(page.proxy.mapToSource(page.proxy.index(row, 0)).row())
        if getattr(record, "period_id", None) == office.roster_period.id:
            page.table.selectRow(row)
    page.build_preview()
    settle(until=lambda: page.shown is not None)
    return office.window


def welcome(office: Office):
    from ui.help.welcome import WelcomeDialog

    return WelcomeDialog(office.window, demo=True)


def dialog(module: str, name: str):
    def make(office: Office):
        import importlib

        return getattr(importlib.import_module(module), name)(office.session, office.window)
    return make


def shown_page(*titles: str):
    def make(office: Office):
        office.page(*titles)
        return office.window
    return make


def selected_page(*titles: str):
    def make(office: Office):
        page = office.page(*titles)
        if page.proxy.rowCount():
            page.table.selectRow(0)
        return office.window
    return make


def survey(office: Office):
    from ui.survey.launch import open_survey

    window = open_survey(office.window, office.session, 2021)
    window.tabs.setCurrentIndex(2)  # 汇总
    return window


# name -> (how to open it, size)
SHOTS = {
    "main-window": (main_window, WINDOW),
    "welcome": (welcome, None),  # the dialog sizes itself to its text
    "plans": (shown_page("计划"), WINDOW),
    "classes": (classes_page, WINDOW),
    "class-form": (class_form, DIALOG),
    "class-periods": (lambda office: class_form(office, 1), DIALOG),
    "periods": (periods_page, WINDOW),
    "calendar": (calendar, WINDOW),
    "units": (selected_page("单位"), WINDOW),
    "roster": (roster, (1000, 600)),
    "quotas": (lambda office: roster(office, 1), (1000, 600)),
    "import-file": (wizard_at(FILE), (880, 500)),
    "import-columns": (wizard_at(COLUMNS), (880, 560)),
    "import-preview": (wizard_at(PREVIEW), (1000, 560)),
    "word-variants": (dialog("ui.importing.word_variants_dialog", "WordVariantsDialog"), (860, 480)),
    "people": (selected_page("学员"), WINDOW),
    "documents": (documents, WINDOW),
    "document-settings": (dialog("ui.documents.document_settings", "DocumentSettingsDialog"), (860, 500)),
    "attendance": (attendance, (900, 520)),
    "stats": (shown_page("统计"), WINDOW),
    "hours-rules": (dialog("ui.hours.hours_settings_dialog", "HoursSettingsDialog"), None),
    "backups": (dialog("ui.shell.backup_settings_dialog", "BackupSettingsDialog"), (700, 260)),
    "teaching": (selected_page("师资"), WINDOW),
    "timetable": (period_tab("县管副职领导干部进修班", 1, 2), (1000, 600)),
    "funds": (period_tab("县管副职领导干部进修班", 1, 3), (1000, 640)),
    "evaluation": (period_tab("县管领导干部学习贯彻党的十九届四中全会精神专题班", 1, 5), (1000, 600)),
    "survey": (survey, (1000, 620)),
    "class-management": (period_tab("中青年干部培训班", 1, 4), (1000, 640)),
}


def make(office: Office, name: str) -> Path:
    opener, size = SHOTS[name]
    widget = opener(office)
    office.window.db_label.setText(OFFICE_DB)  # as on an office PC, not this script's temporary folder
    try:
        return save(widget, name, size)
    finally:
        if widget is not office.window:
            widget.close()
            settle(0.05)


def main(names: list[str]) -> int:
    unknown = [name for name in names if name not in SHOTS]
    if unknown:
        print("没有这些图片：" + "、".join(unknown) + "；可选：" + "、".join(SHOTS))
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    office = Office()
    failed = 0
    for name in names or SHOTS:
        try:
            path = make(office, name)
            print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} kB")
        except Exception as problem:  # one picture's failure must not stop the others
            failed += 1
            print(f"{name}: 未能生成（{type(problem).__name__}: {problem}）")
    office.close()
    return failed


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
