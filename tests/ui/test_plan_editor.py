"""The plan editor on the 计划 page, driven as a user drives it."""
import pytest
from PySide6.QtCore import Qt

from app.services import plans, rule_checks
from app.storage import tables
from tests.ui.conftest import type_text
from ui.classes.class_dialog import ClassDialog
from ui.classes.rule_settings import RuleSettingsDialog
from ui.shell.changes import Changed


@pytest.fixture
def page(window):
    return window.show_page("计划")


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def county(db):
    return next(p for p in plans.list_plans(db) if p.title == "2020年全县干部教育培训工作要点")


def outline_numbers(db, plan_id):
    return [(i.number, i.title) for i in plans.plan_outline(db, plan_id).items]


def test_edit_the_plan_fields_and_save(qtbot, page, window):
    editor = page.editor
    assert not page.buttons["save"].isEnabled()
    doc_number = editor.fields.widget("doc_number")
    doc_number.selectAll()
    qtbot.keyClick(doc_number, Qt.Key.Key_Delete)
    type_text(doc_number, "xx组发〔2020〕5号")
    assert page.buttons["save"].isEnabled() and page.buttons["revert"].isEnabled()
    click(qtbot, page.buttons["save"])
    assert county(window.session.db).doc_number == "xx组发〔2020〕5号"
    assert not page.buttons["save"].isEnabled()


def test_an_empty_title_is_refused_and_nothing_changes(qtbot, page, window, answers):
    title = page.editor.fields.widget("title")
    title.selectAll()
    qtbot.keyClick(title, Qt.Key.Key_Delete)
    box = page.editor.fields.bindings["title"].box
    assert "计划标题不能为空" in box.message.text() and not box.message.isHidden()
    click(qtbot, page.buttons["save"])
    assert "计划标题不能为空" in answers["errors"][0][1]
    assert county(window.session.db).title == "2020年全县干部教育培训工作要点"
    click(qtbot, page.buttons["revert"])
    assert title.text() == "2020年全县干部教育培训工作要点"


def test_work_points_are_added_moved_and_renumbered(qtbot, page, window):
    outline = page.editor.outline
    outline.select(0, 2)  # 3. 着力完善理论教育常态学习机制
    outline.add_item()
    type_text(outline.title, "加强理论学习考核。")
    type_text(outline.body, "每年组织一次理论测试。")
    assert outline.model.index(3, 0, outline.model.index(0, 0)).data() == "4. 加强理论学习考核。"  # typed over
    outline.move(1)  # past the last point of 一、: first point of 二、
    assert outline.model.position(outline.current()) == (1, 0)
    outline.select(5, None)
    outline.add_section()
    type_text(outline.title, "强化保障")
    outline.add_item()
    click(qtbot, page.buttons["save"])
    db = window.session.db
    found = outline_numbers(db, county(db).id)
    assert found[3] == (4, "加强理论学习考核。") and found[4] == (5, "扎实开展党性教育。")
    assert [n for n, _ in found] == list(range(1, 25)) and found[-1] == (24, "新要点。")
    sections = plans.plan_outline(db, county(db).id).sections
    assert sections[-1].section.title == "强化保障" and sections[-1].section.number == 7
    assert plans.plan_outline(db, county(db).id).sections[1].items[0].body == "每年组织一次理论测试。"


def test_deleting_a_point_its_classes_serve_asks_and_unlinks_them(qtbot, page, window, answers):
    outline = page.editor.outline
    outline.select(0, 0)
    answers["replies"] = [0]
    outline.remove()
    assert "有1个班次对应" in answers["asked"][0][1]
    click(qtbot, page.buttons["save"])
    db = window.session.db
    linked = tables.classes(db).where("name = '学习贯彻习近平新时代中国特色社会主义思想专题培训班'")[0]
    assert linked.plan_item_id is None and outline_numbers(db, county(db).id)[0][0] == 1
    assert len(outline_numbers(db, county(db).id)) == 21


def test_unsaved_changes_are_kept_or_dropped_when_switching_plans(qtbot, page, window, answers):
    type_text(page.editor.fields.widget("issuer"), "（改）")
    answers["replies"] = [2]  # 取消: stay
    page.table.selectRow(1)
    assert page.editor.plan.title == "2020年全县干部教育培训工作要点" and page.editor.dirty
    answers["replies"] = [1]  # 放弃修改
    page.table.selectRow(1)
    assert page.editor.plan.title == "2020年公务员培训计划" and not page.editor.dirty
    assert county(window.session.db).issuer == "中共xx县委组织部"


def test_new_copy_and_delete(qtbot, page, window, answers):
    db = window.session.db
    click(qtbot, page.buttons["copy"])  # 复制, asked first (tests/ui/test_confirmations.py)
    assert answers["asked"].pop(0)[0] == "复制到下一年"
    assert page.editor.plan.title == "2021年全县干部教育培训工作要点" and page.model.rowCount() == 3
    assert len(outline_numbers(db, page.editor.plan.id)) == 22 and "同一星期几" in answers["infos"][0][1]
    answers["replies"] = [0]  # 归档: a plan with classes cannot be deleted
    click(qtbot, page.buttons["delete"])
    assert answers["asked"][0][0] == "不能删除" and page.model.rowCount() == 2
    click(qtbot, page.buttons["new"])
    assert page.editor.plan.title == "2021年干部教育培训工作要点"
    new_id = page.editor.plan.id
    answers["replies"] = [0]  # 删除
    click(qtbot, page.buttons["delete"])
    assert "删除计划" == answers["asked"][1][0]
    assert new_id not in [p.id for p in plans.list_plans(db, include_archived=True)]


def test_plan_totals_warn_beside_the_field(qtbot, page):
    spin = page.editor.fields.widget("planned_periods")
    spin.selectAll()
    qtbot.keyClicks(spin, "20")
    box = page.editor.fields.bindings["planned_periods"].box
    assert "计划举办20期，各班次合计21期" in box.message.text()
    assert not page.editor.tabIcon(0).isNull()


def test_warnings_panel_lists_the_plan_and_opens_a_class(qtbot, page, window, monkeypatch):
    db = window.session.db
    panel = page.editor.warnings
    assert panel.model.rowCount() == 1 and page.editor.tabText(3) == "规则提示（1）"  # the demo's 中青年干部培训班
    monkeypatch.setattr(RuleSettingsDialog, "exec", lambda dialog: (dialog.spins["special_min_days"].setValue(4),
                                                                   dialog.accept(), dialog.result())[-1])
    announced = []
    window.session.changed.connect(announced.append)
    panel.edit_thresholds()
    assert rule_checks.thresholds(db).special_min_days == 4 and announced == [Changed.SETTINGS]
    assert page.editor.tabText(3) == f"规则提示（{panel.model.rowCount()}）" and panel.model.rowCount() == 3
    assert panel.model.index(0, 0).data() == "县管领导干部学习贯彻党的十九届四中全会精神专题班"
    opened = []
    monkeypatch.setattr(ClassDialog, "exec", lambda dialog: opened.append(dialog.draft.training_class.name) or 0)
    panel.table.doubleClicked.emit(panel.model.index(0, 2))
    assert opened == ["县管领导干部学习贯彻党的十九届四中全会精神专题班"]


def test_a_new_class_for_a_work_point(qtbot, page, window, monkeypatch):
    seen = {}

    def look(dialog):
        seen["item"] = dialog.fields.widget("plan_item_id").currentText()
        seen["plan"] = dialog.fields.widget("plan_id").currentText()
        return 0
    monkeypatch.setattr(ClassDialog, "exec", look)
    outline = page.editor.outline
    outline.select(2, 1)  # 7. 组织干部开展实岗锻炼
    assert outline.classes.text() == "（暂无班次对应此要点）"
    click(qtbot, outline.new_class_button)
    assert seen == {"item": "7. 组织干部开展实岗锻炼。", "plan": "2020年全县干部教育培训工作要点"}


def test_search_filters_the_work_points(qtbot, page):
    type_text(page.search, "实岗")
    proxy = page.editor.outline.proxy
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data() == "三、加强实践锻炼"
    assert page.editor.currentIndex() == 1


def test_plan_notice_prints_from_the_plan_page(qtbot, window, monkeypatch):
    from ui.documents import print_actions

    sent = []
    monkeypatch.setattr(print_actions, "print_document", lambda parent, session, request: sent.append(request))
    page = window.show_page("计划")
    page.table.selectRow(1)
    assert page.buttons["print"].isEnabled()
    page.buttons["print"].click()
    assert [(r.kind, r.plan_id) for r in sent] == [("plan-notice", page.editor.plan.id)]
