"""The class form shows the rules checked from the timetable beside their fields, with their source."""
from tests.ui.test_class_form import message, open_form
from ui.classes.class_dialog import HOURS


def test_a_period_with_a_timetable_is_checked_from_it(qtbot, demo_db):
    dialog = open_form(demo_db, "中青年干部培训班", qtbot)
    dialog.tabs.setCurrentIndex(HOURS)
    shown = message(dialog.fields, "party_spirit_hours")
    assert "⚠ 主体班党性教育课时50，占总课时288的17.4%，低于20%（按课程表计算）" in shown
    assert "1条规则提示" in dialog.summary.text() and not dialog.tabs.tabIcon(HOURS).isNull()
    assert dialog.hours.shares.text() == "第1期按课程表：共288学时，党性教育占 17.4%，领导干部讲课占 24.0%。"
    spin = dialog.fields.widget("party_spirit_hours")
    spin.selectAll()
    qtbot.keyClicks(spin, "100")  # the typed figure stands for no period: the warning stays
    assert message(dialog.fields, "party_spirit_hours") == shown
    total = dialog.fields.widget("total_hours")
    total.selectAll()
    qtbot.keyClicks(total, "300")
    assert "课程表合计288学时，比计划总课时300少12学时（按课程表计算）" in message(dialog.fields, "total_hours")
    assert "2条规则提示" in dialog.summary.text() and dialog.save_button.isEnabled()


def test_a_period_without_one_keeps_the_typed_check_and_names_it(qtbot, demo_db):
    dialog = open_form(demo_db, "科级干部培训班", qtbot)  # 第1期 has a timetable, 第2期 not yet
    assert message(dialog.fields, "party_spirit_hours") == ""
    assert dialog.hours.shares.text().startswith("尚无课程表的期次按填报数字：党性教育占总课时 21.4%")
    assert "第1期按课程表：共84学时，党性教育占 20.2%，领导干部讲课占 25.0%。" in dialog.hours.shares.text()
    spin = dialog.fields.widget("party_spirit_hours")
    spin.selectAll()
    qtbot.keyClicks(spin, "12")
    assert "主体班党性教育课时12，占总课时84的14.3%，低于20%（按填报数字，第2期尚无课程表）" in \
        message(dialog.fields, "party_spirit_hours")
