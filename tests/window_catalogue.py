"""Every top-level window and dialog of ui/, and how to open it on the demo office: the fit check
(tests/fit_check.py) and the screenshots (tools/make_screens.py) go through this table.

`top_level_classes()` finds every QDialog and QMainWindow subclass under ui/ (and every QWidget that makes
itself a window with Qt.WindowType.Window); tests/ui/test_window_fit.py fails when one has no entry here.
"""
from __future__ import annotations

import ast
import importlib
import inspect
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Context:
    """What the builders need: the session on a demo copy, the main window, a folder, a pump for events."""
    session: object
    main: object
    folder: Path
    wait: Callable[[Callable[[], bool]], None]

    def one(self, sql: str, params=()):
        return self.session.db.execute(sql, params).fetchone()[0]

    def busy_period(self) -> int:
        """The period with the most trainees: the fullest roster and attendance sheet."""
        return self.one("SELECT period_id FROM enrollments GROUP BY period_id ORDER BY count(*) DESC LIMIT 1")

    def person(self):
        from app.services import people

        return people.get_person(self.session.db, self.one("SELECT min(id) FROM people"))


@dataclass
class Entry:
    build: Callable[[Context], object]
    # (state, what to do to reach it): a tab, a page, a wizard step; each state is measured and shot
    states: tuple[tuple[str, Callable], ...] = (("", lambda widget, ctx: None),)
    has_list: bool | tuple[str, ...] = False  # its main list must show at least 8 rows (in these states)
    main_list: Callable | None = None  # that list (widget -> view); the largest one when None

    def list_to_check(self, widget, state: str):
        if not self.has_list or (isinstance(self.has_list, tuple) and state not in self.has_list):
            return None
        return (self.main_list(widget) if self.main_list else None) or "largest"


def tab(index: int, attribute: str = "tabs"):
    return lambda widget, ctx: getattr(widget, attribute).setCurrentIndex(index)


def tabs(count: int, attribute: str = "tabs", names: tuple[str, ...] = ()) -> tuple:
    return tuple((names[i] if i < len(names) else f"tab{i + 1}", tab(i, attribute)) for i in range(count))


def _main_window(ctx: Context):
    return ctx.main


def _page_list(window):
    """The page's own list (ListPage.table and the like) when it has one."""
    from PySide6.QtWidgets import QAbstractItemView

    view = getattr(window.stack.currentWidget(), "table", None)
    return view if isinstance(view, QAbstractItemView) and view.isVisible() else None


def _main_pages() -> tuple:
    """Each page, named by its folder (ui/plans/… -> "plans"), as the help topics are."""
    from ui.shell.main_window import PAGES

    def show(title):
        return lambda window, ctx: window.show_page(title)
    return tuple((module.split(".")[1], show(title)) for title, module, _ in PAGES)


def _roster(ctx: Context):
    from ui.roster.period_actions import open_period

    return open_period(ctx.main, ctx.session, ctx.busy_period())


def _session_dialog(ctx: Context):
    from app.domain.teaching_records import Session
    from app.services import roster
    from ui.timetable.session_dialog import SessionDialog

    period = roster.period_of(ctx.session.db, ctx.busy_period())
    return SessionDialog(ctx.main, ctx.session.db, period, Session(period.id, period.start_date, "下午"))


def _attendance(ctx: Context):
    from datetime import date

    from ui.roster.attendance_dialog import AttendanceDialog

    periods = ctx.session.db.execute("SELECT p.id, p.start_date, p.end_date, count(*) FROM periods p JOIN enrollments e"
                                     " ON e.period_id = p.id GROUP BY p.id, p.start_date, p.end_date").fetchall()
    longest = max(periods, key=lambda p: (date.fromisoformat(p[2]) - date.fromisoformat(p[1]), p[3]))[0]
    return AttendanceDialog(ctx.session, longest, ctx.main)


def _line(ctx: Context):
    from app.services import roster

    return roster.roster(ctx.session.db, ctx.busy_period())[0]


def _picker(ctx: Context):
    from ui.roster.trainee_dialogs import PersonPicker

    return PersonPicker(ctx.main, ctx.session.db, "县管副职领导干部进修班第1期（2020-03-09至2020-03-20）", year=2020)


def _replace(ctx: Context):
    from ui.roster.trainee_dialogs import ReplaceDialog

    return ReplaceDialog(ctx.main, ctx.session.db, _line(ctx))


def _trainee(ctx: Context):
    from ui.roster.trainee_dialogs import TraineeDialog

    return TraineeDialog(ctx.main, ctx.session.db, _line(ctx))


def _class(ctx: Context):
    from app.services import classes
    from ui.classes.class_dialog import ClassDialog

    class_id = ctx.one("SELECT class_id FROM periods GROUP BY class_id ORDER BY count(*) DESC, class_id LIMIT 1")
    return ClassDialog(ctx.session.db, classes.load_draft(ctx.session.db, class_id), ctx.main)


def _rules(ctx: Context):
    from app.services import rule_checks
    from ui.classes.rule_settings import RuleSettingsDialog

    return RuleSettingsDialog(rule_checks.thresholds(ctx.session.db), ctx.main)


def _unit(ctx: Context):
    from app.services import units
    from ui.units.units_page import UnitDialog

    return UnitDialog(ctx.main, ctx.session.db, units.list_units(ctx.session.db)[0])


def _person(ctx: Context):
    from ui.people.person_dialog import PersonDialog

    return PersonDialog(ctx.main, ctx.session.db, ctx.person())


def _hours_record(ctx: Context):
    from ui.people.hours_record_dialog import HoursRecordDialog

    return HoursRecordDialog(ctx.main, ctx.session.db, ctx.person(), 2020)


def _hours_options(ctx: Context):
    from ui.hours.hours_import_dialogs import HoursImportOptionsDialog

    return HoursImportOptionsDialog(ctx.main, "中国干部网络学院2020年度学时统计表（第四季度）.xlsx")


def _hours_result(ctx: Context):
    from datetime import date

    from app.services.hours.importer import HoursImportOptions, import_hours
    from tests.hours_files import write_xlsx
    from ui.hours.hours_import_dialogs import HoursImportResultDialog

    person = ctx.person()
    rows = [[i + 1, person.name if i % 3 else "查无此人", person.id_number if i % 3 else f"11010119900101{i:03d}X",
             4 + i, date(2020, 6, 1 + i), "中国干部网络学院", f"课程{i}"] for i in range(12)]
    path = write_xlsx(ctx.folder / "学时.xlsx", rows)
    result = import_hours(ctx.session.db, path, HoursImportOptions(), dry_run=True)
    return HoursImportResultDialog(ctx.main, result)


def _unit_class_import(ctx: Context):
    """A unit's sheet of its own class, previewed: matched, new and refused rows."""
    from tests.unit_class_files import trainee_rows, write_xlsx
    from ui.classes.unit_class_import import UnitClassImportDialog

    unit = ctx.one("SELECT id FROM units WHERE name = '县财政局'")
    found = ctx.session.db.execute("SELECT name, id_number FROM people WHERE unit_id = ? LIMIT 12", [unit]).fetchall()
    rows = trainee_rows([tuple(person) for person in found] + [("查无此号", "110101199003071234")])
    dialog = UnitClassImportDialog(ctx.main, ctx.session, write_xlsx(ctx.folder / "县财政局政府采购业务培训班.xlsx", rows))
    dialog.unit.setCurrentIndex(dialog.unit.findData(unit))
    ctx.wait(lambda: dialog.result is not None)
    return dialog


def _timetable_import(ctx: Context):
    """A host's timetable over a period that has one (the banner), with refused and skipped rows."""
    from datetime import date, timedelta

    from app.domain.status import PeriodStatus
    from app.services.teaching import timetable
    from app.services.teaching.timetable_import import pipeline
    from app.storage import tables
    from tests.timetable_files import pool, week, write_xlsx
    from ui.timetable.import_dialog import TimetableImportDialog

    db = ctx.session.db
    period = next(p for p in tables.periods(db).all() if not PeriodStatus.is_closed(p.status) and p.days >= 5)
    first = date.fromisoformat(period.start_date)
    pool(db)
    rows = week(first) + [[first + timedelta(days=n), "上午", f"{topic}（第{n}讲）", "", "", "", "", "", ""]
                          for n, topic in enumerate(["深入学习贯彻习近平新时代中国特色社会主义思想", "基层治理现代化"], 3)]
    rows.append([first + timedelta(days=40), "下午", "期外的现场教学", "", "", "", "", "", ""])
    rows.append([first, "第三节", "时间读不出的课", "", "", "", "", "", ""])
    if not timetable.has_timetable(db, period.id):
        pipeline.commit(db, pipeline.analyse(db, write_xlsx(ctx.folder / "旧课程表.xlsx", week(first)), period.id))
    found = pipeline.analyse(db, write_xlsx(ctx.folder / "县委党校发来的课程表（第二版）.xlsx", rows), period.id)
    return TimetableImportDialog(ctx.main, ctx.session, found, pipeline.planned(db, found))


def _server_dialog(ctx: Context):
    from ui.shell.server_dialog import ServerDialog

    return ServerDialog(ctx.main, "postgresql://张三@192.168.1.20:5432/traindesk")


def _shell_dialog(name: str, with_db: bool = False):
    def build(ctx: Context):
        module, cls = name.rsplit(".", 1)
        dialog_class = getattr(importlib.import_module(module), cls)
        return dialog_class(ctx.session.db if with_db else ctx.session, ctx.main)
    return build


def _wizard(ctx: Context):
    from tests.roster_files import good_rows, write_xlsx
    from ui.importing.launch import open_import_wizard
    from ui.importing.steps import FILE

    path = write_xlsx(ctx.folder / "县委办公室 报送 2020年县管副职领导干部进修班 学员名单.xlsx", good_rows(12))
    wizard = open_import_wizard(ctx.main, ctx.session, ctx.busy_period())
    wizard.page(FILE).path.setText(str(path))
    return wizard


def _wizard_step(page_id: int):
    def go(wizard, ctx: Context):
        while wizard.currentId() != page_id:
            before = wizard.currentId()
            wizard.next()
            ctx.wait(lambda left=before: wizard.currentId() != left)
    return go


def _wizard_states() -> tuple:
    from ui.importing.steps import COLUMNS, FILE, PREVIEW

    return (("file", _wizard_step(FILE)), ("columns", _wizard_step(COLUMNS)), ("preview", _wizard_step(PREVIEW)))


def _print_dialog(ctx: Context):
    from ui.documents.print_actions import print_admission_letters

    dialog = print_admission_letters(ctx.main, ctx.session, ctx.busy_period())
    ctx.wait(lambda: dialog.shown is not None)
    return dialog


def _welcome(ctx: Context):
    from ui.help.welcome import WelcomeDialog

    return WelcomeDialog(ctx.main, demo=True)


def _manual(ctx: Context):
    from ui.shell.help import manual_window, open_help

    open_help(ctx.main, "import")
    return manual_window()


def _picture(ctx: Context):
    return _manual(ctx).show_picture("images/roster.png")


def _lecturer(ctx: Context):
    from app.domain.teaching_records import Lecturer
    from ui.teaching.pool_dialogs import LecturerDialog

    return LecturerDialog(ctx.main, ctx.session.db, Lecturer(name="王教授", title="领导干部", kind="领导干部",
                                                            leader_level="正处级", phone="13812345678"))


def _base(ctx: Context):
    from app.domain.teaching_records import TeachingBase
    from ui.teaching.pool_dialogs import BaseDialog

    return BaseDialog(ctx.main, ctx.session.db, TeachingBase(name="长征精神党性教育基地", kind="党性教育基地"))


def _word_variants(ctx: Context):
    from ui.importing.word_variants_dialog import WordVariantsDialog

    return WordVariantsDialog(ctx.session, ctx.main)


def _makeup(ctx: Context):
    from ui.makeup.launch import open_makeup

    return open_makeup(ctx.main, ctx.session)


def _makeup_item(ctx: Context):
    from app.services.makeup import items

    return next(f for f in items.items(ctx.session.db) if f.state == items.DUE)


def _link(ctx: Context):
    from ui.makeup.choices import LinkDialog

    return LinkDialog(ctx.main, ctx.session.db, _makeup_item(ctx))


def _waive(ctx: Context):
    from ui.makeup.choices import WaiveDialog

    return WaiveDialog(ctx.main, _makeup_item(ctx))
def _over_standard_period(ctx: Context) -> int:
    """The demo period whose spending exceeds the standard (its warning shows)."""
    return ctx.one("""SELECT pe.id FROM periods pe JOIN training_classes c ON c.id = pe.class_id
                      WHERE c.name = '县管副职领导干部进修班' AND pe.number = 1""")


def _expense(ctx: Context):
    from app.domain.models import Expense
    from ui.funds.expense_dialog import ExpenseDialog

    return ExpenseDialog(ctx.main, ctx.session.db, Expense(_over_standard_period(ctx), "住宿费", 12000.5,
                                                           "2020-03-05", "县委党校", "记-2020-001", "学员住宿"))


def _class_period(ctx: Context) -> int:
    """A period of the demo with its 班委, groups, staff and 考核 (app/services/demo_class_management.py)."""
    return ctx.one("SELECT period_id FROM enrollments WHERE completion_reason <> '' ORDER BY id LIMIT 1")


def _staff(ctx: Context):
    from app.domain.quality_records import PeriodStaff
    from ui.class_management.staff_dialogs import StaffDialog

    return StaffDialog(ctx.main, ctx.session.db, PeriodStaff(_class_period(ctx), "刘明远", "班主任", "023-77221234",
                                                           notes="全程跟班"))


def _check(ctx: Context):
    from app.domain.quality_records import DisciplineCheck
    from app.services.roster import period_of
    from ui.class_management.staff_dialogs import CheckDialog

    period = period_of(ctx.session.db, _class_period(ctx))
    check = DisciplineCheck(period.id, period.start_date, "县委组织部干部教育科", "学员按时到课，课堂纪律良好。" * 4)
    return CheckDialog(ctx.main, ctx.session.db, check, period.start_date, period.end_date)


def _class_lines(ctx: Context):
    from app.services.class_management import committee

    return committee.trainees(ctx.session.db, _class_period(ctx))


def _assessment(ctx: Context):
    from ui.class_management.trainee_dialogs import AssessmentDialog

    failed = [line for line in _class_lines(ctx) if line.completion_reason]
    return AssessmentDialog(ctx.main, ctx.session.db, (failed or _class_lines(ctx))[0])


def _group(ctx: Context):
    from ui.class_management.trainee_dialogs import GroupDialog

    return GroupDialog(ctx.main, ctx.session.db, _class_period(ctx), _class_lines(ctx)[:12])


def _rules(ctx: Context):
    from ui.class_management.trainee_dialogs import RulesDialog

    return RulesDialog(ctx.main, ctx.session.db)


def _budget_line(ctx: Context):
    from app.services.funds import budget
    from ui.funds.budget_dialog import BudgetLineDialog

    period = _over_standard_period(ctx)
    return BudgetLineDialog(ctx.main, ctx.session.db, period, budget.period_budget(ctx.session.db, period).items[0])


def _fee(ctx: Context):
    from ui.funds.fee_dialog import FeeDialog

    period = ctx.one("""SELECT pe.id FROM periods pe JOIN training_classes c ON c.id = pe.class_id
                        WHERE c.fee > 0 ORDER BY pe.start_date LIMIT 1""")
    ids = [row[0] for row in ctx.session.db.execute("SELECT id FROM enrollments WHERE period_id = ? LIMIT 3", [period])]
    return FeeDialog(ctx.main, ctx.session.db, period, ids)


def _expense_import(ctx: Context):
    from app.services.funds.expense_import import analyse
    from tests.funds_files import bad_rows, good_rows, write_xlsx
    from ui.funds.expense_import_dialog import ExpenseImportDialog

    path = write_xlsx(ctx.folder / "县委党校结算单（2020年3月）.xlsx", good_rows() * 3 + bad_rows())
    return ExpenseImportDialog(ctx.main, ctx.session, analyse(ctx.session.db, path, _over_standard_period(ctx)))


def _funds_year(ctx: Context):
    from ui.funds.year_dialog import FundsYearDialog

    return FundsYearDialog(ctx.session, ctx.main, 2020)


def _evaluated_period(ctx: Context) -> int:
    """The demo's period below its evaluation threshold."""
    from app.services.evaluation import results

    return results.year_results(ctx.session.db, 2020).below[0].period_id


def _evaluation_templates(ctx: Context):
    from ui.evaluation.template_dialog import TemplateDialog

    return TemplateDialog(ctx.main, ctx.session)


def _evaluation_import(ctx: Context):
    from app.services.evaluation import forms, importer, workbook
    from tests.evaluation_files import fill_form

    db, period = ctx.session.db, _evaluated_period(ctx)
    from ui.evaluation.import_dialog import EvaluationImportDialog

    template = workbook.write_template(db, period, ctx.folder / "评估问卷.xlsx")
    files = [fill_form(template, ctx.folder / f"学员{n}的评估问卷（第{n}份）.xlsx",
                       lambda key, text, n=n: "满意" if n % 4 else "6") for n in range(1, 13)]
    assert forms.period_form(db, period, issue=False).issued
    return EvaluationImportDialog(ctx.main, ctx.session, importer.analyse(db, period, files))


def _evaluation_year(ctx: Context):
    from ui.evaluation.year_dialog import EvaluationYearDialog

    return EvaluationYearDialog(ctx.session, ctx.main, 2020)


def _survey(ctx: Context):
    from ui.survey.launch import open_survey

    return open_survey(ctx.main, ctx.session, 2021)


def _survey_import(ctx: Context):
    from app.services.survey.importer import analyse
    from tests.survey_files import blank_form, fill
    from ui.survey.import_dialog import SurveyImportDialog

    blank = blank_form(ctx.session.db, 2021, ctx.folder / "2021年需求调研表.xlsx")
    files = [fill(blank, ctx.folder / f"{unit}需求调研表.xlsx", unit,
                  {"领导干部政德教育": {"people": {"党政领导干部": 3}, "months": ("3月", "9月")}})
             for unit in ("县委宣传部", "县委统战部", "县委宣传部", "县委编办")]
    files.append(fill(blank, ctx.folder / "某某局需求调研表.xlsx", "某某局", {}))
    return SurveyImportDialog(ctx.main, ctx.session, analyse(ctx.session.db, 2021, files))


def catalogue() -> dict[str, Entry]:
    """Keyed by "module.Class"; imported lazily so that the table itself needs no Qt."""
    return {
        "ui.shell.main_window.MainWindow": Entry(_main_window, _main_pages(), has_list=True,
                                                   main_list=_page_list),
        "ui.roster.roster_window.RosterWindow": Entry(_roster, tabs(6, names=("roster", "quotas", "timetable", "funds",
                                                                             "class", "evaluation")),
                                                        has_list=("roster", "quotas")),  # a day's row is tall
        "ui.timetable.session_dialog.SessionDialog": Entry(_session_dialog),
        "ui.makeup.makeup_window.MakeupWindow": Entry(_makeup, has_list=True),
        "ui.makeup.choices.LinkDialog": Entry(_link),
        "ui.makeup.choices.WaiveDialog": Entry(_waive),
        "ui.roster.attendance_dialog.AttendanceDialog": Entry(_attendance, has_list=True),
        "ui.roster.trainee_dialogs.PersonPicker": Entry(_picker, tabs(2, names=("search", "behind")), has_list=True),
        "ui.roster.trainee_dialogs.ReplaceDialog": Entry(_replace, has_list=True),
        "ui.roster.trainee_dialogs.TraineeDialog": Entry(_trainee),
        "ui.classes.class_dialog.ClassDialog": Entry(_class, tabs(4, names=("basic", "periods", "hours", "contacts"))),
        "ui.classes.rule_settings.RuleSettingsDialog": Entry(_rules),
        "ui.units.units_page.UnitDialog": Entry(_unit),
        "ui.people.person_dialog.PersonDialog": Entry(_person),
        "ui.people.hours_record_dialog.HoursRecordDialog": Entry(_hours_record),
        "ui.hours.hours_import_dialogs.HoursImportOptionsDialog": Entry(_hours_options),
        "ui.hours.hours_import_dialogs.HoursImportResultDialog": Entry(_hours_result, has_list=True),
        "ui.classes.unit_class_import.UnitClassImportDialog": Entry(_unit_class_import, has_list=True),
        "ui.timetable.import_dialog.TimetableImportDialog": Entry(_timetable_import,
                                                                  tabs(2, names=("sessions", "left_out")),
                                                                  has_list=("sessions",)),
        "ui.hours.hours_settings_dialog.HoursSettingsDialog": Entry(
            _shell_dialog("ui.hours.hours_settings_dialog.HoursSettingsDialog")),
        "ui.shell.backup_settings_dialog.BackupSettingsDialog": Entry(
            _shell_dialog("ui.shell.backup_settings_dialog.BackupSettingsDialog")),
        "ui.shell.restore_dialog.RestoreDialog": Entry(_shell_dialog("ui.shell.restore_dialog.RestoreDialog")),
        "ui.shell.server_dialog.ServerDialog": Entry(_server_dialog),
        "ui.shell.audit_dialog.AuditDialog": Entry(
            _shell_dialog("ui.shell.audit_dialog.AuditDialog", with_db=True), has_list=True),
        "ui.importing.word_variants_dialog.WordVariantsDialog": Entry(_word_variants, has_list=True),
        "ui.teaching.pool_dialogs.LecturerDialog": Entry(_lecturer),
        "ui.teaching.pool_dialogs.BaseDialog": Entry(_base),
        "ui.teaching.fee_settings.FeeSettingsDialog": Entry(
            _shell_dialog("ui.teaching.fee_settings.FeeSettingsDialog", with_db=True)),
        "ui.funds.fund_settings.FundSettingsDialog": Entry(
            _shell_dialog("ui.funds.fund_settings.FundSettingsDialog", with_db=True)),
        "ui.funds.expense_dialog.ExpenseDialog": Entry(_expense),
        "ui.class_management.staff_dialogs.StaffDialog": Entry(_staff),
        "ui.class_management.staff_dialogs.CheckDialog": Entry(_check),
        "ui.class_management.trainee_dialogs.AssessmentDialog": Entry(_assessment),
        "ui.class_management.trainee_dialogs.GroupDialog": Entry(_group),
        "ui.class_management.trainee_dialogs.RulesDialog": Entry(_rules),
        "ui.funds.budget_dialog.BudgetLineDialog": Entry(_budget_line),
        "ui.funds.fee_dialog.FeeDialog": Entry(_fee),
        "ui.funds.expense_import_dialog.ExpenseImportDialog": Entry(_expense_import, has_list=True),
        "ui.funds.year_dialog.FundsYearDialog": Entry(_funds_year, tabs(3, names=("classes", "plans", "warnings")),
                                                      has_list=("classes",)),
        "ui.evaluation.template_dialog.TemplateDialog": Entry(_evaluation_templates, has_list=True),
        "ui.evaluation.import_dialog.EvaluationImportDialog": Entry(_evaluation_import, has_list=True),
        "ui.evaluation.year_dialog.EvaluationYearDialog": Entry(_evaluation_year, tabs(2, names=("periods", "classes")),
                                                                has_list=("periods",)),
        "ui.survey.survey_window.SurveyWindow": Entry(_survey, tabs(3, names=("topics", "returns", "tally")),
                                                      has_list=True),
        "ui.survey.import_dialog.SurveyImportDialog": Entry(_survey_import, has_list=True),
        "ui.documents.print_dialog.PrintDialog": Entry(_print_dialog),
        "ui.help.welcome.WelcomeDialog": Entry(_welcome),
        "ui.help.manual_window.ManualWindow": Entry(_manual),
        "ui.help.picture_window.PictureWindow": Entry(_picture),
        "ui.importing.wizard.ImportWizard": Entry(_wizard, _wizard_states(), has_list=("preview",)),
        "ui.documents.document_settings.DocumentSettingsDialog": Entry(
            _shell_dialog("ui.documents.document_settings.DocumentSettingsDialog"),
            tabs(4, names=("templates", "letterhead", "fonts", "heads"))),
    }


def _makes_itself_a_window(source: str) -> set[str]:
    """Classes whose own code passes Qt.WindowType.Window: QWidgets that open as windows."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef) and "WindowType.Window" in ast.unparse(node).replace("WindowType.Windows", ""):
            names.add(node.name)
    return names


def top_level_classes() -> set[str]:
    """Every window class under ui/ ("module.Class"), found by importing each module."""
    from PySide6.QtWidgets import QDialog, QMainWindow

    found = set()
    for path in sorted((ROOT / "ui").rglob("*.py")):
        module_name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        if module_name.endswith("__main__"):
            continue
        module = importlib.import_module(module_name)
        windows = _makes_itself_a_window(path.read_text(encoding="utf-8"))
        for name, value in vars(module).items():
            if inspect.isclass(value) and value.__module__ == module_name and not name.startswith("_") and (
                    issubclass(value, (QDialog, QMainWindow)) or name in windows):  # _Name: a base, never opened
                found.add(f"{module_name}.{name}")
    return found
